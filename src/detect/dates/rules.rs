//! The date rule table: each rule is a pattern with named groups, worked examples and a build
//! function that reads the match into a TIMEX3 type and a possibly underspecified value (`Spec`).
//!
//! Owns what counts as a temporal expression and how far its extent reaches. It does not pick between
//! overlapping matches or resolve values against the reference date (see `mod.rs` and `resolve.rs`).
//! Placeholders such as `{month}` expand from the lists in `lexicon::time_words`.

use std::cell::Cell;

use super::ends_with_ignore_case;
use super::matcher::Captures;
use super::resolve::{Spec, Unit};
use crate::annotations::TimexType;
use crate::lexicon::time_words::{
    alternation, cardinal_value, date_neighbour, month_number, ordinal_value, time_word,
    weekday_number, DateNeighbour,
};
use crate::span::Span;

/// One date rule.
pub struct DateRule {
    /// Unique kebab-case name, shown in debug output.
    pub name: &'static str,
    /// Regex with named groups and `{list}` placeholders. A group named `t`, when present, is the
    /// extent; the rest of the match is context.
    pub pattern: &'static str,
    /// What every match contains: literal text, `{digit}` (any ASCII digit) or a `{list}` of time
    /// words. Words are compared ASCII case-insensitively, except the lists matched as written
    /// ([`is_case_sensitive_list`]), and count only where no letter comes right before them (the
    /// patterns start their words at `\b`). A paragraph holding none of them skips the rule; this
    /// gate only saves time and never changes what matches.
    pub needs: &'static [&'static str],
    /// What every match contains as well, in the same terms, or nothing: the rule is searched
    /// only where one of these occurs within its longest match of one of `needs` (a month name
    /// with a digit near it, say). As `needs`, it only saves time.
    pub also_needs: &'static [&'static str],
    /// Worked examples: text and the value expected against the reference date 2025-08-19 (a Tuesday).
    pub examples: &'static [(&'static str, &'static str)],
    /// Reads a match; `None` rejects it (a weak reading the context does not support).
    pub build: fn(&Captures, &Context) -> Option<(TimexType, Spec)>,
}

/// Where a match sits, for rules that judge their context.
pub struct Context<'t> {
    /// The whole text.
    pub text: &'t str,
    /// The extent of the match.
    pub span: Span,
    /// The paragraph holding it.
    pub paragraph: Span,
    /// Bytes a builder drops from the start of the extent ("the" before an adjective such as
    /// "the 14-day period").
    pub start_shift: Cell<usize>,
}

impl<'t> Context<'t> {
    /// A context for `span` inside `paragraph`.
    pub fn new(text: &'t str, span: Span, paragraph: Span) -> Context<'t> {
        Context {
            text,
            span,
            paragraph,
            start_shift: Cell::new(0),
        }
    }

    /// Drops a leading "the " from the extent when the match starts with it.
    fn drop_leading_the(&self) {
        let s = self.span.text(self.text);
        if s.len() > 4 && s[..4].eq_ignore_ascii_case("the ") {
            self.start_shift.set(4);
        }
    }

    /// Up to `n` words before the match in the same paragraph, nearest last, with punctuation kept
    /// on the tokens (looks back at most 120 bytes).
    pub fn words_before(&self, n: usize) -> Vec<&'t str> {
        let mut words: Vec<&str> = self.before().split_whitespace().rev().take(n).collect();
        words.reverse();
        words
    }

    /// Up to `n` words after the match in the same paragraph (looks ahead at most 120 bytes).
    pub fn words_after(&self, n: usize) -> Vec<&'t str> {
        self.after().split_whitespace().take(n).collect()
    }

    /// The text [`Context::words_before`] reads: up to 120 bytes before the match in its paragraph.
    fn before(&self) -> &'t str {
        let from = self.text.ceil_char_boundary(
            self.span
                .start
                .saturating_sub(120)
                .max(self.paragraph.start),
        );
        &self.text[from..self.span.start]
    }

    /// The text [`Context::words_after`] reads: up to 120 bytes after the match in its paragraph.
    fn after(&self) -> &'t str {
        let to = self
            .text
            .floor_char_boundary((self.span.end + 120).min(self.paragraph.end));
        &self.text[self.span.end..to]
    }

    /// The word right before the match, without surrounding punctuation, when nothing but space
    /// separates them.
    pub fn prev_word(&self) -> Option<&'t str> {
        let w = self.before().split_whitespace().next_back()?;
        let adjacent = self.text[..self.span.start].trim_end().ends_with(w);
        let trimmed = w.trim_start_matches(|c: char| !c.is_alphanumeric());
        (adjacent && trimmed.ends_with(|c: char| c.is_alphanumeric())).then_some(trimmed)
    }

    /// The word right after the match, when only space separates them.
    pub fn next_word(&self) -> Option<&'t str> {
        let w = self.after().split_whitespace().next()?;
        w.starts_with(|c: char| c.is_alphanumeric())
            .then(|| w.trim_end_matches(|c: char| !c.is_alphanumeric()))
    }

    /// The character right before the match.
    pub fn prev_char(&self) -> Option<char> {
        self.text[..self.span.start].chars().next_back()
    }

    /// The character right after the match.
    pub fn next_char(&self) -> Option<char> {
        self.text[self.span.end..].chars().next()
    }

    /// True when the match starts a sentence (paragraph start or after `.`, `!`, `?`, `:` or a quote).
    pub fn sentence_initial(&self) -> bool {
        let before = self.text[self.paragraph.start..self.span.start].trim_end();
        before.is_empty()
            || before.ends_with(['.', '!', '?', ':', '"', '\u{201C}', '(', '-', '\u{2014}'])
    }
}

fn get<'c>(caps: &'c Captures, name: &str) -> Option<&'c str> {
    caps.name(name).map(|m| m.as_str())
}

/// The whole match: what the frequent one-word rules (`year`, `month`, `bare-units`) read, whose
/// patterns have no group so that the matcher need not read groups at all.
fn whole<'c>(caps: &'c Captures) -> Option<&'c str> {
    caps.get(0).map(|m| m.as_str())
}

fn date(ty: TimexType, spec: Spec) -> Option<(TimexType, Spec)> {
    Some((ty, spec))
}

/// A TIME: `day` at `time` (`T15:00`, `TMO`).
fn at_time(day: Spec, time: String) -> Option<(TimexType, Spec)> {
    date(
        TimexType::Time,
        Spec::WithTime {
            day: Box::new(day),
            time,
        },
    )
}

fn value(ty: TimexType, v: impl Into<String>) -> Option<(TimexType, Spec)> {
    Some((ty, Spec::Value(v.into())))
}

fn parse_year(s: &str) -> Option<i32> {
    let digits = s.trim_start_matches('\'');
    let y: i32 = digits.parse().ok()?;
    Some(if digits.len() == 2 {
        if y < 30 {
            2000 + y
        } else {
            1900 + y
        }
    } else {
        y
    })
}

fn valid_day(month: u32, day: u32) -> bool {
    (1..=12).contains(&month) && (1..=crate::calendar::days_in_month(2000, month)).contains(&day)
}

/// -1, 0 or +1 for words like "last", "this", "next".
fn offset_word(word: &str) -> i64 {
    match word.to_ascii_lowercase().as_str() {
        w if w.contains("last")
            || w.contains("past")
            || w.contains("previous")
            || w.contains("preceding")
            || w.contains("latest")
            || w.contains("prior")
            || w.contains("recent") =>
        {
            -1
        }
        w if w.contains("next") || w.contains("coming") || w.contains("following") => 1,
        _ => 0,
    }
}

fn unit_of(word: &str) -> Option<Unit> {
    Some(match time_word(word)?.1 {
        "D" => Unit::Day,
        "Q" => Unit::Quarter,
        "W" | "F" => Unit::Week,
        "WE" => Unit::Weekend,
        "M" => Unit::Month,
        "Y" => Unit::Year,
        "DE" => Unit::Decade,
        "CE" => Unit::Century,
        _ => return None,
    })
}

fn quarter_of(word: &str) -> Option<u32> {
    ordinal_value(word).filter(|q| (1..=4).contains(q))
}

/// `P3Y`, `PT2H`, `PXM`: a duration of `n` (None: unknown) units named by `unit`.
fn duration_value(n: Option<f64>, unit: &str) -> Option<String> {
    let code = time_word(unit)?.1;
    let (time, code, factor) = match code {
        "S" => (true, "S", 1.0),
        "MI" => (true, "M", 1.0),
        "H" => (true, "H", 1.0),
        "D" => (false, "D", 1.0),
        "W" => (false, "W", 1.0),
        "F" => (false, "W", 2.0),
        "WE" => (false, "WE", 1.0),
        "M" => (false, "M", 1.0),
        "Q" => (false, "M", 3.0),
        "Y" => (false, "Y", 1.0),
        "DE" => (false, "Y", 10.0),
        "CE" => (false, "Y", 100.0),
        _ => return None,
    };
    let t = if time { "T" } else { "" };
    let amount = match n {
        None if factor > 1.0 => return Some(format!("P{t}X{code}")),
        None => "X".to_string(),
        Some(n) if time && code == "H" && (n * 2.0).fract() == 0.0 && n.fract() != 0.0 => {
            return Some(format!("PT{}H30M", n.trunc() as u64));
        }
        Some(n) => {
            let v = n * factor;
            if v.fract() == 0.0 {
                format!("{}", v as u64)
            } else {
                format!("{v}")
            }
        }
    };
    Some(format!("P{t}{amount}{code}"))
}

/// The amount a number phrase gives; `None` inside `Some` for vague amounts ("several", "a few").
fn amount(phrase: &str) -> Option<Option<f64>> {
    let lower = phrase.trim().to_ascii_lowercase();
    match lower.as_str() {
        "a few" | "few" | "several" | "many" | "some" | "a number of" | "numerous" => Some(None),
        _ => {
            if let Some((whole, frac)) = lower.split_once(' ').filter(|(_, f)| f.contains('/')) {
                let (a, b) = frac.split_once('/')?;
                let w = f64::from(cardinal_value(whole)?);
                return Some(Some(w + a.parse::<f64>().ok()? / b.parse::<f64>().ok()?));
            }
            if let Ok(v) = lower.parse::<f64>() {
                return Some(Some(v));
            }
            cardinal_value(&lower).map(|v| Some(f64::from(v)))
        }
    }
}

/// True for a word that leads into a date (`in`, `since`, `mid-`; any case).
fn is_preposition(word: &str) -> bool {
    ends_with_ignore_case(word, "mid-") || date_neighbour(word) == Some(DateNeighbour::Lead)
}

fn capitalized(word: &str) -> bool {
    word.chars().next().is_some_and(char::is_uppercase)
}

// ------------------------------------------------------------------------------------- builders

fn iso_date(c: &Captures, _: &Context) -> Option<(TimexType, Spec)> {
    let (year, month, day) = (
        get(c, "year")?.parse().ok()?,
        get(c, "month")?.parse().ok()?,
        get(c, "day")?.parse().ok()?,
    );
    valid_day(month, day).then_some(())?;
    let spec = Spec::Date {
        year: Some(year),
        month,
        day,
    };
    match (get(c, "hour"), get(c, "min")) {
        (Some(h), Some(m)) => at_time(spec, format!("T{h}:{m}")),
        _ => date(TimexType::Date, spec),
    }
}

fn slash_date(c: &Captures, _: &Context) -> Option<(TimexType, Spec)> {
    let a: u32 = get(c, "a")?.parse().ok()?;
    let b: u32 = get(c, "b")?.parse().ok()?;
    let year = parse_year(get(c, "year")?)?;
    let (month, day) = if a > 12 { (b, a) } else { (a, b) };
    valid_day(month, day).then_some(())?;
    date(
        TimexType::Date,
        Spec::Date {
            year: Some(year),
            month,
            day,
        },
    )
}

fn month_day(c: &Captures, ctx: &Context) -> Option<(TimexType, Spec)> {
    let month = month_number(get(c, "month")?)?;
    let day = match get(c, "day") {
        Some(d) => d.parse().ok()?,
        None => ordinal_value(get(c, "dayword")?)?,
    };
    valid_day(month, day).then_some(())?;
    let year = get(c, "year").and_then(parse_year);
    // "May 5" needs a year, a weekday or a date-like neighbour; "may" the modal is lower case anyway.
    if year.is_none() {
        if let Some(next) = ctx.next_word() {
            let lower = next.to_ascii_lowercase();
            if matches!(
                lower.as_str(),
                "percent" | "people" | "points" | "votes" | "million" | "billion" | "times"
            ) {
                return None;
            }
        }
        if ctx.next_char() == Some('%') {
            return None;
        }
    }
    date(TimexType::Date, Spec::Date { year, month, day })
}

fn month_year(c: &Captures, _: &Context) -> Option<(TimexType, Spec)> {
    let month = month_number(get(c, "month")?)?;
    let year = parse_year(get(c, "year")?)?;
    date(
        TimexType::Date,
        Spec::Month {
            year: Some(year),
            month,
        },
    )
}

fn month_relative_year(c: &Captures, _: &Context) -> Option<(TimexType, Spec)> {
    let month = month_number(get(c, "month")?)?;
    let year_offset = offset_word(get(c, "rel")?);
    date(TimexType::Date, Spec::MonthInYear { month, year_offset })
}

fn relative_month(c: &Captures, _: &Context) -> Option<(TimexType, Spec)> {
    let month = month_number(get(c, "month")?)?;
    let offset = offset_word(get(c, "rel")?);
    date(TimexType::Date, Spec::MonthRelative { month, offset })
}

fn month_alone(c: &Captures, ctx: &Context) -> Option<(TimexType, Spec)> {
    let word = whole(c)?;
    let month = month_number(word)?;
    let prev = ctx.prev_word();
    let after_preposition = prev.is_some_and(is_preposition)
        || ctx.text[..ctx.span.start].ends_with("mid-")
        || prev.is_some_and(|p| month_number(p).is_some());
    let next = ctx.next_word();
    let next_capitalized = next.is_some_and(capitalized) && ctx.next_char() == Some(' ');
    let prev_capitalized = prev.is_some_and(capitalized) && !ctx.sentence_initial();
    if next_capitalized || (prev_capitalized && !after_preposition) {
        return None;
    }
    let strong = word != "May" && word != "March" && !ctx.sentence_initial();
    if !(after_preposition || strong) {
        return None;
    }
    // "May" and "March" need a preposition right before and no verb-like follower.
    if (word == "May" || word == "March")
        && next.is_some_and(|n| n.chars().all(|ch| ch.is_ascii_lowercase()))
        && !next.is_some_and(|n| {
            matches!(
                n,
                "and"
                    | "or"
                    | "to"
                    | "through"
                    | "when"
                    | "after"
                    | "before"
                    | "as"
                    | "of"
                    | "last"
                    | "this"
                    | "next"
                    | "for"
                    | "in"
                    | "at"
                    | "until"
                    | "with"
            )
        })
        && ctx.next_char() == Some(' ')
    {
        return None;
    }
    date(TimexType::Date, Spec::Month { year: None, month })
}

fn weekday(c: &Captures, _: &Context) -> Option<(TimexType, Spec)> {
    let w = weekday_number(get(c, "weekday")?)?;
    let spec = match get(c, "rel") {
        Some(rel) => Spec::WeekdayRelative {
            weekday: w,
            offset: offset_word(rel),
        },
        None => Spec::Weekday(w),
    };
    with_part(spec, get(c, "part"))
}

fn with_part(spec: Spec, part: Option<&str>) -> Option<(TimexType, Spec)> {
    match part.and_then(time_word) {
        Some(("part", code)) => at_time(spec, format!("T{code}")),
        _ => date(TimexType::Date, spec),
    }
}

fn relative_day(c: &Captures, _: &Context) -> Option<(TimexType, Spec)> {
    let word = get(c, "word")?.to_ascii_lowercase();
    let offset = match word.as_str() {
        "yesterday" => -1,
        "tomorrow" => 1,
        "the day before yesterday" => -2,
        "the day after tomorrow" => 2,
        _ => 0,
    };
    let spec = Spec::Relative {
        unit: Unit::Day,
        offset,
    };
    if word == "tonight" {
        return with_part(spec, Some("night"));
    }
    with_part(spec, get(c, "part"))
}

fn part_of_day(c: &Captures, _: &Context) -> Option<(TimexType, Spec)> {
    let rel = get(c, "rel").map(str::to_ascii_lowercase);
    let offset = match rel.as_deref() {
        Some("last" | "yesterday") => -1,
        Some("tomorrow") => 1,
        _ => 0,
    };
    let part = get(c, "part").unwrap_or("night");
    with_part(
        Spec::Relative {
            unit: Unit::Day,
            offset,
        },
        Some(part),
    )
}

fn relative_unit(c: &Captures, _: &Context) -> Option<(TimexType, Spec)> {
    let unit_raw = get(c, "unit")?;
    if capitalized(unit_raw) && !unit_raw.chars().all(|ch| ch.is_uppercase()) {
        // "This Week", "Next Year": a title.
        return None;
    }
    let unit_word = unit_raw.to_ascii_lowercase();
    let offset = offset_word(get(c, "rel")?);
    let unit = match unit_word.as_str() {
        "quarter" => Unit::Quarter,
        w => unit_of(w)?,
    };
    if matches!(unit, Unit::Decade | Unit::Century) && offset != 0 {
        return value(TimexType::Duration, duration_value(Some(1.0), &unit_word)?);
    }
    date(TimexType::Date, Spec::Relative { unit, offset })
}

fn season(c: &Captures, ctx: &Context) -> Option<(TimexType, Spec)> {
    let word = get(c, "season")?;
    let code = time_word(word).filter(|(k, _)| *k == "season")?.1;
    let year = get(c, "year").and_then(parse_year);
    let rel = get(c, "rel");
    if rel.is_none() && year.is_none() {
        let mut prev = ctx.prev_word()?.to_ascii_lowercase();
        let before = ctx.words_before(2);
        if prev == "the" && before.len() == 2 {
            // "over the summer": the determiner stays outside, as TimeML draws it.
            prev = before[0].to_ascii_lowercase();
            if !matches!(
                prev.as_str(),
                "over" | "during" | "in" | "through" | "until"
            ) {
                return None;
            }
        }
        let ok = matches!(
            prev.as_str(),
            "in" | "during"
                | "by"
                | "until"
                | "since"
                | "through"
                | "early"
                | "late"
                | "mid"
                | "mid-"
                | "this"
                | "last"
                | "next"
        );
        if !ok || word.eq_ignore_ascii_case("fall") || word.eq_ignore_ascii_case("spring") {
            return None;
        }
    }
    let offset = rel.map_or(0, offset_word);
    date(TimexType::Date, Spec::Season { code, year, offset })
}

fn year_alone(c: &Captures, ctx: &Context) -> Option<(TimexType, Spec)> {
    let year: i32 = whole(c)?.parse().ok()?;
    if let Some(p) = ctx.prev_char() {
        if matches!(
            p,
            '$' | '#' | '\u{00A3}' | '\u{20AC}' | '-' | '/' | '.' | ',' | ':' | '+'
        ) || p.is_alphanumeric()
        {
            // "$2000", "555-2025", "3.2010": not years (a range "1990-2000" keeps its first year).
            let head = &ctx.text[..ctx.span.start - p.len_utf8()];
            let tail4 = head
                .len()
                .checked_sub(4)
                .filter(|&i| head.is_char_boundary(i));
            let tail3 = head
                .len()
                .checked_sub(3)
                .filter(|&i| head.is_char_boundary(i));
            let range = p == '-'
                && (tail4.is_some_and(|i| head[i..].chars().all(|d| d.is_ascii_digit()))
                    || tail3.is_some_and(|i| head[i..].eq_ignore_ascii_case("mid")));
            if !range {
                return None;
            }
        }
    }
    if let Some(n) = ctx.next_char() {
        if n == '%' || n.is_alphanumeric() {
            return None;
        }
        if matches!(n, ',' | '.' | ':' | '/')
            && ctx.text[ctx.span.end + 1..]
                .chars()
                .next()
                .is_some_and(|d| d.is_ascii_digit())
        {
            return None;
        }
    }
    // "2000 people", "1500 km": a count or a measure, not a year.
    if ctx
        .next_word()
        .is_some_and(|next| date_neighbour(next) == Some(DateNeighbour::Count))
    {
        return None;
    }
    let words = ctx.words_before(2);
    if let Some(prev) = ctx.prev_word() {
        let neighbour = date_neighbour(prev);
        // "Route 1960", "page 1998", "at 1900": a label or a clock time.
        if neighbour == Some(DateNeighbour::Label) {
            return None;
        }
        // "Bill 2025", "Windows 2000": a name followed by a number.
        let prev_is_name = capitalized(prev)
            && !is_preposition(prev)
            && neighbour != Some(DateNeighbour::NotName)
            && month_number(prev).is_none()
            && words.len() == 2
            && !words[0].ends_with(['.', '!', '?', ':', '"']);
        if prev_is_name {
            return None;
        }
    }
    (1500..=2099).contains(&year).then_some(())?;
    date(TimexType::Date, Spec::Value(format!("{year:04}")))
}

fn fiscal_year(c: &Captures, _: &Context) -> Option<(TimexType, Spec)> {
    let year = parse_year(get(c, "year")?)?;
    value(TimexType::Date, format!("{year:04}"))
}

fn decade(c: &Captures, _: &Context) -> Option<(TimexType, Spec)> {
    let decade = match (get(c, "dec"), get(c, "short")) {
        (Some(d), _) => d[..3].to_string(),
        (_, Some(s)) => format!("19{}", &s[..1]),
        _ => return None,
    };
    value(TimexType::Date, decade)
}

fn century(c: &Captures, _: &Context) -> Option<(TimexType, Spec)> {
    let n = ordinal_value(get(c, "ord")?)?;
    (1..=30).contains(&n).then_some(())?;
    value(TimexType::Date, format!("{:02}", n - 1))
}

fn ordinal_quarter(c: &Captures, ctx: &Context) -> Option<(TimexType, Spec)> {
    let quarter = quarter_of(get(c, "q")?)?;
    let text = ctx.span.text(ctx.text).to_ascii_lowercase();
    if text.ends_with("-quarter") && get(c, "year").is_none() && get(c, "rel").is_none() {
        ctx.drop_leading_the();
    }
    let year = get(c, "year")
        .or_else(|| get(c, "year2"))
        .and_then(parse_year);
    let year_offset = get(c, "rel")
        .or_else(|| get(c, "rel2"))
        .map_or(0, offset_word);
    date(
        TimexType::Date,
        Spec::Quarter {
            quarter,
            year,
            year_offset,
        },
    )
}

fn q_number(c: &Captures, _: &Context) -> Option<(TimexType, Spec)> {
    let quarter: u32 = get(c, "qn")?.parse().ok()?;
    let year = get(c, "year").and_then(parse_year);
    date(
        TimexType::Date,
        Spec::Quarter {
            quarter,
            year,
            year_offset: 0,
        },
    )
}

fn the_quarter(c: &Captures, _: &Context) -> Option<(TimexType, Spec)> {
    let rel = get(c, "rel").unwrap_or("latest").to_ascii_lowercase();
    let offset = if rel.starts_with("year") || rel.starts_with("prior-year") {
        -5
    } else if rel == "current" || rel == "this" {
        0
    } else if rel == "next" || rel == "coming" {
        1
    } else {
        -1
    };
    date(
        TimexType::Date,
        Spec::Relative {
            unit: Unit::Quarter,
            offset,
        },
    )
}

fn year_ago_period(c: &Captures, ctx: &Context) -> Option<(TimexType, Spec)> {
    let lower = ctx.span.text(ctx.text).to_ascii_lowercase();
    if lower.ends_with("year-ago") || lower.ends_with("year-earlier") {
        // "the year-ago results": an adjective; its determiner belongs to the noun.
        ctx.drop_leading_the();
    }
    if let Some(q) = get(c, "q").and_then(quarter_of) {
        return date(
            TimexType::Date,
            Spec::Quarter {
                quarter: q,
                year: None,
                year_offset: -1,
            },
        );
    }
    year_earlier(ctx)
}

/// "a year ago", "year-earlier": the same quarter a year before when the text speaks of quarters,
/// else the previous year.
fn year_earlier(ctx: &Context) -> Option<(TimexType, Spec)> {
    let mut from = ctx.span.start.saturating_sub(2000);
    while !ctx.text.is_char_boundary(from) {
        from += 1;
    }
    let mut to = (ctx.span.end + 100).min(ctx.text.len());
    while !ctx.text.is_char_boundary(to) {
        to -= 1;
    }
    let near = &ctx.text[from..to];
    let quarterly = near.contains("quarter");
    let spec = if quarterly {
        Spec::Relative {
            unit: Unit::Quarter,
            offset: -5,
        }
    } else {
        Spec::Relative {
            unit: Unit::Year,
            offset: -1,
        }
    };
    date(TimexType::Date, spec)
}

fn half(c: &Captures, _: &Context) -> Option<(TimexType, Spec)> {
    let h = match get(c, "h")?.to_ascii_lowercase().as_str() {
        "first" => 1,
        _ => 2,
    };
    let year = get(c, "year").and_then(parse_year);
    let year_offset = get(c, "rel").map_or(0, offset_word);
    date(
        TimexType::Date,
        Spec::Half {
            half: h,
            year,
            year_offset,
        },
    )
}

fn ago(c: &Captures, ctx: &Context) -> Option<(TimexType, Spec)> {
    let unit_word = get(c, "unit")?;
    // "a month earlier than usual" compares; it does not date.
    if ctx
        .next_word()
        .is_some_and(|w| w.eq_ignore_ascii_case("than"))
    {
        return None;
    }
    let n = amount(get(c, "num")?)?;
    let Some(n) = n else {
        return value(TimexType::Date, "PAST_REF");
    };
    if n.fract() != 0.0 {
        return value(TimexType::Date, "PAST_REF");
    }
    let n = n as i64;
    if n == 1 && unit_word.eq_ignore_ascii_case("year") {
        let dir = get(c, "dir")?.to_ascii_lowercase();
        if dir == "earlier" || dir == "ago" {
            return year_earlier(ctx);
        }
    }
    let sign = match get(c, "dir")?.to_ascii_lowercase().as_str() {
        "from now" | "hence" => 1,
        _ => -1,
    };
    let code = time_word(unit_word)?.1;
    let (unit, times) = match code {
        "H" | "MI" | "S" => (Unit::Day, 0),
        "F" => (Unit::Day, 14),
        "W" if n <= 2 => (Unit::Day, 7),
        _ => (unit_of(unit_word)?, 1),
    };
    date(
        TimexType::Date,
        Spec::Relative {
            unit,
            offset: sign * n * times,
        },
    )
}

fn duration(c: &Captures, ctx: &Context) -> Option<(TimexType, Spec)> {
    let unit_word = get(c, "unit")?;
    let num = get(c, "num")?;
    let lower_num = num.to_ascii_lowercase();
    let mut n = amount(num)?;
    if get(c, "half").is_some() || get(c, "half2").is_some() {
        n = n.map(|v| v + 0.5);
    }
    if let Some(frac) = get(c, "frac") {
        let (a, b) = frac.trim().split_once('/')?;
        n = n.map(|v| v + a.parse::<f64>().unwrap_or(0.0) / b.parse::<f64>().unwrap_or(1.0));
    }
    // "$5 a year", "twice a day": a rate, not a length.
    if matches!(lower_num.as_str(), "a" | "an" | "per") {
        let prev = ctx.prev_word().map(str::to_ascii_lowercase);
        let rate = lower_num == "per"
            || prev.as_deref().is_some_and(|p| {
                matches!(
                    p,
                    "million" | "billion" | "percent" | "times" | "once" | "twice"
                ) || p.starts_with('$')
                    || p.chars()
                        .all(|ch| ch.is_ascii_digit() || ch == ',' || ch == '.')
            });
        if rate {
            return value(TimexType::Set, duration_value(Some(1.0), unit_word)?);
        }
    }
    // Ages ("a 6-year-old"), titles ("60 Minutes"), ordinals ("a second") and fractions
    // ("a quarter of") are not durations.
    let after = &ctx.text[ctx.span.end..];
    if after.starts_with("-old") || after.starts_with(" old") || after.starts_with("-olds") {
        return None;
    }
    if capitalized(unit_word) && !unit_word.chars().all(|ch| ch.is_uppercase()) {
        return None;
    }
    let code = time_word(unit_word)?.1;
    if matches!(lower_num.as_str(), "a" | "an") && matches!(code, "S" | "Q" | "WE") {
        return None;
    }
    if code == "WE" {
        return None;
    }
    if get(c, "range").is_some() {
        n = None;
    }
    let text = ctx.span.text(ctx.text);
    let hyphenated = text.contains(&format!("-{unit_word}"));
    let lower_text = text.to_ascii_lowercase();
    if hyphenated && lower_text.starts_with("the ") {
        ctx.drop_leading_the();
    }
    if lower_text.starts_with("first ") && get(c, "rel").is_some() {
        ctx.start_shift.set("first ".len());
    }
    value(TimexType::Duration, duration_value(n, unit_word)?)
}

fn bare_units(c: &Captures, ctx: &Context) -> Option<(TimexType, Spec)> {
    let unit_word = whole(c)?;
    let prev = ctx.prev_word()?.to_ascii_lowercase();
    let ok_prev = matches!(
        prev.as_str(),
        "for"
            | "in"
            | "within"
            | "over"
            | "took"
            | "take"
            | "takes"
            | "taking"
            | "lasted"
            | "after"
            | "spent"
            | "spend"
            | "waited"
            | "wait"
    );
    let next = ctx.next_word().map(str::to_ascii_lowercase);
    let bad_next = next.as_deref().is_some_and(|n| {
        matches!(
            n,
            "of" | "ago" | "old" | "later" | "earlier" | "before" | "after" | "to"
        )
    });
    if !ok_prev || bad_next {
        return None;
    }
    value(TimexType::Duration, duration_value(None, unit_word)?)
}

fn set_adverb(c: &Captures, ctx: &Context) -> Option<(TimexType, Spec)> {
    let word = get(c, "w")?.to_ascii_lowercase();
    let prev = ctx.prev_word().map(str::to_ascii_lowercase);
    // "the daily" (a newspaper), "its quarterly dividend" (an adjective of a noun).
    let determiner = prev
        .as_deref()
        .is_some_and(|p| matches!(p, "the" | "a" | "an" | "its" | "their"));
    if determiner || ctx.next_word().is_some_and(capitalized) {
        return None;
    }
    let v = match word.as_str() {
        "hourly" => "PT1H",
        "daily" | "nightly" => "P1D",
        "weekly" => "P1W",
        "biweekly" => "P2W",
        "monthly" => "P1M",
        "quarterly" => "P3M",
        "semiannually" => "P6M",
        _ => "P1Y",
    };
    value(TimexType::Set, v)
}

fn set_every(c: &Captures, _: &Context) -> Option<(TimexType, Spec)> {
    if let Some(w) = get(c, "weekday").and_then(weekday_number) {
        return value(TimexType::Set, format!("XXXX-WXX-{}", w + 1));
    }
    if let Some(m) = get(c, "month").and_then(month_number) {
        return value(TimexType::Set, format!("XXXX-{m:02}"));
    }
    let unit = get(c, "unit")?.to_ascii_lowercase();
    let unit = unit.trim_end_matches('s');
    let n = if get(c, "other").is_some() {
        Some(2.0)
    } else {
        get(c, "num").map_or(Some(Some(1.0)), amount)?
    };
    match time_word(unit) {
        Some(("part", code)) => value(TimexType::Set, format!("XXXX-XX-XXT{code}")),
        Some(("season", code)) => value(TimexType::Set, format!("XXXX-{code}")),
        _ if unit == "quarter" => value(TimexType::Set, "P3M"),
        _ if unit == "season" => value(TimexType::Set, "P1Y"),
        _ => value(TimexType::Set, duration_value(n, unit)?),
    }
}

fn frequency(c: &Captures, _: &Context) -> Option<(TimexType, Spec)> {
    value(TimexType::Set, duration_value(Some(1.0), get(c, "unit")?)?)
}

fn plural_weekday(c: &Captures, ctx: &Context) -> Option<(TimexType, Spec)> {
    let w = weekday_number(get(c, "weekday")?)?;
    let prev = ctx.prev_word()?.to_ascii_lowercase();
    matches!(prev.as_str(), "on" | "most" | "all" | "some" | "many").then_some(())?;
    value(TimexType::Set, format!("XXXX-WXX-{}", w + 1))
}

fn reference_word(c: &Captures, _: &Context) -> Option<(TimexType, Spec)> {
    let w = get(c, "w")?.to_ascii_lowercase();
    let v = if w.contains("future")
        || w.contains("coming")
        || w.contains("ahead")
        || w.contains("near term")
        || w.contains("possible")
    {
        "FUTURE_REF"
    } else if w.contains("recent") || w.contains("past") || w.contains("lately") {
        "PAST_REF"
    } else {
        "PRESENT_REF"
    };
    value(TimexType::Date, v)
}

fn clock_time(c: &Captures, _: &Context) -> Option<(TimexType, Spec)> {
    let mut hour: u32 = get(c, "hour")?.parse().ok()?;
    let min: u32 = get(c, "min").map_or(Some(0), |m| m.parse().ok())?;
    if let Some(ampm) = get(c, "ampm") {
        let pm = ampm.to_ascii_lowercase().starts_with('p');
        (1..=12).contains(&hour).then_some(())?;
        if pm && hour < 12 {
            hour += 12;
        } else if !pm && hour == 12 {
            hour = 0;
        }
    }
    (hour < 24 && min < 60).then_some(())?;
    let zone = match get(c, "zone").map(str::to_ascii_uppercase).as_deref() {
        Some("UTC" | "Z") => "Z",
        _ => "",
    };
    let day = day_word(c).unwrap_or(Spec::Relative {
        unit: Unit::Day,
        offset: 0,
    });
    at_time(day, format!("T{hour:02}:{min:02}{zone}"))
}

/// The day a time is attached to ("Saturday", "tomorrow"), when the match names one.
fn day_word(c: &Captures) -> Option<Spec> {
    if let Some(w) = get(c, "weekday").and_then(weekday_number) {
        return Some(Spec::Weekday(w));
    }
    let offset = match get(c, "dayword")?.to_ascii_lowercase().as_str() {
        "yesterday" => -1,
        "tomorrow" => 1,
        _ => 0,
    };
    Some(Spec::Relative {
        unit: Unit::Day,
        offset,
    })
}

fn noon(c: &Captures, _: &Context) -> Option<(TimexType, Spec)> {
    let time = match get(c, "w")?.to_ascii_lowercase().as_str() {
        "midnight" => "T24:00",
        _ => "T12:00",
    };
    let day = day_word(c).unwrap_or(Spec::Relative {
        unit: Unit::Day,
        offset: 0,
    });
    at_time(day, time.into())
}

fn period_edge(c: &Captures, _: &Context) -> Option<(TimexType, Spec)> {
    let unit_word = get(c, "unit")?.to_ascii_lowercase();
    let offset = get(c, "rel").map_or(0, offset_word);
    let unit = match unit_word.as_str() {
        "quarter" => Unit::Quarter,
        w => unit_of(w)?,
    };
    date(TimexType::Date, Spec::Relative { unit, offset })
}

fn the_day(c: &Captures, _: &Context) -> Option<(TimexType, Spec)> {
    let offset = get(c, "rel").map_or(0, offset_word);
    date(
        TimexType::Date,
        Spec::Relative {
            unit: Unit::Day,
            offset,
        },
    )
}

fn holiday(c: &Captures, _: &Context) -> Option<(TimexType, Spec)> {
    let name = get(c, "h")?.to_ascii_lowercase();
    let (month, day) = if name.starts_with("christmas eve") {
        (12, 24)
    } else if name.starts_with("christmas") {
        (12, 25)
    } else if name.starts_with("new year's eve") {
        (12, 31)
    } else if name.starts_with("new year") {
        (1, 1)
    } else if name.starts_with("independence") {
        (7, 4)
    } else if name.starts_with("valentine") {
        (2, 14)
    } else if name.starts_with("halloween") {
        (10, 31)
    } else {
        let year = get(c, "year").and_then(parse_year);
        let (month, weekday, n) = if name.starts_with("thanksgiving") {
            (11, 3, 4)
        } else {
            (9, 0, 1)
        };
        return date(
            TimexType::Date,
            Spec::NthWeekday {
                month,
                weekday,
                n,
                year,
            },
        );
    };
    date(
        TimexType::Date,
        Spec::Date {
            year: get(c, "year").and_then(parse_year),
            month,
            day,
        },
    )
}

// ------------------------------------------------------------------------------------- the table

/// Numbers in digits or words.
const NUM: &str = r"(?:\d+(?:\.\d+)?|(?:{cardinal})(?:[- ](?:{cardinal}))*|a couple of|couple of|a dozen|a hundred|a few|a number of|several|many|some|few|numerous|an|a)";
/// Units of time, singular and plural.
const UNITS: &str = r"(?:{unit})";

/// Every date rule, in priority order for equally long matches.
pub static RULES: &[DateRule] = &[
    DateRule {
        name: "iso-date",
        pattern: r"\b(?<year>[12]\d{3})-(?<month>[01]\d)-(?<day>[0-3]\d)(?:T(?<hour>[0-2]\d):(?<min>[0-5]\d))?\b",
        needs: &["0-", "1-", "2-", "3-", "4-", "5-", "6-", "7-", "8-", "9-"],
        also_needs: &[],
        examples: &[
            ("2024-03-05", "2024-03-05"),
            ("2024-03-05T14:30", "2024-03-05T14:30"),
        ],
        build: iso_date,
    },
    DateRule {
        name: "slash-date",
        pattern: r"\b(?<a>[0-3]?\d)/(?<b>[0-3]?\d)/(?<year>(?:19|20)\d\d|\d\d)\b",
        needs: &["/"],
        also_needs: &[],
        examples: &[("03/05/2024", "2024-03-05"), ("25/12/2024", "2024-12-25")],
        build: slash_date,
    },
    DateRule {
        name: "month-day-year",
        pattern: r"(?:\b(?<weekday>{weekday}),? )?\b(?<month>{month})\.? (?<day>[0-3]?\d)(?:st|nd|rd|th)?,? (?<year>[12]\d{3})\b",
        needs: &["{month}"],
        also_needs: &["{digit}"],
        examples: &[
            ("March 5, 2024", "2024-03-05"),
            ("Aug. 19 2025", "2025-08-19"),
            ("Friday, March 5, 2021", "2021-03-05"),
        ],
        build: month_day,
    },
    DateRule {
        name: "month-day",
        pattern: r"(?:\b(?<weekday>{weekday}),? )?\b(?<month>{month})\.? (?:(?<day>[0-3]?\d)(?:st|nd|rd|th)?\b|(?i:the )?(?<dayword>(?i:{ordinal}))\b)",
        needs: &["{month}"],
        also_needs: &[],
        examples: &[
            ("August 21", "2025-08-21"),
            ("Aug. 2", "2025-08-02"),
            ("Thursday, Aug. 21", "2025-08-21"),
            ("Dec. 21", "2025-12-21"),
            ("March eighth", "2025-03-08"),
        ],
        build: month_day,
    },
    DateRule {
        name: "day-month-year",
        pattern: r"(?:\b(?<weekday>{weekday}),? )?\b(?<day>[0-3]?\d)(?:st|nd|rd|th)?(?: of)? (?<month>{month})\.?,? (?<year>[12]\d{3})\b",
        needs: &["{month}"],
        also_needs: &["{digit}"],
        examples: &[
            ("19 August 2025", "2025-08-19"),
            ("5th of March 2024", "2024-03-05"),
        ],
        build: month_day,
    },
    DateRule {
        name: "day-month",
        pattern: r"(?:\b(?<weekday>{weekday}),? )?\b(?<day>[0-3]?\d)(?:st|nd|rd|th)?(?: of)? (?<month>{month})\b\.?",
        needs: &["{month}"],
        also_needs: &["{digit}"],
        examples: &[
            ("11 August", "2025-08-11"),
            ("19th of August", "2025-08-19"),
        ],
        build: month_day,
    },
    DateRule {
        name: "month-year",
        pattern: r"\b(?<month>{month})\.?,? (?:of )?(?<year>[12]\d{3})\b",
        needs: &["{month}"],
        also_needs: &["{digit}"],
        examples: &[("September 2006", "2006-09"), ("Jan. 2024", "2024-01")],
        build: month_year,
    },
    DateRule {
        name: "month-relative-year",
        pattern: r"\b(?<month>{month_name}) (?:of )?(?<rel>(?i:this|last|next|the following|the previous)) (?i:year)\b",
        needs: &["{month_name}"],
        also_needs: &["year"],
        examples: &[
            ("January this year", "2025-01"),
            ("June of last year", "2024-06"),
        ],
        build: month_relative_year,
    },
    DateRule {
        name: "relative-month",
        pattern: r"\b(?<rel>(?i:this past|this coming|this|last|next|the previous|the following)) (?<month>{month_name})\b",
        needs: &["{month_name}"],
        also_needs: &["this", "last", "next", "previous", "following"],
        examples: &[
            ("last February", "2025-02"),
            ("next March", "2026-03"),
            ("this September", "2025-09"),
        ],
        build: relative_month,
    },
    DateRule {
        name: "month",
        pattern: r"\b(?:{month_name})\b",
        needs: &["{month_name}"],
        also_needs: &[],
        examples: &[("in May", "2025-05"), ("since December", "2024-12")],
        build: month_alone,
    },
    DateRule {
        name: "relative-weekday",
        pattern: r"\b(?<rel>(?i:this coming|this past|the previous|the following|last|next|this|coming|past)) (?<weekday>{weekday})\b(?: (?<part>(?i:morning|afternoon|evening|night))\b)?",
        needs: &["{weekday}"],
        also_needs: &[
            "this",
            "last",
            "next",
            "coming",
            "past",
            "previous",
            "following",
        ],
        examples: &[
            ("last Monday", "2025-08-18"),
            ("next Tuesday", "2025-08-26"),
            ("this Friday", "2025-08-22"),
        ],
        build: weekday,
    },
    DateRule {
        name: "weekday",
        pattern: r"\b(?<weekday>{weekday})\b(?: (?<part>(?i:morning|afternoon|evening|night))\b)?",
        needs: &["{weekday}"],
        also_needs: &[],
        examples: &[
            ("on Friday", "2025-08-15"),
            ("Tuesday", "2025-08-19"),
            ("Monday morning", "2025-08-18TMO"),
        ],
        build: weekday,
    },
    DateRule {
        name: "relative-day",
        pattern: r"(?i)\b(?<word>the day before yesterday|the day after tomorrow|today|yesterday|tomorrow|tonight)\b(?: (?<part>morning|afternoon|evening|night)\b)?",
        needs: &["today", "yesterday", "tomorrow", "tonight"],
        also_needs: &[],
        examples: &[
            ("today", "2025-08-19"),
            ("yesterday", "2025-08-18"),
            ("tomorrow evening", "2025-08-20TEV"),
            ("tonight", "2025-08-19TNI"),
        ],
        build: relative_day,
    },
    DateRule {
        name: "part-of-day",
        pattern: r"(?i)\b(?:(?<rel>this|last|tomorrow|yesterday) (?<part>morning|afternoon|evening|night)|overnight)\b",
        needs: &["morning", "afternoon", "evening", "night", "overnight"],
        also_needs: &[],
        examples: &[
            ("this morning", "2025-08-19TMO"),
            ("losses overnight", "2025-08-19TNI"),
            ("last night", "2025-08-18TNI"),
        ],
        build: part_of_day,
    },
    DateRule {
        name: "relative-unit",
        pattern: r"(?i)\b(?:the )?(?<rel>this|last|next|past|previous|coming|current|following|present|latest) (?:(?:fiscal|financial|calendar) )?(?<unit>weekend|week|month|year|quarter|decade|century)\b",
        needs: &["week", "month", "year", "quarter", "decade", "century"],
        also_needs: &[
            "this",
            "last",
            "next",
            "past",
            "previous",
            "coming",
            "current",
            "following",
            "present",
            "latest",
        ],
        examples: &[
            ("last week", "2025-W33"),
            ("this month", "2025-08"),
            ("next year", "2026"),
            ("the current fiscal year", "2025"),
            ("this weekend", "2025-W34-WE"),
            ("last quarter", "2025-Q2"),
            ("the past decade", "P10Y"),
        ],
        build: relative_unit,
    },
    DateRule {
        name: "season",
        pattern: r"(?i)\b(?:(?<rel>this past|this coming|the coming|the past|this|last|next) )?(?<season>spring|summer|autumn|fall|winter)\b(?: (?:of )?(?<year>[12]\d{3})\b)?",
        needs: &["spring", "summer", "autumn", "fall", "winter"],
        also_needs: &[],
        examples: &[
            ("last fall", "2024-FA"),
            ("summer 2024", "2024-SU"),
            ("next spring", "2026-SP"),
            ("in summer", "2025-SU"),
        ],
        build: season,
    },
    DateRule {
        name: "fiscal-year",
        pattern: r"(?i)\b(?:fiscal(?: year)?|FY|financial year|calendar year|model year) ?(?<year>[12]\d{3}|'\d\d)\b",
        needs: &["fiscal", "fy", "financial", "calendar", "model"],
        also_needs: &["{digit}"],
        examples: &[("fiscal 1989", "1989"), ("fiscal year 2024", "2024")],
        build: fiscal_year,
    },
    DateRule {
        name: "year",
        pattern: r"\b(?:1[5-9]\d\d|20\d\d)\b",
        needs: &["15", "16", "17", "18", "19", "20"],
        also_needs: &[],
        examples: &[("in 2010", "2010"), ("the 2008 Olympics", "2008")],
        build: year_alone,
    },
    DateRule {
        name: "decade",
        pattern: r"(?i)\b(?:the )?(?:(?:early|mid|late)[- ]?)?(?:(?<dec>1[0-9]\d0|20\d0)'?s|'(?<short>\d0)'?s)\b",
        needs: &["0s", "0's"],
        also_needs: &[],
        examples: &[
            ("the 1990s", "199"),
            ("the late 1970s", "197"),
            ("the '80s", "198"),
        ],
        build: decade,
    },
    DateRule {
        name: "century",
        pattern: r"(?i)\b(?:the )?(?<ord>{ordinal}|\d{1,2}(?:st|nd|rd|th))[- ]century\b",
        needs: &["century"],
        also_needs: &[],
        examples: &[("the 20th century", "19"), ("the nineteenth century", "18")],
        build: century,
    },
    DateRule {
        name: "ordinal-quarter",
        pattern: r"(?i)\b(?:the )?(?:(?<rel>this|last|next) year's )?(?:(?<year>[12]\d{3})(?:'s)? )?(?:(?:fiscal|calendar) )?(?<q>first|second|third|fourth|1st|2nd|3rd|4th)[- ](?:fiscal[- ])?quarter\b(?: of (?:(?:fiscal )?(?<year2>[12]\d{3})\b|(?<rel2>this|last|next) year\b))?",
        needs: &["quarter"],
        also_needs: &[],
        examples: &[
            ("the third quarter", "2025-Q3"),
            ("the fourth quarter", "2025-Q4"),
            ("third-quarter", "2025-Q3"),
            ("the 1988 third quarter", "1988-Q3"),
            ("the third quarter of 1984", "1984-Q3"),
            ("last year's second quarter", "2024-Q2"),
            ("the first quarter of last year", "2024-Q1"),
        ],
        build: ordinal_quarter,
    },
    DateRule {
        name: "q-number",
        pattern: r"\bQ(?<qn>[1-4])(?: (?<year>[12]\d{3}))?\b",
        needs: &["q1", "q2", "q3", "q4"],
        also_needs: &[],
        examples: &[("Q3 2024", "2024-Q3")],
        build: q_number,
    },
    DateRule {
        name: "the-quarter",
        pattern: r"(?i)\bthe (?:(?<rel>latest|recent|year-ago|year-earlier|prior-year|same|current) )?quarter\b",
        needs: &["quarter"],
        also_needs: &[],
        examples: &[
            ("the quarter", "2025-Q2"),
            ("the year-ago quarter", "2024-Q2"),
        ],
        build: the_quarter,
    },
    DateRule {
        name: "year-ago-period",
        pattern: r"(?i)\b(?:the )?year-(?:ago|earlier)(?: (?:(?<q>first|second|third|fourth)[- ]quarter|period))?\b",
        needs: &["year"],
        also_needs: &["ago", "earlier"],
        examples: &[
            ("the year-earlier period", "2024"),
            ("the year-ago third quarter", "2024-Q3"),
        ],
        build: year_ago_period,
    },
    DateRule {
        name: "half-year",
        pattern: r"(?i)\b(?:the )?(?<h>first|second|last|latter) half of (?:(?<year>[12]\d{3})\b|(?<rel>this|last|next) year\b|the year\b)",
        needs: &["half"],
        also_needs: &[],
        examples: &[
            ("the first half of 1989", "1989-H1"),
            ("the second half of this year", "2025-H2"),
        ],
        build: half,
    },
    DateRule {
        name: "ago",
        pattern: r"(?i)\b(?<num>{num}) (?<unit>{units}) (?<dir>ago|earlier|from now|hence)\b",
        needs: &["{unit}"],
        also_needs: &["ago", "earlier", "now", "hence"],
        examples: &[
            ("two days ago", "2025-08-17"),
            ("four years ago", "2021"),
            ("a month ago", "2025-07"),
            ("six weeks ago", "2025-W28"),
            ("several years ago", "PAST_REF"),
            ("a year earlier", "2024"),
            ("three days from now", "2025-08-22"),
            ("two years hence", "2027"),
        ],
        build: ago,
    },
    DateRule {
        name: "duration",
        pattern: r"(?i)\b(?:the )?(?:(?<rel>past|last|next|first|coming|previous|final|latest|following|remaining|initial|further|additional|recent|other) )?(?<num>{num}|per)(?<range>(?: to | or |-)(?:{num}))?(?<frac> \d/\d)?(?<half> and a half)?(?: (?:more|full|straight|consecutive|additional|long|whole|entire))?(?: (?:trading|business|working|calendar|school))?[ -](?<unit>{units})(?<half2> and a half)?\b",
        needs: &["{unit}"],
        also_needs: &[],
        examples: &[
            ("three years", "P3Y"),
            ("the past three years", "P3Y"),
            ("twenty years", "P20Y"),
            ("a decade", "P10Y"),
            ("the next few months", "PXM"),
            ("two-year", "P2Y"),
            ("24 hours", "PT24H"),
            ("5 1/2 hours", "PT5H30M"),
            ("the next 12 to 18 months", "PXM"),
            ("the past five trading days", "P5D"),
            ("thirty minutes", "PT30M"),
            ("two and a half years", "P2.5Y"),
        ],
        build: duration,
    },
    DateRule {
        name: "bare-units",
        pattern: r"(?i)\b(?:years|months|weeks|days|hours|decades|centuries|minutes)\b",
        needs: &[
            "years",
            "months",
            "weeks",
            "days",
            "hours",
            "decades",
            "centuries",
            "minutes",
        ],
        also_needs: &[],
        examples: &[("for years", "PXY"), ("in months", "PXM")],
        build: bare_units,
    },
    DateRule {
        name: "set-adverb",
        pattern: r"(?i)\b(?<w>hourly|daily|nightly|weekly|biweekly|monthly|quarterly|semiannually|annually|yearly)\b",
        needs: &[
            "hourly",
            "daily",
            "nightly",
            "weekly",
            "monthly",
            "quarterly",
            "annually",
            "yearly",
        ],
        also_needs: &[],
        examples: &[("daily", "P1D"), ("annually", "P1Y")],
        build: set_adverb,
    },
    DateRule {
        name: "set-every",
        pattern: r"(?i)\b(?:every|each) (?:(?<other>other) |(?<num>{num}) )?(?:(?<weekday>(?-i:{weekday}))|(?<month>(?-i:{month_name}))|(?<unit>days?|weeks?|months?|years?|quarters?|hours?|minutes?|mornings?|afternoons?|evenings?|nights?|weekends?|summers?|winters?|springs?|autumns?|seasons?|decades?))\b",
        needs: &["every", "each"],
        also_needs: &[
            "{weekday}",
            "{month_name}",
            "day",
            "week",
            "month",
            "year",
            "quarter",
            "hour",
            "minute",
            "morning",
            "afternoon",
            "evening",
            "night",
            "weekend",
            "summer",
            "winter",
            "spring",
            "autumn",
            "season",
            "decade",
        ],
        examples: &[
            ("every week", "P1W"),
            ("each July", "XXXX-07"),
            ("every morning", "XXXX-XX-XXTMO"),
            ("every Monday", "XXXX-WXX-1"),
            ("each summer", "XXXX-SU"),
        ],
        build: set_every,
    },
    DateRule {
        name: "frequency",
        pattern: r"(?i)\b(?:once|twice|thrice|(?:{num}) times) (?:a|an|per|each|every) (?<unit>day|week|month|year|hour|minute|decade)\b",
        needs: &["once", "twice", "thrice", "times"],
        also_needs: &["day", "week", "month", "year", "hour", "minute", "decade"],
        examples: &[("twice a week", "P1W"), ("three times a year", "P1Y")],
        build: frequency,
    },
    DateRule {
        name: "plural-weekday",
        pattern: r"\b(?<weekday>{weekday})s\b",
        needs: &["{weekday}"],
        also_needs: &[],
        examples: &[("on Mondays", "XXXX-WXX-1")],
        build: plural_weekday,
    },
    DateRule {
        name: "reference-word",
        pattern: r"(?i)\b(?<w>now|currently|nowadays|recently|lately|the (?:near |distant )?future|the (?:near|short) term|the past|the present|recent (?:years|months|weeks|days|decades)|(?:the )?coming (?:days|weeks|months|years|decades)|the (?:days|weeks|months|years) ahead|as soon as possible)\b",
        needs: &[
            "now",
            "currently",
            "recent",
            "lately",
            "future",
            "term",
            "past",
            "present",
            "coming",
            "ahead",
            "soon",
        ],
        also_needs: &[],
        examples: &[
            ("now", "PRESENT_REF"),
            ("recently", "PAST_REF"),
            ("the future", "FUTURE_REF"),
            ("recent years", "PAST_REF"),
            ("the coming months", "FUTURE_REF"),
        ],
        build: reference_word,
    },
    DateRule {
        name: "clock-time",
        pattern: r"(?i)\b(?<hour>[01]?\d|2[0-3])(?:[:.](?<min>[0-5]\d))? ?(?:(?<ampm>[ap]\.m\b|[ap]m\b)|(?<zone>(?-i:GMT|UTC|[ECMP][SD]T|BST|CET))\b|o'clock\b)(?: (?<zone2>(?-i:GMT|UTC|[ECMP][SD]T|BST|CET))\b)?(?:,? (?:on )?(?:(?<weekday>(?-i:{weekday}))|(?<dayword>today|tomorrow|yesterday|tonight))\b)?",
        needs: &[
            "am", "a.m", "pm", "p.m", "gmt", "utc", "est", "edt", "cst", "cdt", "mst", "mdt",
            "pst", "pdt", "bst", "cet", "o'clock",
        ],
        also_needs: &["{digit}"],
        examples: &[
            ("10 p.m", "2025-08-19T22:00"),
            ("15:00 GMT Saturday", "2025-08-16T15:00"),
            ("14:48 UTC", "2025-08-19T14:48Z"),
        ],
        build: clock_time,
    },
    DateRule {
        name: "noon",
        pattern: r"(?i)\b(?:(?:(?<dayword>today|tomorrow|yesterday)|(?<weekday>(?-i:{weekday})))(?: at)? )?(?<w>noon|midnight|midday)\b",
        needs: &["noon", "midnight", "midday"],
        also_needs: &[],
        examples: &[
            ("noon", "2025-08-19T12:00"),
            ("midnight", "2025-08-19T24:00"),
        ],
        build: noon,
    },
    DateRule {
        name: "period-edge",
        pattern: r"(?i)\b(?:the )?(?:very )?(?:end|beginning|start|middle|close|turn|rest|remainder) of (?:(?<rel>the|this|last|next|that) )?(?<unit>year|month|week|decade|century|quarter)\b",
        needs: &["year", "month", "week", "decade", "century", "quarter"],
        also_needs: &[
            "end",
            "beginning",
            "start",
            "middle",
            "close",
            "turn",
            "rest",
            "remainder",
        ],
        examples: &[
            ("the end of the year", "2025"),
            ("the end of last year", "2024"),
            ("the end of year", "2025"),
        ],
        build: period_edge,
    },
    DateRule {
        name: "year-end",
        pattern: r"(?i)\b(?:the )?year[- ]end\b",
        needs: &["year"],
        also_needs: &["end"],
        examples: &[("year-end", "2025")],
        build: the_day_year,
    },
    DateRule {
        name: "the-day",
        pattern: r"(?i)\b(?:(?:end|ends|ended|ending|close|closed|closing|finish|finished|start|started|open|opened) (?<t>the day)|(?<t2>the (?<rel>same|next|following|previous|preceding) day))\b",
        needs: &["day"],
        also_needs: &[],
        examples: &[
            ("ended the day", "2025-08-19"),
            ("the next day", "2025-08-20"),
        ],
        build: the_day,
    },
    DateRule {
        name: "holiday",
        pattern: r"\b(?<h>Christmas Eve|Christmas Day|Christmas|New Year's Eve|New Year's Day|Independence Day|Valentine's Day|Halloween|Thanksgiving Day|Thanksgiving|Labor Day)\b(?:,? (?<year>[12]\d{3})\b)?",
        needs: &[
            "christmas",
            "new year",
            "independence",
            "valentine",
            "halloween",
            "thanksgiving",
            "labor",
        ],
        also_needs: &[],
        examples: &[
            ("Christmas Day", "2025-12-25"),
            ("New Year's Day 2024", "2024-01-01"),
            ("Thanksgiving Day 2024", "2024-11-28"),
        ],
        build: holiday,
    },
    DateRule {
        name: "the-weekend",
        pattern: r"(?i)\b(?:over|during|on|for|at|ahead of|after|before|through|until|this past) (?<t>the weekend)\b",
        needs: &["weekend"],
        also_needs: &[],
        examples: &[("over the weekend", "2025-W33-WE")],
        build: weekend_near,
    },
    DateRule {
        name: "in-the-period",
        pattern: r"(?i)\b(?:earlier|later|early|late) in the (?<unit>year|month|week|day)\b",
        needs: &["year", "month", "week", "day"],
        also_needs: &["earlier", "later", "early", "late"],
        examples: &[
            ("earlier in the year", "2025"),
            ("late in the day", "2025-08-19"),
        ],
        build: in_the_period,
    },
    DateRule {
        name: "a-while",
        pattern: r"(?i)\ba (?:long |short |little )?while\b",
        needs: &["while"],
        also_needs: &[],
        examples: &[("for a while", "PXX")],
        build: a_while,
    },
    DateRule {
        name: "week-of-month",
        pattern: r"(?i)\b(?:the )?(?<which>first|second|third|fourth|last|final) week of (?<month>{month_name})(?: (?<year>[12]\d{3}))?\b",
        needs: &["week"],
        also_needs: &["first", "second", "third", "fourth", "last", "final"],
        examples: &[
            ("the last week of March 2009", "2009-W14"),
            ("the first week of September", "2025-W36"),
        ],
        build: week_of_month,
    },
];

fn weekend_near(_: &Captures, _: &Context) -> Option<(TimexType, Spec)> {
    date(TimexType::Date, Spec::WeekendNear)
}

fn in_the_period(c: &Captures, _: &Context) -> Option<(TimexType, Spec)> {
    let unit = unit_of(get(c, "unit")?)?;
    date(TimexType::Date, Spec::Relative { unit, offset: 0 })
}

fn a_while(_: &Captures, ctx: &Context) -> Option<(TimexType, Spec)> {
    let prev = ctx.prev_word()?.to_ascii_lowercase();
    matches!(
        prev.as_str(),
        "for" | "in" | "after" | "within" | "took" | "take"
    )
    .then(|| (TimexType::Duration, Spec::Value("PXX".into())))
}

fn week_of_month(c: &Captures, _: &Context) -> Option<(TimexType, Spec)> {
    let month = month_number(get(c, "month")?)?;
    let n = match get(c, "which")?.to_ascii_lowercase().as_str() {
        "last" | "final" => 0,
        w => ordinal_value(w)?,
    };
    let year = get(c, "year").and_then(parse_year);
    date(TimexType::Date, Spec::WeekOfMonth { month, year, n })
}

fn the_day_year(_: &Captures, _: &Context) -> Option<(TimexType, Spec)> {
    date(
        TimexType::Date,
        Spec::Relative {
            unit: Unit::Year,
            offset: 0,
        },
    )
}

/// The `{list}` placeholders a pattern may hold, each standing for the words of one list of
/// `lexicon::time_words`.
pub const LISTS: [&str; 8] = [
    "month_name",
    "month",
    "weekday",
    "cardinal",
    "ordinal",
    "unit",
    "season",
    "part",
];

/// The pattern of `rule` with its placeholders expanded.
pub fn expand(pattern: &str) -> String {
    expand_with(pattern, |list| list_pattern(LISTS[list]))
}

/// The pattern of `rule` with `{num}` and `{units}` expanded and each `{list}` replaced by what
/// `list` returns for it (called with the list's index in [`LISTS`], once per occurrence, in
/// order of [`LISTS`] and then of place).
pub fn expand_with(pattern: &str, mut list: impl FnMut(usize) -> String) -> String {
    // ASCII semantics throughout (`\d`, `\b`, `(?i)`): dates are written in ASCII, the fast
    // engines stay usable on any text, and the browser build needs no Unicode tables.
    let mut out = String::from("(?-u)");
    out.push_str(&pattern.replace("{num}", NUM).replace("{units}", UNITS));
    for (index, name) in LISTS.iter().enumerate() {
        let key = format!("{{{name}}}");
        while let Some(at) = out.find(&key) {
            out.replace_range(at..at + key.len(), &list(index));
        }
    }
    out
}

/// One list as a pattern of its own: its words, longest first, matched as written or in any
/// ASCII case ([`is_case_sensitive_list`]) wherever it is put.
fn list_pattern(list: &str) -> String {
    let alt = alternation(list);
    if is_case_sensitive_list(list) {
        format!("(?-i:{alt})")
    } else {
        format!("(?i:{alt})")
    }
}

/// True for the `{list}`s matched as written (`May`, not `may`): month and weekday names.
pub fn is_case_sensitive_list(list: &str) -> bool {
    matches!(list, "month" | "month_name" | "weekday")
}
