//! Lexicons: word lists and gazetteers compiled in from `src/lexicon/data/`, parsed once.
//!
//! Owns reading the data files (one entry per line, tab-separated fields, `#` comments) and the
//! validation tests every data file passes. What each list means is up to the detector using it.

/// The non-comment, non-blank lines of a data file, each split into its tab-separated fields.
/// The count is known up front, so a map collected from them is allocated once.
pub fn entries(data: &'static str) -> impl ExactSizeIterator<Item = Fields> {
    Entries {
        rest: data,
        left: count_entries(data.as_bytes()),
    }
}

/// Most fields a data file line has (a test checks every file).
pub const MAX_FIELDS: usize = 8;

/// The tab-separated fields of one data file line, read as a slice.
#[derive(Debug, Clone, Copy)]
pub struct Fields {
    fields: [&'static str; MAX_FIELDS],
    len: usize,
}

impl std::ops::Deref for Fields {
    type Target = [&'static str];

    fn deref(&self) -> &[&'static str] {
        &self.fields[..self.len]
    }
}

/// True when `rest` (a line, or the text from a line start on) starts an entry: not a blank
/// line nor a `#` comment.
fn starts_entry(rest: &[u8]) -> bool {
    !matches!(
        rest,
        [] | [b'\n', ..] | [b'\r'] | [b'\r', b'\n', ..] | [b'#', ..]
    )
}

/// The number of entry lines in `data`.
fn count_entries(data: &[u8]) -> usize {
    let line_starts = std::iter::once(0).chain(
        data.iter()
            .enumerate()
            .filter(|&(_, &b)| b == b'\n')
            .map(|(at, _)| at + 1),
    );
    line_starts.filter(|&at| starts_entry(&data[at..])).count()
}

/// The iterator of [`entries`]: a byte scan of the file, lines and fields cut as it goes.
struct Entries {
    rest: &'static str,
    left: usize,
}

impl Iterator for Entries {
    type Item = Fields;

    fn next(&mut self) -> Option<Fields> {
        loop {
            if self.rest.is_empty() {
                return None;
            }
            let bytes = self.rest.as_bytes();
            let mut fields = Fields {
                fields: [""; MAX_FIELDS],
                len: 0,
            };
            let mut field_start = 0;
            let mut at = 0;
            while at < bytes.len() && bytes[at] != b'\n' {
                if bytes[at] == b'\t' && fields.len + 1 < MAX_FIELDS {
                    fields.fields[fields.len] = &self.rest[field_start..at];
                    fields.len += 1;
                    field_start = at + 1;
                }
                at += 1;
            }
            let line = &self.rest[..at];
            let last = &self.rest[field_start..at];
            self.rest = self.rest.get(at + 1..).unwrap_or("");
            if !starts_entry(line.as_bytes()) {
                continue;
            }
            fields.fields[fields.len] = last.strip_suffix('\r').unwrap_or(last);
            fields.len += 1;
            self.left -= 1;
            return Some(fields);
        }
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        (self.left, Some(self.left))
    }
}

impl ExactSizeIterator for Entries {}

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

/// True when `word` is ASCII without an upper-case letter: its own lower case, found in one pass.
fn is_lower_ascii(word: &str) -> bool {
    !word
        .bytes()
        .any(|b| b.is_ascii_uppercase() || !b.is_ascii())
}

/// `word` in lower case: as it is when already lower case, else on the stack when short ASCII.
fn lowercase<'w>(word: &'w str, buf: &'w mut WordBuf) -> Cow<'w, str> {
    if is_lower_ascii(word) {
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

/// A lexicon key compared and hashed ignoring ASCII case, so that a word is looked up as written
/// ("Said", "SAID") without first being copied into lower case. Keys of a [`CaselessMap`] are stored
/// in lower case; see [`caseless_get`] for words with non-ASCII letters.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Caseless<'w>(pub &'w str);

impl PartialEq for Caseless<'_> {
    fn eq(&self, other: &Self) -> bool {
        self.0.eq_ignore_ascii_case(other.0)
    }
}

impl Eq for Caseless<'_> {}

impl std::hash::Hash for Caseless<'_> {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        // As `WordHasher` reads a string (length, then 8-byte words), with ASCII lowered.
        let bytes = self.0.as_bytes();
        state.write_usize(bytes.len());
        crate::fast_hash::for_each_word(bytes, |word| state.write_u64(ascii_lower_word(word)));
    }
}

/// Eight bytes with each ASCII capital lowered; other bytes (non-ASCII ones too) unchanged.
fn ascii_lower_word(word: u64) -> u64 {
    const LOW_BITS: u64 = 0x7f7f_7f7f_7f7f_7f7f;
    const HIGH_BITS: u64 = 0x8080_8080_8080_8080;
    let low = word & LOW_BITS;
    // Per byte, the high bit of `from_a` is set when the low seven bits are `A` or above, that of
    // `past_z` when they are above `Z`: no carry crosses bytes, since each sum stays below 0x100.
    let from_a = low + 0x3f3f_3f3f_3f3f_3f3f;
    let past_z = low + 0x2525_2525_2525_2525;
    let capitals = from_a & !past_z & !word & HIGH_BITS;
    word | capitals >> 2
}

/// A map from lower-case lexicon words, looked up in any case by [`caseless_get`].
pub(crate) type CaselessMap<V> = crate::fast_hash::FastMap<Caseless<'static>, V>;

/// Builds a [`CaselessMap`] from `(lower-case key, value)` pairs.
pub(crate) fn caseless_map<V>(pairs: impl Iterator<Item = (&'static str, V)>) -> CaselessMap<V> {
    pairs.map(|(k, v)| (Caseless(k), v)).collect()
}

/// The value of `word` in any case: ASCII case is ignored as the map compares, a word with other
/// letters is lowered first (`ÉLODIE` → `élodie`).
pub(crate) fn caseless_get<V: Copy>(map: &CaselessMap<V>, word: &str) -> Option<V> {
    if word.is_ascii() {
        map.get(&Caseless(word)).copied()
    } else {
        map.get(&Caseless(&word.to_lowercase())).copied()
    }
}

/// Words of a text mapped to values, compared in lower case as [`caseless_get`] compares them
/// ("Trump" finds "TRUMP"). An ASCII word is kept as a borrowed slice of the text; only a word
/// with other letters is lowered into a copy.
#[derive(Debug)]
pub(crate) struct TextWordMap<'t, V> {
    ascii: crate::fast_hash::FastMap<Caseless<'t>, V>,
    other: crate::fast_hash::FastMap<String, V>,
}

impl<V> Default for TextWordMap<'_, V> {
    fn default() -> Self {
        TextWordMap {
            ascii: Default::default(),
            other: Default::default(),
        }
    }
}

impl<'t, V> TextWordMap<'t, V> {
    /// The value of `word`, inserting `value` first when `word` is new.
    pub(crate) fn get_or_insert(&mut self, word: &'t str, value: V) -> &mut V {
        match word.is_ascii() {
            true => self.ascii.entry(Caseless(word)).or_insert(value),
            false => self.other.entry(word.to_lowercase()).or_insert(value),
        }
    }

    /// The value of `word` in any case.
    pub(crate) fn get(&self, word: &str) -> Option<V>
    where
        V: Copy,
    {
        match word.is_ascii() {
            true => self.ascii.get(&Caseless(word)).copied(),
            false => self.other.get(&word.to_lowercase()).copied(),
        }
    }
}

/// Calls `f` with `word` in lower case. The lexicons' keys are short words, so a lookup does not
/// allocate: a lower-case word is passed as it is and a short ASCII word lowered on the stack.
pub(crate) fn with_lowercase<R>(word: &str, f: impl FnOnce(&str) -> R) -> R {
    // The common case, a word already in lower-case ASCII, needs no buffer to clear.
    if is_lower_ascii(word) {
        return f(word);
    }
    let mut buf = [0; STACK_WORD_BYTES];
    f(&lowercase(word, &mut buf))
}

/// Calls `f` with `word` in title case, on the stack for short ASCII words.
pub(crate) fn with_titlecase<R>(word: &str, f: impl FnOnce(&str) -> R) -> R {
    let mut buf = [0; STACK_WORD_BYTES];
    f(&titlecase(word, &mut buf))
}

/// The first bytes and the lengths in bytes of some words: a test that lets each of them
/// through and turns most other words away before they are looked up. It keeps the two apart,
/// so a word with one word's first byte and another's length gets through too.
#[derive(Debug, Clone)]
pub(crate) struct WordShapes {
    first_bytes: [bool; 256],
    /// Bit `n` (63 for 63 and longer) set for each length a word may have.
    lengths: u64,
}

impl WordShapes {
    /// Shapes that let no word through.
    pub(crate) const fn empty() -> WordShapes {
        WordShapes {
            first_bytes: [false; 256],
            lengths: 0,
        }
    }

    /// Lets words through that start with the byte `first` and are `len` bytes long.
    pub(crate) const fn add(&mut self, first: u8, len: usize) {
        self.first_bytes[first as usize] = true;
        self.lengths |= length_bit(len);
    }

    /// The shapes of `words` (none empty), for a constant.
    pub(crate) const fn of(words: &[&str]) -> WordShapes {
        let mut shapes = WordShapes::empty();
        let mut i = 0;
        while i < words.len() {
            shapes.add(words[i].as_bytes()[0], words[i].len());
            i += 1;
        }
        shapes
    }

    /// False when a word that starts with the byte `first` and is `len` bytes long cannot be
    /// one of the words added.
    pub(crate) fn may_hold(&self, first: u8, len: usize) -> bool {
        self.first_bytes[usize::from(first)] && self.lengths & length_bit(len) != 0
    }
}

const fn length_bit(len: usize) -> u64 {
    1 << if len < 63 { len } else { 63 }
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
    fn word_shapes_let_through_the_first_bytes_and_lengths_added() {
        let mut shapes = super::WordShapes::empty();
        assert!(!shapes.may_hold(b'i', 2));
        shapes.add(b'i', 2);
        shapes.add(b'n', 4);
        shapes.add(b'x', 70);
        for (first, len) in [
            (b'i', 2),
            (b'n', 4),
            (b'i', 4),
            (b'n', 2),
            (b'x', 63),
            (b'x', 99),
        ] {
            assert!(shapes.may_hold(first, len), "{} {len}", first as char);
        }
        for (first, len) in [(b'i', 3), (b'a', 2), (b'I', 2), (b'n', 0)] {
            assert!(!shapes.may_hold(first, len), "{} {len}", first as char);
        }
    }

    #[test]
    fn text_word_map_ignores_case() {
        let mut map = super::TextWordMap::default();
        *map.get_or_insert("Trump", 3) += 1;
        *map.get_or_insert("TRUMP", 9) += 1;
        *map.get_or_insert("Élodie", 1) += 1;
        assert_eq!(map.get("trump"), Some(5));
        assert_eq!(map.get("ÉLODIE"), Some(2));
        assert_eq!(map.get("élodie"), Some(2));
        assert_eq!(map.get("Trumps"), None);
        assert_eq!(map.get("Elodie"), None);
    }

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

    #[test]
    fn ascii_lower_word_lowers_capitals_only() {
        for byte in 0..=255u8 {
            for at in 0..8 {
                // The byte among neighbours that are capitals, to catch a carry between bytes.
                let mut bytes = *b"AZAZAZAZ";
                bytes[at] = byte;
                let mut expected = bytes;
                expected.make_ascii_lowercase();
                let lowered = super::ascii_lower_word(u64::from_le_bytes(bytes));
                assert_eq!(lowered.to_le_bytes(), expected, "byte {byte:#x} at {at}");
            }
        }
    }

    #[test]
    fn caseless_lookups() {
        let map =
            super::caseless_map([("said", 1), ("élodie", 2), ("vice-president", 3)].into_iter());
        for (word, expected) in [
            ("said", Some(1)),
            ("SAID", Some(1)),
            ("Said", Some(1)),
            ("ÉLODIE", Some(2)),
            ("Élodie", Some(2)),
            ("VICE-PRESIDENT", Some(3)),
            ("sai", None),
            ("saids", None),
            ("", None),
        ] {
            assert_eq!(super::caseless_get(&map, word), expected, "{word}");
        }
    }

    #[test]
    fn entries_skip_comments_and_blank_lines_and_count_up_front() {
        let data = "# source: test\n\none\ttwo\n#x\nthree\r\n\r\n\ta\tb\tc\td\te\tf\tg";
        let all = super::entries(data);
        assert_eq!(all.len(), 3);
        let lines = data
            .lines()
            .filter(|l| !l.is_empty() && !l.starts_with('#'));
        assert_eq!(lines.count(), 3, "as `str::lines` reads them");
        let all: Vec<_> = all.map(|f| f.to_vec()).collect();
        assert_eq!(all[0], ["one", "two"]);
        assert_eq!(all[1], ["three"]);
        assert_eq!(all[2], ["", "a", "b", "c", "d", "e", "f", "g"]);
    }

    #[test]
    fn entries_read_every_data_file_as_lines_split_at_tabs() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src/lexicon/data");
        let mut files = 0;
        for file in std::fs::read_dir(dir).unwrap() {
            files += 1;
            let text: &'static str = std::fs::read_to_string(file.unwrap().path())
                .unwrap()
                .leak();
            let split: Vec<Vec<&str>> = text
                .lines()
                .filter(|l| !l.is_empty() && !l.starts_with('#'))
                .map(|l| l.split('\t').collect())
                .collect();
            let read: Vec<Vec<&str>> = super::entries(text).map(|f| f.to_vec()).collect();
            assert_eq!(read, split);
        }
        assert!(files > 10, "the data files are read");
    }

    /// The lists looked up through a `CaselessMap` keep their keys in lower case, which is what
    /// lets a lookup ignore case.
    #[test]
    fn caseless_lists_are_lower_case() {
        for (name, text) in [
            ("person_titles", include_str!("data/person_titles.txt")),
            ("non_name_words", include_str!("data/non_name_words.txt")),
            ("speech_verbs", include_str!("data/speech_verbs.txt")),
            ("role_nouns", include_str!("data/role_nouns.txt")),
            ("tense_cues", include_str!("data/tense_cues.tsv")),
            ("date_neighbours", include_str!("data/date_neighbours.tsv")),
        ] {
            for fields in super::entries(text) {
                assert_eq!(fields[0], fields[0].to_lowercase(), "{name}");
            }
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
                assert!(
                    fields.len() <= super::MAX_FIELDS,
                    "{name}:{}: more than {} fields",
                    n + 1,
                    super::MAX_FIELDS
                );
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
