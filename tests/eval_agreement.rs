//! `annotate eval` prints what `../shared/tools/score.py` prints.
//!
//! Two tests: one compares the two on synthetic gold and predictions written to a temporary folder
//! (only where `python3` and the script exist — it says so when they do not); the other needs nothing
//! but the binary and checks its table on hand-made cases, so the agreement cannot pass silently.
#![cfg(not(target_arch = "wasm32"))]

use std::path::{Path, PathBuf};
use std::process::Command;

use serde_json::{json, Value};

/// A folder of its own under the system temporary folder.
fn temp_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("annotate-eval-{name}-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn write_jsonl(path: &Path, docs: &[Value]) {
    let lines: Vec<String> = docs.iter().map(Value::to_string).collect();
    std::fs::write(path, lines.join("\n") + "\n").unwrap();
}

fn annotate_eval(args: &[&Path], strict_values: bool) -> String {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_annotate"));
    cmd.arg("eval");
    if strict_values {
        cmd.arg("--strict-values");
    }
    let out = cmd.args(args).output().unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

/// A small deterministic generator (xorshift), so the synthetic data is the same on every run.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
    fn chance(&mut self, percent: usize) -> bool {
        self.below(100) < percent
    }
    fn pick<'a>(&mut self, from: &[&'a str]) -> &'a str {
        from[self.below(from.len())]
    }
}

const WORDS: &[&str] = &[
    "The",
    "minister",
    "said",
    "\u{201c}",
    "\u{201d}",
    "\"",
    "'",
    "«",
    "»",
    ",",
    ".",
    "…",
    "—",
    "Paris",
    "Obama",
    "Mr.",
    "Smith",
    "on",
    "Monday",
    "2013",
    "😀",
    "中文",
    "é",
    "e\u{301}",
    "  ",
    "\n",
    "\u{a0}",
    "\u{1f}",
    "she",
    "told",
    "reporters",
    "Kyiv",
    "last",
    "week",
    "?",
    "!",
];

const SPEAKERS: &[&str] = &[
    "Barack Obama",
    "Obama",
    "President Obama",
    "he",
    "she",
    "the newspaper",
    "Mr. Smith's",
    "John Smith",
    "SMITH",
    "The President",
    "aides",
    "  ",
    "Jean-Claude Juncker",
    "Juncker",
];

const VALUES: &[&str] = &[
    "2013-03-22",
    "XXXX-08-19",
    "2013-08-19",
    "xxxx-08-19",
    "P3D",
    "PRESENT_REF",
    "2013-W12",
    "XXXX-XX-XX",
    "1999",
    " 2013-03-22 ",
    "",
];

const TYPES: &[&str] = &["DATE", "TIME", "DURATION", "SET", "date", ""];

fn random_text(rng: &mut Rng) -> String {
    let n = 5 + rng.below(60);
    (0..n)
        .map(|_| rng.pick(WORDS))
        .collect::<Vec<_>>()
        .join(" ")
}

fn random_span(rng: &mut Rng, len: usize) -> (usize, usize) {
    let start = rng.below(len + 1);
    let end = (start + rng.below(15)).min(len);
    (start, end)
}

fn random_item(rng: &mut Rng, layer: &str, len: usize) -> Value {
    let (start, end) = random_span(rng, len);
    let mut item = json!({"start": start, "end": end});
    match layer {
        "quotes" => {
            item["speaker"] = if rng.chance(20) {
                Value::Null
            } else {
                json!(rng.pick(SPEAKERS))
            };
            let (s, e) = random_span(rng, len);
            item["speaker_spans"] = if rng.chance(30) {
                json!([])
            } else {
                json!([[s, e]])
            };
        }
        "dates" => {
            item["value"] = if rng.chance(10) {
                Value::Null
            } else {
                json!(rng.pick(VALUES))
            };
            item["type"] = json!(rng.pick(TYPES));
        }
        _ => {}
    }
    item
}

/// A prediction near a gold item: the same, shifted, or with another label.
fn perturb(rng: &mut Rng, item: &Value, layer: &str, len: usize) -> Value {
    let mut item = item.clone();
    if rng.chance(40) {
        let shift = |v: &Value, rng: &mut Rng| {
            let v = v.as_u64().unwrap() as i64 + rng.below(7) as i64 - 3;
            v.clamp(0, len as i64)
        };
        let start = shift(&item["start"], rng);
        let end = shift(&item["end"], rng).max(start);
        item["start"] = json!(start);
        item["end"] = json!(end);
    }
    if rng.chance(40) {
        let other = random_item(rng, layer, len);
        for key in ["speaker", "speaker_spans", "value", "type"] {
            if let Some(v) = other.get(key) {
                item[key] = v.clone();
            }
        }
    }
    item
}

/// Gold and predicted documents covering every rule: all layers, dct or none, missing predictions.
fn synthetic(seed: u64, n_docs: usize) -> (Vec<Value>, Vec<Value>) {
    let mut rng = Rng(seed);
    let layers = ["quotes", "people", "places", "dates"];
    let (mut gold, mut pred) = (Vec::new(), Vec::new());
    for n in 0..n_docs {
        let text = random_text(&mut rng);
        let len = text.chars().count();
        let doc_layers: Vec<&str> = layers.iter().copied().filter(|_| rng.chance(60)).collect();
        let mut g = json!({"id": format!("doc-{n}"), "text": text, "layers": doc_layers,
                           "dct": if rng.chance(50) { json!("2013-03-22") } else { Value::Null }});
        let mut p = json!({"id": format!("doc-{n}"), "text": text});
        for layer in layers {
            let g_items: Vec<Value> = (0..rng.below(6))
                .map(|_| random_item(&mut rng, layer, len))
                .collect();
            let mut p_items = Vec::new();
            for item in &g_items {
                if rng.chance(80) {
                    p_items.push(perturb(&mut rng, item, layer, len));
                }
            }
            p_items.extend((0..rng.below(3)).map(|_| random_item(&mut rng, layer, len)));
            g[layer] = json!(g_items);
            p[layer] = json!(p_items);
        }
        gold.push(g);
        if rng.chance(90) {
            pred.push(p);
        }
    }
    (gold, pred)
}

#[test]
fn eval_agrees_with_score_py_on_synthetic_data() {
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/tools/score.py");
    let python = Command::new("python3").arg("--version").output();
    if !script.exists() || python.is_err() {
        eprintln!(
            "skipping the comparison: python3 or {} is missing",
            script.display()
        );
        return;
    }
    let dir = temp_dir("agreement");
    for seed in [1, 2, 3, 0x5eed] {
        let (gold, pred) = synthetic(seed, 120);
        let (gold_path, pred_path) = (dir.join("gold.jsonl"), dir.join("pred.jsonl"));
        write_jsonl(&gold_path, &gold);
        write_jsonl(&pred_path, &pred);
        for strict_values in [false, true] {
            let mut cmd = Command::new("python3");
            cmd.arg(&script).arg(&gold_path).arg(&pred_path);
            if strict_values {
                cmd.arg("--strict-values");
            }
            let out = cmd.output().unwrap();
            assert!(
                out.status.success(),
                "{}",
                String::from_utf8_lossy(&out.stderr)
            );
            let expected = String::from_utf8(out.stdout).unwrap();
            let got = annotate_eval(&[&gold_path, &pred_path], strict_values);
            assert_eq!(got, expected, "seed {seed}, strict values {strict_values}");
        }
    }
    std::fs::remove_dir_all(dir).ok();
}

#[test]
fn eval_prints_the_expected_table_on_hand_made_cases() {
    let text = "\u{201c}We will win,\u{201d} she said on Monday in Paris. \u{201c}No.\u{201d} Smith agreed.";
    let gold = [
        json!({"id": "one", "text": text, "dct": null, "layers": ["quotes", "dates", "places"],
               "quotes": [{"start": 1, "end": 12, "speaker": "Anna Smith", "speaker_spans": [[15, 18]]},
                          {"start": 45, "end": 48, "speaker": "Smith", "speaker_spans": [[50, 55]]}],
               "dates": [{"start": 27, "end": 33, "type": "DATE", "value": "XXXX-WXX-1"}],
               "places": [{"start": 37, "end": 42}]}),
        json!({"id": "two", "text": "On 5 May.", "dct": "2013-05-06", "layers": ["dates"],
               "dates": [{"start": 3, "end": 8, "type": "DATE", "value": "XXXX-05-05"}]}),
    ];
    let pred = [
        json!({"id": "one",
               "quotes": [{"start": 0, "end": 13, "speaker": "she", "speaker_spans": [[15, 18]]},
                          {"start": 44, "end": 49, "speaker": "Jones", "speaker_spans": []}],
               "dates": [{"start": 27, "end": 33, "type": "DATE", "value": "2013-W12-1"}],
               "places": [{"start": 37, "end": 39}, {"start": 0, "end": 3}]}),
        json!({"id": "two", "dates": [{"start": 3, "end": 8, "type": "DURATION", "value": "2013-05-05"}]}),
    ];
    let dir = temp_dir("hand-made");
    let (gold_path, pred_path) = (dir.join("gold.jsonl"), dir.join("pred.jsonl"));
    write_jsonl(&gold_path, &gold);
    write_jsonl(&pred_path, &pred);
    // Quotes: both match relaxed after normalization (marks and "." stripped), so strict too; the
    // first speaker is right through its mention, the second is wrong. Dates: in doc "one" (no dct)
    // the predicted week fills the gold X placeholders and counts as right; doc "two" has a dct, so
    // XXXX is literal there and the value is wrong, as is its type.
    let expected = "\
documents: 2  (without prediction: 0)
layer     docs   gold   pred |    sP    sR   sF1 |    rP    rR   rF1
quotes       1      2      2 | 100.0 100.0 100.0 | 100.0 100.0 100.0
places       1      1      2 |   0.0   0.0   0.0 |  50.0 100.0  66.7
dates        2      2      2 | 100.0 100.0 100.0 | 100.0 100.0 100.0
dates: value acc  50.0  type acc  50.0  value F1  50.0  type F1  50.0  (preds with a value: 2)
speakers: attribution acc  50.0 (1/2)  quote+speaker P  50.0 R  50.0 F1  50.0
speakers named in the gold (no pronoun or description): attribution acc  50.0 (of 2)
";
    assert_eq!(annotate_eval(&[&gold_path, &pred_path], false), expected);
    // Without a prediction file, `eval` predicts itself: every gold document then has a prediction.
    let own = annotate_eval(&[&gold_path], false);
    assert!(
        own.starts_with("documents: 2  (without prediction: 0)\n"),
        "{own}"
    );
    std::fs::remove_dir_all(dir).ok();
}
