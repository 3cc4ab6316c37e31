//! Attribution cues: reporting verbs, pronouns, role nouns and honorifics that tie a quote to its
//! speaker.
//!
//! Owns the word lists the speaker attribution reads (`data/speech_verbs.txt`, `data/role_nouns.txt`,
//! `data/title_cues.tsv`)
//! and the small closed classes (pronouns, honorifics, adverbs that sit between a speaker and the
//! verb, capitalized words that open a clause). It does not decide who said what;
//! `attribute::speakers` does.

use super::{caseless_get, caseless_map, CaselessMap};
use crate::fast_hash::FastMap;
use std::sync::OnceLock;

use crate::annotations::Gender;

const SPEECH_VERBS: &str = include_str!("data/speech_verbs.txt");
const ROLE_NOUNS: &str = include_str!("data/role_nouns.txt");
const TITLE_CUES: &str = include_str!("data/title_cues.tsv");

struct Cues {
    speech_verbs: CaselessMap<bool>,
    role_nouns: CaselessMap<Option<Gender>>,
    /// For each title cue: (cues before the opening mark, cues after the closing mark).
    title_cues: FastMap<&'static str, (bool, bool)>,
}

fn cues() -> &'static Cues {
    static CUES: OnceLock<Cues> = OnceLock::new();
    CUES.get_or_init(|| Cues {
        speech_verbs: caseless_map(
            crate::lexicon::entries(SPEECH_VERBS).map(|f| (f[0], f.get(1) == Some(&"noun"))),
        ),
        role_nouns: caseless_map(
            crate::lexicon::entries(ROLE_NOUNS)
                .map(|f| (f[0], f.get(1).and_then(|g| parse_gender(g)))),
        ),
        title_cues: crate::lexicon::entries(TITLE_CUES)
            .map(|f| {
                let at = f.get(1).copied().unwrap_or("both");
                (f[0], (at != "after", at != "before"))
            })
            .collect(),
    })
}

/// Parses the lists now rather than on first use (see [`crate::prepare`]).
pub fn prepare() {
    cues();
}

fn parse_gender(field: &str) -> Option<Gender> {
    match field {
        "male" => Some(Gender::Male),
        "female" => Some(Gender::Female),
        _ => None,
    }
}

/// True when `word` is a form of a reporting verb ("said", "tells", "warning"), in any case.
pub fn is_speech_verb(word: &str) -> bool {
    caseless_get(&cues().speech_verbs, word).is_some()
}

/// True when `word` is a reporting verb form that is also a common noun ("notes", "report"), so
/// that it is a cue only right after its subject.
pub fn is_noun_like_speech_verb(word: &str) -> bool {
    caseless_get(&cues().speech_verbs, word) == Some(true)
}

/// When `word` is a noun that can head a source description ("spokesman", "newspaper"), the gender
/// it implies (`Some(None)` when it implies none).
pub fn role_noun(word: &str) -> Option<Option<Gender>> {
    caseless_get(&cues().role_nouns, word)
}

/// True when `word`, right before a short Title-Case quotation, makes it a title (`book`, `of`).
pub fn is_title_cue_before(word: &str) -> bool {
    cues()
        .title_cues
        .get(word)
        .is_some_and(|&(before, _)| before)
}

/// True when `word`, right after a short Title-Case quotation, makes it a title (`tape`, `show`).
pub fn is_title_cue_after(word: &str) -> bool {
    cues().title_cues.get(word).is_some_and(|&(_, after)| after)
}

/// What a personal pronoun tells about the person it stands for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PronounKind {
    /// he / she: one person of the given gender.
    Personal(Gender),
    /// they, we, I, you, it, who: a speaker whose gender the pronoun does not tell.
    Other,
}

/// When `word` is a subject pronoun that can be a quote's source, what it tells.
pub fn subject_pronoun(word: &str) -> Option<PronounKind> {
    // "he's said", "she’d told", "they've argued": the pronoun before a contracted auxiliary.
    let word = ["'s", "'d", "'ve", "\u{2019}s", "\u{2019}d", "\u{2019}ve"]
        .iter()
        .find_map(|end| word.strip_suffix(end))
        .unwrap_or(word);
    match word {
        "he" | "He" | "HE" => Some(PronounKind::Personal(Gender::Male)),
        "she" | "She" | "SHE" => Some(PronounKind::Personal(Gender::Female)),
        "they" | "They" | "we" | "We" | "I" | "you" | "You" | "it" | "It" | "who" => {
            Some(PronounKind::Other)
        }
        _ => None,
    }
}

/// When `word` is a possessive or object pronoun, the gender it tells ("his", "her", "him").
pub fn pronoun_gender(word: &str) -> Option<Gender> {
    match word {
        "he" | "He" | "him" | "Him" | "his" | "His" | "himself" => Some(Gender::Male),
        "she" | "She" | "her" | "Her" | "hers" | "herself" => Some(Gender::Female),
        _ => None,
    }
}

/// When `word` (without its period) is an honorific before a name, the gender it tells:
/// `Some(Some(Male))` for "Mr", `Some(None)` for titles that tell none ("Dr", "Sen").
pub fn honorific(word: &str) -> Option<Option<Gender>> {
    let w = word.trim_end_matches('.');
    match w {
        "Mr" | "Sir" | "Lord" | "Messrs" => Some(Some(Gender::Male)),
        "Mrs" | "Ms" | "Miss" | "Dame" | "Lady" => Some(Some(Gender::Female)),
        "Dr" | "Prof" | "Rev" | "Sen" | "Rep" | "Gov" | "Gen" | "Lt" | "Col" | "Capt" | "Sgt"
        | "Adm" | "Maj" | "Supt" | "Cmdr" | "Brig" | "Hon" => Some(None),
        _ => None,
    }
}

/// True when `word` is a capitalized title that may stand before a name
/// ("President", "Senator", "Commissioner").
pub fn is_title_word(word: &str) -> bool {
    matches!(
        word,
        "President"
            | "Vice"
            | "Prime"
            | "Minister"
            | "Secretary"
            | "Senator"
            | "Governor"
            | "Mayor"
            | "Representative"
            | "Congressman"
            | "Congresswoman"
            | "Chairman"
            | "Chairwoman"
            | "Commissioner"
            | "Ambassador"
            | "Judge"
            | "Justice"
            | "General"
            | "Speaker"
            | "Leader"
            | "Chancellor"
            | "Premier"
            | "King"
            | "Queen"
            | "Prince"
            | "Princess"
            | "Pope"
            | "Attorney"
            | "Sheriff"
            | "Director"
            | "Chief"
            | "Professor"
            | "Reverend"
            | "State"
            | "Former"
            | "former"
    )
}

/// True for words that may stand between a source and its reporting verb without breaking the link
/// ("Smith *also* said", "he *later* told", "she *has* said").
pub fn is_verb_filler(word: &str) -> bool {
    let lower_ly = word.len() > 4
        && word.ends_with("ly")
        && word.chars().next().is_some_and(char::is_lowercase);
    lower_ly
        || matches!(
            word,
            "also"
                | "then"
                | "later"
                | "once"
                | "again"
                | "still"
                | "just"
                | "even"
                | "never"
                | "often"
                | "has"
                | "had"
                | "have"
                | "was"
                | "were"
                | "is"
                | "are"
                | "would"
                | "will"
                | "could"
                | "did"
                | "does"
                | "do"
                | "may"
                | "might"
                | "must"
                | "should"
                | "soon"
                | "now"
                | "previously"
                | "recently"
                | "further"
                | "not"
                | "only"
                | "already"
                | "first"
                | "long"
        )
}

/// Capitalized words that start sentences and clauses but never names, so a speaker name never
/// starts with them (`But Smith said`, `Yesterday Jones told`).
pub fn is_clause_opener(w: &str) -> bool {
    matches!(
        w,
        "The"
            | "But"
            | "And"
            | "In"
            | "On"
            | "At"
            | "As"
            | "If"
            | "When"
            | "While"
            | "After"
            | "Before"
            | "Then"
            | "Now"
            | "So"
            | "Yet"
            | "Still"
            | "Also"
            | "Later"
            | "Earlier"
            | "Yesterday"
            | "Today"
            | "Tomorrow"
            | "Asked"
            | "It"
            | "This"
            | "That"
            | "Those"
            | "These"
            | "For"
            | "With"
            | "From"
            | "By"
            | "Of"
            | "Last"
            | "Since"
            | "Meanwhile"
            | "However"
            | "Instead"
            | "Or"
            | "Although"
            | "Though"
            | "Because"
            | "A"
            | "An"
            | "Speaking"
            | "Writing"
            | "Monday"
            | "Tuesday"
            | "Wednesday"
            | "Thursday"
            | "Friday"
            | "Saturday"
            | "Sunday"
            | "Here"
            | "There"
            | "What"
            | "Why"
            | "How"
    )
}

/// True for determiners that open a source description ("the newspaper", "a spokesman", "his aide").
pub fn is_determiner(word: &str) -> bool {
    matches!(
        word,
        "the"
            | "The"
            | "a"
            | "A"
            | "an"
            | "An"
            | "his"
            | "His"
            | "her"
            | "Her"
            | "their"
            | "Their"
            | "its"
            | "Its"
            | "one"
            | "One"
            | "another"
            | "Another"
            | "this"
            | "This"
            | "some"
            | "Some"
            | "many"
            | "Many"
            | "several"
            | "Several"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(word: &str, expect: (bool, bool)) {
        assert_eq!(
            (is_speech_verb(word), role_noun(word).is_some()),
            expect,
            "{word}"
        );
    }

    #[test]
    fn reporting_verbs_in_every_form() {
        for w in [
            "say", "says", "said", "Saying", "told", "tweeted", "written",
        ] {
            check(w, (true, false));
        }
        check("spokesman", (false, true));
        check("table", (false, false));
        assert_eq!(role_noun("spokeswoman"), Some(Some(Gender::Female)));
    }

    #[test]
    fn pronouns_and_honorifics_tell_gender() {
        assert_eq!(
            subject_pronoun("She"),
            Some(PronounKind::Personal(Gender::Female))
        );
        assert_eq!(subject_pronoun("they"), Some(PronounKind::Other));
        assert_eq!(subject_pronoun("him"), None);
        assert_eq!(honorific("Mr."), Some(Some(Gender::Male)));
        assert_eq!(honorific("Sen."), Some(None));
        assert_eq!(honorific("Smith"), None);
        assert!(is_verb_filler("quickly") && is_verb_filler("also") && !is_verb_filler("Smith"));
    }

    #[test]
    fn clause_openers_are_capitalized_and_closed() {
        for word in ["But", "Yesterday", "Monday", "Asked", "However"] {
            assert!(is_clause_opener(word), "{word}");
        }
        for word in ["but", "Smith", "Said", "Sunday's"] {
            assert!(!is_clause_opener(word), "{word}");
        }
    }
}
