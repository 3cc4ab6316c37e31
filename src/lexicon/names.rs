//! Person-name lexicons: first names with gender, honorifics / titles / role words, name particles and
//! capitalized words that are never part of a name.
//!
//! Owns the word lists and their lookups; deciding what is a name is `detect::people`'s job. Lookups of
//! titles, particles and non-name words are case-insensitive (the lists are lower case); first names
//! are looked up title-cased (`Anna`, `ANNA` → `Anna`).

use super::{caseless_get, caseless_map, with_titlecase, Caseless, CaselessMap};
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
    /// The title words and the non-name words in one map: a word of a run of capitalized words is
    /// asked both, and one lookup answers both.
    caseless: CaselessMap<CaselessEntry>,
    particles: FastMap<&'static str, ()>,
    suffixes: FastMap<&'static str, ()>,
}

/// What the lists looked up in any case say of one word.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
struct CaselessEntry {
    title: Option<TitleWord>,
    non_name: Option<NonNameClass>,
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
        let titles = super::entries(include_str!("data/person_titles.txt")).map(|f| {
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
        });
        let particles = super::entries(include_str!("data/name_particles.txt"))
            .map(|f| (f[0], ()))
            .collect();
        let suffixes = super::entries(include_str!("data/name_suffixes.txt"))
            .map(|f| (f[0], ()))
            .collect();
        let non_names = super::entries(include_str!("data/non_name_words.txt")).map(|f| {
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
        });
        let mut caseless: CaselessMap<CaselessEntry> = caseless_map(std::iter::empty());
        for (word, title) in titles {
            caseless.entry(Caseless(word)).or_default().title = Some(title);
        }
        for (word, class) in non_names {
            caseless.entry(Caseless(word)).or_default().non_name = Some(class);
        }
        NameLexicon {
            first_names,
            caseless,
            particles,
            suffixes,
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
    // Listed in title case ("Margaret"): look up "MARGARET" and "margaret" in that form (a word
    // already in title case, most of those asked about, was looked up above).
    with_titlecase(word, |titled| {
        (titled != word)
            .then(|| lex.first_names.get(titled).copied())
            .flatten()
    })
}

/// What the title and non-name lists say of `word` (any case), one lookup for both.
fn caseless_entry(word: &str) -> CaselessEntry {
    if word.len() > MAX_WORD_BYTES {
        return CaselessEntry::default();
    }
    caseless_get(&lexicon().caseless, word).unwrap_or_default()
}

/// The title word `word` (any case; for hyphenated words such as `Vice-President` the last
/// part), given what the lists say of `word` itself.
fn title_from(word: &str, entry: CaselessEntry) -> Option<TitleWord> {
    entry.title.or_else(|| {
        let hyphen = word.bytes().rposition(|b| b == b'-')?;
        caseless_entry(&word[hyphen + 1..]).title
    })
}

/// The title word `word` (any case; for hyphenated words such as `Vice-President` the last part).
pub fn title(word: &str) -> Option<TitleWord> {
    if word.len() > MAX_WORD_BYTES {
        return None;
    }
    title_from(word, caseless_entry(word))
}

/// [`title`] and [`non_name`] of `word` without its final periods (`Gen.` → `Gen`), one lookup
/// for both when the word has no hyphen.
pub fn title_and_non_name(word: &str) -> (Option<TitleWord>, Option<NonNameClass>) {
    let word = word.trim_end_matches('.');
    if word.len() > MAX_WORD_BYTES {
        return (None, None);
    }
    let entry = caseless_entry(word);
    (title_from(word, entry), entry.non_name)
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
    caseless_entry(word.trim_end_matches('.')).non_name
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
    fn one_lookup_answers_title_and_non_name_as_two_do() {
        let listed = [
            include_str!("data/person_titles.txt"),
            include_str!("data/non_name_words.txt"),
        ];
        let words: Vec<&str> = listed
            .into_iter()
            .flat_map(super::super::entries)
            .map(|f| f[0])
            .collect();
        assert!(words.len() > 500);
        let odd = [
            "Vice-President",
            "ex-Minister",
            "Gen.",
            "Sen..",
            "May",
            "Monday",
            "Élysée",
            "-",
            "",
        ];
        for word in words.iter().copied().chain(odd) {
            for form in [word.to_string(), word.to_uppercase(), format!("{word}.")] {
                let trimmed = form.trim_end_matches('.');
                assert_eq!(
                    title_and_non_name(&form),
                    (title(trimmed), non_name(&form)),
                    "{form:?}"
                );
            }
        }
        // Every word keeps the answer of the list it is on, one that is on both lists both.
        for f in super::super::entries(listed[0]) {
            assert!(title(f[0]).is_some(), "title {}", f[0]);
        }
        for f in super::super::entries(listed[1]) {
            assert!(non_name(f[0]).is_some(), "non-name {}", f[0]);
        }
        let both = words
            .iter()
            .find(|w| title(w).is_some() && non_name(w).is_some());
        assert!(
            both.is_some(),
            "no word is both a title and a non-name word"
        );
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
