//! Lexicons: word lists and gazetteers compiled in from `src/lexicon/data/`, parsed once.
//!
//! Owns reading the data files (one entry per line, tab-separated fields, `#` comments) and the
//! validation tests every data file passes. What each list means is up to the detector using it.

/// The non-comment, non-blank lines of a data file, each split into its tab-separated fields.
pub fn entries(data: &'static str) -> impl Iterator<Item = Vec<&'static str>> {
    data.lines()
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(|l| l.split('\t').collect())
}

use std::borrow::Cow;

/// Longest word the lookups rewrite on the stack; a longer one is rewritten on the heap.
const STACK_WORD_BYTES: usize = 40;

/// A stack buffer for [`with_lowercase`] and [`with_titlecase`].
type WordBuf = [u8; STACK_WORD_BYTES];

/// `word` rewritten by `edit` in `buf` when it is ASCII and fits (`edit` keeps it ASCII).
fn ascii_edit<'b>(word: &str, buf: &'b mut WordBuf, edit: fn(&mut [u8])) -> Option<&'b str> {
    if !word.is_ascii() || word.len() > STACK_WORD_BYTES {
        return None;
    }
    let copy = &mut buf[..word.len()];
    copy.copy_from_slice(word.as_bytes());
    edit(copy);
    std::str::from_utf8(copy).ok()
}

/// `word` in lower case: as it is when already lower case, else on the stack when short ASCII.
fn lowercase<'w>(word: &'w str, buf: &'w mut WordBuf) -> Cow<'w, str> {
    // One pass for the common case, a word already in lower-case ASCII.
    if !word
        .bytes()
        .any(|b| b.is_ascii_uppercase() || !b.is_ascii())
    {
        return Cow::Borrowed(word);
    }
    match ascii_edit(word, buf, <[u8]>::make_ascii_lowercase) {
        Some(lowered) => Cow::Borrowed(lowered),
        None => Cow::Owned(word.to_lowercase()),
    }
}

/// `word` in title case (`MARGARET`, `margaret` → `Margaret`), on the stack when short ASCII.
fn titlecase<'w>(word: &'w str, buf: &'w mut WordBuf) -> Cow<'w, str> {
    let edit = |bytes: &mut [u8]| {
        bytes.make_ascii_lowercase();
        if let Some(first) = bytes.first_mut() {
            first.make_ascii_uppercase();
        }
    };
    if let Some(titled) = ascii_edit(word, buf, edit) {
        return Cow::Borrowed(titled);
    }
    let mut chars = word.chars();
    let first = chars.next().into_iter().flat_map(char::to_uppercase);
    Cow::Owned(first.chain(chars.flat_map(char::to_lowercase)).collect())
}

/// Calls `f` with `word` in lower case. The lexicons' keys are short words, so a lookup does not
/// allocate: a lower-case word is passed as it is and a short ASCII word lowered on the stack.
pub(crate) fn with_lowercase<R>(word: &str, f: impl FnOnce(&str) -> R) -> R {
    let mut buf = [0; STACK_WORD_BYTES];
    f(&lowercase(word, &mut buf))
}

/// Calls `f` with `word` in title case, on the stack for short ASCII words.
pub(crate) fn with_titlecase<R>(word: &str, f: impl FnOnce(&str) -> R) -> R {
    let mut buf = [0; STACK_WORD_BYTES];
    f(&titlecase(word, &mut buf))
}

pub mod cues;
pub mod names;
pub mod places;
pub mod time_words;

/// Parses every lexicon now rather than on first use.
pub fn prepare() {
    cues::prepare();
    names::prepare();
    places::prepare();
    time_words::prepare();
}

#[cfg(test)]
mod tests {
    use std::collections::HashSet;

    #[test]
    fn case_rewrites() {
        let long = "A".repeat(super::STACK_WORD_BYTES + 1);
        for (word, lower, title) in [
            ("Said", "said", "Said"),
            ("said", "said", "Said"),
            ("MARGARET", "margaret", "Margaret"),
            ("ÉLODIE", "élodie", "Élodie"),
            ("", "", ""),
            (
                long.as_str(),
                &long.to_lowercase(),
                &format!("A{}", &long[1..].to_lowercase()),
            ),
        ] {
            assert_eq!(super::with_lowercase(word, str::to_string), lower, "{word}");
            assert_eq!(super::with_titlecase(word, str::to_string), title, "{word}");
        }
    }

    /// Every data file in `src/lexicon/data/` names its source, has no stray white space and lists
    /// each key (first field) once, in sorted order.
    #[test]
    fn data_files_are_tidy() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src/lexicon/data");
        let Ok(entries) = std::fs::read_dir(&dir) else {
            return;
        };
        for file in entries {
            let path = file.unwrap().path();
            if path
                .file_name()
                .and_then(|n| n.to_str())
                .is_some_and(|n| n.starts_with('.'))
            {
                continue;
            }
            let text = std::fs::read_to_string(&path).unwrap();
            let name = path.display();
            assert!(
                text.lines().any(|l| l.starts_with("# source:")),
                "{name}: no '# source:' header line"
            );
            let mut seen = HashSet::new();
            let mut previous: Option<&str> = None;
            for (n, line) in text
                .lines()
                .enumerate()
                .filter(|(_, l)| !l.is_empty() && !l.starts_with('#'))
            {
                let fields: Vec<&str> = line.split('\t').collect();
                for f in &fields {
                    assert_eq!(
                        f.trim(),
                        *f,
                        "{name}:{}: stray white space in {line:?}",
                        n + 1
                    );
                }
                let key = fields[0];
                assert!(!key.is_empty(), "{name}:{}: empty key", n + 1);
                assert!(seen.insert(key), "{name}:{}: duplicate key {key:?}", n + 1);
                if let Some(p) = previous {
                    assert!(
                        p < key,
                        "{name}:{}: {key:?} is out of order (after {p:?})",
                        n + 1
                    );
                }
                previous = Some(key);
            }
        }
    }
}
