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
