//! Speakers: decides which quotations are speech and links each to its speaker.
//!
//! Attribution is a chain of small named rules (`RULES`), tried in order for each quotation; the
//! first that finds a source wins and its name goes into [`Quote::rule`]. A last pass
//! (`next-quote-speaker`) gives a quote that no rule attributed the speaker of the quote right after
//! it. The source is the mention
//! the attribution rests on (a name, a pronoun, a role or a description such as "the newspaper");
//! names and pronouns are then linked to a person entity (see `registry`), adding people that only the
//! attribution reveals. A quotation that no rule attributes is speech when it is long enough to be
//! someone's words, and a title or scare quote (`QuoteKind::Other`) otherwise.
//!
//! All look-around is bounded: a rule reads at most `WINDOW` tokens on either side of its quote.

mod registry;
mod source;

use std::cell::OnceCell;

use crate::annotations::{Gender, Person, Quote, QuoteKind};
use crate::detect::quotes::{QuoteCandidate, QuoteScan};
use crate::lexicon::{cues, names};
use crate::segment::{Document, Token, TokenKind};
use crate::span::Span;

use registry::Registry;
use source::{Source, SourceKind};

/// Most tokens a rule reads on either side of its quotation.
const WINDOW: usize = 40;

/// Most tokens a pronoun looks back for a name with a gendered honorific.
const PRONOUN_WINDOW: usize = 80;

/// What a rule found: the source mention and the cue that ties it to the quote.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Found {
    source: Source,
    cue: Option<Span>,
}

/// A named attribution rule.
struct Rule {
    name: &'static str,
    apply: fn(&Ctx, usize, &[Quote]) -> Option<Found>,
}

/// The attribution rules, in the order they are tried.
const RULES: &[Rule] = &[
    Rule {
        name: "dash-source",
        apply: dash_source,
    },
    Rule {
        name: "quote-source-verb",
        apply: quote_source_verb,
    },
    Rule {
        name: "quote-verb-source",
        apply: quote_verb_source,
    },
    Rule {
        name: "participle-same-speaker",
        apply: participle_same_speaker,
    },
    Rule {
        name: "according-to",
        apply: according_to,
    },
    Rule {
        name: "source-verb-quote",
        apply: source_verb_quote,
    },
    Rule {
        name: "according-to-before",
        apply: according_to_before,
    },
    Rule {
        name: "verb-later-in-sentence",
        apply: verb_later_in_sentence,
    },
    Rule {
        name: "name-colon",
        apply: name_colon,
    },
    Rule {
        name: "colon-block",
        apply: colon_block,
    },
    Rule {
        name: "previous-sentence-cue",
        apply: previous_sentence_cue,
    },
    Rule {
        name: "same-paragraph-speaker",
        apply: same_paragraph_speaker,
    },
    Rule {
        name: "previous-paragraph-speaker",
        apply: previous_paragraph_speaker,
    },
    Rule {
        name: "sentence-subject",
        apply: sentence_subject,
    },
];

/// The quotes of one text with the source each attribution rule found, before any source is
/// linked to a person ([`find_sources`], then [`link_speakers`]). The rules read only the text and
/// the quotes, so this part can run beside entity resolution.
pub struct Sources<'d, 't> {
    ctx: Ctx<'d, 't>,
    /// Every quote, its speaker not yet known.
    quotes: Vec<Quote>,
    /// For each quote, what the first rule that applied found.
    found: Vec<Option<Found>>,
}

/// Quotes with their speakers. May add people that only the attribution reveals.
pub fn attribute(doc: &Document, scan: &QuoteScan, people: &mut Vec<Person>) -> Vec<Quote> {
    link_speakers(find_sources(doc, scan), people)
}

/// Runs the attribution rules over every quote of `scan`.
pub fn find_sources<'d, 't>(doc: &'d Document<'t>, scan: &'d QuoteScan) -> Sources<'d, 't> {
    let ctx = Ctx::new(doc, &scan.quotes);
    let mut quotes: Vec<Quote> = Vec::with_capacity(scan.quotes.len());
    let mut found = Vec::with_capacity(scan.quotes.len());
    for (qi, q) in scan.quotes.iter().enumerate() {
        let first = RULES
            .iter()
            .find_map(|rule| (rule.apply)(&ctx, qi, &quotes).map(|f| (rule.name, f)));
        let quote = match &first {
            Some((rule, f)) => {
                let title = ctx.looks_like_title(qi);
                Quote {
                    span: q.span,
                    outer: q.outer,
                    kind: if title {
                        QuoteKind::Other
                    } else {
                        QuoteKind::Speech
                    },
                    speaker: None,
                    speaker_mention: Some(f.source.span).filter(|_| !title),
                    cue: f.cue.filter(|_| !title),
                    rule,
                }
            }
            None => Quote {
                span: q.span,
                outer: q.outer,
                kind: if ctx.is_long_speech(qi) && !ctx.looks_like_title(qi) {
                    QuoteKind::Speech
                } else {
                    QuoteKind::Other
                },
                speaker: None,
                speaker_mention: None,
                cue: None,
                rule: "none",
            },
        };
        quotes.push(quote);
        found.push(first.map(|(_, f)| f));
    }
    Sources { ctx, quotes, found }
}

/// Links each source the rules found to a person of `people`, in text order, adding the people
/// that only the attribution reveals.
pub fn link_speakers(sources: Sources, people: &mut Vec<Person>) -> Vec<Quote> {
    let Sources {
        ctx,
        mut quotes,
        found,
    } = sources;
    let mut registry = Registry::new(ctx.text, people);
    for (qi, f) in found.iter().enumerate() {
        let Some(f) = f else {
            continue;
        };
        let inherited = quotes[qi].rule.ends_with("-speaker");
        let speaker = if inherited {
            quotes[..qi]
                .iter()
                .rev()
                .find(|p| p.speaker_mention == Some(f.source.span))
                .and_then(|p| p.speaker)
        } else if f.source.kind == SourceKind::Pronoun {
            // A gendered name the article gives just before wins over older people.
            let at = ctx
                .tokens
                .partition_point(|t| t.span().start < f.source.span.start);
            let named = f
                .source
                .gender
                .and_then(|g| source::gendered_name_before(&ctx, at, PRONOUN_WINDOW, g));
            match named {
                Some(name) if registry.nearest_is_before(f.source, name.span) => {
                    registry.link(name)
                }
                _ => registry.link(f.source),
            }
        } else {
            registry.link(f.source)
        };
        // A title keeps no speaker (its source was linked all the same).
        let title = quotes[qi].kind == QuoteKind::Other;
        quotes[qi].speaker = speaker.filter(|_| !title);
    }
    registry.finish(&ctx.doc.tokens);
    next_quote_speaker(&ctx, &mut quotes);
    quotes
}

/// `“…” “…,” she said.`: a speech quote no rule attributed takes the speaker of the next quote in
/// its paragraph when nothing but white space or punctuation lies between them (rule
/// `next-quote-speaker`, applied after the others).
fn next_quote_speaker(ctx: &Ctx, out: &mut [Quote]) {
    for qi in (0..out.len().saturating_sub(1)).rev() {
        let next = qi + 1;
        let adjacent = ctx.quotes[qi].paragraph == ctx.quotes[next].paragraph
            && (ctx.inside[qi].1..ctx.inside[next].0).all(|k| !ctx.is_word(k));
        if out[qi].kind == QuoteKind::Speech
            && out[qi].speaker_mention.is_none()
            && adjacent
            && out[next].speaker_mention.is_some()
        {
            out[qi].speaker = out[next].speaker;
            out[qi].speaker_mention = out[next].speaker_mention;
            out[qi].cue = out[next].cue;
            out[qi].rule = "next-quote-speaker";
        }
    }
}

/// Token range (`start..end` indices into `doc.tokens`) of paragraph `paragraph` of `doc`.
fn paragraph_tokens(doc: &Document, paragraph: usize) -> (usize, usize) {
    let p = doc.paragraphs[paragraph];
    let a = doc.tokens.partition_point(|t| t.span().start < p.start);
    let b = doc.tokens.partition_point(|t| t.span().start < p.end);
    (a, b)
}

/// The tokens around the quotations, with the lookups every rule needs.
struct Ctx<'d, 't> {
    text: &'t str,
    doc: &'d Document<'t>,
    tokens: &'d [Token],
    quotes: &'d [QuoteCandidate],
    /// For each quote, the tokens of its outer span (`start..end` indices into `tokens`).
    inside: Vec<(usize, usize)>,
    /// For each token, whether it lies inside some quotation.
    quoted: Vec<bool>,
    /// For each quote, the tokens of its paragraph (`start..end` indices into `tokens`): the rules
    /// ask for them again and again.
    own_paragraph: Vec<(usize, usize)>,
    /// For each quote, [`Ctx::left`] and [`Ctx::right`] once first asked: several rules ask.
    left_of: Vec<OnceCell<(usize, usize)>>,
    right_of: Vec<OnceCell<(usize, usize)>>,
}

impl<'d, 't> Ctx<'d, 't> {
    fn new(doc: &'d Document<'t>, quotes: &'d [QuoteCandidate]) -> Self {
        let tokens = &doc.tokens[..];
        let mut quoted = vec![false; tokens.len()];
        let inside: Vec<(usize, usize)> = quotes
            .iter()
            .map(|q| {
                let a = tokens.partition_point(|t| t.span().start < q.outer.start);
                let b = tokens.partition_point(|t| t.span().start < q.outer.end);
                (a, b)
            })
            .collect();
        for &(a, b) in &inside {
            for flag in &mut quoted[a..b] {
                *flag = true;
            }
        }
        let mut own_paragraph: Vec<(usize, usize)> = Vec::with_capacity(quotes.len());
        for (qi, q) in quotes.iter().enumerate() {
            let range = match qi.checked_sub(1) {
                Some(prev) if quotes[prev].paragraph == q.paragraph => own_paragraph[prev],
                _ => paragraph_tokens(doc, q.paragraph),
            };
            own_paragraph.push(range);
        }
        Ctx {
            text: doc.text,
            doc,
            tokens,
            quotes,
            inside,
            quoted,
            own_paragraph,
            left_of: vec![OnceCell::new(); quotes.len()],
            right_of: vec![OnceCell::new(); quotes.len()],
        }
    }

    fn word(&self, i: usize) -> &'t str {
        self.tokens[i].span().text(self.text)
    }

    fn is(&self, i: usize, s: &str) -> bool {
        i < self.tokens.len() && self.word(i) == s
    }

    /// True when token `i` is a reporting verb ("said"; capitalized "States" or "Post" is a name).
    fn is_cue(&self, i: usize) -> bool {
        let w = self.word(i);
        // "Trump went on, as if he didn't hear her": talking on.
        if matches!(w, "went" | "goes" | "go") && self.is(i + 1, "on") {
            return true;
        }
        if !(w.chars().next().is_some_and(char::is_lowercase) && cues::is_speech_verb(w)) {
            return false;
        }
        if !cues::is_noun_like_speech_verb(w) {
            return true;
        }
        // "she notes", "Smith will report", "officials warning"; not "the notes", "in writing".
        // participle clause: `Smith hit back, saying …` (rule `participle-cue`).
        if i > 0 && self.is(i - 1, ",") && w.ends_with("ing") {
            return true;
        }
        i > 0 && self.is_word(i - 1) && {
            let p = self.word(i - 1);
            cues::subject_pronoun(p).is_some()
                || cues::is_verb_filler(p)
                || (p.chars().next().is_some_and(char::is_uppercase)
                    && !cues::is_determiner(p)
                    && !p.ends_with("'s")
                    && !p.ends_with("\u{2019}s"))
                || (p.ends_with('s') && cues::role_noun(p).is_some())
                || p == "to"
        }
    }

    fn is_word(&self, i: usize) -> bool {
        i < self.tokens.len() && self.tokens[i].kind == TokenKind::Word
    }

    /// Token range of paragraph `paragraph`.
    fn paragraph_tokens(&self, paragraph: usize) -> (usize, usize) {
        paragraph_tokens(self.doc, paragraph)
    }

    /// Token range of the paragraph holding quote `qi`.
    fn quote_paragraph_tokens(&self, qi: usize) -> (usize, usize) {
        self.own_paragraph[qi]
    }

    /// True when token `i` ends a sentence (a period that does not end an abbreviation, `!`, `?`).
    fn ends_sentence(&self, i: usize) -> bool {
        // Most tokens are words, and only punctuation ends a sentence.
        if self.tokens[i].kind != TokenKind::Punct {
            return false;
        }
        match self.word(i) {
            "!" | "?" | "\u{2026}" => true,
            // `(R-Fla.) said`: a period right before a closing parenthesis ends an abbreviation
            "." if self.is(i + 1, ")")
                && self.tokens[i + 1].span().start == self.tokens[i].span().end =>
            {
                false
            }
            "." => {
                !(i > 0 && self.tokens[i - 1].span().end == self.tokens[i].span().start && {
                    let w = self.word(i - 1);
                    let single = w.chars().count() == 1 && w.chars().all(char::is_uppercase);
                    single
                        || cues::honorific(w).is_some()
                        || w.contains('.')
                        || w == "St"
                        || names::is_name_suffix(w)
                })
            }
            _ => false,
        }
    }

    /// Tokens before quote `qi` back to the start of its sentence (other quotes included; rules
    /// skip their tokens).
    fn left(&self, qi: usize) -> (usize, usize) {
        *self.left_of[qi].get_or_init(|| self.find_left(qi))
    }

    fn find_left(&self, qi: usize) -> (usize, usize) {
        let hi = self.inside[qi].0;
        let (para_lo, _) = self.quote_paragraph_tokens(qi);
        let floor = para_lo.max(hi.saturating_sub(WINDOW));
        let mut lo = hi;
        while lo > floor && (self.quoted[lo - 1] || !self.ends_sentence(lo - 1)) {
            lo -= 1;
        }
        (lo, hi)
    }

    /// Tokens after quote `qi` up to the end of its sentence or the next quote.
    fn right(&self, qi: usize) -> (usize, usize) {
        *self.right_of[qi].get_or_init(|| self.find_right(qi))
    }

    fn find_right(&self, qi: usize) -> (usize, usize) {
        let q = &self.quotes[qi];
        let lo = self.inside[qi].1;
        // “… the end.” He said …: a period inside the marks ends the sentence.
        let inner = q.span.text(self.text).trim_end_matches(|c: char| {
            matches!(c, '\'' | '"' | '\u{2019}' | '\u{201D}') || c.is_whitespace()
        });
        let dash_follows =
            lo < self.tokens.len() && matches!(self.word(lo), "\u{2014}" | "\u{2013}" | "-");
        if q.closed && inner.ends_with('.') && !inner.ends_with("..") && !dash_follows {
            return (lo, lo);
        }
        let (_, para_hi) = self.quote_paragraph_tokens(qi);
        let ceiling = para_hi.min(lo + WINDOW);
        let mut hi = lo;
        while hi < ceiling && !self.quoted[hi] {
            hi += 1;
            if self.ends_sentence(hi - 1) {
                break;
            }
        }
        (lo, hi)
    }

    /// Number of words inside quote `qi`.
    fn n_words(&self, qi: usize) -> usize {
        let (a, b) = self.inside[qi];
        (a..b).filter(|&i| self.is_word(i)).count()
    }

    /// A quotation long enough to be someone's words even without an attribution.
    fn is_long_speech(&self, qi: usize) -> bool {
        let q = &self.quotes[qi];
        let inner = q.span.text(self.text);
        let n = self.n_words(qi);
        let sentence_inside = inner
            .trim_end_matches(|c: char| !c.is_alphanumeric())
            .contains(['.', '!', '?']);
        n >= 8 || (n >= 4 && sentence_inside) || self.starts_paragraph(qi) && n >= 4
    }

    /// True when quote `qi` stands in a headline: a paragraph in Title Case
    /// (`Obama Says The Trends Are ‘Terrifying’`), where quotes are the subject's words.
    fn in_headline(&self, qi: usize) -> bool {
        let (a, b) = self.quote_paragraph_tokens(qi);
        if b - a > 40 {
            return false;
        }
        let long_words = (a..b).filter(|&i| self.is_word(i) && self.word(i).chars().count() > 3);
        let (mut n, mut capitalized) = (0, 0);
        for i in long_words {
            n += 1;
            capitalized += usize::from(self.tokens[i].starts_upper());
        }
        n >= 3 && capitalized * 5 >= n * 4
    }

    /// True when quote `qi` opens its paragraph.
    fn starts_paragraph(&self, qi: usize) -> bool {
        let q = &self.quotes[qi];
        q.outer.start == self.doc.paragraphs[q.paragraph].start
    }

    /// A short Title-Case quotation after a possessive or a title cue (`NBC's "Meet the Press"`,
    /// `host of “Access Hollywood”`, `the “Access Hollywood” tape`; `data/title_cues.tsv`), or a
    /// scare quote after "so-called".
    fn looks_like_title(&self, qi: usize) -> bool {
        let (a, b) = self.inside[qi];
        let mut words = (a..b).filter(|&i| self.is_word(i)).map(|i| self.word(i));
        // Counted only up to an eighth word: a long quote is no title, however long it is.
        if !(1..=7).contains(&words.clone().take(8).count()) {
            return false;
        }
        if a > 0 && matches!(self.word(a - 1), "so-called" | "So-called") {
            return true;
        }
        let title_case = words.all(|w| {
            w.chars()
                .next()
                .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
                || matches!(
                    w,
                    "of" | "the" | "and" | "a" | "an" | "in" | "on" | "for" | "to" | "with" | "at"
                )
        });
        // An exclamation is a chant or a cry ("chants of “Marco! Marco!”"), not a title.
        let exclaimed = self.quotes[qi]
            .span
            .text(self.text)
            .trim_end_matches([',', ' '])
            .ends_with('!');
        if !title_case || exclaimed || a == 0 {
            return false;
        }
        let after = b < self.tokens.len() && cues::is_title_cue_after(self.word(b));
        let before = self.word(a - 1);
        after
            || before.ends_with("'s")
            || before.ends_with("\u{2019}s")
            || cues::is_title_cue_before(before)
    }
}

/// True when quote `qi` is inside the sentence of a speech verb's source, so the window tokens
/// between `lo` and `hi` outside quotes may be read.
fn skip_commas(ctx: &Ctx, mut i: usize, hi: usize) -> usize {
    while i < hi && matches!(ctx.word(i), "," | ";") {
        i += 1;
    }
    i
}

/// Skips adverbs and auxiliaries forward.
fn skip_fillers(ctx: &Ctx, mut i: usize, hi: usize) -> usize {
    while i < hi && cues::is_verb_filler(ctx.word(i)) {
        i += 1;
    }
    i
}

/// Skips an appositive `, a spokesman for the group,` forward; returns the index after its comma.
fn skip_appositive(ctx: &Ctx, i: usize, hi: usize) -> Option<usize> {
    if !ctx.is(i, ",") {
        return None;
    }
    (i + 1..hi.min(i + 25))
        .find(|&j| ctx.is(j, ",") && !ctx.quoted[j])
        .map(|j| j + 1)
}

/// `“…,” Smith said` / `“…,” he said` / `“…,” Smith, a spokesman, said`.
fn quote_source_verb(ctx: &Ctx, qi: usize, _done: &[Quote]) -> Option<Found> {
    let (lo, hi) = ctx.right(qi);
    let i = skip_commas(ctx, lo, hi);
    let (src, next) = source::forward(ctx, i, hi)?;
    let mut j = skip_fillers(ctx, next, hi);
    if !(j < hi && ctx.is_cue(j)) {
        j = skip_fillers(ctx, skip_appositive(ctx, j, hi)?, hi);
    }
    (j < hi && ctx.is_cue(j)).then(|| Found {
        source: src,
        cue: Some(ctx.tokens[j].span()),
    })
}

/// `“…,” said Smith` / `“…,” added the spokesman`.
fn quote_verb_source(ctx: &Ctx, qi: usize, _done: &[Quote]) -> Option<Found> {
    let (lo, hi) = ctx.right(qi);
    let i = skip_fillers(ctx, skip_commas(ctx, lo, hi), hi);
    if !(i < hi && ctx.is_cue(i)) {
        return None;
    }
    let (src, _) = source::forward(ctx, i + 1, hi)?;
    Some(Found {
        source: src,
        cue: Some(ctx.tokens[i].span()),
    })
}

/// `” — Commissioner Geoffrey Starks`.
fn dash_source(ctx: &Ctx, qi: usize, _done: &[Quote]) -> Option<Found> {
    let (lo, hi) = ctx.right(qi);
    let mut i = lo;
    let dash_at = i;
    while i < hi && matches!(ctx.word(i), "\u{2014}" | "\u{2013}" | "-") {
        i += 1;
    }
    if i == dash_at {
        return None;
    }
    let (src, next) = source::forward(ctx, i, hi)?;
    let ends = next >= hi || matches!(ctx.word(next), "," | "." | "(");
    (src.kind == SourceKind::Name && ends).then(|| Found {
        source: src,
        cue: Some(ctx.tokens[dash_at].span()),
    })
}

/// Speech verbs before quote `qi` in its sentence, nearest first (tokens of other quotes skipped).
fn verbs_before<'c>(ctx: &'c Ctx, lo: usize, hi: usize) -> impl Iterator<Item = usize> + 'c {
    (lo..hi)
        .rev()
        .filter(move |&k| !ctx.quoted[k] && ctx.is_cue(k))
}

/// `Smith said: “…”` / `Smith said that “…”` / `Smith called it “…”` / `said Smith: “…”` /
/// `Smith thanked them, saying “…”` / `was asked by Smith whether “…”`.
fn source_verb_quote(ctx: &Ctx, qi: usize, _done: &[Quote]) -> Option<Found> {
    let (lo, hi) = ctx.left(qi);
    let mut weak = None;
    for v in verbs_before(ctx, lo, hi).take(3) {
        if let Some(src) = source_of_verb(ctx, lo, v, hi) {
            let found = Found {
                source: src,
                cue: Some(ctx.tokens[v].span()),
            };
            // "A source said the areas … suggested “…”": an outer report names the speaker.
            if is_thing(ctx, src) {
                weak = weak.or(Some(found));
                continue;
            }
            return Some(found);
        }
    }
    weak
}

/// A description with no sign of a person or source in it (`the areas`, `one day`): what a verb's
/// subject can be but a speaker hardly is. Signs: a role or source noun, a capitalized word (`the
/// Wisconsin Republican`), an agent noun (`the heckler`, `the investor`).
fn is_thing(ctx: &Ctx, src: Source) -> bool {
    let person_like = |w: &str| {
        cues::role_noun(w).is_some()
            || w.starts_with(char::is_uppercase)
            || ["er", "ers", "or", "ors", "ist", "ists"]
                .iter()
                .any(|end| w.len() > end.len() + 2 && w.ends_with(end))
    };
    src.kind == SourceKind::Description
        && !src
            .span
            .text(ctx.text)
            .split(|c: char| !c.is_alphanumeric())
            .any(person_like)
}

/// `“…,” said Smith, adding that “…”`: a participle cue (`, adding`) after the previous quote of
/// the same sentence keeps that quote's speaker.
fn participle_same_speaker(ctx: &Ctx, qi: usize, done: &[Quote]) -> Option<Found> {
    let prev = qi.checked_sub(1)?;
    let (lo, hi) = ctx.left(qi);
    let prev_end = ctx.inside[prev].1;
    if ctx.quotes[prev].paragraph != ctx.quotes[qi].paragraph || prev_end <= lo || prev_end > hi {
        return None; // the previous quote is not in this sentence
    }
    let v = verbs_before(ctx, prev_end, hi).next()?;
    let participle = ctx.word(v).ends_with("ing") && v > 0 && ctx.is(v - 1, ",");
    let attributed = done[prev].kind == QuoteKind::Speech && done[prev].rule != "sentence-subject";
    (participle && attributed)
        .then(|| inherit(ctx, &done[prev]))
        .flatten()
}

/// The source of the reporting verb at `v`, reading tokens `lo..hi` of its sentence.
fn source_of_verb(ctx: &Ctx, lo: usize, v: usize, hi: usize) -> Option<Source> {
    let verb = ctx.word(v);
    if ctx.is(v + 1, "by") {
        // passive: "was asked by the moderator"
        if let Some((src, _)) = source::forward(ctx, v + 2, hi) {
            return Some(src);
        }
    }
    let mut before = v;
    while before > lo && cues::is_verb_filler(ctx.word(before - 1)) {
        before -= 1;
    }
    let joined = before > lo && matches!(ctx.word(before - 1), "and" | "but");
    if verb.ends_with("ing") || joined {
        if let Some(src) = source::sentence_subject(ctx, lo, v) {
            return Some(src);
        }
    }
    if let Some(src) = source::backward(ctx, lo, v) {
        return Some(src);
    }
    if verb.ends_with("ing") {
        return None;
    }
    source::forward(ctx, v + 1, hi)
        .filter(|(s, n)| {
            s.kind != SourceKind::Description && (*n >= hi || matches!(ctx.word(*n), ":" | ","))
        })
        .map(|(s, _)| s)
        .or_else(|| {
            source::sentence_subject(ctx, lo, v).filter(|s| s.kind != SourceKind::Description)
        })
}

/// `“…,” according to the report` after the quote in its sentence. Tried before the speech-verb
/// rules: in `The witness said the order was “…,” according to the report` the report is the
/// source of the whole statement.
fn according_to(ctx: &Ctx, qi: usize, _done: &[Quote]) -> Option<Found> {
    according_to_within(ctx, ctx.right(qi))
}

/// `According to the newspaper, … “…”`: before the quote in its sentence, when no speech verb
/// closer to the quote named a source.
fn according_to_before(ctx: &Ctx, qi: usize, _done: &[Quote]) -> Option<Found> {
    according_to_within(ctx, ctx.left(qi))
}

/// The source after the first `according to` among tokens `lo..hi`.
fn according_to_within(ctx: &Ctx, (lo, hi): (usize, usize)) -> Option<Found> {
    for k in lo..hi.saturating_sub(2) {
        if !ctx.quoted[k] && matches!(ctx.word(k), "according" | "According") && ctx.is(k + 1, "to")
        {
            if let Some((src, _)) = source::forward(ctx, k + 2, hi) {
                return Some(Found {
                    source: src,
                    cue: Some(Span::new(
                        ctx.tokens[k].span().start,
                        ctx.tokens[k + 1].span().end,
                    )),
                });
            }
        }
    }
    None
}

/// `“…” is what Smith told the paper`: a speech verb later in the quote's sentence.
fn verb_later_in_sentence(ctx: &Ctx, qi: usize, _done: &[Quote]) -> Option<Found> {
    let (lo, hi) = ctx.right(qi);
    let v = (lo..hi).find(|&k| ctx.is_cue(k))?;
    let src =
        source::backward(ctx, lo, v).or_else(|| source::forward(ctx, v + 1, hi).map(|(s, _)| s))?;
    Some(Found {
        source: src,
        cue: Some(ctx.tokens[v].span()),
    })
}

/// `Trump: Cruz has ‘a long way’ to go` (headline style) and `SMITH: “…”`.
fn name_colon(ctx: &Ctx, qi: usize, _done: &[Quote]) -> Option<Found> {
    let (lo, hi) = ctx.left(qi);
    let colon = (lo..hi).find(|&k| ctx.is(k, ":") && !ctx.quoted[k])?;
    let src = source::backward(ctx, lo, colon)?;
    let at_start = src.kind == SourceKind::Name && src.span.start == ctx.tokens[lo].span().start;
    // A digest line: `Topic sentence - Philip Bump: “…”`, the source between a dash and a colon
    // right before the quote.
    let after_dash = matches!(src.kind, SourceKind::Name | SourceKind::Description)
        && (colon + 1..hi).all(|k| !ctx.is_word(k))
        && (lo..colon)
            .rev()
            .find(|&k| ctx.tokens[k].span().end <= src.span.start)
            .is_some_and(|k| matches!(ctx.word(k), "-" | "\u{2013}" | "\u{2014}"));
    (at_start || after_dash).then_some(Found {
        source: src,
        cue: Some(ctx.tokens[colon].span()),
    })
}

/// A quote paragraph after a paragraph that ends with a colon: `And from Chairwoman Rosenworcel:`.
fn colon_block(ctx: &Ctx, qi: usize, _done: &[Quote]) -> Option<Found> {
    let q = &ctx.quotes[qi];
    if !ctx.starts_paragraph(qi) || q.paragraph == 0 {
        return None;
    }
    let (p_lo, p_hi) = ctx.paragraph_tokens(q.paragraph - 1);
    if p_hi == p_lo || !ctx.is(p_hi - 1, ":") {
        return None;
    }
    let colon = p_hi - 1;
    let mut lo = colon;
    while lo > p_lo.max(colon.saturating_sub(WINDOW)) && !ctx.ends_sentence(lo - 1) {
        lo -= 1;
    }
    for v in verbs_before(ctx, lo, colon).take(2) {
        let src = source::backward(ctx, lo, v)
            .or_else(|| source::forward(ctx, v + 1, colon).map(|(s, _)| s));
        if let Some(src) = src {
            return Some(Found {
                source: src,
                cue: Some(ctx.tokens[v].span()),
            });
        }
    }
    let src =
        source::backward(ctx, lo, colon).or_else(|| source::sentence_subject(ctx, lo, colon))?;
    Some(Found {
        source: src,
        cue: Some(ctx.tokens[colon].span()),
    })
}

/// `Cruz has railed against the “Washington political cartel”`: with no reporting verb, the
/// subject of the quote's sentence (for quotes of three words or more).
fn sentence_subject(ctx: &Ctx, qi: usize, _done: &[Quote]) -> Option<Found> {
    if ctx.n_words(qi) < 3 && !ctx.in_headline(qi) {
        return None; // one or two words without a reporting verb: a scare quote
    }
    let (lo, hi) = ctx.left(qi);
    let src = source::sentence_subject(ctx, lo, hi)?;
    (src.kind != SourceKind::Description).then_some(Found {
        source: src,
        cue: None,
    })
}

/// `She added that the plan would help. “It is a good plan.”`: a quote that opens its sentence,
/// after a sentence with a reporting verb and no quote (in the previous paragraph when the quote
/// opens its paragraph and that paragraph has no quote).
fn previous_sentence_cue(ctx: &Ctx, qi: usize, _done: &[Quote]) -> Option<Found> {
    let q = &ctx.quotes[qi];
    let (lo, hi) = ctx.left(qi);
    if lo != hi {
        return None; // the quote does not open its sentence
    }
    let (para_lo, _) = ctx.quote_paragraph_tokens(qi);
    let end = if lo > para_lo {
        lo
    } else {
        if q.paragraph == 0 || (qi > 0 && ctx.quotes[qi - 1].paragraph + 1 == q.paragraph) {
            return None;
        }
        let (prev_lo, prev_hi) = ctx.paragraph_tokens(q.paragraph - 1);
        if prev_hi == prev_lo {
            return None;
        }
        prev_hi
    };
    let floor = end.saturating_sub(WINDOW);
    let mut start = end - 1;
    while start > floor && !ctx.ends_sentence(start - 1) {
        start -= 1;
    }
    if (start..end).any(|k| ctx.quoted[k]) {
        return None;
    }
    let v = (start..end).find(|&k| ctx.is_cue(k))?;
    let src = source_of_verb(ctx, start, v, end)?;
    Some(Found {
        source: src,
        cue: Some(ctx.tokens[v].span()),
    })
}

/// `“…,” he said. “…”`: the last attributed speech quote earlier in the paragraph.
fn same_paragraph_speaker(ctx: &Ctx, qi: usize, done: &[Quote]) -> Option<Found> {
    let paragraph = ctx.quotes[qi].paragraph;
    let prev = (0..qi)
        .rev()
        .take(50)
        .take_while(|&p| ctx.quotes[p].paragraph == paragraph)
        .find(|&p| {
            done[p].kind == QuoteKind::Speech
                && done[p].speaker_mention.is_some()
                && done[p].rule != "sentence-subject"
        })?;
    inherit(ctx, &done[prev])
}

/// A quote that opens its paragraph goes on with the last speaker of the one or two paragraphs
/// before it.
fn previous_paragraph_speaker(ctx: &Ctx, qi: usize, done: &[Quote]) -> Option<Found> {
    let q = &ctx.quotes[qi];
    if !(ctx.starts_paragraph(qi) || q.continues) || q.paragraph == 0 {
        return None;
    }
    let prev = (0..qi)
        .rev()
        .take(50)
        .take_while(|&p| ctx.quotes[p].paragraph + 2 >= q.paragraph)
        .find(|&p| ctx.quotes[p].paragraph < q.paragraph && done[p].kind == QuoteKind::Speech)?;
    done[prev].speaker_mention?;
    inherit(ctx, &done[prev])
}

fn inherit(_ctx: &Ctx, prev: &Quote) -> Option<Found> {
    Some(Found {
        source: Source {
            span: prev.speaker_mention?,
            kind: SourceKind::Name,
            gender: None::<Gender>,
        },
        cue: prev.cue,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::segment::segment;

    /// Renders each quote as `rule: speaker-mention <- quote` (`-` when unattributed, `other:` for
    /// titles and scare quotes).
    fn check(input: &str, expect: &[&str]) {
        let doc = segment(input);
        let scan = crate::detect::quotes::find(&doc);
        let mut people = Vec::new();
        let quotes = attribute(&doc, &scan, &mut people);
        let got: Vec<String> = quotes
            .iter()
            .map(|q| match q.kind {
                QuoteKind::Other => format!("other: {}", q.span.text(input)),
                QuoteKind::Speech => format!(
                    "{}: {} <- {}",
                    q.rule,
                    q.speaker_mention.map_or("-", |m| m.text(input)),
                    q.span.text(input)
                ),
            })
            .collect();
        assert_eq!(got, expect, "{input}");
    }

    #[test]
    fn dash_source_rule() {
        check(
            "“We act now.” — Commissioner Geoffrey Starks",
            &["dash-source: Commissioner Geoffrey Starks <- We act now."],
        );
    }

    #[test]
    fn quote_source_verb_rule() {
        check(
            "“We will win,” Jane Smith said.",
            &["quote-source-verb: Jane Smith <- We will win,"],
        );
        check(
            "“We will win,” she told reporters.",
            &["quote-source-verb: she <- We will win,"],
        );
        check(
            "“We will win,” Smith, a senator from Ohio, said on Tuesday.",
            &["quote-source-verb: Smith <- We will win,"],
        );
        check(
            "“We will see,” Sen. Ann Ross (D-Ohio) said.",
            &["quote-source-verb: Sen. Ann Ross <- We will see,"],
        );
        check(
            "“We will see,” Sen. Ann Ross (D-Fla.) said on Monday.",
            &["quote-source-verb: Sen. Ann Ross <- We will see,"],
        );
        check(
            "\"It is over,\" the newspaper wrote.",
            &["quote-source-verb: the newspaper <- It is over,"],
        );
    }

    #[test]
    fn quote_verb_source_rule() {
        check(
            "“We will win,” said Mr. Smith, who leads the group.",
            &["quote-verb-source: Mr. Smith <- We will win,"],
        );
        check(
            "“It was hard,” said former Sen. Evan Holt, who left in 2010.",
            &["quote-verb-source: former Sen. Evan Holt <- It was hard,"],
        );
        // role-before-name
        check(
            "“It is fine,” said conservative activist Bob Klaus, who backs him.",
            &["quote-verb-source: Bob Klaus <- It is fine,"],
        );
        check(
            "''Not now,'' added a spokesman for the party.",
            &["quote-verb-source: a spokesman <- Not now,"],
        );
    }

    #[test]
    fn source_verb_quote_rule() {
        check(
            "Jane Smith said: “We will win the vote.”",
            &["source-verb-quote: Jane Smith <- We will win the vote."],
        );
        check(
            "The mayor also warned that the plan was “a disaster.”",
            &["source-verb-quote: The mayor <- a disaster."],
        );
        check(
            "Smith called the deal a “betrayal” of workers.",
            &["source-verb-quote: Smith <- betrayal"],
        );
        check(
            "“It is new,” said Rep. Ann Ross at the time, adding that “we will win.”",
            &[
                "quote-verb-source: Rep. Ann Ross <- It is new,",
                "participle-same-speaker: Rep. Ann Ross <- we will win.",
            ],
        );
        // participle-cue: a noun-like "-ing" form after a comma is a cue
        check(
            "Jane Smith hit back, saying that her rival was not “qualified” to lead.",
            &["source-verb-quote: Jane Smith <- qualified"],
        );
    }

    #[test]
    fn according_to_rule() {
        check(
            "The plan is “dead on arrival,” according to the senator.",
            &["according-to: the senator <- dead on arrival,"],
        );
        check(
            "The witness said the order was “to avoid delay,” according to the report.",
            &["according-to: the report <- to avoid delay,"],
        );
    }

    #[test]
    fn according_to_before_rule() {
        check(
            "According to the memo, the plan was “dead on arrival.”",
            &["according-to-before: the memo <- dead on arrival."],
        );
    }

    #[test]
    fn verb_later_in_sentence_rule() {
        check(
            "“Never again” is what Smith told the crowd.",
            &["verb-later-in-sentence: Smith <- Never again"],
        );
    }

    #[test]
    fn name_colon_rule() {
        check(
            "Trump: Cruz Has ‘A Long Way To Go’ On Ethanol",
            &["name-colon: Trump <- A Long Way To Go"],
        );
        check(
            "Turnout matters more than money - Dana Reyes: “Campaigns win at the door.”",
            &["name-colon: Dana Reyes <- Campaigns win at the door."],
        );
    }

    #[test]
    fn sentence_subject_rule() {
        check(
            "Back in May, Rita Vance railed against the “backroom deal in Ohio” again.",
            &["sentence-subject: Rita Vance <- backroom deal in Ohio"],
        );
    }

    #[test]
    fn previous_sentence_cue_rule() {
        check(
            "Lee spoke first. She added that the plan would help. “It is a good plan for all of us.”",
            &["previous-sentence-cue: She <- It is a good plan for all of us."],
        );
    }

    #[test]
    fn headline_quotes_go_to_the_headline_subject() {
        check(
            "Mayor Jones Calls Plan ‘Reckless’ After Vote",
            &["sentence-subject: Mayor Jones <- Reckless"],
        );
    }

    #[test]
    fn next_quote_speaker_rule() {
        check(
            "“We waited all night for the result.” “It was worth it,” Ann Hale said.",
            &[
                "next-quote-speaker: Ann Hale <- We waited all night for the result.",
                "quote-source-verb: Ann Hale <- It was worth it,",
            ],
        );
    }

    #[test]
    fn colon_block_rule() {
        check(
            "And from Chairwoman Jane Rosen:\n\n“Today we vote for an open internet.”",
            &["colon-block: Chairwoman Jane Rosen <- Today we vote for an open internet."],
        );
        check(
            "Jones told the crowd:\n\n\"We stay here.\"",
            &["colon-block: Jones <- We stay here."],
        );
    }

    #[test]
    fn interrupted_and_continued_quotes() {
        check(
            "“We will win,” she said, “and soon.”",
            &[
                "quote-source-verb: she <- We will win,",
                "source-verb-quote: she <- and soon.",
            ],
        );
        check(
            "“We will win,” Smith said. “It is certain.”",
            &[
                "quote-source-verb: Smith <- We will win,",
                "same-paragraph-speaker: Smith <- It is certain.",
            ],
        );
        check(
            "“We will win,” Smith said.\n\n“It is certain and it is near.”",
            &[
                "quote-source-verb: Smith <- We will win,",
                "previous-paragraph-speaker: Smith <- It is certain and it is near.",
            ],
        );
    }

    #[test]
    fn titles_and_scare_quotes_are_other() {
        check(
            "He spoke on NBC's \"Meet the Press\" about the so-called “peace plan”.",
            &["other: Meet the Press", "other: peace plan"],
        );
        check(
            "“It was a mistake,” said Ana Cruz, author of “The Long Road Home,” before the “Late Night Radio” broadcast.",
            &[
                "quote-verb-source: Ana Cruz <- It was a mistake,",
                "other: The Long Road Home,",
                "other: Late Night Radio",
            ],
        );
    }

    #[test]
    fn a_title_has_at_most_seven_words() {
        let is_title = |title: &str| {
            let text = format!("He spoke on NBC's \"{title}\" today.");
            let doc = segment(&text);
            let scan = crate::detect::quotes::find(&doc);
            Ctx::new(&doc, &scan.quotes).looks_like_title(0)
        };
        assert!(is_title("Meet the Press"));
        assert!(is_title("Meet the Press and the Big Show"));
        assert!(!is_title("Meet the Press and the Big City Show"));
        assert!(!is_title(&"Meet the Press and ".repeat(200)));
    }

    #[test]
    fn pronouns_link_to_the_nearest_fitting_person() {
        let text = "Mr. John Smith met Mrs. Ann Lee. “We agree,” she said.";
        let doc = segment(text);
        let scan = crate::detect::quotes::find(&doc);
        let mut people = Vec::new();
        let quotes = attribute(&doc, &scan, &mut people);
        assert_eq!(quotes[0].speaker_mention.map(|m| m.text(text)), Some("she"));
        let who = quotes[0].speaker.map(|id| people[id].name.as_str());
        assert_eq!(who, Some("Ann Lee"), "the honorific tells her gender");
        let text = "“We agree,” Ann Lee said. Smith nodded. “Yes,” she said.";
        let doc = segment(text);
        let scan = crate::detect::quotes::find(&doc);
        let mut people = Vec::new();
        let quotes = attribute(&doc, &scan, &mut people);
        let who = quotes[1].speaker.map(|id| people[id].name.as_str());
        assert_eq!(who, Some("Ann Lee"));
    }

    #[test]
    fn a_role_after_before_is_the_subject_of_its_clause() {
        check(
            "He left months before its senior vice president boasted of “a million dollars” spent.",
            &["source-verb-quote: its senior vice president <- a million dollars"],
        );
        check(
            "Ann Lee praised him as a “decent man” hours after the staffer was charged.",
            &["source-verb-quote: Ann Lee <- decent man"],
        );
    }

    #[test]
    fn an_outer_report_wins_over_a_thing_as_subject() {
        check(
            "A source said the areas that were hacked suggested the intruders sought “economic intelligence.”",
            &["source-verb-quote: A source <- economic intelligence."],
        );
        check(
            "The heckler yelled “You suck!” at him.",
            &["source-verb-quote: The heckler <- You suck!"],
        );
    }

    #[test]
    fn a_contracted_pronoun_is_a_source() {
        check(
            "Since then he's said at every stop: “It's about us.”",
            &["source-verb-quote: he's <- It's about us."],
        );
    }

    #[test]
    fn going_on_is_talking_on() {
        check(
            "“You know, it happens,” Trump went on, as if he did not hear her.",
            &["quote-source-verb: Trump <- You know, it happens,"],
        );
    }

    #[test]
    fn manner_of_speaking_verbs() {
        check(
            "“Keep your hands in sight,” Blige sings to Clinton.",
            &["quote-source-verb: Blige <- Keep your hands in sight,"],
        );
        check(
            "“For a start, no,” Oliver barked.",
            &["quote-source-verb: Oliver <- For a start, no,"],
        );
    }

    #[test]
    fn a_suffix_period_is_part_of_the_name() {
        check(
            "James Comey Jr. said: “It works.”",
            &["source-verb-quote: James Comey Jr. <- It works."],
        );
        check(
            "“It works,” James B. Comey Jr., the director of the bureau, said.",
            &["quote-source-verb: James B. Comey Jr. <- It works,"],
        );
    }
}
