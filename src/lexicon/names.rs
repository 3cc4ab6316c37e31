//! Person-name lexicons: first names with gender, honorifics / titles / role words, name particles and
//! capitalized words that are never part of a name.
//!
//! Owns the word lists and their lookups; deciding what is a name is `detect::people`'s job. Lookups of
//! titles, particles and non-name words are case-insensitive (the lists are lower case); first names
//! are looked up title-cased (`Anna`, `ANNA` → `Anna`).

use super::{caseless_get, caseless_map, with_titlecase, CaselessMap};
use crate::fast_hash::FastMap;
use std::sync::OnceLock;

use crate::annotations::Gender;

/// How a title word introduces a name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TitleClass {
    /// Always names a person: `Mr`, `Dr`, `Sir`.
    Honorific,
    /// An office that precedes a name or stands for its holder: `President`, `Senator`.
    Title,
    /// Modifies a following title: `Prime`, `Vice`, `Foreign`.
    Part,
    /// A job or kin word that introduces a name in lower case: `striker`, `curator`, `wife`.
    Role,
}

/// A title word with the gender it implies, if any.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TitleWord {
    /// How it introduces a name.
    pub class: TitleClass,
    /// Gender of gendered honorifics (`Mrs`, `Sir`).
    pub gender: Option<Gender>,
}

/// Why a capitalized word is not a name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NonNameClass {
    /// A function word, capitalized at a sentence start (`The`, `But`).
    Function,
    /// A month name (`May`, `June` — also first names, so only after a first name is it a name).
    Month,
    /// A weekday.
    Weekday,
    /// A word that makes a sequence an organisation or event (`Bank`, `University`).
    Org,
    /// Other capitalized words that are never names (`Image`, `God`).
    Other,
    /// Starts a place name together with the next word (`New`, `San`).
    PlacePrefix,
    /// A nationality that does not end like one (`Croat`, `French`).
    Nationality,
}

/// The genders a first name is listed with.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FirstName {
    /// Listed as a female name.
    pub female: bool,
    /// Listed as a male name.
    pub male: bool,
}

impl FirstName {
    /// The gender when the name is listed for one gender only.
    pub fn gender(self) -> Option<Gender> {
        match (self.female, self.male) {
            (true, false) => Some(Gender::Female),
            (false, true) => Some(Gender::Male),
            _ => None,
        }
    }
}

struct NameLexicon {
    first_names: FastMap<&'static str, FirstName>,
    titles: CaselessMap<TitleWord>,
    particles: FastMap<&'static str, ()>,
    suffixes: FastMap<&'static str, ()>,
    non_names: CaselessMap<NonNameClass>,
}

fn lexicon() -> &'static NameLexicon {
    static LEXICON: OnceLock<NameLexicon> = OnceLock::new();
    LEXICON.get_or_init(|| {
        let first_names = super::entries(include_str!("data/first_names.txt"))
            .map(|f| {
                let g = f.get(1).copied().unwrap_or("");
                (
                    f[0],
                    FirstName {
                        female: g.contains('f'),
                        male: g.contains('m'),
                    },
                )
            })
            .collect();
        let titles = caseless_map(super::entries(include_str!("data/person_titles.txt")).map(
            |f| {
                let class = match f.get(1).copied() {
                    Some("honorific") => TitleClass::Honorific,
                    Some("title") => TitleClass::Title,
                    Some("part") => TitleClass::Part,
                    _ => TitleClass::Role,
                };
                let gender = match f.get(2).copied() {
                    Some("f") => Some(Gender::Female),
                    Some("m") => Some(Gender::Male),
                    _ => None,
                };
                (f[0], TitleWord { class, gender })
            },
        ));
        let particles = super::entries(include_str!("data/name_particles.txt"))
            .map(|f| (f[0], ()))
            .collect();
        let suffixes = super::entries(include_str!("data/name_suffixes.txt"))
            .map(|f| (f[0], ()))
            .collect();
        let non_names = caseless_map(super::entries(include_str!("data/non_name_words.txt")).map(
            |f| {
                let class = match f.get(1).copied() {
                    Some("function") => NonNameClass::Function,
                    Some("month") => NonNameClass::Month,
                    Some("weekday") => NonNameClass::Weekday,
                    Some("org") => NonNameClass::Org,
                    Some("place-prefix") => NonNameClass::PlacePrefix,
                    Some("nationality") => NonNameClass::Nationality,
                    _ => NonNameClass::Other,
                };
                (f[0], class)
            },
        ));
        NameLexicon {
            first_names,
            titles,
            particles,
            suffixes,
            non_names,
        }
    })
}

/// Parses the lists now rather than on first use (see [`crate::prepare`]).
pub fn prepare() {
    lexicon();
}

/// Longest word the lookups consider; longer tokens are never in the lists.
const MAX_WORD_BYTES: usize = 40;

/// The first name `word` (any case), if the lexicon lists it.
pub fn first_name(word: &str) -> Option<FirstName> {
    if word.len() > MAX_WORD_BYTES {
        return None;
    }
    let lex = lexicon();
    if let Some(f) = lex.first_names.get(word) {
        return Some(*f);
    }
    // Listed in title case ("Margaret"): look up "MARGARET" and "margaret" in that form.
    with_titlecase(word, |titled| lex.first_names.get(titled).copied())
}

/// The title word `word` (any case; for hyphenated words such as `Vice-President` the last part).
pub fn title(word: &str) -> Option<TitleWord> {
    if word.len() > MAX_WORD_BYTES {
        return None;
    }
    let lex = lexicon();
    caseless_get(&lex.titles, word).or_else(|| {
        let hyphen = word.bytes().rposition(|b| b == b'-')?;
        caseless_get(&lex.titles, &word[hyphen + 1..])
    })
}

/// True when `word` looks like a nationality (`Argentine`, `Uruguayan`, `Croat`) and is not a first name.
pub fn is_nationality(word: &str) -> bool {
    if non_name(word) == Some(NonNameClass::Nationality) {
        return true;
    }
    let ends = [
        "ian", "ese", "ish", "ine", "ean", "can", "yan", "ani", "eli", "aqi",
    ];
    word.len() >= 4
        && word.chars().next().is_some_and(char::is_uppercase)
        && word.chars().skip(1).all(char::is_lowercase)
        && ends.iter().any(|e| word.ends_with(e))
        && first_name(word).is_none()
        && non_name(word).is_none()
}

/// The title word `word` or, for a plural (`athletes`), its singular.
pub fn title_or_plural(word: &str) -> Option<TitleWord> {
    title(word).or_else(|| title(word.strip_suffix('s')?))
}

/// True when `word` is a lower-case name particle (`van`, `de`, `bin`).
pub fn is_particle(word: &str) -> bool {
    lexicon().particles.contains_key(word)
}

/// True when `word` is a generational suffix that ends a name (`Jr`, `Jr.`, `JR`, `III`).
pub fn is_name_suffix(word: &str) -> bool {
    let word = word.strip_suffix('.').unwrap_or(word);
    if word.len() > MAX_WORD_BYTES {
        return false;
    }
    let lex = lexicon();
    lex.suffixes.contains_key(word)
        || word.bytes().all(|b| b.is_ascii_uppercase())
            && with_titlecase(word, |titled| lex.suffixes.contains_key(titled))
}

/// Why `word` (any case) is never part of a name, if it is listed.
pub fn non_name(word: &str) -> Option<NonNameClass> {
    let word = word.trim_end_matches('.');
    if word.len() > MAX_WORD_BYTES {
        return None;
    }
    caseless_get(&lexicon().non_names, word)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(word: &str, expect: &str) {
        let found = format!(
            "first={:?} title={:?} particle={} non_name={:?}",
            first_name(word).and_then(FirstName::gender),
            title(word).map(|t| (t.class, t.gender)),
            is_particle(word),
            non_name(word)
        );
        assert_eq!(found, expect, "{word}");
    }

    #[test]
    fn lookups() {
        check(
            "Margaret",
            "first=Some(Female) title=None particle=false non_name=None",
        );
        check(
            "IGOR",
            "first=Some(Male) title=None particle=false non_name=None",
        );
        check(
            "Mrs",
            "first=None title=Some((Honorific, Some(Female))) particle=false non_name=None",
        );
        check(
            "Vice-President",
            "first=None title=Some((Title, None)) particle=false non_name=None",
        );
        check("van", "first=None title=None particle=true non_name=None");
        check(
            "University",
            "first=None title=None particle=false non_name=Some(Org)",
        );
        check(
            "June",
            "first=Some(Female) title=None particle=false non_name=Some(Month)",
        );
    }

    #[test]
    fn name_suffixes_as_written_in_capitals_with_a_period() {
        for word in ["Jr", "Jr.", "JR", "SR.", "Sr", "II", "III", "IV."] {
            assert!(is_name_suffix(word), "{word}");
        }
        for word in ["jr", "Jr..", "Junior", "St", "V", "Iii", ""] {
            assert!(!is_name_suffix(word), "{word}");
        }
    }
}
