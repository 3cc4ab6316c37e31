//! Place candidates: gazetteer matches kept or dropped by their context, plus places that only the
//! context reveals (datelines, `Town, State`, named facilities such as `Adler Planetarium`).
//!
//! Owns every decision that is internal to places: capitalization, sentence position, ALL-CAPS
//! headlines and datelines, cue words (`in`, `near`, `capital of`), names that are also words
//! (`Nice`, `Reading`) or people (`Jordan`), organisations named after places (`Washington Post`),
//! and extents (`the` is left out, `Southern Indiana` and `State of Texas` are taken whole, a
//! possessive `'s` is left out). Person-versus-place overlaps between detectors (`Paris Hilton`
//! found as a person) are settled later, in `attribute::entities`.
//!
//! All work is one pass over the tokens; every look-around is a bounded number of tokens, and the
//! gazetteer is searched anchored at token starts, so the cost is linear in the text length.

use std::cell::Cell;

use crate::fast_hash::FastSet;

use crate::annotations::PlaceKind;
use crate::bit_set::BitSet;
use crate::lexicon::places::{
    context_classes, gazetteer, is_context_word, is_cue_word, Ambiguity, ContextClasses,
    ContextWord, Entry,
};
use crate::segment::{Document, Token, TokenKind};
use crate::span::Span;

/// A stretch of text that may name a place.
#[derive(Debug, Clone, PartialEq)]
pub struct PlaceCandidate {
    /// The mention.
    pub span: Span,
    /// Canonical name.
    pub name: String,
    /// Kind of place.
    pub kind: PlaceKind,
    /// ISO country code.
    pub country: Option<String>,
    /// Latitude, longitude.
    pub coordinates: Option<(f64, f64)>,
    /// Name of the rule that found it (for debugging and evaluation).
    pub rule: &'static str,
}

/// Longest run of capitalized words taken as one unknown place name.
const MAX_NAME_WORDS: usize = 4;

/// Per-token facts the rules look at.
#[derive(Debug, Clone, Copy, Default)]
struct TokenInfo {
    /// First token of its sentence.
    sentence_start: bool,
    /// First token of its paragraph.
    paragraph_start: bool,
    /// Index of the sentence holding the token (u32 keeps this table at 8 bytes a token; past
    /// 4 billion sentences the index saturates).
    sentence: u32,
}

struct Context<'d, 't> {
    doc: &'d Document<'t>,
    info: Vec<TokenInfo>,
    /// Each token's context classes, looked up on first use: the rules ask about the same
    /// words again and again (a facility is looked for at every word of a capitalized run).
    classes: Vec<Cell<Option<ContextClasses>>>,
    /// The words whose first letter is upper case (about one in six): the scan for places goes
    /// from one to the next.
    capitalized: BitSet,
}

impl<'d, 't> Context<'d, 't> {
    fn new(doc: &'d Document<'t>) -> Self {
        let mut info = vec![TokenInfo::default(); doc.tokens.len()];
        let mut paragraph = 0;
        let mut last_paragraph = usize::MAX;
        for (k, sentence) in doc.sentences.iter().enumerate() {
            let Some(sentence_info) = info.get_mut(doc.sentence_tokens(k)) else {
                continue;
            };
            while doc
                .paragraphs
                .get(paragraph + 1)
                .is_some_and(|p| p.start <= sentence.start)
            {
                paragraph += 1;
            }
            for item in sentence_info.iter_mut() {
                item.sentence = u32::try_from(k).unwrap_or(u32::MAX);
            }
            if let Some(item) = sentence_info.first_mut() {
                item.sentence_start = true;
                item.paragraph_start = paragraph != last_paragraph;
                last_paragraph = paragraph;
            }
        }
        let capitalized = BitSet::of(&doc.tokens, |t| {
            t.kind == TokenKind::Word && t.starts_upper()
        });
        Context {
            doc,
            info,
            classes: vec![Cell::new(None); doc.tokens.len()],
            capitalized,
        }
    }

    /// The first capitalized word at or after token `from`.
    fn next_capitalized_word(&self, from: usize) -> Option<usize> {
        self.capitalized.next_from(from)
    }

    fn token(&self, i: usize) -> Token {
        self.doc.tokens[i]
    }

    fn word(&self, i: usize) -> &'t str {
        self.doc.tokens[i].span().text(self.doc.text)
    }

    /// True when token `i`, as written, is a context word of `class`.
    fn is_context(&self, i: usize, class: ContextWord) -> bool {
        let classes = self.classes[i].get().unwrap_or_else(|| {
            let found = context_classes(self.word(i));
            self.classes[i].set(Some(found));
            found
        });
        classes.has(class)
    }

    /// True when token `i`'s sentence has no lower-case letters (a headline or a table line).
    fn in_capitals(&self, i: usize) -> bool {
        let sentence = self.info[i].sentence as usize;
        self.doc
            .sentence_facts
            .get(sentence)
            .is_some_and(|f| f.in_capitals)
    }

    fn same_sentence(&self, a: usize, b: usize) -> bool {
        self.info[a].sentence == self.info[b].sentence
    }

    /// The token before `i` in the same sentence.
    fn prev(&self, i: usize) -> Option<usize> {
        (i > 0 && self.same_sentence(i - 1, i)).then(|| i - 1)
    }

    /// The token after `i` in the same sentence.
    fn next(&self, i: usize) -> Option<usize> {
        (i + 1 < self.doc.tokens.len() && self.same_sentence(i, i + 1)).then_some(i + 1)
    }

    /// A word whose first letter is upper case.
    fn is_capitalized_word(&self, i: usize) -> bool {
        self.capitalized.contains(i)
    }

    /// A word written in capitals (`LONDON`, `AL-AIN`), at least two letters.
    fn is_caps_word(&self, i: usize) -> bool {
        let w = self.word(i);
        // Most words show a lower-case letter early, so that test goes first.
        self.token(i).kind == TokenKind::Word
            && !w.chars().any(char::is_lowercase)
            && w.chars().filter(|c| c.is_alphabetic()).count() >= 2
    }

    fn is_cue(&self, i: usize) -> bool {
        is_cue_word(self.word(i))
    }

    /// The index of the token that ends at `end`, searching forward from `from`.
    fn token_ending_at(&self, from: usize, end: usize) -> Option<usize> {
        let mut j = from;
        while j < self.doc.tokens.len() && self.token(j).span().end < end {
            j += 1;
        }
        (j < self.doc.tokens.len()).then_some(j)
    }

    /// A known place, in its usual case, that starts at token `i` and ends at a token end.
    fn known_place_at(&self, i: usize) -> Option<(usize, &'static Entry)> {
        let t = *self.doc.tokens.get(i)?;
        let (end, entry) = gazetteer().longest_at(self.doc.text, t.span().start)?;
        entry.kind?;
        let last = self.token_ending_at(i, end)?;
        (self.token(last).span().end == end && &self.doc.text[t.span().start..end] == entry.name)
            .then_some((last, entry))
    }
}

/// Finds places in `doc`.
pub fn find(doc: &Document) -> Vec<PlaceCandidate> {
    let cx = Context::new(doc);
    let text = doc.text;
    let mut out: Vec<PlaceCandidate> = Vec::new();
    let mut organisations: FastSet<&str> = FastSet::default();
    let mut acronyms: FastSet<&str> = FastSet::default();
    let mut next = 0;
    while let Some(i) = cx.next_capitalized_word(next) {
        next = i + 1;
        if !acronyms.is_empty() && acronyms.contains(cx.word(i)) {
            out.push(unknown(&cx, cx.token(i).span(), "acronym"));
            continue;
        }
        if let Some((last, candidate)) = facility_at(&cx, i) {
            out.push(candidate);
            next = last + 1;
            if let Some(acronym) = acronym_after(&cx, last) {
                acronyms.insert(cx.word(acronym));
            }
            continue;
        }
        match gazetteer_match(&cx, i) {
            Match::Place(first, last, entry, rule) => {
                let span = Span::new(cx.token(first).span().start, name_end(&cx, last, entry));
                if out.last().is_some_and(|p| p.span.overlaps(span)) {
                    out.pop();
                }
                out.push(candidate(span, entry, rule));
                next = last + 1;
            }
            Match::Skip(last) => next = last + 1,
            Match::Organisation(name_last, last) => {
                organisations
                    .insert(&text[cx.token(i).span().start..cx.token(name_last).span().end]);
                next = last + 1;
            }
            Match::None => {
                if let Some((last, candidate)) = unknown_place_at(&cx, i) {
                    out.push(candidate);
                    next = last + 1;
                }
            }
        }
    }
    out.retain(|p| !organisations.contains(p.span.text(text)));
    let teams = sports_teams(&cx, &out);
    out.retain(|p| {
        let written = p.span.text(text);
        let last_word = written.rsplit(' ').next().unwrap_or(written);
        !teams.contains(written) && !teams.contains(last_word)
    });
    out
}

/// Names of countries and regions that play as teams in this text: two of them around a score
/// (`Belgium 3 – 0 Panama`). Such names are teams
/// wherever the text uses them.
fn sports_teams<'t>(cx: &Context<'_, 't>, found: &[PlaceCandidate]) -> FastSet<&'t str> {
    let text = cx.doc.text;
    let mut teams = FastSet::default();
    let token_at = |offset: usize| cx.doc.tokens.partition_point(|t| t.span().start < offset);
    for pair in found.windows(2) {
        let (a, b) = (&pair[0], &pair[1]);
        let playable = |p: &PlaceCandidate| {
            matches!(
                p.kind,
                PlaceKind::Country | PlaceKind::Region | PlaceKind::State
            )
        };
        let clubs = a.kind == PlaceKind::City && b.kind == PlaceKind::City;
        if !(playable(a) && playable(b) || clubs) {
            continue;
        }
        let from = token_at(a.span.end);
        let to = token_at(b.span.start);
        if to <= from || to - from > 7 || !cx.same_sentence(from, to) {
            continue;
        }
        // Clubs named after their towns: `Bologna (4) v Piacenza (13)`.
        let versus = (from..to).any(|k| matches!(cx.word(k), "v" | "vs"))
            && (from..to)
                .all(|k| matches!(cx.word(k), "v" | "vs" | "." | "(" | ")") || is_score(cx, k));
        if versus && a.kind == PlaceKind::City && b.kind == PlaceKind::City {
            teams.insert(a.span.text(text));
            teams.insert(b.span.text(text));
            continue;
        }
        if to - from > 4 {
            continue;
        }
        let between: Vec<&str> = (from..to).map(|k| cx.word(k)).collect();
        // `3 – 0` or `3-0`: a number, a dash, a number.
        let score = match between.as_slice() {
            [x, dash, y] => {
                is_score(cx, from)
                    && is_score(cx, from + 2)
                    && !x.is_empty()
                    && !y.is_empty()
                    && matches!(*dash, "-" | "\u{2013}" | ":")
            }
            [joined] => {
                let mut parts = joined.split('-');
                matches!((parts.next(), parts.next(), parts.next()), (Some(x), Some(y), None)
                    if !x.is_empty() && !y.is_empty() && (x.len() + y.len()) <= 4
                        && x.bytes().chain(y.bytes()).all(|b| b.is_ascii_digit()))
            }
            _ => false,
        };
        if score && playable(a) && playable(b) {
            teams.insert(a.span.text(text));
            teams.insert(b.span.text(text));
        }
    }
    teams
}

enum Match {
    /// A place from token `.0` to token `.1`.
    Place(usize, usize, &'static Entry, &'static str),
    /// A name that is not a place here, through token `.0`.
    Skip(usize),
    /// The place name, ending at token `.0`, opens an organisation's name that ends at token
    /// `.1` (`Santa Fe Pacific Gold Corp`): the name means the organisation throughout the text.
    Organisation(usize, usize),
    /// Nothing in the gazetteer starts here.
    None,
}

fn candidate(span: Span, entry: &Entry, rule: &'static str) -> PlaceCandidate {
    PlaceCandidate {
        span,
        name: entry.canonical.to_string(),
        kind: entry.kind.unwrap_or(PlaceKind::Other),
        country: (!entry.country.is_empty()).then(|| entry.country.to_string()),
        coordinates: entry.coordinates,
        rule,
    }
}

/// Where a place name ends: before a possessive `'s` that shares its token.
fn name_end(cx: &Context, last: usize, entry: &Entry) -> usize {
    let t = cx.token(last);
    let w = t.span().text(cx.doc.text);
    for suffix in ["'s", "\u{2019}s", "'", "\u{2019}"] {
        if let Some(stem) = w.strip_suffix(suffix) {
            if entry
                .name
                .ends_with(stem.rsplit(' ').next().unwrap_or(stem))
            {
                return t.span().start + stem.len();
            }
        }
    }
    t.span().end
}

/// Is the gazetteer name at token `i` a place here?
fn gazetteer_match(cx: &Context, i: usize) -> Match {
    let text = cx.doc.text;
    let caps_context = cx.is_caps_word(i) && (cx.in_capitals(i) || cx.info[i].paragraph_start);
    if caps_context {
        if let Some((last, entry)) = capitals_at(cx, i) {
            if entry.kind.is_none() {
                return Match::Skip(last);
            }
            let written = &text[cx.token(i).span().start..cx.token(last).span().end];
            let exact = written == entry.name;
            if exact || cx.in_capitals(i) || is_dateline_start(cx, i, last) {
                return judge(cx, i, last, entry, !exact);
            }
        }
    }
    let start = cx.token(i).span().start;
    let Some((end, entry)) = gazetteer().longest_at(text, start) else {
        return Match::None;
    };
    let Some(last) = cx.token_ending_at(i, end) else {
        return Match::None;
    };
    // The name must end at a token end, or before a possessive.
    let last_token = cx.token(last);
    if last_token.span().end != end {
        let rest = &text[end..last_token.span().end];
        if !matches!(rest, "'s" | "\u{2019}s" | "'" | "\u{2019}") {
            return Match::None;
        }
    }
    if entry.kind.is_none() {
        return Match::Skip(last);
    }
    judge(cx, i, last, entry, false)
}

/// The longest name written in capitals over whole tokens from token `i` (`NEW YORK`).
fn capitals_at(cx: &Context, i: usize) -> Option<(usize, &'static Entry)> {
    let start = cx.token(i).span().start;
    let mut last = i;
    while let Some(nx) = cx.next(last) {
        if nx - i >= MAX_NAME_WORDS || cx.token(nx).kind == TokenKind::Number {
            break;
        }
        last = nx;
    }
    // A name in capitals ends before the first lower-case letter.
    let reach = &cx.doc.text[start..cx.token(last).span().end];
    let capitals_end = start + reach.find(char::is_lowercase).unwrap_or(reach.len());
    (i..=last)
        .rev()
        .filter(|&j| cx.token(j).span().end <= capitals_end)
        .find_map(|j| {
            let written = &cx.doc.text[start..cx.token(j).span().end];
            gazetteer().get_capitals(written).map(|e| (j, e))
        })
}

/// Is the place name from token `i` to `last`, matched in the right case, a place here?
fn judge(cx: &Context, i: usize, last: usize, entry: &'static Entry, in_caps: bool) -> Match {
    let ambiguity = entry.ambiguity;
    let prev = cx.prev(i);
    let next = cx.next(last);
    let prev_word = prev.map(|p| cx.word(p));
    let caps = cx.in_capitals(i);
    let is_city = matches!(entry.kind, Some(PlaceKind::City)) && i == last;
    // Datelines: `LONDON 1996-12-06`, `WASHINGTON —`, `TIGNES, France`.
    if in_caps && is_dateline_start(cx, i, last) {
        return Match::Place(i, last, entry, "dateline");
    }
    let title = match prev_word {
        Some(".") => prev.and_then(|p| cx.prev(p)).map(|q| cx.word(q)),
        w => w,
    };
    // `J. F. Kennedy`: an initial before the name.
    let initial = prev_word == Some(".")
        && title.is_some_and(|w| w.len() == 1 && w.chars().all(|c| c.is_ascii_uppercase()));
    if initial || title.is_some_and(|w| is_context_word(w, ContextWord::Honorific)) {
        return Match::Skip(last);
    }
    // A team in a results table: `Leeds 2 Chelsea 1`, `BUFFALO 9 4 0`.
    if matches!(entry.kind, Some(PlaceKind::City)) && next.is_some_and(|nx| is_score(cx, nx)) {
        return Match::Skip(last);
    }
    // A capitalized word before the name makes it part of a longer name (`George Washington`),
    // unless it is a direction (`Southern Indiana`), a function word or itself a place.
    let mut first = i;
    let mut rule = "gazetteer";
    if let Some(p) = prev.filter(|&p| !caps && cx.is_capitalized_word(p)) {
        let w = cx.word(p);
        let only_sentence_start = cx.info[p].sentence_start && ambiguity != Ambiguity::Person;
        if cx.is_context(p, ContextWord::Direction)
            && !matches!(entry.kind, Some(PlaceKind::Landmark))
        {
            first = p;
            rule = "direction-place";
        } else if !(cx.is_context(p, ContextWord::Function)
            || cx.is_context(p, ContextWord::Calendar)
            || only_sentence_start
            || cx
                .known_place_at(p)
                .is_some_and(|(_, e)| e.ambiguity == Ambiguity::None)
            || w.contains('.'))
        {
            return Match::Skip(last);
        }
    }
    // `State of Texas`, `Republic of Ireland`.
    if prev_word == Some("of") {
        if let Some(h) = prev.and_then(|p| cx.prev(p)) {
            if cx.is_context(h, ContextWord::OfHead) {
                first = h;
                rule = "of-place";
            }
        }
    }
    let after_cue = prev.is_some_and(|p| cx.is_cue(p));
    if let Some(end) = organisation_after(cx, last) {
        return Match::Organisation(last, end);
    }
    // A team listed with its country: `Limoges (France) 9 3 6`.
    if is_city && !after_cue && next.is_some_and(|nx| cx.word(nx) == "(") {
        let country = next
            .and_then(|nx| cx.next(nx))
            .and_then(|c| cx.known_place_at(c))
            .filter(|(_, e)| e.kind == Some(PlaceKind::Country));
        if country.is_some() {
            return Match::Skip(last);
        }
    }
    if let Some(nx) = next.filter(|_| !caps) {
        if cx.is_capitalized_word(nx) {
            if let Some(head) = organisation_head_after(cx, last) {
                return Match::Skip(head);
            }
            let free_word = !cx.is_context(nx, ContextWord::Calendar)
                && !cx.is_context(nx, ContextWord::Role)
                && cx
                    .known_place_at(nx)
                    .is_none_or(|(_, e)| e.ambiguity == Ambiguity::Person);
            // `Paris Hilton`, `David Campese`: a one-word town or a person-like name before
            // another capitalized word is part of a person's or organisation's name.
            if free_word && (ambiguity == Ambiguity::Person || is_city && !after_cue) {
                return Match::Skip(nx);
            }
        } else if ambiguity == Ambiguity::Person && cx.is_context(nx, ContextWord::ReportingVerb) {
            // `Jordan said`.
            return Match::Skip(last);
        }
    }
    if ambiguity == Ambiguity::Word && caps {
        // `RUGBY UNION`: in a headline only a dateline (handled above) confirms such a name.
        return Match::Skip(last);
    }
    if ambiguity == Ambiguity::Word {
        let after_cue = after_cue && prev_word != Some("of");
        let after_comma_place = prev.is_some_and(|p| cx.word(p) == ",")
            && prev
                .and_then(|p| cx.prev(p))
                .is_some_and(|q| cx.is_capitalized_word(q));
        let before_comma_place = next.is_some_and(|nx| cx.word(nx) == ",")
            && next
                .and_then(|nx| cx.next(nx))
                .and_then(|m| cx.known_place_at(m))
                .is_some_and(|(_, e)| e.ambiguity == Ambiguity::None);
        if !(after_cue || after_comma_place || before_comma_place) {
            return Match::Skip(last);
        }
    }
    Match::Place(first, last, entry, rule)
}

/// The organisation word ending the capitalized words right after token `last`
/// (`Chicago Tribune`, `New York Commodities Desk`).
fn organisation_head_after(cx: &Context, last: usize) -> Option<usize> {
    let mut j = last;
    for _ in 0..3 {
        j = cx.next(j).filter(|&nx| cx.is_capitalized_word(nx))?;
        if cx.is_context(j, ContextWord::OrganisationHead) {
            return Some(j);
        }
    }
    None
}

/// `Kennedy Space Center (KSC)`: the ALL-CAPS word in brackets right after a facility's name,
/// which then names it wherever it recurs.
fn acronym_after(cx: &Context, last: usize) -> Option<usize> {
    let open = cx.next(last).filter(|&o| cx.word(o) == "(")?;
    let acronym = cx.next(open).filter(|&a| cx.is_caps_word(a))?;
    cx.next(acronym).filter(|&c| cx.word(c) == ")")?;
    Some(acronym)
}

/// Where an organisation's name ends when the capitalized words after token `last` end in a
/// company suffix (`Santa Fe Pacific Gold Corp`).
fn organisation_after(cx: &Context, last: usize) -> Option<usize> {
    let mut j = last;
    for _ in 0..MAX_NAME_WORDS {
        j = cx.next(j).filter(|&nx| cx.is_capitalized_word(nx))?;
        if cx.is_context(j, ContextWord::CompanySuffix) {
            return Some(j);
        }
    }
    None
}

/// A small whole number such as a score or a table figure (not a year or a date).
fn is_score(cx: &Context, i: usize) -> bool {
    let t = cx.token(i);
    let w = cx.word(i);
    t.kind == TokenKind::Number && w.len() <= 3 && w.bytes().all(|b| b.is_ascii_digit())
}

/// Is the name from token `first` to `last` at the start of a paragraph and followed by what
/// follows a dateline: a date or number, `(`, a dash, or `,` and a capitalized word?
fn is_dateline_start(cx: &Context, first: usize, last: usize) -> bool {
    if !cx.info[first].paragraph_start {
        return false;
    }
    let Some(nx) = (last + 1 < cx.doc.tokens.len()).then_some(last + 1) else {
        return false;
    };
    if cx.info[nx].paragraph_start {
        return false;
    }
    let w = cx.word(nx);
    match w {
        "(" | "\u{2014}" | "\u{2013}" => true,
        "," => (nx + 1 < cx.doc.tokens.len())
            .then_some(nx + 1)
            .is_some_and(|m| !cx.info[m].paragraph_start && cx.is_capitalized_word(m)),
        _ => cx.token(nx).kind == TokenKind::Number && !is_score(cx, nx),
    }
}

/// A place not in the gazetteer, known from context: an ALL-CAPS dateline (`TIGNES, France`) or
/// a capitalized name before `, State` after a cue word (`in Saratoga Springs, New York`).
fn unknown_place_at(cx: &Context, i: usize) -> Option<(usize, PlaceCandidate)> {
    let n = cx.doc.tokens.len();
    // Dateline: a run of ALL-CAPS words opening a paragraph.
    if cx.info[i].paragraph_start && cx.is_caps_word(i) {
        let mut last = i;
        while last + 1 < n
            && last + 1 - i < MAX_NAME_WORDS
            && !cx.info[last + 1].paragraph_start
            && cx.is_caps_word(last + 1)
        {
            last += 1;
        }
        // In an ALL-CAPS line only a date after the name tells a dateline from a headline.
        let dated = last + 1 < n && cx.token(last + 1).kind == TokenKind::Number;
        if is_dateline_start(cx, i, last) && (dated || !cx.in_capitals(i)) {
            let span = Span::new(cx.token(i).span().start, cx.token(last).span().end);
            return Some((last, unknown(cx, span, "dateline")));
        }
        return None;
    }
    // `Town, State` after a cue word.
    let prev = cx.prev(i)?;
    if !cx.is_cue(prev) || cx.in_capitals(i) {
        return None;
    }
    let mut last = i;
    while let Some(nx) = cx.next(last) {
        if last + 1 - i >= MAX_NAME_WORDS || !cx.is_capitalized_word(nx) {
            break;
        }
        last = nx;
    }
    let comma = cx.next(last)?;
    if cx.word(comma) != "," {
        return None;
    }
    let (region_last, region) = cx.known_place_at(comma + 1)?;
    if !matches!(region.kind, Some(PlaceKind::State | PlaceKind::Country)) {
        return None;
    }
    // The region closes the phrase (`in Goma, Congo.`); `of Group G, Belgium faced` is a list.
    if cx.next(region_last).is_some_and(|after| {
        cx.token(after).kind != TokenKind::Punct
            && !matches!(
                cx.word(after),
                "and" | "or" | "on" | "in" | "at" | "to" | "where" | "which" | "who"
            )
    }) {
        return None;
    }
    let span = Span::new(cx.token(i).span().start, cx.token(last).span().end);
    Some((last, unknown(cx, span, "town-comma-region")))
}

fn unknown(cx: &Context, span: Span, rule: &'static str) -> PlaceCandidate {
    PlaceCandidate {
        span,
        name: span.text(cx.doc.text).to_string(),
        kind: PlaceKind::Other,
        country: None,
        coordinates: None,
        rule,
    }
}

/// A named facility starting at token `i`: capitalized words ending in a facility head word
/// (`Kennedy Space Center`), possibly followed by `of` and a capitalized name (`Museum of Flight`).
fn facility_at(cx: &Context, i: usize) -> Option<(usize, PlaceCandidate)> {
    if cx.in_capitals(i) {
        return None;
    }
    if cx.is_context(i, ContextWord::Function) {
        return None;
    }
    let mut last = i;
    let mut head = None;
    let mut n_words = 1;
    loop {
        if cx.is_context(last, ContextWord::FacilityHead) {
            head = Some(last);
        }
        match cx.next(last) {
            Some(nx) if cx.is_capitalized_word(nx) && n_words < MAX_NAME_WORDS + 2 => {
                last = nx;
                n_words += 1;
            }
            _ => break,
        }
    }
    let head = head?;
    // `Mecca's Grand Mosque`: a possessive ends the owner's name; the facility starts after it.
    if (i..head).any(|k| {
        let w = cx.word(k);
        w.ends_with("'s") || w.ends_with("\u{2019}s")
    }) {
        return None;
    }
    let mut end = head;
    // `Museum of Flight`, `National Museum of the U.S. Air Force`.
    if let Some(of) = cx.next(head).filter(|&o| cx.word(o) == "of") {
        let mut j = of + 1;
        if j < cx.doc.tokens.len() && cx.word(j) == "the" && cx.same_sentence(of, j) {
            j += 1;
        }
        let mut k = j;
        while k < cx.doc.tokens.len()
            && cx.same_sentence(of, k)
            && k - j < MAX_NAME_WORDS
            && (cx.is_capitalized_word(k) || cx.word(k) == "." && k > j)
            && !cx.is_context(k, ContextWord::Role)
            && !matches!(cx.word(k), "CEO" | "Director" | "Curator" | "Chairman")
        {
            end = k;
            k += 1;
        }
        if cx.word(end) == "." {
            end -= 1;
        }
    } else if head == i {
        // A head word alone (`Museum`) is not a name.
        return None;
    } else if head != last {
        // More capitalized words follow: the name of an event or an organisation.
        return None;
    }
    if end == head && cx.next(head).is_some_and(|f| cx.word(f) == "for") {
        return None;
    }
    let span = Span::new(cx.token(i).span().start, cx.token(end).span().end);
    Some((end, unknown(cx, span, "facility")))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::segment::segment;

    /// Checks the place mentions found in `input`, rendered as `[mention]` marks.
    fn check(input: &str, expect: &str) {
        let doc = segment(input);
        let mut out = String::new();
        let mut pos = 0;
        for p in find(&doc) {
            out.push_str(&input[pos..p.span.start]);
            out.push('[');
            out.push_str(p.span.text(input));
            out.push(']');
            pos = p.span.end;
        }
        out.push_str(&input[pos..]);
        assert_eq!(out, expect);
    }

    #[test]
    fn countries_cities_and_short_forms() {
        check(
            "Talks in Kiev and the U.S. capital went on; Britain's envoy flew to New York City.",
            "Talks in [Kiev] and the [U.S.] capital went on; [Britain]'s envoy flew to [New York City].",
        );
    }

    #[test]
    fn words_that_are_places_need_context() {
        check(
            "Nice work. Reading is fun. He lives in Reading and flew to Nice.",
            "Nice work. Reading is fun. He lives in [Reading] and flew to [Nice].",
        );
    }

    #[test]
    fn people_and_organisations_are_not_places() {
        check(
            "George Washington read the Washington Post with Jordan Peterson in Jordan.",
            "George Washington read the Washington Post with Jordan Peterson in [Jordan].",
        );
        check(
            "Mr. Jordan met the Bank of England chief in London.",
            "Mr. Jordan met the Bank of England chief in [London].",
        );
        check(
            "John F. Kennedy and Sofia Coppola visited Sofia.",
            "John F. Kennedy and Sofia Coppola visited [Sofia].",
        );
    }

    #[test]
    fn datelines() {
        check(
            "WASHINGTON \u{2014} The vote failed.\nTIGNES, France 1996-12-06\nSOCCER - JAPAN WIN",
            "[WASHINGTON] \u{2014} The vote failed.\n[TIGNES], [France] 1996-12-06\nSOCCER - [JAPAN] WIN",
        );
    }

    #[test]
    fn extents() {
        check(
            "They met at the White House, in Southern Indiana and in the State of Texas.",
            "They met at the [White House], in [Southern Indiana] and in the [State of Texas].",
        );
        check(
            "The shuttle went to the Museum of Flight and the Kennedy Space Center.",
            "The shuttle went to the [Museum of Flight] and the [Kennedy Space Center].",
        );
    }

    #[test]
    fn towns_before_a_state() {
        check(
            "She grew up in Saratoga Springs, New York.",
            "She grew up in [Saratoga Springs], [New York].",
        );
    }

    #[test]
    fn odd_input_does_not_panic() {
        for text in [
            "",
            "\u{2019}s",
            "U.S",
            "NEW",
            "Paris'",
            "in X,",
            "\r\nLONDON",
        ] {
            let doc = segment(text);
            let _ = find(&doc);
        }
    }
}
