//! Person-name candidates: names with their cue (a title, a first name, initials, a reporting verb, a
//! byline, a list of names, an earlier mention) and role mentions such as "the Prime Minister".
//!
//! Owns finding where a name starts and ends: titles stay outside the span (`President {Donald
//! Trump}`), possessives too (`{Trump}'s`); particles (`van`, `de`, `bin`), `O'Brien`, hyphenated names,
//! initials and `Jr.` stay inside. A capitalized sequence becomes a name only with positive evidence,
//! so places and organisations rarely slip in; overlaps with places and dates are settled later in
//! `attribute::entities`, and grouping mentions into people happens there too.
//!
//! Work is linear: one pass builds capitalized runs per sentence, a second confirms runs from the names
//! found in the first (a hash set of name words), with bounded look-around.

use crate::annotations::Gender;
use crate::lexicon::names::{self, NonNameClass, TitleClass};
use crate::lexicon::TextWordMap;
use crate::segment::{Document, Token, TokenKind};
use crate::sorting;
use crate::span::Span;

/// What a candidate is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CandidateKind {
    /// A name ("Keir Starmer", "Starmer").
    Name,
    /// A title standing for a person ("the Prime Minister").
    Role,
}

/// What made the detector take a stretch of text for a person.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Cue {
    /// A title, honorific or role word before it ("Mr", "President", "striker").
    Title,
    /// A first name from the lexicon followed by another name word.
    FirstName,
    /// Initials followed by a surname ("J.K. Rowling").
    Initials,
    /// A reporting verb or an age after it ("… said", "…, 42,").
    Context,
    /// A byline or sign-off line.
    Byline,
    /// An item in a list next to other names.
    List,
    /// The same name, or part of it, found elsewhere in the text with another cue.
    Known,
    /// A role mention ("the President").
    Role,
}

/// A stretch of text that names a person, or a role standing for one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PersonCandidate {
    /// The name, without title or possessive.
    pub span: Span,
    /// Name or role.
    pub kind: CandidateKind,
    /// The title or role words before the name ("Prime Minister" in "Prime Minister Keir Starmer"), or
    /// the title of a role mention.
    pub title: Option<Span>,
    /// Gender implied by an honorific or by the first name.
    pub gender: Option<Gender>,
    /// Why it is taken for a person.
    pub cue: Cue,
    /// Number of words in the name.
    pub n_words: usize,
    /// For a name repeated from elsewhere in the text ([`Cue::Known`]), the cue of the earlier name.
    pub known_from: Option<Cue>,
}

impl PersonCandidate {
    /// True when the evidence holds on its own against a competing reading (a place, a date).
    pub fn is_strong(&self) -> bool {
        match self.cue {
            Cue::Title | Cue::FirstName | Cue::Initials => true,
            Cue::Known => self.known_from.is_some_and(|c| c <= Cue::Initials),
            _ => false,
        }
    }
}

/// Longest name, in words, taken from a capitalized sequence.
const MAX_NAME_WORDS: usize = 5;

/// How a token can take part in a name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Shape {
    /// `Smith`, `O'Brien`, `McIntyre`, `al-Assad`.
    Capitalized,
    /// `J`, `J.K` (the period after it is part of the name).
    Initial,
    /// `SMITH`: capitals only (an acronym, or a name in a headline).
    Caps,
    /// Anything else.
    Other,
}

fn shape(word: &str) -> Shape {
    // Fast paths for the common ASCII cases, with the same answers as the general code below.
    match word.as_bytes() {
        [first, ..] if first.is_ascii() && !first.is_ascii_uppercase() && !word.contains('-') => {
            return Shape::Other;
        }
        [first, second, ..] if first.is_ascii_uppercase() && second.is_ascii_lowercase() => {
            return Shape::Capitalized;
        }
        _ => {}
    }
    let mut chars = word.chars();
    let Some(first) = chars.next() else {
        return Shape::Other;
    };
    let rest = chars.as_str();
    if first.is_uppercase() {
        if rest.is_empty() {
            return Shape::Initial;
        }
        if is_initials(word) {
            return Shape::Initial;
        }
        if rest.chars().any(char::is_lowercase) {
            return Shape::Capitalized;
        }
        if word.chars().filter(|c| c.is_alphabetic()).count() >= 2 {
            return Shape::Caps;
        }
        return Shape::Other;
    }
    // al-Assad, el-Sisi, bin-Laden: a particle joined to a capitalized name.
    if let Some((head, tail)) = word.split_once('-') {
        if names::is_particle(head) && tail.chars().next().is_some_and(char::is_uppercase) {
            return Shape::Capitalized;
        }
    }
    Shape::Other
}

/// `J.K`, `J.R.R`: single capitals joined by periods.
fn is_initials(word: &str) -> bool {
    word.split('.')
        .all(|p| p.chars().count() == 1 && p.chars().all(char::is_uppercase))
}

/// The word without a possessive ending (`Trump's` → `Trump`).
fn strip_possessive(word: &str) -> (&str, bool) {
    if !word.ends_with(['s', 'S']) {
        return (word, false);
    }
    for suffix in ["'s", "\u{2019}s", "'S", "\u{2019}S"] {
        if let Some(stem) = word.strip_suffix(suffix) {
            if !stem.is_empty() {
                return (stem, true);
            }
        }
    }
    (word, false)
}

/// One word of a capitalized run.
#[derive(Debug, Clone, Copy)]
struct RunWord {
    span: Span,
    shape: Shape,
}

/// A name found in a run, before it is confirmed.
#[derive(Debug, Clone)]
struct Core {
    /// Its words: indices into [`Cores::words`]. The cores' words follow each other there in the
    /// order of the cores.
    words: std::ops::Range<usize>,
    /// From its first word to its last.
    span: Span,
    title: Option<Span>,
    title_gender: Option<Gender>,
    title_class: Option<TitleClass>,
    sentence_idx: usize,
    /// Index in `doc.tokens` of the first token after the name.
    next_token: usize,
    /// Index in `doc.tokens` of the first token of the name.
    first_token: usize,
    /// All words are capitals (a headline).
    caps: bool,
    cue: Option<Cue>,
    /// For a `Known` name, the cue of the name it repeats.
    known_from: Option<Cue>,
}

impl Core {
    fn span(&self) -> Span {
        self.span
    }

    /// Its words, `all` being the [`Cores::words`] it indexes.
    fn words<'w>(&self, all: &'w [RunWord]) -> &'w [RunWord] {
        &all[self.words.clone()]
    }
}

/// Name cores, and the words of them all in one list: a long text has a core every 75 bytes or so,
/// and a list of words for each made as many allocations.
#[derive(Default)]
struct Cores {
    list: Vec<Core>,
    words: Vec<RunWord>,
}

/// Finds person names and role mentions in `doc`.
pub fn find(doc: &Document) -> Vec<PersonCandidate> {
    let text = doc.text;
    // Room for what news holds (a core for about one token in 14, a word for one in 11): grown
    // from nothing, the lists were copied a dozen times over.
    let tokens = doc.tokens.len();
    let mut cores = Cores {
        list: Vec::with_capacity(tokens / 12),
        words: Vec::with_capacity(tokens / 9),
    };
    let mut roles = Vec::new();
    let mut scratch = RunScratch::default();
    for sentence_idx in 0..doc.sentences.len() {
        let found = Found {
            cores: &mut cores,
            roles: &mut roles,
        };
        let tokens = doc.sentence_tokens(sentence_idx);
        scan_sentence(doc, sentence_idx, tokens, found, &mut scratch);
    }
    confirm(doc, &mut cores);
    let Cores { list, words } = cores;
    let mut out: Vec<PersonCandidate> = list
        .into_iter()
        .filter_map(|c| {
            let cue = c.cue?;
            let first_word = c.words(&words)[0].span.text(text);
            let gender = c.title_gender.or_else(|| {
                (c.words.len() >= 2)
                    .then(|| names::first_name(first_word).and_then(|f| f.gender()))
                    .flatten()
            });
            Some(PersonCandidate {
                span: c.span(),
                kind: CandidateKind::Name,
                title: c.title,
                gender,
                cue,
                n_words: c.words.len(),
                known_from: c.known_from,
            })
        })
        .collect();
    out.extend(roles);
    sorting::sort_by_key(&mut out, |c| (c.span.start, c.span.end, 0));
    // The collect above reuses the buffer of the (larger) cores; without this the candidates keep
    // it through attribution (21 MB of the peak on a 10 MB text).
    out.shrink_to_fit();
    out
}

fn word_text<'t>(doc: &Document<'t>, t: &Token) -> &'t str {
    t.span().text(doc.text)
}

/// Where [`scan_sentence`] puts what it finds.
struct Found<'a> {
    cores: &'a mut Cores,
    roles: &'a mut Vec<PersonCandidate>,
}

/// Buffers for one capitalized run, reused from run to run: runs are short and many (one in six
/// words), so allocating them afresh cost an eighth of the people pass.
#[derive(Default)]
struct RunScratch<'t> {
    /// The run's words with their token indices.
    run: Vec<(RunWord, usize)>,
    cut: CutScratch<'t>,
}

/// [`cut_run`]'s buffers: each word's text and lexicon classes, and the words of the core being cut.
#[derive(Default)]
struct CutScratch<'t> {
    words: Vec<&'t str>,
    non_names: Vec<Option<NonNameClass>>,
    titles: Vec<Option<names::TitleWord>>,
    segment: Vec<(RunWord, usize)>,
}

/// `buf` emptied and filled with `items`.
fn refill<T>(buf: &mut Vec<T>, items: impl Iterator<Item = T>) -> &[T] {
    buf.clear();
    buf.extend(items);
    buf
}

/// Builds the capitalized runs of one sentence (`tokens` indexes `doc.tokens`) and cuts them into
/// cores.
fn scan_sentence<'t>(
    doc: &Document<'t>,
    sentence_idx: usize,
    tokens: std::ops::Range<usize>,
    found: Found,
    scratch: &mut RunScratch<'t>,
) {
    let first = tokens.start;
    let tokens = &doc.tokens[tokens];
    let shouting = doc.sentence_facts[sentence_idx].in_capitals;
    let mut i = 0;
    while i < tokens.len() {
        // Collect one run: name-shaped words with only initials' periods and particles between them.
        let run = &mut scratch.run;
        run.clear();
        let mut j = i;
        while j < tokens.len() {
            let t = tokens[j];
            if t.kind != TokenKind::Word {
                break;
            }
            // Most words start lower-case: such a word starts no run (a name-shaped word starts
            // upper-case, a particle joined to a name holds a hyphen) and so needs no shape (nor
            // its text).
            if run.is_empty() && !t.starts_upper() && !t.has_hyphen() {
                break;
            }
            let raw = word_text(doc, &t);
            let (stem, possessive) = strip_possessive(raw);
            let mut s = shape(stem);
            if s == Shape::Caps && shouting {
                s = Shape::Capitalized;
            }
            let is_particle_here = s == Shape::Other
                && !run.is_empty()
                && names::is_particle(raw)
                && tokens.get(j + 1).is_some_and(|n| {
                    n.kind == TokenKind::Word
                        && shape(strip_possessive(word_text(doc, n)).0) == Shape::Capitalized
                });
            if !(matches!(s, Shape::Capitalized | Shape::Initial) || is_particle_here) {
                break;
            }
            let mut span = Span::new(t.span().start, t.span().start + stem.len());
            let mut next = j + 1;
            // The period of an initial belongs to the name ("J. K. Rowling"); the period of an
            // abbreviated title keeps the run going ("Mr. Smith", "Sen. Jones").
            let period = tokens.get(j + 1).filter(|p| {
                p.kind == TokenKind::Punct
                    && p.span().start == t.span().end
                    && word_text(doc, p) == "."
            });
            if let Some(p) = period {
                let abbreviated_title = s == Shape::Capitalized
                    && !possessive
                    && (is_title_word(stem).is_some() || names::is_name_suffix(stem));
                if s == Shape::Initial || abbreviated_title {
                    span.end = p.span().end;
                    next = j + 2;
                }
            }
            let shape_here = if is_particle_here { Shape::Other } else { s };
            run.push((
                RunWord {
                    span,
                    shape: shape_here,
                },
                first + j,
            ));
            j = next;
            if possessive {
                break;
            }
        }
        // Role mentions: "the President", "the prime minister".
        if let Some(role) = role_at(doc, tokens, i) {
            found.roles.push(role);
        }
        if run.is_empty() {
            i += 1;
            continue;
        }
        let at = RunAt {
            sentence_idx,
            sentence_first: first,
            shouting,
        };
        cut_run(doc, run, at, found.cores, &mut scratch.cut);
        i = j.max(i + 1);
    }
}

/// A role mention starting at `tokens[i]` ("the" + title words not followed by a name).
fn role_at(doc: &Document, tokens: &[Token], i: usize) -> Option<PersonCandidate> {
    let t = tokens[i];
    // The length first: most tokens are not three bytes long.
    if t.span().len() != 3 || !word_text(doc, &t).eq_ignore_ascii_case("the") {
        return None;
    }
    let mut j = i + 1;
    let mut last_title = None;
    while j < tokens.len() && j < i + 4 {
        let w = word_text(doc, &tokens[j]);
        match names::title(w) {
            Some(tw) if matches!(tw.class, TitleClass::Part) => {}
            Some(tw) if matches!(tw.class, TitleClass::Title) => last_title = Some(j),
            _ => break,
        }
        j += 1;
    }
    let last = last_title?;
    if last + 1 != j {
        return None;
    }
    // "the President of …" names an office in general unless it is followed by more; keep it simple:
    // a following capitalized word makes it a title before a name, handled as a run.
    if let Some(n) = tokens.get(j) {
        let w = word_text(doc, n);
        if n.kind == TokenKind::Word && shape(w) == Shape::Capitalized || w == "of" {
            return None;
        }
    }
    let span = Span::new(tokens[i + 1].span().start, tokens[last].span().end);
    Some(PersonCandidate {
        span: Span::new(t.span().start, tokens[last].span().end),
        kind: CandidateKind::Role,
        title: Some(span),
        gender: None,
        cue: Cue::Role,
        n_words: last - i,
        known_from: None,
    })
}

fn is_title_word(word: &str) -> Option<names::TitleWord> {
    names::title(word.trim_end_matches('.')).filter(is_name_title)
}

/// True for the title classes that can stand before a name (not a bare role such as `spokesman`).
fn is_name_title(title: &names::TitleWord) -> bool {
    matches!(
        title.class,
        TitleClass::Honorific | TitleClass::Title | TitleClass::Part
    )
}

/// Where a run sits, for [`cut_run`].
#[derive(Clone, Copy)]
struct RunAt {
    sentence_idx: usize,
    /// The index in `doc.tokens` of the sentence's first token.
    sentence_first: usize,
    /// The sentence is written in capitals (a headline).
    shouting: bool,
}

/// Splits a run into name cores: drops organisation and place words, strips titles, stops at non-name
/// words.
fn cut_run<'t>(
    doc: &Document<'t>,
    run: &[(RunWord, usize)],
    at: RunAt,
    cores: &mut Cores,
    scratch: &mut CutScratch<'t>,
) {
    let RunAt {
        sentence_idx,
        sentence_first,
        shouting,
    } = at;
    let text = doc.text;
    let words = refill(
        &mut scratch.words,
        run.iter().map(|(w, _)| w.span.text(text)),
    );
    // Each word's lexicon classes, looked up once (one lookup for both): the loops below ask for
    // them several times.
    scratch.non_names.clear();
    scratch.titles.clear();
    // The first word's title of any class, as written (`Gen.` with its period is none).
    let mut first_word_title = None;
    for (k, word) in words.iter().enumerate() {
        let (title, non_name) = names::title_and_non_name(word);
        if k == 0 {
            first_word_title = if word.ends_with('.') {
                names::title(word)
            } else {
                title
            };
        }
        scratch.titles.push(title.filter(is_name_title));
        scratch.non_names.push(non_name);
    }
    let (non_names, titles) = (&scratch.non_names, &scratch.titles);
    let new_core = |segment: &[(RunWord, usize)], caps: bool, all: &mut Vec<RunWord>| {
        let last = segment[segment.len() - 1];
        let mut next_token = last.1 + 1;
        // The period of a final initial was taken into the span.
        while next_token < doc.tokens.len() && doc.tokens[next_token].span().end <= last.0.span.end
        {
            next_token += 1;
        }
        let first_word = all.len();
        all.extend(segment.iter().map(|(w, _)| *w));
        Core {
            words: first_word..all.len(),
            span: Span::new(segment[0].0.span.start, last.0.span.end),
            title: None,
            title_gender: None,
            title_class: None,
            sentence_idx,
            next_token,
            first_token: segment[0].1,
            caps,
            cue: None,
            known_from: None,
        }
    };
    if shouting {
        // Headlines: every word on its own; only names known from the body are kept, and neighbours
        // are joined again later.
        for (k, w) in words.iter().enumerate() {
            if non_names[k].is_none() && names::title(w).is_none() {
                let core = new_core(&run[k..k + 1], true, &mut cores.words);
                cores.list.push(core);
            }
        }
        return;
    }
    // An organisation word ends an organisation's name ("Bank", "Manchester United"); a place prefix
    // starts a place's name with the next word ("New York", "San Marino"). Neither is a person.
    let mut start = 0;
    for (k, non_name) in non_names.iter().enumerate() {
        match non_name {
            Some(NonNameClass::Org) => start = k + 1,
            Some(NonNameClass::PlacePrefix) => start = start.max((k + 2).min(run.len())),
            _ => {}
        }
    }
    // The last title word with a name after it ends the title prefix: "U.S. President Donald Trump".
    let mut title: Option<(Span, Option<Gender>, TitleClass)> = None;
    let mut k = start;
    while k < run.len() {
        let role_first = first_word_title
            .filter(|t| k == 0 && t.class == TitleClass::Role)
            .filter(|_| names::first_name(words[0]).is_none());
        // A modifier such as "Former" or "Vice" only belongs to a title; it is not one by itself.
        let Some(tw) = titles[k]
            .or(role_first)
            .filter(|t| t.class != TitleClass::Part)
        else {
            k += 1;
            continue;
        };
        let rest_has_name =
            (k + 1..run.len()).any(|m| titles[m].is_none() && !names::is_name_suffix(words[m]));
        if !rest_has_name {
            break;
        }
        // The title starts at the first word of this stretch of titles ("Prime Minister").
        let mut first_title = k;
        while first_title > 0 && titles[first_title - 1].is_some() {
            first_title -= 1;
        }
        let gender = tw.gender.or(title.and_then(|t| t.1));
        title = Some((
            Span::new(run[first_title].0.span.start, run[k].0.span.end),
            gender,
            tw.class,
        ));
        start = k + 1;
        k += 1;
    }
    // A lower-case role word right before the run, maybe with a comma: "striker Harry Kane",
    // "foreign minister X", "the team's coach, X".
    if title.is_none() && start == 0 {
        let mut b = run[0].1;
        if b > sentence_first && doc.tokens[b - 1].span().text(text) == "," {
            b -= 1;
        }
        if b > sentence_first {
            let t = doc.tokens[b - 1];
            let w = word_text(doc, &t);
            if t.kind == TokenKind::Word && w.chars().next().is_some_and(char::is_lowercase) {
                if let Some(tw) = names::title_or_plural(w) {
                    if tw.class != TitleClass::Part {
                        // After a comma the role is an appositive and names even a single word.
                        let class = if b < run[0].1 {
                            TitleClass::Title
                        } else {
                            tw.class
                        };
                        title = Some((t.span(), tw.gender, class));
                    }
                }
            }
        }
    }
    // A nationality before a name: "Argentine Abel Balbo", "Croat Alen Boksic".
    let mut nationality = false;
    let likely_nationality = |w: &str, next: &str| {
        names::is_nationality(w)
            && (names::non_name(w) == Some(NonNameClass::Nationality)
                || ["ian", "ese", "can", "yan"].iter().any(|e| w.ends_with(e))
                || names::first_name(next).is_some())
    };
    if title.is_none()
        && run.len() >= start + 3
        && likely_nationality(words[start], words[start + 1])
    {
        start += 1;
        nationality = true;
    }
    // Cut the rest at non-name words (a month stays when it follows a first name: "Theresa May").
    let segment = &mut scratch.segment;
    segment.clear();
    let mut first_segment = true;
    let mut flush = |segment: &mut Vec<(RunWord, usize)>, first_segment: &mut bool| {
        while segment.last().is_some_and(|(w, _)| w.shape == Shape::Other) {
            segment.pop();
        }
        while segment
            .first()
            .is_some_and(|(w, _)| w.shape == Shape::Other)
        {
            segment.remove(0);
        }
        if !segment.is_empty() && segment.len() <= MAX_NAME_WORDS {
            let mut core = new_core(segment, false, &mut cores.words);
            if *first_segment {
                if let Some(t) = title {
                    core.title = Some(t.0);
                    core.title_gender = t.1;
                    core.title_class = Some(t.2);
                }
                if nationality && (2..=3).contains(&segment.len()) {
                    core.cue = Some(Cue::Context);
                }
            }
            cores.list.push(core);
        }
        segment.clear();
        *first_segment = false;
    };
    for k in start..run.len() {
        let w = words[k];
        let non_name = non_names[k];
        // A month stays after a first name ("Theresa May") or as a first name ("June Carter").
        let keeps_month = non_name == Some(NonNameClass::Month)
            && if segment.is_empty() {
                names::first_name(w).is_some()
                    && words.get(k + 1).is_some_and(|n| {
                        names::non_name(n).is_none() && shape(n) == Shape::Capitalized
                    })
            } else {
                names::first_name(segment[segment.len() - 1].0.span.text(text)).is_some()
            };
        let stop = match non_name {
            Some(NonNameClass::Month) => !keeps_month,
            Some(_) => true,
            None => {
                // "John Major", "Carole King": a title word after a first name, ending the run.
                let surname = k + 1 == run.len()
                    && !segment.is_empty()
                    && names::first_name(segment[segment.len() - 1].0.span.text(text)).is_some();
                !surname && titles[k].is_some_and(|t| t.class != TitleClass::Honorific)
            }
        };
        // A title word alone may be a surname met before ("Major's office"); confirm decides.
        let lone_title = run.len() == 1 && non_name.is_none();
        if stop && !lone_title {
            if !segment.is_empty() {
                flush(segment, &mut first_segment);
            } else if k > start {
                first_segment = false;
            }
            continue;
        }
        segment.push(run[k]);
    }
    flush(segment, &mut first_segment);
}

/// Reporting verbs that, right after a name of two words or more, show it is a person.
const AFTER_VERBS: &[&str] = &[
    "said",
    "says",
    "told",
    "added",
    "explained",
    "wrote",
    "stated",
    "announced",
    "asked",
    "replied",
    "insisted",
    "argued",
    "noted",
    "warned",
    "admitted",
    "claimed",
    "recalled",
];

/// Decides which cores are names: first from their own cues, then from names found elsewhere.
fn confirm<'t>(doc: &Document<'t>, cores: &mut Cores) {
    let text = doc.text;
    let Cores {
        list: cores,
        words: all,
    } = cores;
    let paragraph_of = |pos: usize| doc.paragraphs.partition_point(|p| p.end <= pos);
    for core in cores.iter_mut() {
        if core.caps || core.cue.is_some() {
            continue;
        }
        let words = core.words(all);
        let n = core.words.len();
        let closes = |k: usize| {
            doc.tokens.get(k).is_some_and(|t| {
                let w = t.span().text(text);
                matches!(w, "," | "." | ";" | ")") || AFTER_VERBS.contains(&w)
            })
        };
        if core.title.is_some()
            && (n >= 2 || core.title_class != Some(TitleClass::Role) || closes(core.next_token))
        {
            core.cue = Some(Cue::Title);
            continue;
        }
        let first_word = words[0].span.text(text);
        if n >= 2 {
            let inner_particle = n >= 3
                && words[1..n - 1].iter().any(|w| {
                    w.shape == Shape::Other
                        && matches!(
                            w.span.text(text),
                            "bin" | "ibn" | "bint" | "van" | "von" | "al"
                        )
                });
            let first_is_name = (names::first_name(first_word).is_some()
                || first_word
                    .split_once('-')
                    .is_some_and(|(a, _)| names::first_name(a).is_some())
                || inner_particle)
                && words[1].shape != Shape::Initial
                && matches!(
                    names::non_name(first_word),
                    None | Some(NonNameClass::Month)
                );
            if first_is_name {
                core.cue = Some(Cue::FirstName);
                continue;
            }
            if words[0].shape == Shape::Initial
                && words[n - 1].shape == Shape::Capitalized
                && (first_word.len() > 1 || !matches!(first_word, "A" | "I" | "O" | "E" | "Y"))
            {
                core.cue = Some(Cue::Initials);
                continue;
            }
            let after_by = core.first_token > 0
                && doc.tokens[core.first_token - 1].span().text(text) == "by"
                && n <= 3;
            if after_by
                || context_follows(doc, core.next_token)
                || table_follows(doc, core.next_token)
                || n <= 3 && action_follows(doc, core)
            {
                core.cue = Some(Cue::Context);
                continue;
            }
            if is_byline(doc, core, paragraph_of(core.span().start)) {
                core.cue = Some(Cue::Byline);
                continue;
            }
        } else if words[0].shape == Shape::Capitalized
            && core.first_token > 0
            && matches!(
                doc.tokens[core.first_token - 1].span().text(text),
                "(" | ","
            )
            && score_follows(doc, core.next_token)
        {
            // A scorer in a results line: "(Kirsten 18th, Ramelow 56th)".
            core.cue = Some(Cue::Context);
        }
    }
    // A name rarely follows an article: "the Warhol exhibit", "The Polaroids were".
    for core in cores.iter_mut() {
        let after_article = core.first_token > 0 && {
            let t = doc.tokens[core.first_token - 1];
            matches!(t.span().text(text), "the" | "The" | "a" | "an")
        };
        // "as The Velvet Underground": a capitalized article inside a sentence starts a title.
        let inner_the = core.first_token > 1
            && doc.tokens[core.first_token - 1].span().text(text) == "The"
            && {
                let w = doc.tokens[core.first_token - 2].span().text(text);
                w.chars().next().is_some_and(char::is_lowercase)
            };
        if inner_the && core.cue != Some(Cue::Title)
            || after_article
                && !matches!(core.cue, Some(Cue::Title | Cue::FirstName | Cue::Initials))
        {
            core.cue = None;
        }
    }
    // Names found so far confirm the same words elsewhere ("Trump" after "Donald Trump").
    let mut known_full: TextWordMap<Cue> = TextWordMap::default();
    let mut known_part: TextWordMap<()> = TextWordMap::default();
    let mut known_last: TextWordMap<Cue> = TextWordMap::default();
    let remember = |map: &mut TextWordMap<'t, Cue>, key: &'t str, cue: Cue| {
        let e = map.get_or_insert(key, cue);
        *e = (*e).min(cue);
    };
    for core in cores.iter() {
        let Some(cue) = core.cue else {
            continue;
        };
        let words = core.words(all);
        remember(&mut known_full, core.span().text(text), cue);
        let strong = matches!(
            cue,
            Cue::Title | Cue::FirstName | Cue::Initials | Cue::Byline
        );
        for w in words.iter().filter(|_| strong) {
            if w.shape == Shape::Capitalized {
                known_part.get_or_insert(w.span.text(text), ());
            }
        }
        if let Some(last) = words.last().filter(|w| w.shape == Shape::Capitalized) {
            remember(&mut known_last, last.span.text(text), cue);
        }
    }
    for core in cores.iter_mut().filter(|c| c.cue.is_none()) {
        let words = core.words(all);
        let n = words.len();
        let all_known = words
            .iter()
            .all(|w| w.shape == Shape::Capitalized && known_part.get(w.span.text(text)).is_some());
        let from_last = |w: &RunWord| known_last.get(w.span.text(text));
        let last_known = (n == 2 && !core.caps && words[1].shape == Shape::Capitalized)
            .then(|| from_last(&words[1]))
            .flatten();
        // A surname alone; in a headline only after a well-founded full name.
        let surname_alone = (n == 1 && words[0].shape == Shape::Capitalized)
            .then(|| from_last(&words[0]))
            .flatten()
            .filter(|&c| !core.caps || c <= Cue::Initials);
        let source = known_full
            .get(core.span().text(text))
            .or((all_known && n <= 2).then_some(Cue::Title))
            .or(last_known)
            .or(surname_alone);
        if let Some(source) = source {
            core.cue = Some(Cue::Known);
            core.known_from = Some(source);
        }
    }
    // Lists: an unconfirmed name of two words or more next to a confirmed one ("A B, C D and E F"),
    // spreading along the list both ways.
    let listable = |c: &Core| c.cue.is_none() && c.words.len() >= 2 && !c.caps;
    for k in 1..cores.len() {
        if listable(&cores[k])
            && cores[k - 1].cue.is_some()
            && cores[k - 1].sentence_idx == cores[k].sentence_idx
            && only_list_glue(doc, cores[k - 1].next_token, cores[k].first_token)
        {
            cores[k].cue = Some(Cue::List);
        }
    }
    for k in (0..cores.len().saturating_sub(1)).rev() {
        if listable(&cores[k])
            && cores[k + 1].cue.is_some()
            && cores[k + 1].sentence_idx == cores[k].sentence_idx
            && only_list_glue(doc, cores[k].next_token, cores[k + 1].first_token)
        {
            cores[k].cue = Some(Cue::List);
        }
    }
    // Headline words in capitals that name a known person next to each other form one name.
    // In place (no second list of every candidate on a long text).
    cores.dedup_by(|core, prev| {
        let joins = core.caps
            && prev.caps
            && core.cue.is_some()
            && prev.cue.is_some()
            && prev.next_token == core.first_token
            && prev.words.len() < MAX_NAME_WORDS;
        if joins {
            debug_assert_eq!(prev.words.end, core.words.start);
            prev.words.end = core.words.end;
            prev.span.end = core.span.end;
            prev.next_token = core.next_token;
        }
        joins
    });
}

/// Irregular past-tense verbs common in news reports of what someone did.
const IRREGULAR_PAST: &[&str] = &[
    "beat", "began", "came", "fell", "gave", "got", "held", "hit", "kept", "led", "left", "lost",
    "made", "met", "paid", "put", "ran", "saw", "sent", "set", "shot", "spent", "stood", "struck",
    "took", "threw", "went", "won", "wrote",
];

/// A past-tense verb or a possessive right after a name: "X scored", "X was booked", "X's header".
fn action_follows(doc: &Document, core: &Core) -> bool {
    let text = doc.text;
    let end = core.span().end;
    if text[end..].starts_with("'s") || text[end..].starts_with("\u{2019}s") {
        return true;
    }
    let word = |k: usize| doc.tokens.get(k).map(|t| t.span().text(text));
    let past = |w: &str| {
        w.len() >= 5 && w.ends_with("ed") && w.chars().all(|c| c.is_ascii_lowercase())
            || IRREGULAR_PAST.contains(&w)
    };
    let participle = |w: &str| past(w) || w.len() >= 4 && w.ends_with("en");
    // "Katja Seizinger of Germany finished second": skip "of" and one capitalized word.
    let mut next = core.next_token;
    if word(next) == Some("of") && word(next + 1).is_some_and(|w| shape(w) == Shape::Capitalized) {
        next += 2;
    }
    match word(next) {
        Some("was" | "were") => word(next + 1).is_some_and(past),
        Some("had" | "has") => word(next + 1).is_some_and(participle),
        Some(w) => past(w),
        None => false,
    }
}

/// A number such as `45`, `18th` or `2nd`.
fn is_score(word: &str) -> bool {
    let digits = word.trim_end_matches(|c: char| c.is_ascii_alphabetic());
    let suffix = &word[digits.len()..];
    !digits.is_empty()
        && digits.len() <= 3
        && digits.bytes().all(|b| b.is_ascii_digit())
        && matches!(suffix, "" | "st" | "nd" | "rd" | "th")
}

/// Numbers then `,`, `)`, `;` or `and` after a name: a results line ("Hassan Ahmed 53, …").
fn score_follows(doc: &Document, next: usize) -> bool {
    let mut k = next;
    while k < doc.tokens.len() && k < next + 4 && is_score(doc.tokens[k].span().text(doc.text)) {
        k += 1;
    }
    k > next
        && doc
            .tokens
            .get(k)
            .is_some_and(|t| matches!(t.span().text(doc.text), "," | ")" | ";" | "and" | "pen"))
}

/// A country in brackets or a results line after a name: "Katja Seizinger (Germany) 180".
fn table_follows(doc: &Document, next: usize) -> bool {
    let word = |k: usize| doc.tokens.get(k).map(|t| t.span().text(doc.text));
    if word(next) == Some("(") {
        let mut k = next + 1;
        while k < next + 5
            && word(k).is_some_and(|w| {
                shape(w) == Shape::Capitalized || shape(w) == Shape::Initial || w == "."
            })
        {
            k += 1;
        }
        // Three numbers or more after the brackets make a standings row of a team.
        let numbers = (k + 1..k + 4)
            .take_while(|&m| {
                doc.tokens
                    .get(m)
                    .is_some_and(|t| t.kind == TokenKind::Number)
            })
            .count();
        return k > next + 1 && word(k) == Some(")") && numbers < 3;
    }
    score_follows(doc, next)
}

/// True when the tokens `from..to` are only list glue (`,`, `and`, `&`, `;`).
fn only_list_glue(doc: &Document, from: usize, to: usize) -> bool {
    to > from
        && to - from <= 2
        && doc.tokens[from..to]
            .iter()
            .all(|t| matches!(t.span().text(doc.text), "," | "and" | "&" | ";"))
}

/// A reporting verb, ", who", or an age (", 42,") right after the name.
fn context_follows(doc: &Document, next: usize) -> bool {
    let word = |k: usize| doc.tokens.get(k).map(|t| t.span().text(doc.text));
    match word(next) {
        Some(w) if AFTER_VERBS.contains(&w) => true,
        Some(",") => match word(next + 1) {
            Some("who") => true,
            Some(_) if role_after_comma(doc, next + 1) => true,
            Some(age) => {
                age.len() <= 3
                    && age.bytes().all(|b| b.is_ascii_digit())
                    && matches!(word(next + 2), Some("," | ")"))
            }
            None => false,
        },
        _ => false,
    }
}

/// An appositive that names a role: "X, the president of …", "X, Panama coach, said".
fn role_after_comma(doc: &Document, from: usize) -> bool {
    for k in from..(from + 5).min(doc.tokens.len()) {
        let t = doc.tokens[k];
        let w = t.span().text(doc.text);
        if t.kind != TokenKind::Word {
            return false;
        }
        if let Some(tw) = names::title(w) {
            if tw.class != TitleClass::Part {
                return true;
            }
            continue;
        }
        let determiner = matches!(w, "a" | "an" | "the" | "former" | "its" | "their");
        if !determiner && names::non_name(w) == Some(NonNameClass::Function) {
            return false;
        }
    }
    false
}

/// A byline: `By X Y` at the start of a paragraph, a paragraph of nothing but the name among the first
/// few, or a sign-off `-- X Y, City`.
fn is_byline(doc: &Document, core: &Core, paragraph_idx: usize) -> bool {
    let Some(paragraph) = doc.paragraphs.get(paragraph_idx) else {
        return false;
    };
    let span = core.span();
    // Only a few bytes around the name matter; longer stretches are never a byline.
    if span.start - paragraph.start > 8 {
        return false;
    }
    let before = doc.text[paragraph.start..span.start].trim();
    let after_end = doc.text.ceil_char_boundary(paragraph.end.min(span.end + 4));
    let after = doc.text[span.end..after_end].trim();
    let whole_line = after_end == paragraph.end && after.is_empty();
    let n = core.words.len();
    if !(2..=4).contains(&n) {
        return false;
    }
    if before.eq_ignore_ascii_case("by") && (whole_line || after.starts_with(',')) {
        return true;
    }
    if paragraph_idx <= 3 && before.is_empty() && whole_line {
        return true;
    }
    matches!(before, "--" | "-" | "\u{2014}" | "\u{2013}") && after.starts_with(',')
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::segment::segment;

    fn check(input: &str, expect: &[&str]) {
        let doc = segment(input);
        let found: Vec<String> = find(&doc)
            .iter()
            .map(|c| match c.kind {
                CandidateKind::Name => c.span.text(input).to_string(),
                CandidateKind::Role => format!("role:{}", c.span.text(input)),
            })
            .collect();
        assert_eq!(found, expect, "{input}");
    }

    #[test]
    fn word_shapes() {
        for (word, expect) in [
            ("Smith", Shape::Capitalized),
            ("McCain", Shape::Capitalized),
            ("\u{c9}lise", Shape::Capitalized),
            ("al-Assad", Shape::Capitalized),
            ("J", Shape::Initial),
            ("J.R.R", Shape::Initial),
            ("NATO", Shape::Caps),
            ("I", Shape::Initial),
            ("said", Shape::Other),
            ("well-known", Shape::Other),
            ("2016", Shape::Other),
            ("\u{e9}t\u{e9}", Shape::Other),
            ("", Shape::Other),
        ] {
            assert_eq!(shape(word), expect, "{word}");
        }
    }

    #[test]
    fn titles_stay_outside_the_name() {
        check(
            "U.S. President Donald Trump's policies drew notice. Trump said nothing.",
            &["Donald Trump", "Trump"],
        );
        check(
            "Mr. Tedeschi also told the court. Professor Eastman says so.",
            &["Tedeschi", "Eastman"],
        );
        check(
            "Lieutenant-General Maurice Baril spoke. The Prime Minister left.",
            &["Maurice Baril", "role:The Prime Minister"],
        );
        check(
            "Starmer said the Prime Minister would stay.",
            &["role:the Prime Minister"],
        );
    }

    #[test]
    fn a_run_starts_upper_case_or_with_a_joined_particle() {
        check(
            "President Bashar al-Assad met Vladimir Putin. Officials said al-Assad left and Putin stayed.",
            &["Bashar al-Assad", "Vladimir Putin", "al-Assad", "Putin"],
        );
        check("the well-known van-driver said so", &[]);
    }

    #[test]
    fn first_names_initials_particles() {
        check(
            "Later, Margaret Atwood and J.K. Rowling met Ludwig van Beethoven.",
            &["Margaret Atwood", "J.K. Rowling", "Ludwig van Beethoven"],
        );
        check("S. Campbell c Healy b Gillespie 31", &["S. Campbell"]);
        check("Theresa May spoke in May.", &["Theresa May"]);
    }

    #[test]
    fn context_bylines_and_lists() {
        check(
            "Quake hits town.\nHaitham Haddadin\nBEIRUT 1996-12-06\nThe mayor Zoltan Kovacs said it.",
            &["Haitham Haddadin", "Zoltan Kovacs"],
        );
        check(
            "Goalkeepers - Bogdan Stelea, John Smith, Tibor Selymes.",
            &["Bogdan Stelea", "John Smith", "Tibor Selymes"],
        );
    }

    #[test]
    fn places_and_organisations_are_not_names() {
        check(
            "The Bank of England and Manchester United met in New York on Monday.",
            &[],
        );
    }
}
