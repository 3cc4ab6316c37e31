//! Source mentions: the noun phrase next to a reporting verb that names who spoke — a name
//! (`Mr. Smith`, `Jane Smith`), a pronoun (`she`, `who`) or a description (`the newspaper`,
//! `Cruz’s lawyers`, `officials`).
//!
//! Owns reading such a phrase forward from a token or backward from a verb, within bounds the caller
//! gives. It does not link the phrase to a person (see `registry`).

use super::Ctx;
use crate::annotations::Gender;
use crate::lexicon::cues::{self, PronounKind};
use crate::lexicon::names;
use crate::span::Span;

/// The longest source phrase read, in tokens.
const MAX_PHRASE: usize = 8;

/// How a source mention names its source.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum SourceKind {
    /// A name, possibly with a title (`Sen. Jane Smith`).
    Name,
    /// A personal pronoun (`he`, `they`).
    Pronoun,
    /// The relative pronoun `who` after a name (`Smith, who said …`).
    Relative,
    /// A description (`the newspaper`, `a spokesman`).
    Description,
}

/// A source mention.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Source {
    /// Where it is.
    pub span: Span,
    /// What it is.
    pub kind: SourceKind,
    /// The gender it tells (from a pronoun, an honorific or a gendered role noun).
    pub gender: Option<Gender>,
}

fn is_capitalized(w: &str) -> bool {
    w.chars().next().is_some_and(char::is_uppercase)
}

fn is_possessive(w: &str) -> bool {
    w.ends_with("'s") || w.ends_with("\u{2019}s") || w.ends_with("s'") || w.ends_with("s\u{2019}")
}

/// A capitalized reporting verb in a Title-Case headline ("Jones Says", "Smith Called").
fn is_title_case_verb(w: &str) -> bool {
    is_capitalized(w)
        && (w.ends_with('s') || w.ends_with("ed"))
        && w != "States"
        && cues::is_speech_verb(w)
}

/// True when token `i` can be part of a name.
fn is_name_token(ctx: &Ctx, i: usize) -> bool {
    let w = ctx.word(i);
    if ctx.quoted[i] {
        return false;
    }
    if ctx.is_word(i) {
        return is_capitalized(w) || names::is_particle(w);
    }
    // The period of an initial or an abbreviated title: "D." "Mr."
    w == "."
        && i > 0
        && ctx.tokens[i - 1].span().end == ctx.tokens[i].span().start
        && ctx.is_word(i - 1)
        && {
            let p = ctx.word(i - 1);
            p.chars().count() == 1 || cues::honorific(p).is_some() || names::is_name_suffix(p)
        }
}

fn gender_of_name(ctx: &Ctx, a: usize, b: usize) -> Option<Gender> {
    (a..b).find_map(|i| {
        let w = ctx.word(i);
        cues::honorific(w).flatten().or_else(|| {
            cues::is_title_word(w)
                .then(|| cues::role_noun(w).flatten())
                .flatten()
        })
    })
}

/// The nearest name with a gendered honorific or title before token `at` (`Mrs. Helen Ward`), at
/// most `window` tokens back, outside quotes: a person the article itself gives a gender.
pub(super) fn gendered_name_before(
    ctx: &Ctx,
    at: usize,
    window: usize,
    gender: Gender,
) -> Option<Source> {
    let floor = at.saturating_sub(window);
    let mut k = at;
    while k > floor {
        k -= 1;
        if ctx.quoted[k] || !ctx.is_word(k) {
            continue;
        }
        let w = ctx.word(k);
        let tells = cues::honorific(w).flatten().or_else(|| {
            cues::is_title_word(w)
                .then(|| cues::role_noun(w).flatten())
                .flatten()
        });
        if tells == Some(gender) {
            let (src, _) = forward(ctx, k, at)?;
            return (src.kind == SourceKind::Name && src.span.end > ctx.tokens[k].span().end)
                .then_some(src);
        }
    }
    None
}

fn span_of(ctx: &Ctx, a: usize, b: usize) -> Span {
    Span::new(ctx.tokens[a].span().start, ctx.tokens[b - 1].span().end)
}

fn is_preposition(w: &str) -> bool {
    matches!(
        w,
        "in" | "on"
            | "at"
            | "for"
            | "with"
            | "from"
            | "by"
            | "of"
            | "to"
            | "about"
            | "into"
            | "over"
            | "after"
            | "before"
            | "during"
            | "since"
            | "under"
            | "through"
            | "across"
            | "against"
            | "earlier"
            | "later"
    )
}

fn skip_fillers_back(ctx: &Ctx, lo: usize, mut end: usize) -> usize {
    while end > lo && cues::is_verb_filler(ctx.word(end - 1)) && !ctx.quoted[end - 1] {
        end -= 1;
    }
    end
}

/// Moves `end` back over prepositional phrases between a subject and its verb
/// ("Trump *at the time* said", "she *on Tuesday* told"); a capitalized last word stays (a name).
fn skip_prepositional_phrases(ctx: &Ctx, lo: usize, mut end: usize) -> usize {
    for _ in 0..3 {
        if end <= lo || !ctx.is_word(end - 1) || ctx.quoted[end - 1] {
            break;
        }
        let last = ctx.word(end - 1);
        if is_capitalized(last) && !cues::is_clause_opener(last) {
            break;
        }
        let floor = lo.max(end.saturating_sub(7));
        let mut k = end;
        let mut found = None;
        while k > floor && ctx.is_word(k - 1) && !ctx.quoted[k - 1] {
            let x = ctx.word(k - 1);
            if is_preposition(x) {
                found = Some(k - 1);
                break;
            }
            if cues::subject_pronoun(x).is_some() || ctx.is_cue(k - 1) {
                break;
            }
            k -= 1;
        }
        match found {
            // "months before its senior vice president boasted": a clause whose subject is a role.
            Some(p) if starts_clause_with_role(ctx, p, end) => break,
            Some(p) if p + 1 < end || matches!(ctx.word(p), "earlier" | "later") => {
                end = skip_fillers_back(ctx, lo, p);
            }
            _ => break,
        }
    }
    end
}

/// True when tokens `p..end` are a time conjunction and a role-noun phrase that is the subject of
/// the active verb after them (`before the senator said`), not a phrase to skip (`after the
/// meeting`, or `after the staffer was charged`, where the staffer did not speak).
fn starts_clause_with_role(ctx: &Ctx, p: usize, end: usize) -> bool {
    matches!(ctx.word(p), "before" | "after" | "since")
        && p + 2 < end
        && cues::is_determiner(ctx.word(p + 1))
        && cues::role_noun(ctx.word(end - 1)).is_some()
        && !matches!(
            ctx.word(end),
            "was" | "were" | "is" | "are" | "be" | "been" | "being"
        )
}

/// The subject at the head of the sentence that holds the verb at `v`, after an introductory phrase
/// ("In an interview, Smith …", "But she …"): for verbs whose own subject is far
/// ("Smith thanked them and added", "…, saying").
pub(super) fn sentence_subject(ctx: &Ctx, lo: usize, v: usize) -> Option<Source> {
    // The first phrase that a verb-like word follows ("Mr. Trump released", "she has"), skipping
    // introductory words ("Back in 1999,", "Facing criticism,").
    let mut i = lo;
    let mut tried = 0;
    let mut first = None;
    while i < v && tried < 4 {
        if ctx.quoted[i] || !ctx.is_word(i) {
            i += 1;
            continue;
        }
        match forward(ctx, i, v) {
            Some((src, next)) => {
                tried += 1;
                if src.kind != SourceKind::Description || tried == 1 {
                    first = first.or(Some(src));
                }
                let next = if ctx.is(next, ",") && src.kind == SourceKind::Name {
                    // "Smith, who …, said" / "Smith, 52, said"
                    (next + 1..v.min(next + 20))
                        .find(|&k| ctx.is(k, ","))
                        .map_or(next, |k| k + 1)
                } else {
                    next
                };
                if next < v && ctx.is_word(next) && looks_like_verb(ctx, next) {
                    return Some(src);
                }
                i = next.max(i + 1);
            }
            None => i += 1,
        }
    }
    first
}

/// A lower-case word that can be a finite verb or start a verb group ("released", "has", "says").
fn looks_like_verb(ctx: &Ctx, i: usize) -> bool {
    let w = ctx.word(i);
    w.chars().next().is_some_and(char::is_lowercase)
        && (ctx.is_cue(i)
            || (cues::is_verb_filler(w)
                && !matches!(
                    w,
                    "later" | "then" | "first" | "once" | "soon" | "long" | "now"
                ))
            || w.ends_with("ed")
            || (w.ends_with('s') && !w.ends_with("ss") && cues::role_noun(w).is_none()))
}

/// A source phrase starting at token `i` (before `hi`), and the index after it.
pub(super) fn forward(ctx: &Ctx, i: usize, hi: usize) -> Option<(Source, usize)> {
    if i >= hi || ctx.quoted[i] || !ctx.is_word(i) {
        return None;
    }
    let w = ctx.word(i);
    if matches!(
        w,
        "former"
            | "retired"
            | "outgoing"
            | "longtime"
            | "fellow"
            | "veteran"
            | "incoming"
            | "acting"
            | "late"
    ) || w.starts_with("then-")
    {
        // "former Sen. Evan Bayh": the modifier joins the name or role after it.
        let (src, next) = forward(ctx, i + 1, hi)?;
        if src.kind == SourceKind::Pronoun || src.span.start != ctx.tokens[i + 1].span().start {
            return None;
        }
        let span = Span::new(ctx.tokens[i].span().start, src.span.end);
        return Some((Source { span, ..src }, next));
    }
    if let Some(kind) = cues::subject_pronoun(w) {
        let gender = match kind {
            PronounKind::Personal(g) => Some(g),
            PronounKind::Other => None,
        };
        if w == "who" || w == "it" || w == "It" {
            return None;
        }
        return Some((
            Source {
                span: ctx.tokens[i].span(),
                kind: SourceKind::Pronoun,
                gender,
            },
            i + 1,
        ));
    }
    if is_capitalized(w) && !cues::is_clause_opener(w) {
        let mut j = i;
        while j < hi
            && j < i + MAX_PHRASE
            && is_name_token(ctx, j)
            && !(j > i && is_title_case_verb(ctx.word(j)))
        {
            j += 1;
        }
        // Do not end on a particle.
        while j > i + 1 && names::is_particle(ctx.word(j - 1)) {
            j -= 1;
        }
        if is_possessive(ctx.word(j - 1)) {
            // "Cruz’s lawyers", "Clinton's campaign"
            let mut k = j;
            while k < hi
                && k < j + 3
                && ctx.is_word(k)
                && !is_capitalized(ctx.word(k))
                && !ctx.is_cue(k)
                && !cues::is_verb_filler(ctx.word(k))
            {
                k += 1;
            }
            if k > j {
                return Some((description(ctx, i, k), k));
            }
        }
        // "Sen. Jane Smith (D-Ohio) said": a parenthesis after a name belongs to it.
        let after = if ctx.is(j, "(") {
            (j + 1..hi.min(j + 10))
                .find(|&k| ctx.is(k, ")"))
                .map_or(j, |k| k + 1)
        } else {
            j
        };
        return Some((
            Source {
                span: span_of(ctx, i, j),
                kind: SourceKind::Name,
                gender: gender_of_name(ctx, i, j),
            },
            after,
        ));
    }
    if cues::is_determiner(w) || matches!(w, "The" | "A" | "An") {
        // "the newspaper", "a senior White House official": up to the noun before a verb or a break.
        let mut k = i + 1;
        let mut last_noun = None;
        while k < hi && k < i + 5 && ctx.is_word(k) && !ctx.quoted[k] {
            let x = ctx.word(k);
            if k > i + 1 && x.ends_with("ed") && x.chars().next().is_some_and(char::is_lowercase) {
                break; // "the town released …": a verb ends the phrase
            }
            if ctx.is_cue(k)
                || cues::is_verb_filler(x)
                || matches!(
                    x,
                    "who"
                        | "that"
                        | "which"
                        | "of"
                        | "for"
                        | "in"
                        | "on"
                        | "at"
                        | "to"
                        | "with"
                        | "from"
                        | "by"
                        | "and"
                )
            {
                break;
            }
            last_noun = Some(k);
            k += 1;
        }
        let end = last_noun? + 1;
        return Some((description(ctx, i, end), end));
    }
    if cues::role_noun(w).is_some() {
        if let Some(named) = role_before_name(ctx, i, hi) {
            return Some(named);
        }
        return Some((description(ctx, i, i + 1), i + 1));
    }
    if w.chars().next().is_some_and(char::is_lowercase) {
        // `conservative activist Bob Klaus`: lower-case modifiers before a role noun and a name
        let role = (i + 1..hi.min(i + 4)).find(|&k| {
            !ctx.is_word(k) || ctx.quoted[k] || cues::role_noun(ctx.word(k)).is_some()
        })?;
        if !ctx.is_word(role) || ctx.quoted[role] || (i..role).any(|k| !is_plain_modifier(ctx, k)) {
            return None;
        }
        return role_before_name(ctx, role, hi);
    }
    None
}

/// Rule `role-before-name`: `activist Bob Klaus`, `finance director Dana Cole` — a lower-case role
/// noun (with at most two lower-case modifiers before it) right before a name gives the name.
fn role_before_name(ctx: &Ctx, role: usize, hi: usize) -> Option<(Source, usize)> {
    let mut k = role + 1;
    while k < hi.min(role + 3) && ctx.is_word(k) && cues::role_noun(ctx.word(k)).is_some() {
        k += 1;
    }
    if !(k < hi && ctx.is_word(k) && is_capitalized(ctx.word(k))) {
        return None;
    }
    let (src, next) = forward(ctx, k, hi)?;
    (src.kind == SourceKind::Name).then_some((src, next))
}

/// A lower-case word that may modify a role noun: not a verb cue, filler or function word.
fn is_plain_modifier(ctx: &Ctx, k: usize) -> bool {
    let x = ctx.word(k);
    ctx.is_word(k)
        && x.chars().next().is_some_and(char::is_lowercase)
        && !ctx.is_cue(k)
        && !cues::is_verb_filler(x)
        && !cues::is_determiner(x)
        && cues::subject_pronoun(x).is_none()
        && x.chars().count() > 3
}

fn description(ctx: &Ctx, a: usize, b: usize) -> Source {
    let gender = (a..b)
        .rev()
        .find_map(|k| cues::role_noun(ctx.word(k)).flatten());
    Source {
        span: span_of(ctx, a, b),
        kind: SourceKind::Description,
        gender,
    }
}

/// The subject of the verb at token `v`: a source phrase ending right before it (after adverbs
/// and auxiliaries, and skipping an appositive between commas), not before token `lo`.
pub(super) fn backward(ctx: &Ctx, lo: usize, v: usize) -> Option<Source> {
    let mut end = skip_fillers_back(ctx, lo, v);
    if end > lo && ctx.is(end - 1, ")") {
        // "Sen. Jane Smith (D-Ohio) said"
        let floor = lo.max(end.saturating_sub(10));
        end = (floor..end - 1)
            .rev()
            .find(|&k| ctx.is(k, "("))
            .unwrap_or(end);
    }
    end = skip_prepositional_phrases(ctx, lo, end);
    if end > lo && ctx.is(end - 1, ",") {
        // "Smith, a spokesman for the group, said": the phrase before the earlier comma.
        let floor = lo.max(end.saturating_sub(25));
        let comma = (floor..end - 1)
            .rev()
            .find(|&k| ctx.is(k, ",") || ctx.quoted[k])?;
        if ctx.quoted[comma] {
            return None;
        }
        end = comma;
    }
    // "James Comey Jr. said", "Henry J. said": the name's own period is not a break.
    let name_end = end;
    if end > lo + 1 && ctx.is(end - 1, ".") && is_name_token(ctx, end - 1) {
        end -= 1;
    }
    if end <= lo || ctx.quoted[end - 1] || !ctx.is_word(end - 1) {
        return None;
    }
    let last = end - 1;
    let w = ctx.word(last);
    if w == "who" {
        return Some(Source {
            span: ctx.tokens[last].span(),
            kind: SourceKind::Relative,
            gender: None,
        });
    }
    if let Some(kind) = cues::subject_pronoun(w) {
        let gender = match kind {
            PronounKind::Personal(g) => Some(g),
            PronounKind::Other => None,
        };
        return Some(Source {
            span: ctx.tokens[last].span(),
            kind: SourceKind::Pronoun,
            gender,
        });
    }
    if is_capitalized(w) {
        let floor = lo.max(end.saturating_sub(MAX_PHRASE));
        let mut start = end;
        while start > floor && is_name_token(ctx, start - 1) {
            start -= 1;
        }
        while start < last
            && (cues::is_clause_opener(ctx.word(start))
                || names::is_particle(ctx.word(start))
                || ctx.word(start) == ".")
        {
            start += 1;
        }
        if cues::is_clause_opener(ctx.word(start)) && start == last {
            return None;
        }
        // "the Times", "The Washington Post": a description that is a name.
        if start > lo && matches!(ctx.word(start - 1), "the" | "The") {
            return Some(Source {
                span: span_of(ctx, start - 1, name_end),
                kind: SourceKind::Name,
                gender: None,
            });
        }
        return Some(Source {
            span: span_of(ctx, start, name_end),
            kind: SourceKind::Name,
            gender: gender_of_name(ctx, start, name_end),
        });
    }
    if name_end != end {
        return None;
    }
    // A description: back to its determiner or possessive ("the influential daily", "Cruz’s lawyers").
    if is_preposition(w)
        || cues::is_determiner(w)
        || matches!(w, "and" | "or" | "but" | "that" | "than" | "as")
    {
        return None;
    }
    let floor = lo.max(end.saturating_sub(MAX_PHRASE));
    let mut k = end;
    while k > floor && ctx.is_word(k - 1) && !ctx.quoted[k - 1] {
        let x = ctx.word(k - 1);
        if cues::is_determiner(x) || is_possessive(x) {
            return Some(description(ctx, k - 1, end));
        }
        if k - 1 != last
            && (ctx.is_cue(k - 1)
                || matches!(
                    x,
                    "and"
                        | "that"
                        | "of"
                        | "to"
                        | "in"
                        | "on"
                        | "with"
                        | "for"
                        | "by"
                        | "as"
                        | "at"
                        | "from"
                ))
        {
            break;
        }
        k -= 1;
    }
    if cues::role_noun(w).is_some() {
        // "officials said", "Senate aides said"
        let mut start = last;
        while start > floor
            && ctx.is_word(start - 1)
            && is_capitalized(ctx.word(start - 1))
            && !ctx.quoted[start - 1]
        {
            start -= 1;
        }
        return Some(description(ctx, start, end));
    }
    None
}
