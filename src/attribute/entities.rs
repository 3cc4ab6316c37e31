//! Entities: settles overlaps between person, place and date candidates, and groups person mentions
//! into one entity per person.
//!
//! Owns the cross-kind decisions: a person's full name beats a place or date inside it (`Paris
//! Hilton`, `George Washington`, `Theresa May`); a bare word is a place or a date unless a title or an
//! earlier full name makes it a person (`Jordan`, `May`); a place that heads an organisation name is
//! dropped (`Washington Post`, `Bank of England`). Grouping: surname-only, first-name-only and
//! title-only mentions join the full name's entity, spelling variants merge, role mentions ("the Prime
//! Minister") join the person given that title. Gender comes from honorifics, then the pronouns that
//! follow the person's mentions, then the first-name lexicon.

use crate::sorting;
use std::rc::Rc;

use crate::fast_hash::FastMap;

use crate::annotations::{DateMention, Gender, Mention, MentionKind, Person, Place};
use crate::detect::people::{CandidateKind, Cue, PersonCandidate};
use crate::detect::places::PlaceCandidate;
use crate::lexicon::{names, with_lowercase};
use crate::segment::Document;
use crate::span::Span;

/// People, places and dates after overlaps are settled.
#[derive(Debug, Clone, Default)]
pub struct Resolved {
    /// Person entities.
    pub people: Vec<Person>,
    /// Places.
    pub places: Vec<Place>,
    /// Dates.
    pub dates: Vec<DateMention>,
}

/// Settles overlaps and groups person mentions into entities.
pub fn resolve(
    doc: &Document,
    people: &[PersonCandidate],
    places: Vec<PlaceCandidate>,
    dates: Vec<DateMention>,
) -> Resolved {
    let people = &trim_leading_places(doc, people, &places);
    let mut keep_person = vec![true; people.len()];
    let mut keep_place = vec![true; places.len()];
    let mut keep_date = vec![true; dates.len()];

    // Places inside organisation names.
    for (k, place) in places.iter().enumerate() {
        if heads_organisation(doc, place.span) {
            keep_place[k] = false;
        }
    }
    // Person against place, then person against date. Both lists are sorted by start, so a sweep
    // over each pair of lists is linear.
    let place_spans: Vec<Span> = places.iter().map(|p| p.span).collect();
    settle(doc, people, &place_spans, &mut keep_person, &mut keep_place);
    let date_spans: Vec<Span> = dates.iter().map(|d| d.span).collect();
    settle(doc, people, &date_spans, &mut keep_person, &mut keep_date);

    let kept: Vec<&PersonCandidate> = people
        .iter()
        .zip(&keep_person)
        .filter(|(_, &k)| k)
        .map(|(c, _)| c)
        .collect();
    let people = group(doc, &kept);
    let places = places
        .into_iter()
        .zip(keep_place)
        .filter(|(_, k)| *k)
        .map(|(c, _)| Place {
            span: c.span,
            name: c.name,
            kind: c.kind,
            country: c.country,
            coordinates: c.coordinates,
        })
        .collect();
    let dates = dates
        .into_iter()
        .zip(keep_date)
        .filter(|(_, k)| *k)
        .map(|(d, _)| d)
        .collect();
    Resolved {
        people,
        places,
        dates,
    }
}

/// Cuts a place off the front of a longer name when a first name follows it: in "Governor of
/// Washington Chris Gregoire" the person is "Chris Gregoire" and "Washington" stays a place.
fn trim_leading_places(
    doc: &Document,
    people: &[PersonCandidate],
    places: &[PlaceCandidate],
) -> Vec<PersonCandidate> {
    let text = doc.text;
    let starts: FastMap<usize, Span> = places.iter().map(|p| (p.span.start, p.span)).collect();
    people
        .iter()
        .map(|c| {
            let mut c = c.clone();
            if c.kind != CandidateKind::Name || c.n_words < 3 {
                return c;
            }
            let Some(place) = starts.get(&c.span.start) else {
                return c;
            };
            let rest = text[place.end.min(c.span.end)..c.span.end].trim_start();
            let rest_start = c.span.end - rest.len();
            let next_word = rest.split_whitespace().next().unwrap_or("");
            let n_rest = rest.split_whitespace().count();
            if place.end < c.span.end
                && rest_start > place.end
                && n_rest >= 2
                && names::first_name(next_word).is_some()
            {
                c.span = Span::new(rest_start, c.span.end);
                c.n_words = n_rest;
                if c.title.is_none() {
                    c.gender = names::first_name(next_word).and_then(|f| f.gender());
                }
            }
            c
        })
        .collect()
}

/// Words that, right after a place name, make it part of an organisation's name.
const ORG_AFTER_PLACE: &[&str] = &[
    "Post",
    "Times",
    "Herald",
    "Journal",
    "Tribune",
    "Gazette",
    "Chronicle",
    "Globe",
    "Star",
    "Telegraph",
    "Independent",
    "Observer",
    "Examiner",
    "Inquirer",
    "United",
    "Rovers",
    "Wanderers",
    "Athletic",
    "Albion",
    "Hotspur",
    "FC",
    "Bank",
    "University",
    "College",
    "Airlines",
    "Airways",
    "Corp",
    "Inc",
    "Ltd",
    "Plc",
    "Group",
    "Council",
    "Party",
    "Senators",
    "Capitals",
    "Nationals",
    "Giants",
    "Rangers",
    "Yankees",
    "Mets",
    "Lakers",
    "Redskins",
    "Stock",
    "Exchange",
];

/// Words that, right before `of` and a place name, make it part of an organisation's name.
const ORG_BEFORE_OF: &[&str] = &[
    "Bank",
    "University",
    "Church",
    "Duke",
    "Archbishop",
    "Bishop",
];

/// True when the place at `span` is part of an organisation's name (`Washington Post`, `Bank of England`).
fn heads_organisation(doc: &Document, span: Span) -> bool {
    let text = doc.text;
    let after = text[span.end..].trim_start_matches([' ', '\t']);
    let next_word: &str = after
        .split(|c: char| !c.is_alphanumeric())
        .next()
        .unwrap_or("");
    if span.end < text.len()
        && after.len() < text.len() - span.end
        && ORG_AFTER_PLACE.contains(&next_word)
    {
        return true;
    }
    let before = text[..span.start].trim_end_matches([' ', '\t']);
    if let Some(rest) = before.strip_suffix("of") {
        let rest = rest.trim_end_matches([' ', '\t']);
        let prev_word = rest
            .rsplit(|c: char| !c.is_alphanumeric())
            .next()
            .unwrap_or("");
        if ORG_BEFORE_OF.contains(&prev_word) {
            return true;
        }
    }
    false
}

/// Words before a bare name that make it a place rather than a person ("visited Jordan").
const LOCATIVE: &[&str] = &[
    "in", "at", "from", "to", "near", "into", "across", "visited", "visit", "visiting", "of",
];

/// Settles overlaps between person candidates and another kind's spans (both sorted by start).
///
/// The person wins when its name has two words or more and covers the other mention (`Paris Hilton`,
/// `Theresa May`), or when a one-word name has the same span and a title or an earlier full name backs
/// it (`President Jordan`, `Jordan` after `Michael Jordan`) and no locative word comes right before it.
/// Otherwise the other kind wins.
fn settle(
    doc: &Document,
    people: &[PersonCandidate],
    others: &[Span],
    keep_person: &mut [bool],
    keep_other: &mut [bool],
) {
    // Work in start order whatever order the detectors used.
    let mut order: Vec<usize> = (0..others.len()).collect();
    sorting::sort_by_key(&mut order, |&o| (others[o].start, others[o].end, o));
    let mut people_order: Vec<usize> = (0..people.len()).collect();
    sorting::sort_by_key(&mut people_order, |&p| {
        (people[p].span.start, people[p].span.end, p)
    });
    let mut first_other = 0;
    for p_idx in people_order {
        let person = &people[p_idx];
        if person.kind != CandidateKind::Name {
            continue;
        }
        while first_other < order.len() && others[order[first_other]].end <= person.span.start {
            first_other += 1;
        }
        let mut n = first_other;
        while n < order.len() && others[order[n]].start < person.span.end {
            let o = order[n];
            let other = others[o];
            if keep_other[o] && person.span.overlaps(other) {
                let person_wins = if person.span == other {
                    // The same words: the person needs well-founded evidence ("President Jordan",
                    // "Jordan" after "Michael Jordan"), and no locative word before a repeated name.
                    person.is_strong()
                        && !(person.cue == Cue::Known && after_locative(doc, person.span))
                } else {
                    person.n_words >= 2 && person.span.contains(other)
                };
                if person_wins {
                    keep_other[o] = false;
                } else {
                    keep_person[p_idx] = false;
                }
            }
            n += 1;
        }
    }
}

/// True when the word right before `span` is a locative preposition or verb.
fn after_locative(doc: &Document, span: Span) -> bool {
    let before = doc.text[..span.start].trim_end();
    let word = before
        .rsplit(|c: char| !c.is_alphabetic())
        .next()
        .unwrap_or("");
    LOCATIVE.contains(&word)
}

/// One person while mentions are being grouped.
struct Entity {
    /// Words of the fullest name so far.
    words: Vec<WordId>,
    /// The fullest name's text.
    name: String,
    mentions: Vec<Mention>,
    /// Lower-case titles the person was given ("prime minister").
    titles: Vec<String>,
    honorific_gender: Option<Gender>,
    lexicon_gender: Option<Gender>,
    pronoun_votes: (u32, u32),
    /// Position of the latest mention (for picking the nearest candidate).
    last_seen: usize,
}

/// A lower-case name word, by its index in [`NameWords`].
type WordId = usize;

/// The lower-case words of the names met in one text, each stored once, with the entities whose
/// names hold it: a mention's words are looked up, not copied, and compared by id.
#[derive(Default)]
struct NameWords {
    ids: FastMap<Rc<str>, WordId>,
    texts: Vec<Rc<str>>,
    /// For each word, the entities listing it, in the order they were listed.
    entities: Vec<Vec<usize>>,
}

impl NameWords {
    /// The ids of the words of `name`, generational suffixes left out.
    #[cfg(test)]
    fn of_name(&mut self, name: &str) -> Vec<WordId> {
        let mut words = Vec::new();
        self.of_name_into(name, &mut words);
        words
    }

    /// [`NameWords::of_name`] into `words` (emptied first): one buffer serves every mention.
    fn of_name_into(&mut self, name: &str, words: &mut Vec<WordId>) {
        words.clear();
        words.extend(
            name.split_whitespace()
                .filter(|w| !names::is_name_suffix(w))
                .map(|w| with_lowercase(w, |lower| self.id(lower))),
        );
    }

    fn id(&mut self, lower: &str) -> WordId {
        if let Some(&id) = self.ids.get(lower) {
            return id;
        }
        let id = self.texts.len();
        let text: Rc<str> = Rc::from(lower);
        self.ids.insert(Rc::clone(&text), id);
        self.texts.push(text);
        self.entities.push(Vec::new());
        id
    }

    fn text(&self, id: WordId) -> &str {
        &self.texts[id]
    }

    /// Lists entity `k` under each of `words`.
    fn list(&mut self, words: &[WordId], k: usize) {
        for &w in words {
            let ids = &mut self.entities[w];
            if ids.last() != Some(&k) {
                ids.push(k);
            }
        }
    }

    /// The last `WINDOW` entities listed for `word`.
    fn sharing(&self, word: WordId) -> impl Iterator<Item = usize> + Clone + '_ {
        let ids = &self.entities[word];
        ids[ids.len().saturating_sub(WINDOW)..].iter().copied()
    }
}

/// The surname: the last word that is not a suffix.
fn surname(words: &[WordId]) -> Option<WordId> {
    words.last().copied()
}

/// True when two spellings are close enough to be variants of one name (an edit or two apart).
fn similar(a: &str, b: &str) -> bool {
    if a == b {
        return true;
    }
    // Cheap rejections before any allocation.
    if a.len().abs_diff(b.len()) > 4 || a.as_bytes().first() != b.as_bytes().first() {
        return false;
    }
    // In ASCII (most names in news) a byte is a character.
    if a.is_ascii() && b.is_ascii() {
        return close_spellings(a.as_bytes(), b.as_bytes());
    }
    let (a, b): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
    close_spellings(&a, &b)
}

/// [`similar`] on two spellings as characters.
fn close_spellings<C: PartialEq>(a: &[C], b: &[C]) -> bool {
    let longest = a.len().max(b.len());
    if longest < 4 || a.len().abs_diff(b.len()) > 2 || a.first() != b.first() {
        return false;
    }
    let allowed = if longest >= 7 { 2 } else { 1 };
    edit_distance(a, b, allowed) <= allowed
}

/// Longest spelling, in characters, [`edit_distance`] compares.
const MAX_EDIT_CHARS: usize = 40;

/// Levenshtein distance, giving up (returning `limit + 1`) once it exceeds `limit`.
fn edit_distance<C: PartialEq>(a: &[C], b: &[C], limit: usize) -> usize {
    if a.len() > MAX_EDIT_CHARS || b.len() > MAX_EDIT_CHARS {
        return limit + 1;
    }
    let mut prev = [0; MAX_EDIT_CHARS + 1];
    let mut cur = [0; MAX_EDIT_CHARS + 1];
    for (j, cell) in prev.iter_mut().enumerate().take(b.len() + 1) {
        *cell = j;
    }
    for (i, ca) in a.iter().enumerate() {
        cur[0] = i + 1;
        let mut row_min = cur[0];
        for (j, cb) in b.iter().enumerate() {
            let cost = usize::from(ca != cb);
            cur[j + 1] = (prev[j] + cost).min(prev[j + 1] + 1).min(cur[j] + 1);
            row_min = row_min.min(cur[j + 1]);
        }
        if row_min > limit {
            return limit + 1;
        }
        std::mem::swap(&mut prev, &mut cur);
    }
    prev[b.len()]
}

/// True when first names `a` and `b` can belong to one person (equal, an initial of the other, or a
/// spelling variant).
fn first_names_agree(a: &str, b: &str) -> bool {
    let a = a.trim_end_matches('.');
    let b = b.trim_end_matches('.');
    let initial = |x: &str, y: &str| x.chars().count() == 1 && y.starts_with(x);
    initial(a, b) || initial(b, a) || similar(a, b)
}

/// How many entities sharing a word, or created most recently, a mention is compared with; it keeps
/// grouping linear on texts with very many people.
const WINDOW: usize = 64;

/// The most recent of the entities `ks`.
fn most_recent(entities: &[Entity], ks: impl Iterator<Item = usize>) -> Option<usize> {
    ks.max_by_key(|&k| entities[k].last_seen)
}

/// The entity a name with `words` belongs to, among `entities` (the most recent fitting one).
fn find_entity(entities: &[Entity], known: &NameWords, words: &[WordId]) -> Option<usize> {
    let last = surname(words)?;
    let recent = entities.len().saturating_sub(WINDOW)..entities.len();
    let similar_to_last = |s: WordId| similar(known.text(s), known.text(last));
    if words.len() == 1 {
        // A surname, another name word, or a spelling variant of a recent surname.
        return most_recent(
            entities,
            known
                .sharing(last)
                .filter(|&k| surname(&entities[k].words) == Some(last)),
        )
        .or_else(|| {
            most_recent(
                entities,
                known
                    .sharing(last)
                    .filter(|&k| entities[k].words.contains(&last)),
            )
        })
        .or_else(|| {
            most_recent(
                entities,
                recent.filter(|&k| surname(&entities[k].words).is_some_and(similar_to_last)),
            )
        });
    }
    let same_surname = |k: usize| {
        let e = &entities[k];
        surname(&e.words) == Some(last)
            && (e.words.len() == 1
                || first_names_agree(known.text(e.words[0]), known.text(words[0])))
    };
    // A spelling variant of the surname with the same first name ("Lydia Buchtmann" / "Bauchtman").
    let variant = |k: usize| {
        let e = &entities[k];
        e.words.len() > 1
            && e.words[0] == words[0]
            && surname(&e.words).is_some_and(similar_to_last)
    };
    most_recent(entities, known.sharing(last).filter(|&k| same_surname(k))).or_else(|| {
        most_recent(
            entities,
            known
                .sharing(words[0])
                .chain(recent)
                .filter(|&k| variant(k)),
        )
    })
}

/// Groups name and role mentions into people.
fn group(doc: &Document, candidates: &[&PersonCandidate]) -> Vec<Person> {
    let text = doc.text;
    let mut entities: Vec<Entity> = Vec::new();
    let mut known = NameWords::default();
    let mut words = Vec::new();
    // Each name mention with its entity, as made: in the candidates' order, which is text order.
    let mut name_mentions: Vec<(Span, usize)> = Vec::with_capacity(candidates.len());
    for c in candidates.iter().filter(|c| c.kind == CandidateKind::Name) {
        let name = c.span.text(text);
        known.of_name_into(name, &mut words);
        if words.is_empty() {
            continue;
        }
        let honorific_gender = c.title.and(c.gender).filter(|_| {
            c.title
                .map(|t| t.text(text))
                .and_then(|t| {
                    names::title(
                        t.split_whitespace()
                            .last()
                            .unwrap_or(t)
                            .trim_end_matches('.'),
                    )
                })
                .is_some_and(|tw| tw.gender.is_some())
        });
        let lexicon_gender = if honorific_gender.is_none() {
            c.gender
        } else {
            None
        };
        let mention = Mention {
            span: c.span,
            kind: MentionKind::Name,
        };
        match find_entity(&entities, &known, &words) {
            Some(k) => {
                name_mentions.push((c.span, k));
                known.list(&words, k);
                let e = &mut entities[k];
                e.mentions.push(mention);
                e.last_seen = c.span.start;
                if words.len() > e.words.len()
                    || is_caps(&e.name) && !is_caps(name) && words.len() == e.words.len()
                {
                    e.words.clone_from(&words);
                    e.name = name.to_string();
                }
                if let Some(t) = c.title {
                    with_lowercase(t.text(text), |t| {
                        if !e.titles.iter().any(|known| known == t) {
                            e.titles.push(t.to_string());
                        }
                    });
                }
                e.honorific_gender = e.honorific_gender.or(honorific_gender);
                e.lexicon_gender = e.lexicon_gender.or(lexicon_gender);
            }
            None => {
                name_mentions.push((c.span, entities.len()));
                known.list(&words, entities.len());
                entities.push(Entity {
                    words: words.clone(),
                    name: name.to_string(),
                    mentions: vec![mention],
                    titles: c
                        .title
                        .map(|t| with_lowercase(t.text(text), str::to_string))
                        .into_iter()
                        .collect(),
                    honorific_gender,
                    lexicon_gender,
                    pronoun_votes: (0, 0),
                    last_seen: c.span.start,
                })
            }
        }
    }
    // Role mentions join the most recent person given that title before them.
    for c in candidates.iter().filter(|c| c.kind == CandidateKind::Role) {
        let Some(title) = c.title.map(|t| t.text(text).to_lowercase()) else {
            continue;
        };
        let recent = entities.len().saturating_sub(WINDOW);
        let holder = entities[recent..]
            .iter_mut()
            .filter(|e| {
                e.mentions[0].span.start < c.span.start
                    && e.titles
                        .iter()
                        .any(|t| t == &title || ends_with_word(t, &title))
            })
            .max_by_key(|e| {
                e.mentions
                    .iter()
                    .filter(|m| m.span.start < c.span.start)
                    .map(|m| m.span.start)
                    .max()
            });
        if let Some(e) = holder {
            e.mentions.push(Mention {
                span: c.span,
                kind: MentionKind::Role,
            });
        }
    }
    count_pronouns(doc, &mut entities, name_mentions);
    let mut people: Vec<Person> = entities
        .into_iter()
        .map(|mut e| {
            sorting::sort_by_key(&mut e.mentions, |m| (m.span.start, m.span.end, 0));
            let (he, she) = e.pronoun_votes;
            let pronoun_gender = match he.cmp(&she) {
                std::cmp::Ordering::Greater => Some(Gender::Male),
                std::cmp::Ordering::Less => Some(Gender::Female),
                std::cmp::Ordering::Equal => None,
            };
            Person {
                name: e.name,
                gender: e.honorific_gender.or(pronoun_gender).or(e.lexicon_gender),
                mentions: e.mentions,
            }
        })
        .collect();
    // People without a mention first, as `None` sorts before `Some`.
    sorting::sort_by_key(&mut people, |p| {
        p.mentions
            .first()
            .map_or((0, 0, 0), |m| (1, m.span.start, 0))
    });
    people
}

/// True when `phrase` ends with the word `word`, after a space: "deputy prime minister" ends with
/// the word "prime minister" and with "minister", not with "ister".
fn ends_with_word(phrase: &str, word: &str) -> bool {
    phrase
        .strip_suffix(word)
        .is_some_and(|head| head.ends_with(' '))
}

fn is_caps(s: &str) -> bool {
    !s.chars().any(char::is_lowercase)
}

/// Votes for each person's gender: the first `he/him/his` or `she/her` after a name mention, in the
/// same or the next sentence, when no other person is named in between. `mentions` holds every
/// name mention with its entity, as [`group`] made them.
fn count_pronouns(doc: &Document, entities: &mut [Entity], mut mentions: Vec<(Span, usize)>) {
    let text = doc.text;
    // In text order. The candidates came sorted, so this sorts only should a mention have moved
    // (sorting them took a fifth of this pass on 1 MB of news).
    if !mentions.is_sorted_by_key(|&(s, k)| (s.start, s.end, k)) {
        sorting::sort_by_key(&mut mentions, |&(s, k)| (s.start, s.end, k));
    }
    // The sentence of the mention: it moves forward with the mentions.
    let mut sentence_idx = 0;
    let mut tok = 0;
    for (idx, &(span, k)) in mentions.iter().enumerate() {
        let next_mention = mentions.get(idx + 1).map_or(text.len(), |m| m.0.start);
        while doc
            .sentences
            .get(sentence_idx)
            .is_some_and(|s| s.end <= span.start)
        {
            sentence_idx += 1;
        }
        let limit = doc
            .sentences
            .get(sentence_idx + 1)
            .or(doc.sentences.get(sentence_idx))
            .map_or(text.len(), |s| s.end)
            .min(next_mention);
        if tok > 0
            && doc
                .tokens
                .get(tok - 1)
                .is_some_and(|t| t.span().start >= span.end)
        {
            tok = doc.tokens.partition_point(|t| t.span().start < span.end);
        } else {
            while tok < doc.tokens.len() && doc.tokens[tok].span().start < span.end {
                tok += 1;
            }
        }
        let mut j = tok;
        while j < doc.tokens.len() && doc.tokens[j].span().start < limit && j < tok + 60 {
            let at = doc.tokens[j].span();
            // Only words starting h or s, of two, three or seven bytes, can be one of the
            // pronouns: tested on the token before its text is cut, the first byte first (one
            // word in eight passes that test, a third of them the length test; testing the length
            // first took twice as long).
            let maybe = matches!(text.as_bytes()[at.start] | 0x20, b'h' | b's')
                && matches!(at.len(), 2 | 3 | 7);
            if !maybe {
                j += 1;
                continue;
            }
            let vote = match at.text(text) {
                "he" | "He" | "him" | "his" | "His" | "himself" => Some(true),
                "she" | "She" | "her" | "Her" | "herself" => Some(false),
                _ => None,
            };
            if let Some(male) = vote {
                if male {
                    entities[k].pronoun_votes.0 += 1;
                } else {
                    entities[k].pronoun_votes.1 += 1;
                }
                break;
            }
            j += 1;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::annotations::{PlaceKind, TimexType};
    use crate::detect::people;
    use crate::segment::segment;

    #[test]
    fn name_words_are_stored_once_in_lower_case() {
        let mut known = NameWords::default();
        let full = known.of_name("Martin Luther King Jr.");
        let again = known.of_name("MARTIN KING");
        assert_eq!(full.len(), 3, "the suffix is left out");
        assert_eq!(again, [full[0], full[2]]);
        assert_eq!(known.text(full[2]), "king");
        assert_eq!(known.of_name("Élodie")[0], known.of_name("ÉLODIE")[0]);
        known.list(&full, 0);
        known.list(&again, 1);
        known.list(&again, 1);
        assert_eq!(known.sharing(full[0]).collect::<Vec<_>>(), [0, 1]);
        assert_eq!(known.sharing(full[1]).collect::<Vec<_>>(), [0]);
    }

    #[test]
    fn a_title_ends_a_longer_title_only_as_whole_words() {
        assert!(ends_with_word("deputy prime minister", "prime minister"));
        assert!(ends_with_word("deputy prime minister", "minister"));
        assert!(!ends_with_word("deputy prime minister", "ister"));
        assert!(
            !ends_with_word("minister", "minister"),
            "the same title is compared apart"
        );
    }

    /// Resolves `input` with its people and the places / dates given as (text, occurrence) pairs, and
    /// renders people as `name[gender]: mention, mention` and the surviving places and dates.
    fn check(input: &str, places: &[&str], dates: &[&str], expect: &str) {
        let doc = segment(input);
        let found = people::find(&doc);
        // "Jordan#2": the second occurrence of "Jordan".
        let span_of = |needle: &str| {
            let (word, nth) = needle
                .split_once('#')
                .map_or((needle, 1), |(w, n)| (w, n.parse().unwrap()));
            let (start, _) = input
                .match_indices(word)
                .nth(nth - 1)
                .expect("needle in input");
            Span::new(start, start + word.len())
        };
        let places = places
            .iter()
            .map(|p| PlaceCandidate {
                span: span_of(p),
                name: p.to_string(),
                kind: PlaceKind::City,
                country: None,
                coordinates: None,
                rule: "test",
            })
            .collect();
        let dates = dates
            .iter()
            .map(|d| DateMention {
                span: span_of(d),
                timex_type: TimexType::Date,
                value: "XXXX".into(),
                rule: "test",
            })
            .collect();
        let res = resolve(&doc, &found, places, dates);
        let mut out = Vec::new();
        for p in &res.people {
            let mentions: Vec<String> = p
                .mentions
                .iter()
                .map(|m| match m.kind {
                    MentionKind::Name => m.span.text(input).to_string(),
                    MentionKind::Role => format!("role:{}", m.span.text(input)),
                })
                .collect();
            let g = match p.gender {
                Some(Gender::Male) => "m",
                Some(Gender::Female) => "f",
                None => "-",
            };
            out.push(format!("{}[{g}]: {}", p.name, mentions.join(", ")));
        }
        for p in &res.places {
            out.push(format!("place {}", p.span.text(input)));
        }
        for d in &res.dates {
            out.push(format!("date {}", d.span.text(input)));
        }
        assert_eq!(out.join(" | "), expect, "{input}");
    }

    #[test]
    fn surnames_titles_and_roles_join_the_full_name() {
        check(
            "Prime Minister Keir Starmer spoke. Starmer said the Prime Minister would stay. Mr Starmer left.",
            &[],
            &[],
            "Keir Starmer[m]: Keir Starmer, Starmer, role:the Prime Minister, Starmer",
        );
    }

    #[test]
    fn spelling_variants_merge_and_namesakes_do_not() {
        check(
            "Curator Kristin Wilkins spoke. Kristen Wilkins said so. Thomas Sam and Manju Sam came. She smiled.",
            &[],
            &[],
            "Kristin Wilkins[f]: Kristin Wilkins, Kristen Wilkins | Thomas Sam[m]: Thomas Sam | Manju Sam[f]: Manju Sam",
        );
    }

    #[test]
    fn similar_spellings_are_an_edit_or_two_apart_in_characters() {
        for (a, b, expected) in [
            ("Wilkins", "Wilkins", true),
            ("Kristin", "Kristen", true),
            ("Buchtmann", "Bauchtman", true),
            ("Sam", "Sum", false),
            ("Smith", "Smyth", true),
            ("Smith", "Smithers", false),
            ("Jones", "Bones", false),
            ("Müller", "Muller", true),
            ("Müller", "Mueller", true),
            ("Müller", "Mahler", false),
            ("Łukasz", "Lukasz", false),
            ("Åsa", "Asa", false),
            ("Zoë", "Zoe", false),
            ("Björnsson", "Bjornson", true),
        ] {
            assert_eq!(similar(a, b), expected, "{a} / {b}");
            assert_eq!(similar(b, a), expected, "{b} / {a}");
        }
        let long = "A".repeat(MAX_EDIT_CHARS + 1);
        assert!(!similar(&long, &format!("{long}B")));
    }

    #[test]
    fn person_against_place() {
        check(
            "Paris Hilton said she flew to Paris. Michael Jordan visited Jordan, where Jordan played.",
            &["Paris", "Paris#2", "Jordan#2", "Jordan#3"],
            &[],
            "Paris Hilton[f]: Paris Hilton | Michael Jordan[m]: Michael Jordan, Jordan | place Paris | place Jordan",
        );
    }

    #[test]
    fn a_place_before_a_full_name_is_cut_off() {
        check(
            "The Governor of Washington Chris Gregoire said it was unfair.",
            &["Washington"],
            &[],
            "Chris Gregoire[-]: Chris Gregoire | place Washington",
        );
    }

    #[test]
    fn person_against_date_and_organisation() {
        check(
            "Theresa May met June Carter in May. The Washington Post and the Bank of England agreed.",
            &["Washington", "England"],
            &["May#2", "June"],
            "Theresa May[f]: Theresa May | June Carter[f]: June Carter | date May",
        );
    }
}
