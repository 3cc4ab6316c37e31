//! `annotate`: the native command line for batch use and evaluation.
//!
//! ```text
//! annotate [--date YYYY-MM-DD] FILE…        annotations of each file as JSON (UTF-16 offsets, as the page gets)
//! annotate predict [--debug] < docs.jsonl   predictions in the evaluation format (code point offsets)
//! annotate eval [--strict-values] GOLD.jsonl [PRED.jsonl]
//!                                           per-layer precision / recall / F1 (predicts when PRED is absent)
//! ```
//!
//! `eval` applies the rules of `../shared/tools/score.py` (see [`score`]) and prints the same table.

#[path = "annotate/score.rs"]
mod score;

use std::io::{self, BufRead, BufWriter, Write};
use std::process::ExitCode;
use std::sync::atomic::{AtomicUsize, Ordering};

use article_annotator::export::{self, EvalDoc, JsConfig};
use article_annotator::{annotate, Config};

const USAGE: &str = "usage:
  annotate [--date YYYY-MM-DD] FILE...      print the annotations of each file as JSON
  annotate predict < docs.jsonl > pred.jsonl  predict in the evaluation format (JSON Lines)
  annotate eval [--strict-values] [--by-rule] GOLD.jsonl [PRED.jsonl]
                                            score predictions (made on the fly without PRED);
                                            --strict-values: gold X placeholders match literally;
                                            --by-rule: speaker accuracy per attribution rule";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let res = match args.first().map(String::as_str) {
        None | Some("-h" | "--help") => {
            println!("{USAGE}");
            Ok(())
        }
        Some("predict") => predict(io::stdin().lock(), io::stdout().lock()),
        Some("eval") => eval(&args[1..]),
        Some(_) => annotate_files(&args),
    };
    match res {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("annotate: {e}");
            ExitCode::from(2)
        }
    }
}

/// One file's output for `annotate FILE…`.
#[derive(serde::Serialize)]
struct FileAnnotations<'a> {
    file: &'a str,
    annotations: export::JsAnnotations<'a>,
}

fn annotate_files(args: &[String]) -> Result<(), String> {
    let mut config = Config::default();
    let mut files = Vec::new();
    let mut it = args.iter();
    while let Some(arg) = it.next() {
        if arg == "--date" {
            let date = it.next().ok_or("--date needs a value")?;
            config = JsConfig {
                reference_date: Some(date.clone()),
            }
            .into_config()?;
        } else {
            files.push(arg);
        }
    }
    let out = io::stdout();
    let mut out = BufWriter::new(out.lock());
    for file in files {
        let text = std::fs::read_to_string(file).map_err(|e| format!("{file}: {e}"))?;
        // Written straight from the result: no JSON tree of a large text in memory.
        let found = annotate(&text, &config);
        let json = FileAnnotations {
            file,
            annotations: export::to_js(&text, &found),
        };
        serde_json::to_writer_pretty(&mut out, &json).map_err(|e| e.to_string())?;
        writeln!(out).map_err(|e| e.to_string())?;
    }
    out.flush().map_err(|e| e.to_string())
}

/// Reads evaluation documents (JSON Lines) and predicts each one.
fn read_docs(input: impl BufRead, what: &str) -> Result<Vec<EvalDoc>, String> {
    let mut docs = Vec::new();
    for (n, line) in input.lines().enumerate() {
        let line = line.map_err(|e| format!("{what}: {e}"))?;
        if line.trim().is_empty() {
            continue;
        }
        docs.push(serde_json::from_str(&line).map_err(|e| format!("{what}:{}: {e}", n + 1))?);
    }
    Ok(docs)
}

fn predict_doc(doc: &EvalDoc) -> EvalDoc {
    let annotations = annotate(&doc.text, &export::eval_config(doc));
    export::to_eval(doc, &annotations)
}

fn predict(input: impl BufRead, output: impl Write) -> Result<(), String> {
    let mut out = BufWriter::new(output);
    for prediction in on_every_core(&read_docs(input, "stdin")?, predict_doc) {
        serde_json::to_writer(&mut out, &prediction).map_err(|e| e.to_string())?;
        writeln!(out).map_err(|e| e.to_string())?;
    }
    out.flush().map_err(|e| e.to_string())
}

/// `work` applied to each of `items`, the results in the items' order: the items are shared out
/// among one thread per core, each taking the next item not yet taken, so that a long document
/// holds up one thread only. On one core, or when no thread can be started, the calling thread
/// does it all.
fn on_every_core<T: Sync, R: Send>(items: &[T], work: impl Fn(&T) -> R + Sync) -> Vec<R> {
    let threads = std::thread::available_parallelism()
        .map_or(1, usize::from)
        .min(items.len());
    let next = AtomicUsize::new(0);
    let take_items = || {
        let mut done = Vec::new();
        loop {
            let i = next.fetch_add(1, Ordering::Relaxed);
            let Some(item) = items.get(i) else {
                return done;
            };
            done.push((i, work(item)));
        }
    };
    let mut done: Vec<(usize, R)> = std::thread::scope(|scope| {
        let helpers: Vec<_> = (1..threads)
            .map_while(|_| {
                std::thread::Builder::new()
                    .spawn_scoped(scope, take_items)
                    .ok()
            })
            .collect();
        let mut done = take_items();
        for helper in helpers {
            done.extend(
                helper
                    .join()
                    .unwrap_or_else(|panic| std::panic::resume_unwind(panic)),
            );
        }
        done
    });
    done.sort_unstable_by_key(|&(i, _)| i);
    done.into_iter().map(|(_, result)| result).collect()
}

/// `annotate eval`: scores PRED (or predictions made now) against GOLD and prints the table.
fn eval(args: &[String]) -> Result<(), String> {
    let mut wildcard_values = true;
    let mut by_rule = false;
    let mut files = Vec::new();
    for arg in args {
        match arg.as_str() {
            "--strict-values" => wildcard_values = false,
            "--by-rule" => by_rule = true,
            flag if flag.starts_with("--") => return Err(format!("eval: unknown option {flag}")),
            _ => files.push(arg),
        }
    }
    let read = |path: &String| std::fs::read_to_string(path).map_err(|e| format!("{path}: {e}"));
    let (gold, pred) = match files.as_slice() {
        [gold_path] => {
            let gold = score::parse_jsonl(&read(gold_path)?, gold_path)?;
            let pred = predict_values(&gold)?;
            (gold, pred)
        }
        [gold_path, pred_path] => (
            score::parse_jsonl(&read(gold_path)?, gold_path)?,
            score::parse_jsonl(&read(pred_path)?, pred_path)?,
        ),
        _ => return Err(format!("eval: expected GOLD.jsonl [PRED.jsonl]\n{USAGE}")),
    };
    let scores = score::score(&gold, &pred, wildcard_values)?;
    println!("{}", score::format_table(&scores));
    if by_rule {
        println!("\n{}", score::format_rules(&scores));
    }
    Ok(())
}

/// Predictions for gold documents given as JSON values.
fn predict_values(gold: &[serde_json::Value]) -> Result<Vec<serde_json::Value>, String> {
    on_every_core(gold, |value| {
        let doc: EvalDoc = serde_json::from_value(value.clone()).map_err(|e| e.to_string())?;
        serde_json::to_value(predict_doc(&doc)).map_err(|e| e.to_string())
    })
    .into_iter()
    .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn work_on_every_core_keeps_the_items_order() {
        let items: Vec<u64> = (0..500).collect();
        // Uneven work, so that the threads finish their items out of order.
        let results = on_every_core(&items, |&n| (0..(n % 7) * 1000).fold(n, |a, b| a ^ b));
        let expected: Vec<u64> = items
            .iter()
            .map(|&n| (0..(n % 7) * 1000).fold(n, |a, b| a ^ b))
            .collect();
        assert_eq!(results, expected);
        assert!(on_every_core(&[] as &[u64], |&n| n).is_empty());
    }
}
