//! Benchmarks of `annotate` on real news text and on pathological input, reported in bytes per second.
//!
//! The news text is built at run time from the `text` fields of `../shared/data/dev/*.jsonl` (nothing
//! is copied into the repository); without that folder those groups are skipped with a message.
//!
//! Groups:
//! - `news`: one typical article (the one closest to 5 KB), 1 MB and 10 MB of news;
//! - `scaling`: 10 KB → 10 MB of news in which the evaluation sets take turns article by article, so
//!   that every size holds the same mix and constant throughput means linear cost;
//! - `pathological`: one 5 MB line, 100 000 quote marks, 1 MB of capitalized words only.
//!
//! `make bench` runs these and `bench/summary.mjs` reads criterion's estimates into one table.

use std::path::Path;
use std::time::Duration;

use article_annotator::{annotate, CalendarDate, Config};
use criterion::{black_box, criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};

const KB: usize = 1000;
const MB: usize = 1000 * KB;

fn config() -> Config {
    Config {
        reference_date: CalendarDate::parse_iso("2016-06-01"),
    }
}

/// The texts of every evaluation document, one list per file in file order, each in line order,
/// or None without the data.
fn news_files() -> Option<Vec<Vec<String>>> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/data/dev");
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .ok()?
        .filter_map(|entry| entry.ok().map(|e| e.path()))
        .filter(|path| path.extension().is_some_and(|ext| ext == "jsonl"))
        .collect();
    files.sort();
    let mut out = Vec::new();
    for file in files {
        let content = std::fs::read_to_string(&file).ok()?;
        let mut texts = Vec::new();
        for line in content.lines().filter(|l| !l.trim().is_empty()) {
            let doc: serde_json::Value = serde_json::from_str(line).ok()?;
            if let Some(text) = doc.get("text").and_then(|t| t.as_str()) {
                texts.push(text.to_string());
            }
        }
        out.push(texts);
    }
    out.iter().any(|texts| !texts.is_empty()).then_some(out)
}

/// The same texts with the files taking turns: the first article of each, then the second of
/// each, and so on. Its first 10 KB already hold articles of most sets, where the file order puts
/// one set's kind of news first (the first 80 KB are sports results and tables, which on one
/// thread cost 1.7 times as much per byte as the mix), so that the sizes compared for scaling
/// differ in length more than in kind.
fn mixed_texts(files: &[Vec<String>]) -> Vec<String> {
    let longest = files.iter().map(Vec::len).max().unwrap_or(0);
    (0..longest)
        .flat_map(|i| files.iter().filter_map(move |texts| texts.get(i).cloned()))
        .collect()
}

/// The article whose length is closest to 5 KB.
fn typical_article(texts: &[String]) -> &str {
    texts
        .iter()
        .min_by_key(|t| t.len().abs_diff(5 * KB))
        .map_or("", String::as_str)
}

/// About `bytes` bytes of news: the articles one after another (repeated as needed), separated by
/// blank lines, cut at an article end or, failing that, at a character boundary.
fn news_of_size(texts: &[String], bytes: usize) -> String {
    let mut out = String::with_capacity(bytes + 64 * KB);
    'fill: loop {
        for text in texts {
            if out.len() + text.len() > bytes {
                let room = bytes - out.len();
                let cut = (0..=room)
                    .rev()
                    .find(|&i| text.is_char_boundary(i))
                    .unwrap_or(0);
                out.push_str(&text[..cut]);
                break 'fill;
            }
            out.push_str(text);
            out.push_str("\n\n");
        }
    }
    out
}

fn size_label(bytes: usize) -> String {
    if bytes >= MB {
        format!("{}MB", bytes / MB)
    } else {
        format!("{}KB", bytes / KB)
    }
}

fn bench_text(c: &mut Criterion, group: &str, name: &str, text: &str) {
    let mut g = c.benchmark_group(group);
    configure(&mut g, text.len());
    g.throughput(Throughput::Bytes(text.len() as u64));
    g.bench_function(name, |b| b.iter(|| annotate(black_box(text), &config())));
    g.finish();
}

/// Fewer samples for big inputs, so a full run stays within minutes.
fn configure(
    g: &mut criterion::BenchmarkGroup<'_, criterion::measurement::WallTime>,
    bytes: usize,
) {
    if bytes >= MB {
        g.sample_size(10)
            .warm_up_time(Duration::from_secs(1))
            .measurement_time(Duration::from_secs(5));
    } else {
        g.sample_size(30)
            .warm_up_time(Duration::from_secs(1))
            .measurement_time(Duration::from_secs(3));
    }
}

fn news(c: &mut Criterion) {
    let Some(files) = news_files() else {
        eprintln!("news benchmarks skipped: ../shared/data/dev/*.jsonl not found");
        return;
    };
    // Every evaluation document's text in file and line order.
    let texts = files.concat();
    bench_text(c, "news", "article-5KB", typical_article(&texts));
    bench_text(c, "news", "1MB", &news_of_size(&texts, MB));
    bench_text(c, "news", "10MB", &news_of_size(&texts, 10 * MB));
}

fn scaling(c: &mut Criterion) {
    let Some(files) = news_files() else {
        eprintln!("scaling benchmarks skipped: ../shared/data/dev/*.jsonl not found");
        return;
    };
    let texts = mixed_texts(&files);
    let mut g = c.benchmark_group("scaling");
    for bytes in [10 * KB, 100 * KB, MB, 10 * MB] {
        let text = news_of_size(&texts, bytes);
        configure(&mut g, bytes);
        g.throughput(Throughput::Bytes(text.len() as u64));
        g.bench_with_input(
            BenchmarkId::from_parameter(size_label(bytes)),
            &text,
            |b, text| b.iter(|| annotate(black_box(text), &config())),
        );
    }
    g.finish();
}

fn pathological(c: &mut Criterion) {
    let line_unit = "\u{201c}We will go on,\u{201d} said President Keir Starmer in Paris on Tuesday, August 19, 2025, and ";
    let one_line = line_unit.repeat(5 * MB / line_unit.len());
    bench_text(c, "pathological", "one-5MB-line", &one_line);
    let marks = "\" \u{201c}a\u{201d} \u{2018}".repeat(100_000 / 4);
    bench_text(c, "pathological", "100k-quote-marks", &marks);
    let capitalized = "Keir Starmer Paris Angela Merkel President London Tuesday May The New ";
    bench_text(
        c,
        "pathological",
        "capitalized-words-1MB",
        &capitalized.repeat(MB / capitalized.len()),
    );
}

criterion_group!(benches, news, scaling, pathological);
criterion_main!(benches);
