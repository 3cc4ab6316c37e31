//! The speaker registry: links a source mention to a person entity, adding people that only the
//! attribution reveals.
//!
//! Names match an existing person by their last word (`Smith` → `Jane Smith`), unless both carry
//! different first names. Pronouns go to the nearest person mentioned before them whose gender fits;
//! a person of unknown gender takes the gender of the pronoun that resolves to it. `who` goes to the
//! name right before it. Descriptions ("the newspaper") are not linked.

use crate::fast_hash::{FastMap, FastSet};
use crate::sorting;
use crate::two_threads;

use super::source::{Source, SourceKind};
use crate::annotations::{Gender, Mention, MentionKind, Person, PersonId};
use crate::lexicon::names::NonNameClass;
use crate::lexicon::places::gazetteer;
use crate::lexicon::{cues, names, WordShapes};
use crate::segment::{Token, TokenKind};
use crate::span::Span;

/// The person one of whose mentions in `list` (sorted by start) overlaps `span`; the nearest few
/// mentions starting before its end are looked at.
fn overlapping(list: &[(Span, PersonId)], span: Span) -> Option<PersonId> {
    let k = list.partition_point(|(s, _)| s.start < span.end);
    list[..k]
        .iter()
        .rev()
        .take(4)
        .find(|(s, _)| s.overlaps(span))
        .map(|&(_, id)| id)
}

/// The first bytes and lengths of some surnames, as a word may show them (alone or with `'s` or
/// `’s`): a test that lets every occurrence through and spares most capitalized words a lookup.
struct SurnameShapes(WordShapes);

impl SurnameShapes {
    fn new<'a>(surnames: impl Iterator<Item = &'a String>) -> SurnameShapes {
        let mut shapes = WordShapes::empty();
        for surname in surnames {
            if let Some(&first) = surname.as_bytes().first() {
                for ending in ["", "'s", "\u{2019}s"] {
                    shapes.add(first, surname.len() + ending.len());
                }
            }
        }
        SurnameShapes(shapes)
    }

    /// False when the word at `span` of `text` cannot be one of the surnames or its possessive.
    fn may_hold(&self, text: &str, span: Span) -> bool {
        text.as_bytes()
            .get(span.start)
            .is_some_and(|&b| self.0.may_hold(b, span.len()))
    }
}

/// How many earlier mentions a pronoun looks at.
const PRONOUN_LOOK_BACK: usize = 40;

/// People with lookups by last name and by position.
pub(super) struct Registry<'p, 't> {
    text: &'t str,
    people: &'p mut Vec<Person>,
    /// Lower-cased last name → people with that last name.
    by_last: FastMap<String, Vec<PersonId>>,
    /// Name mentions by start offset: those the people list came with (sorted) …
    known: Vec<(Span, PersonId)>,
    /// … and those the attribution added, in the order found (nearly sorted).
    added: Vec<(Span, PersonId)>,
    /// The mentions the attribution gave people (those they came with are in `known`), so that
    /// none is added twice.
    linked: FastSet<(PersonId, Span)>,
    /// People given new mentions (their mention lists are sorted again in `finish`).
    touched: FastSet<PersonId>,
    /// How many people the entity stage found; those after them only the attribution revealed.
    detected: usize,
}

/// The words of a name without titles, honorifics and a possessive ending (all of its words when
/// none is left).
fn name_words(name: &str) -> Vec<&str> {
    let words: Vec<&str> = written_words(name).collect();
    let kept: Vec<&str> = words.iter().copied().filter(|w| is_name_word(w)).collect();
    if kept.is_empty() {
        words
    } else {
        kept
    }
}

/// The last of [`name_words`], found without listing them (asked of every person).
fn last_name_word(name: &str) -> Option<&str> {
    written_words(name)
        .rev()
        .find(|w| is_name_word(w))
        .or_else(|| written_words(name).next_back())
}

/// The words of a name, a possessive ending dropped.
fn written_words(name: &str) -> impl DoubleEndedIterator<Item = &str> {
    name.split(|c: char| c.is_whitespace() || c == ',')
        .filter(|w| !w.is_empty() && *w != ".")
        .map(|w| {
            w.strip_suffix("'s")
                .or_else(|| w.strip_suffix("\u{2019}s"))
                .unwrap_or(w)
        })
}

/// True for a word a person is known by: not a title, an honorific, `the` or a suffix.
fn is_name_word(w: &str) -> bool {
    cues::honorific(w).is_none()
        && !cues::is_title_word(w)
        && !matches!(w, "the" | "The")
        && !names::is_name_suffix(w)
}

impl<'p, 't> Registry<'p, 't> {
    pub(super) fn new(text: &'t str, people: &'p mut Vec<Person>) -> Self {
        let mut by_last: FastMap<String, Vec<PersonId>> = FastMap::default();
        let mut known = Vec::new();
        for (id, p) in people.iter().enumerate() {
            if let Some(last) = last_name_word(&p.name) {
                by_last.entry(last.to_lowercase()).or_default().push(id);
            }
            known.extend(p.mentions.iter().map(|m| (m.span, id)));
        }
        sorting::sort_by_key(&mut known, |&(s, id)| (s.start, s.end, id));
        let detected = people.len();
        Registry {
            text,
            people,
            by_last,
            known,
            added: Vec::new(),
            linked: FastSet::default(),
            touched: FastSet::default(),
            detected,
        }
    }

    /// Adds the later surname-only mentions of the people the attribution revealed, then puts every
    /// person's mentions back in text order.
    pub(super) fn finish(mut self, tokens: &[Token]) {
        self.add_surname_mentions(tokens);
        for id in self.touched {
            sorting::sort_by_key(&mut self.people[id].mentions, |m| {
                (m.span.start, m.span.end, 0)
            });
        }
    }

    /// `Ribeiro said …` after `said Tomás Ribeiro`: the entity stage never saw the full name, so it
    /// could not join the surname to it. A surname counts when it names one person only and is not
    /// a place or a common capitalized word; each occurrence after the person's first mention that
    /// no other mention covers becomes a mention. One pass over the tokens.
    fn add_surname_mentions(&mut self, tokens: &[Token]) {
        let text = self.text;
        // Same map type as `by_last` (one copy of the map code in the browser build); keyed by the
        // surname as written.
        let mut surnames: FastMap<String, Vec<PersonId>> = FastMap::default();
        for id in self.detected..self.people.len() {
            let words = name_words(&self.people[id].name);
            let Some(&last) = words.last().filter(|_| words.len() > 1) else {
                continue;
            };
            let unique = self
                .by_last
                .get(&last.to_lowercase())
                .is_some_and(|ids| ids.len() == 1);
            if unique
                && last.chars().count() > 2
                && last.starts_with(char::is_uppercase)
                && names::non_name(last).is_none()
                && !names::is_nationality(last)
                && gazetteer().get(last).is_none()
            {
                surnames.insert(last.to_string(), vec![id]);
            }
        }
        if surnames.is_empty() {
            return;
        }
        sorting::sort_by_key(&mut self.added, |&(s, id)| (s.start, s.end, id));
        // The tokens are read in two halves (on two threads for a long text); the mentions are
        // then added in text order.
        let half = tokens.len() / 2;
        let shapes = SurnameShapes::new(surnames.keys());
        let this = &*self;
        let (early, late) = two_threads::join(
            text.len(),
            || this.surname_occurrences(tokens, 0..half, &surnames, &shapes),
            || this.surname_occurrences(tokens, half..tokens.len(), &surnames, &shapes),
        );
        for (id, span) in early.into_iter().chain(late) {
            self.add_name_mention(id, span);
        }
    }

    /// The occurrences among `tokens[range]` of `surnames` (by the surname as written) that stand
    /// alone and that no other mention covers, after their person's first mention, in order.
    fn surname_occurrences(
        &self,
        tokens: &[Token],
        range: std::ops::Range<usize>,
        surnames: &FastMap<String, Vec<PersonId>>,
        shapes: &SurnameShapes,
    ) -> Vec<(PersonId, Span)> {
        let text = self.text;
        // A capitalized word right before or after makes the surname part of another name
        // (`Donald Trump` when the detector missed it, `New Hampshire`, `Trump Tower`); an
        // honorific or a capitalized function word is fine (`Mr. Ribeiro`, `But Ribeiro`).
        let name_part = |t: &Token| {
            let w = t.span().text(text);
            t.kind == TokenKind::Word
                && w.starts_with(char::is_uppercase)
                && cues::honorific(w).is_none()
                && names::non_name(w) != Some(NonNameClass::Function)
        };
        let joined = |left: &Token, right: &Token| {
            text[left.span().end..right.span().start]
                .chars()
                .all(|c| c == ' ' || c == '-')
        };
        let mut found = Vec::new();
        for i in range {
            let token = &tokens[i];
            // Every surname kept starts with a capital: most words need no lookup.
            if token.kind != TokenKind::Word
                || !token.starts_upper()
                || !shapes.may_hold(text, token.span())
            {
                continue;
            }
            let word = token.span().text(text);
            let (stem, span) = match word
                .strip_suffix("'s")
                .or_else(|| word.strip_suffix("\u{2019}s"))
            {
                Some(stem) => (
                    stem,
                    Span::new(token.span().start, token.span().start + stem.len()),
                ),
                None => (word, token.span()),
            };
            let Some(&id) = surnames.get(stem).and_then(|ids| ids.first()) else {
                continue;
            };
            let before = i.checked_sub(1).map(|j| &tokens[j]);
            let after = tokens.get(i + 1);
            if before.is_some_and(|b| name_part(b) && joined(b, token))
                || after.is_some_and(|a| name_part(a) && joined(token, a))
            {
                continue;
            }
            let covered = overlapping(&self.known, span).is_some()
                || overlapping(&self.added, span).is_some();
            // Every person the attribution revealed has a mention already.
            let first = self.people[id].mentions.first().map_or(0, |m| m.span.start);
            if !covered && span.start > first {
                found.push((id, span));
            }
        }
        found
    }

    /// Gives person `id` a name mention at `span` unless they have it already.
    fn add_name_mention(&mut self, id: PersonId, span: Span) {
        if self.note_new_mention(id, span) {
            self.people[id].mentions.push(Mention {
                span,
                kind: MentionKind::Name,
            });
            self.touched.insert(id);
        }
    }

    /// True, and noted, when person `id` does not have a mention at `span` yet.
    fn note_new_mention(&mut self, id: PersonId, span: Span) -> bool {
        let key = (span.start, span.end, id);
        let at = self
            .known
            .partition_point(|&(s, i)| (s.start, s.end, i) < key);
        let came_with = self.known.get(at) == Some(&(span, id));
        !came_with && self.linked.insert((id, span))
    }

    /// The person `source` stands for, if any (adding one for a new name).
    pub(super) fn link(&mut self, source: Source) -> Option<PersonId> {
        match source.kind {
            SourceKind::Name => Some(self.link_name(source)),
            SourceKind::Pronoun => self.resolve_pronoun(source),
            SourceKind::Relative => self.nearest_before(source.span.start, None),
            SourceKind::Description => None,
        }
    }

    /// True when no person fitting `pronoun` is mentioned between `name` and the pronoun.
    pub(super) fn nearest_is_before(&self, pronoun: Source, name: Span) -> bool {
        let latest = |list: &[(Span, PersonId)]| {
            list.iter()
                .rev()
                .take(PRONOUN_LOOK_BACK)
                .filter(|(s, id)| {
                    s.start < pronoun.span.start
                        && s.start > name.start
                        && match (pronoun.gender, self.people[*id].gender) {
                            (Some(a), Some(b)) => a == b,
                            _ => true,
                        }
                })
                .count()
        };
        let k = self
            .known
            .partition_point(|(s, _)| s.start < pronoun.span.start);
        latest(&self.known[..k]) + latest(&self.added) == 0
    }

    /// The person one of whose known mentions overlaps `span`.
    fn known_overlapping(&self, span: Span) -> Option<PersonId> {
        overlapping(&self.known, span)
    }

    fn link_name(&mut self, source: Source) -> PersonId {
        // A name the entity stage already knows keeps its person and adds no second mention.
        if let Some(id) = self.known_overlapping(source.span) {
            self.added.push((source.span, id));
            return id;
        }
        let mention_text = source.span.text(self.text);
        let words = name_words(mention_text);
        let last = words.last().map_or_else(String::new, |w| w.to_lowercase());
        let first = (words.len() > 1).then(|| words[0]);
        let same_last = self.by_last.get(&last).cloned().unwrap_or_default();
        let found = same_last.iter().copied().rev().find(|&id| {
            let theirs = name_words(&self.people[id].name);
            let their_first = (theirs.len() > 1).then(|| theirs[0]);
            match (first, their_first) {
                (Some(a), Some(b)) => a == b,
                _ => true,
            }
        });
        let id = match found {
            Some(id) => id,
            None => {
                self.people.push(Person {
                    name: words.join(" "),
                    gender: None,
                    mentions: Vec::new(),
                });
                let id = self.people.len() - 1;
                self.by_last.entry(last).or_default().push(id);
                id
            }
        };
        let person = &mut self.people[id];
        if words.len() > name_words(&person.name).len() {
            person.name = words.join(" ");
        }
        if person.gender.is_none() {
            person.gender = source.gender;
        }
        self.add_name_mention(id, source.span);
        self.added.push((source.span, id));
        id
    }

    fn resolve_pronoun(&mut self, source: Source) -> Option<PersonId> {
        // they, we, I: a group or someone the text does not name here
        source.gender?;
        let id = self.nearest_before(source.span.start, source.gender)?;
        let person = &mut self.people[id];
        if person.gender.is_none() {
            person.gender = source.gender;
        }
        Some(id)
    }

    /// The person mentioned last before `at` whose gender fits `gender`.
    fn nearest_before(&self, at: usize, gender: Option<Gender>) -> Option<PersonId> {
        let fits = |id: PersonId| match (gender, self.people[id].gender) {
            (Some(a), Some(b)) => a == b,
            _ => true,
        };
        let k = self.known.partition_point(|(s, _)| s.start < at);
        let from_known = self.known[..k]
            .iter()
            .rev()
            .take(PRONOUN_LOOK_BACK)
            .find(|(_, id)| fits(*id))
            .copied();
        let from_added = self
            .added
            .iter()
            .rev()
            .take(PRONOUN_LOOK_BACK)
            .filter(|(s, _)| s.start < at)
            .find(|(_, id)| fits(*id))
            .copied();
        match (from_known, from_added) {
            (Some(a), Some(b)) => Some(if a.0.start >= b.0.start { a.1 } else { b.1 }),
            (a, b) => a.or(b).map(|x| x.1),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(input: &str, expect: &[&str]) {
        assert_eq!(name_words(input), expect, "{input}");
        assert_eq!(last_name_word(input), expect.last().copied(), "{input}");
    }

    #[test]
    fn names_lose_titles_and_possessives() {
        check("Sen. Jane Smith", &["Jane", "Smith"]);
        check("President Obama’s", &["Obama"]);
        check("Mr. Trump", &["Trump"]);
        check("the President", &["the", "President"]);
        check("", &[]);
    }

    #[test]
    fn names_lose_generational_suffixes() {
        // The surname, not the suffix, is what later mentions repeat.
        check("James B. Comey Jr.", &["James", "B.", "Comey"]);
        check("Vann R. Newkirk II", &["Vann", "R.", "Newkirk"]);
    }

    #[test]
    fn later_surnames_join_a_person_only_the_attribution_found() {
        let text = "said Tom\u{e1}s Ribeiro. Later Ribeiro left, past Ribeiro Street, and Mr. Ribeiro\u{2019}s car.";
        let doc = crate::segment::segment(text);
        let mut people = Vec::new();
        let mut reg = Registry::new(text, &mut people);
        let start = text.find("Tom").unwrap();
        reg.link(Source {
            span: Span::new(start, text.find('.').unwrap()),
            kind: SourceKind::Name,
            gender: None,
        });
        reg.finish(&doc.tokens);
        let mentions: Vec<(usize, &str)> = people[0]
            .mentions
            .iter()
            .map(|m| (m.span.start, m.span.text(text)))
            .collect();
        let later = text.find("Ribeiro left").unwrap();
        let mr = text.find("Ribeiro\u{2019}s").unwrap();
        assert_eq!(
            mentions,
            [
                (start, "Tom\u{e1}s Ribeiro"),
                (later, "Ribeiro"),
                (mr, "Ribeiro")
            ]
        );
    }

    #[test]
    fn later_surnames_of_a_long_text_join_in_order() {
        // Long enough for the tokens' two halves to be read on two threads natively.
        let mut text = String::from("said Xandor Qelby.");
        while text.len() < two_threads::FROM_BYTES + 100 {
            text.push_str(" Later Qelby left.");
        }
        let doc = crate::segment::segment(&text);
        let mut people = Vec::new();
        let mut reg = Registry::new(&text, &mut people);
        reg.link(Source {
            span: Span::new(5, 17),
            kind: SourceKind::Name,
            gender: None,
        });
        reg.finish(&doc.tokens);
        let later = text.matches("Qelby left").count();
        let mentions = &people[0].mentions;
        assert_eq!(mentions.len(), 1 + later);
        assert!(mentions
            .windows(2)
            .all(|w| w[0].span.start < w[1].span.start));
        assert!(mentions[1..].iter().all(|m| m.span.text(&text) == "Qelby"));
    }

    #[test]
    fn surnames_join_the_full_name() {
        let text = "Jane Smith spoke. Smith left. Tom Smith came.";
        let mut people = Vec::new();
        let mut reg = Registry::new(text, &mut people);
        let name = |a: usize, b: usize| Source {
            span: Span::new(a, b),
            kind: SourceKind::Name,
            gender: None,
        };
        let jane = reg.link(name(0, 10));
        let smith = reg.link(name(18, 23));
        let tom = reg.link(name(30, 39));
        assert_eq!(jane, smith);
        assert_ne!(jane, tom);
        assert_eq!(people[0].mentions.len(), 2);
    }

    #[test]
    fn surname_shapes_let_through_every_form_of_a_surname() {
        let surnames = ["Ribeiro".to_string(), "Okafor".to_string()];
        let shapes = SurnameShapes::new(surnames.iter());
        let text = "Ribeiro Ribeiro's Ribeiro\u{2019}s Okafor Rob Smith Ribeiros Ok";
        let words: Vec<Span> = {
            let mut at = 0;
            text.split(' ')
                .map(|w| {
                    let span = Span::new(at, at + w.len());
                    at += w.len() + 1;
                    span
                })
                .collect()
        };
        let kept: Vec<&str> = words
            .iter()
            .filter(|&&w| shapes.may_hold(text, w))
            .map(|w| w.text(text))
            .collect();
        // `Rob` has a surname's first byte but no surname's length; `Ribeiros` is one byte
        // longer than `Ribeiro`, which only a lookup rules out.
        assert_eq!(
            kept,
            [
                "Ribeiro",
                "Ribeiro's",
                "Ribeiro\u{2019}s",
                "Okafor",
                "Ribeiros"
            ]
        );
    }
}
