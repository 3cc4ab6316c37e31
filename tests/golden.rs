//! Golden fixtures: `tests/fixtures/<layer>/*.txt` hold short texts with the expected annotations
//! marked inline. The harness strips the marks, annotates, renders the layers that the folder names,
//! and compares. `UPDATE_EXPECT=1 cargo test --test golden` rewrites the files with what is found now.
//!
//! Marks (nested marks are allowed; the innermost text is the annotated text):
//! - `{person|Keir Starmer}` a person's name mention; `{role|the Prime Minister}` a role mention
//! - `{place|Paris}`
//! - `{date 2025-08-19|Tuesday}` (type DATE), `{date DURATION P3D|three days}`
//! - `{quote Keir Starmer|We will win}` speech with its speaker's name (`-` when unknown);
//!   `{other|peace plan}` quoted words that are not speech (titles, scare quotes)
//! - `{speaker|he}` the mention a quote's attribution rests on
//!
//! Lines starting with `#` are kept as they are and not annotated: `# dct: 2025-08-19` sets the
//! reference date, `# FIXME …` lines record known misses. Folder → layers: `quotes` (quotes and
//! speaker mentions), `people`, `places`, `dates`, `articles` (everything).

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use article_annotator::{
    annotate, Annotations, CalendarDate, Config, MentionKind, QuoteKind, Span,
};

#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
struct Mark {
    span: Span,
    label: String,
}

/// Splits a fixture into its `#` header lines and its marked text.
fn split_header(fixture: &str) -> (String, String) {
    let mut header = String::new();
    let mut body = String::new();
    for line in fixture.split_inclusive('\n') {
        if line.starts_with('#') {
            header.push_str(line);
        } else {
            body.push_str(line);
        }
    }
    (header, body)
}

/// Removes the marks, returning the plain text.
fn strip_marks(marked: &str) -> String {
    let mut out = String::with_capacity(marked.len());
    let mut in_label = 0usize;
    for c in marked.chars() {
        match c {
            '{' => in_label += 1,
            '|' if in_label > 0 => in_label -= 1,
            '}' => {}
            _ if in_label > 0 => {}
            _ => out.push(c),
        }
    }
    out
}

fn reference_date(header: &str) -> Option<CalendarDate> {
    header
        .lines()
        .find_map(|l| l.strip_prefix("# dct:"))
        .and_then(CalendarDate::parse_iso)
}

fn marks_for(layer: &str, text: &str, found: &Annotations) -> Vec<Mark> {
    let all = layer == "articles";
    let mut marks = Vec::new();
    if all || layer == "quotes" {
        for q in &found.quotes {
            let label = match q.kind {
                QuoteKind::Speech => {
                    let who =
                        article_annotator::export::speaker_name(text, found, q).unwrap_or("-");
                    format!("quote {who}")
                }
                QuoteKind::Other => "other".into(),
            };
            marks.push(Mark {
                span: q.span,
                label,
            });
            if let Some(m) = q.speaker_mention {
                marks.push(Mark {
                    span: m,
                    label: "speaker".into(),
                });
            }
        }
    }
    if all || layer == "people" {
        for p in &found.people {
            for m in &p.mentions {
                let label = match m.kind {
                    MentionKind::Name => "person",
                    MentionKind::Role => "role",
                };
                marks.push(Mark {
                    span: m.span,
                    label: label.into(),
                });
            }
        }
    }
    if all || layer == "places" {
        marks.extend(found.places.iter().map(|p| Mark {
            span: p.span,
            label: "place".into(),
        }));
    }
    if all || layer == "dates" {
        for d in &found.dates {
            let label = match d.timex_type.as_str() {
                "DATE" => format!("date {}", d.value),
                t => format!("date {t} {}", d.value),
            };
            marks.push(Mark {
                span: d.span,
                label,
            });
        }
    }
    marks
}

/// Renders `text` with `marks` inline. A mark that crosses another (neither nested nor disjoint)
/// cannot be drawn and is listed on a `# crossing` line instead.
fn render(text: &str, mut marks: Vec<Mark>) -> (String, Vec<String>) {
    marks.sort_by(|a, b| {
        a.span
            .start
            .cmp(&b.span.start)
            .then(b.span.end.cmp(&a.span.end))
            .then(a.label.cmp(&b.label))
    });
    marks.dedup();
    let mut out = String::with_capacity(text.len() * 2);
    let mut open: Vec<usize> = Vec::new(); // ends of open marks
    let mut crossing = Vec::new();
    let mut pos = 0;
    for m in marks {
        while let Some(&end) = open.last() {
            if end <= m.span.start {
                out.push_str(&text[pos..end]);
                out.push('}');
                pos = end;
                open.pop();
            } else {
                break;
            }
        }
        if open.last().is_some_and(|&end| m.span.end > end) {
            crossing.push(format!("# crossing: {{{}|{}}}", m.label, m.span.text(text)));
            continue;
        }
        out.push_str(&text[pos..m.span.start]);
        write!(out, "{{{}|", m.label).unwrap();
        pos = m.span.start;
        open.push(m.span.end);
    }
    while let Some(end) = open.pop() {
        out.push_str(&text[pos..end]);
        out.push('}');
        pos = end;
    }
    out.push_str(&text[pos..]);
    (out, crossing)
}

fn fixture_files() -> Vec<PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let mut files = Vec::new();
    for dir in std::fs::read_dir(&root).expect("tests/fixtures exists") {
        let dir = dir.unwrap().path();
        if dir.is_dir() {
            for f in std::fs::read_dir(&dir).unwrap() {
                let f = f.unwrap().path();
                if f.extension().is_some_and(|e| e == "txt") {
                    files.push(f);
                }
            }
        }
    }
    files.sort();
    files
}

/// Re-renders one fixture with what the annotator finds now.
fn rerender(path: &Path) -> (String, String) {
    let layer = path
        .parent()
        .unwrap()
        .file_name()
        .unwrap()
        .to_str()
        .unwrap()
        .to_string();
    let fixture = std::fs::read_to_string(path).unwrap();
    let (header, marked) = split_header(&fixture);
    let text = strip_marks(&marked);
    let found = annotate(
        &text,
        &Config {
            reference_date: reference_date(&header),
        },
    );
    let (body, crossing) = render(&text, marks_for(&layer, &text, &found));
    let kept: String = header
        .lines()
        .filter(|l| !l.starts_with("# crossing:"))
        .map(|l| format!("{l}\n"))
        .collect();
    let crossing: String = crossing.iter().map(|l| format!("{l}\n")).collect();
    (fixture, format!("{kept}{crossing}{body}"))
}

#[test]
fn golden_fixtures() {
    let files = fixture_files();
    assert!(!files.is_empty(), "no fixtures found");
    let update = std::env::var_os("UPDATE_EXPECT").is_some();
    let mut failures = Vec::new();
    for path in &files {
        let (expected, actual) = rerender(path);
        if expected != actual {
            if update {
                std::fs::write(path, &actual).unwrap();
            } else {
                failures.push(format!(
                    "--- {}\nexpected:\n{expected}\nactual:\n{actual}",
                    path.display()
                ));
            }
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} fixtures differ (UPDATE_EXPECT=1 rewrites them):\n{}",
        failures.len(),
        files.len(),
        failures.join("\n")
    );
}

#[test]
fn render_nests_and_reports_crossing_marks() {
    let text = "ab cd ef";
    let marks = vec![
        Mark {
            span: Span::new(0, 5),
            label: "x".into(),
        },
        Mark {
            span: Span::new(3, 5),
            label: "y".into(),
        },
        Mark {
            span: Span::new(4, 8),
            label: "z".into(),
        },
    ];
    let (out, crossing) = render(text, marks);
    assert_eq!(out, "{x|ab {y|cd}} ef");
    assert_eq!(crossing, ["# crossing: {z|d ef}"]);
    assert_eq!(strip_marks(&out), text);
}
