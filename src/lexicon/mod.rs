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
