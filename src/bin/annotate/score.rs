//! Scoring of predictions against gold annotations, both in the evaluation format (JSON Lines, code
//! point offsets): the rules of `../shared/tools/score.py`, ported so that `annotate eval` prints the
//! same numbers.
//!
//! Owns span matching (strict and relaxed one-to-one), quote span normalization, TIMEX3 value
//! comparison, speaker name comparison and the printed table. It reads documents as loose JSON values,
//! as the script does, so a prediction file with extra or odd fields scores the same.
//! It does not predict: the CLI hands it predicted documents.
//!
//! Python's string predicates are mirrored where they differ from Rust's (`str.isspace` also counts
//! U+001C–U+001F). Two approximations remain, both outside what news text holds: NFKC folding of
//! speaker names covers the compatibility forms that occur in Latin names (full-width letters,
//! ligatures, compatibility spaces) rather than all of Unicode, and `\w` is `char::is_alphanumeric`
//! plus `_`.

use std::collections::{BTreeMap, HashMap};

use serde_json::{Map, Value};

/// The layers scored, in the order they are printed.
pub const LAYERS: [&str; 4] = ["quotes", "people", "places", "dates"];

const QUOTE_MARKS: &str = "\"'`\u{201c}\u{201d}\u{201e}\u{201f}\u{2018}\u{2019}\u{201a}\u{201b}\u{00ab}\u{00bb}\u{2039}\u{203a}\u{300c}\u{300d}\u{300e}\u{300f}\u{2032}\u{2033}\u{ff02}";
const TRAILING_PUNCT: &str = ".,;:!?\u{2026}-\u{2013}\u{2014}";

const TITLE_WORDS: &[&str] = &[
    "mr",
    "mrs",
    "ms",
    "miss",
    "mx",
    "dr",
    "sir",
    "dame",
    "lord",
    "lady",
    "prof",
    "professor",
    "rev",
    "reverend",
    "president",
    "vice",
    "prime",
    "minister",
    "chancellor",
    "secretary",
    "senator",
    "sen",
    "rep",
    "representative",
    "gov",
    "governor",
    "mayor",
    "gen",
    "general",
    "col",
    "colonel",
    "capt",
    "captain",
    "lt",
    "sgt",
    "judge",
    "justice",
    "king",
    "queen",
    "prince",
    "princess",
    "pope",
    "st",
    "chairman",
    "chairwoman",
    "chair",
    "ceo",
    "commissioner",
    "ambassador",
    "premier",
    "chief",
    "jr",
    "sr",
    "ii",
    "iii",
    "iv",
    "the",
];

const PRONOUNS: &[&str] = &[
    "he", "she", "they", "i", "we", "you", "it", "who", "him", "her", "them", "his", "hers",
    "their", "theirs", "which", "that", "one", "someone", "somebody",
];

/// A half-open span in code points; signed because input files may hold anything.
type Range = (i64, i64);

// ------------------------------------------------------------------------------------------ results

/// Precision, recall and F1 with the counts behind them.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Prf {
    /// Precision.
    pub p: f64,
    /// Recall.
    pub r: f64,
    /// F1.
    pub f1: f64,
    /// True positives.
    pub tp: usize,
    /// Predicted items.
    pub pred: usize,
    /// Gold items.
    pub gold: usize,
}

/// Date-value figures, over relaxed matches.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct DateScores {
    /// Fraction of matches whose value is right.
    pub value_accuracy: f64,
    /// Fraction of matches whose type is right.
    pub type_accuracy: f64,
    /// TempEval-3 value F1: only value-correct matches count.
    pub value: Prf,
    /// Type F1: only type-correct matches count.
    pub timex_type: Prf,
    /// Predicted dates that carry a value.
    pub pred_with_value: usize,
}

/// Speaker figures, over relaxed quote matches.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct SpeakerScores {
    /// Fraction of eligible matches whose speaker is right.
    pub accuracy: f64,
    /// Matched quotes whose gold speaker is known.
    pub eligible: usize,
    /// Of those, how many have the right speaker.
    pub correct: usize,
    /// Accuracy over gold speakers given by name.
    pub named_accuracy: f64,
    /// Matched quotes whose gold speaker is a name.
    pub named_eligible: usize,
    /// Quote and speaker both right.
    pub quote_speaker: Prf,
}

/// Figures for one layer.
#[derive(Debug, Clone, PartialEq)]
pub struct LayerScores {
    /// The layer's name.
    pub layer: &'static str,
    /// Documents that annotate it.
    pub docs: usize,
    /// Exact span match.
    pub strict: Prf,
    /// Overlap match.
    pub relaxed: Prf,
    /// For `dates`.
    pub dates: Option<DateScores>,
    /// For `quotes`.
    pub speakers: Option<SpeakerScores>,
    /// For `quotes`: per attribution rule named in the predictions (`rule`), matched quotes whose
    /// gold speaker is known and how many of them have the right speaker; by rule name.
    pub speaker_rules: Vec<RuleTally>,
}

/// Speaker accuracy of one attribution rule.
#[derive(Debug, Clone, PartialEq)]
pub struct RuleTally {
    /// The rule's name (`-` when the prediction names none).
    pub rule: String,
    /// Matched quotes it attributed whose gold speaker is known.
    pub eligible: usize,
    /// Of those, how many are right.
    pub correct: usize,
}

/// Everything `score` computes.
#[derive(Debug, Clone, PartialEq)]
pub struct Scores {
    /// Gold documents.
    pub documents: usize,
    /// Gold documents without a prediction.
    pub missing_predictions: usize,
    /// Layers annotated in at least one document, in [`LAYERS`] order.
    pub layers: Vec<LayerScores>,
}

impl Scores {
    /// The figures of `layer`, if any document annotates it.
    pub fn layer(&self, layer: &str) -> Option<&LayerScores> {
        self.layers.iter().find(|l| l.layer == layer)
    }
}

// ------------------------------------------------------------------------------------------ loading

/// Parses JSON Lines; blank lines are skipped, and a bad line is an error naming `what` and its number.
/// Lines end at `\n`, `\r\n` or a lone `\r`, as in Python's text files.
pub fn parse_jsonl(content: &str, what: &str) -> Result<Vec<Value>, String> {
    let mut docs = Vec::new();
    let content = content.replace("\r\n", "\n").replace('\r', "\n");
    for (n, line) in content.split('\n').enumerate() {
        let line = line.trim_matches(py_isspace);
        if line.is_empty() {
            continue;
        }
        docs.push(
            serde_json::from_str(line)
                .map_err(|e| format!("{what}:{}: invalid JSON: {e}", n + 1))?,
        );
    }
    Ok(docs)
}

// ------------------------------------------------------------------------------------------ Python's predicates

/// `str.isspace`: Unicode White_Space plus the information separators U+001C–U+001F.
fn py_isspace(c: char) -> bool {
    c.is_whitespace() || ('\u{1c}'..='\u{1f}').contains(&c)
}

/// `\w` of Python's `re` on `str`.
fn is_word(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}

/// `\d` of Python's `re` on `str` (decimal digits).
fn is_decimal(c: char) -> bool {
    c.is_ascii_digit() || (!c.is_ascii() && c.is_numeric() && !c.is_alphabetic())
}

/// Python truthiness of a JSON value.
fn truthy(v: Option<&Value>) -> bool {
    match v {
        None | Some(Value::Null) => false,
        Some(Value::Bool(b)) => *b,
        Some(Value::Number(n)) => n.as_f64().is_some_and(|x| x != 0.0),
        Some(Value::String(s)) => !s.is_empty(),
        Some(Value::Array(a)) => !a.is_empty(),
        Some(Value::Object(o)) => !o.is_empty(),
    }
}

/// `str(v)` of a JSON scalar, as Python would print it.
fn py_str(v: &Value) -> String {
    match v {
        Value::Null => "None".into(),
        Value::Bool(true) => "True".into(),
        Value::Bool(false) => "False".into(),
        Value::String(s) => s.clone(),
        Value::Number(n) => match (n.as_i64(), n.as_u64(), n.as_f64()) {
            (Some(i), _, _) => i.to_string(),
            (_, Some(u), _) => u.to_string(),
            (_, _, Some(f)) if f.fract() == 0.0 && f.abs() < 1e16 => format!("{f:.1}"),
            _ => n.to_string(),
        },
        other => other.to_string(),
    }
}

/// `int(v)`.
fn py_int(v: &Value) -> Result<i64, String> {
    match v {
        Value::Number(n) => n
            .as_i64()
            .or_else(|| n.as_f64().map(|f| f.trunc() as i64))
            .ok_or_else(|| format!("offset out of range: {n}")),
        Value::Bool(b) => Ok(i64::from(*b)),
        Value::String(s) => s
            .trim_matches(py_isspace)
            .parse()
            .map_err(|_| format!("invalid offset {s:?}")),
        other => Err(format!("invalid offset {other}")),
    }
}

/// A JSON number as a float, for the raw comparisons the script makes on speaker spans.
fn number(v: &Value) -> Option<f64> {
    v.as_f64()
}

fn as_object<'v>(v: &'v Value, what: &str) -> Result<&'v Map<String, Value>, String> {
    v.as_object()
        .ok_or_else(|| format!("{what}: expected a JSON object, got {v}"))
}

/// `doc.get(layer) or []` as a list of objects.
fn items<'v>(
    doc: &'v Map<String, Value>,
    layer: &str,
) -> Result<Vec<&'v Map<String, Value>>, String> {
    match doc.get(layer) {
        Some(Value::Array(list)) => list.iter().map(|item| as_object(item, layer)).collect(),
        v if !truthy(v) => Ok(Vec::new()),
        _ => Err(format!("{layer}: expected a list")),
    }
}

// ------------------------------------------------------------------------------------------ spans

fn is_quote_mark(c: char) -> bool {
    QUOTE_MARKS.contains(c)
}

/// Shrinks a quote span: strips white space and quote marks at both ends, punctuation at the end.
pub fn normalize_quote_span(text: &[char], start: i64, end: i64) -> Range {
    let (mut start, mut end) = (start.max(0), end.min(text.len() as i64));
    let at = |i: i64| text[i as usize];
    let mut changed = true;
    while changed && start < end {
        changed = false;
        while start < end && (py_isspace(at(start)) || is_quote_mark(at(start))) {
            start += 1;
            changed = true;
        }
        while start < end && {
            let c = at(end - 1);
            py_isspace(c) || is_quote_mark(c) || TRAILING_PUNCT.contains(c)
        } {
            end -= 1;
            changed = true;
        }
    }
    (start, end)
}

fn overlap(a: Range, b: Range) -> i64 {
    (a.1.min(b.1) - a.0.max(b.0)).max(0)
}

/// Empty spans overlap only a span at the identical position.
fn spans_overlap(a: Range, b: Range) -> bool {
    if a.0 == a.1 || b.0 == b.1 {
        return a == b;
    }
    overlap(a, b) > 0
}

/// One-to-one exact matching; returns (gold index, predicted index) pairs.
pub fn match_strict(gold: &[Range], pred: &[Range]) -> Vec<(usize, usize)> {
    let mut free: HashMap<Range, std::collections::VecDeque<usize>> = HashMap::new();
    for (i, g) in gold.iter().enumerate() {
        free.entry(*g).or_default().push_back(i);
    }
    let mut pairs = Vec::new();
    for (j, p) in pred.iter().enumerate() {
        if let Some(i) = free.get_mut(p).and_then(|q| q.pop_front()) {
            pairs.push((i, j));
        }
    }
    pairs
}

/// One-to-one greedy matching of overlapping spans, best pairs first: exact matches, then a higher
/// overlap/union ratio, then a larger overlap, then the lower gold and predicted indices.
pub fn match_relaxed(gold: &[Range], pred: &[Range]) -> Vec<(usize, usize)> {
    struct Candidate {
        inexact: bool,
        ratio: f64,
        overlap: i64,
        gold: usize,
        pred: usize,
    }
    let mut candidates = Vec::new();
    for (i, &g) in gold.iter().enumerate() {
        for (j, &p) in pred.iter().enumerate() {
            if spans_overlap(g, p) {
                let ov = overlap(g, p);
                let union = g.1.max(p.1) - g.0.min(p.0);
                candidates.push(Candidate {
                    inexact: g != p,
                    ratio: if union != 0 {
                        ov as f64 / union as f64
                    } else {
                        1.0
                    },
                    overlap: ov,
                    gold: i,
                    pred: j,
                });
            }
        }
    }
    candidates.sort_by(|a, b| {
        a.inexact
            .cmp(&b.inexact)
            .then(b.ratio.total_cmp(&a.ratio))
            .then(b.overlap.cmp(&a.overlap))
            .then(a.gold.cmp(&b.gold))
            .then(a.pred.cmp(&b.pred))
    });
    let mut used_gold = vec![false; gold.len()];
    let mut used_pred = vec![false; pred.len()];
    let mut pairs = Vec::new();
    for c in candidates {
        if !used_gold[c.gold] && !used_pred[c.pred] {
            used_gold[c.gold] = true;
            used_pred[c.pred] = true;
            pairs.push((c.gold, c.pred));
        }
    }
    pairs
}

// ------------------------------------------------------------------------------------------ values

/// A TIMEX3 value trimmed and upper-cased; `None` when absent or blank.
fn norm_value(v: Option<&Value>) -> Option<String> {
    match v {
        None | Some(Value::Null) => None,
        Some(v) => {
            let s = py_str(v).trim_matches(py_isspace).to_uppercase();
            (!s.is_empty()).then_some(s)
        }
    }
}

/// Whether a predicted value matches the gold one. With `wildcard`, an `X` in the gold matches a
/// digit (or `X`) in a prediction of the same length.
pub fn values_match(gold: Option<&Value>, pred: Option<&Value>, wildcard: bool) -> bool {
    let (Some(g), Some(p)) = (norm_value(gold), norm_value(pred)) else {
        return false;
    };
    if g == p {
        return true;
    }
    if wildcard && g.contains('X') && g.chars().count() == p.chars().count() {
        return g
            .chars()
            .zip(p.chars())
            .all(|(gc, pc)| gc == pc || (gc == 'X' && (pc.is_numeric() || pc == 'X')));
    }
    false
}

// ------------------------------------------------------------------------------------------ speakers

/// The subset of NFKC that changes Latin names: full-width forms, ligatures, compatibility spaces.
fn fold_compatibility(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    for c in name.chars() {
        match c {
            '\u{ff01}'..='\u{ff5e}' => {
                out.push(char::from_u32(c as u32 - 0xfee0).unwrap_or(c));
            }
            '\u{fb00}' => out.push_str("ff"),
            '\u{fb01}' => out.push_str("fi"),
            '\u{fb02}' => out.push_str("fl"),
            '\u{fb03}' => out.push_str("ffi"),
            '\u{fb04}' => out.push_str("ffl"),
            '\u{fb05}' | '\u{fb06}' => out.push_str("st"),
            '\u{00a0}' | '\u{2000}'..='\u{200a}' | '\u{202f}' | '\u{205f}' | '\u{3000}' => {
                out.push(' ')
            }
            _ => out.push(c),
        }
    }
    out
}

/// Drops possessive endings (`'s` or `’s` followed by a non-word character or the end).
fn drop_possessives(name: &str) -> String {
    let chars: Vec<char> = name.chars().collect();
    let mut out = String::with_capacity(name.len());
    let mut i = 0;
    while i < chars.len() {
        let possessive = matches!(chars[i], '\'' | '\u{2019}')
            && chars.get(i + 1) == Some(&'s')
            && chars.get(i + 2).is_none_or(|&c| !is_word(c));
        if possessive {
            i += 2;
        } else {
            out.push(chars[i]);
            i += 1;
        }
    }
    out
}

/// Lower-cased words of a name without titles (all words if only titles remain).
pub fn name_tokens(name: &str) -> Vec<String> {
    let name = drop_possessives(&fold_compatibility(name).to_lowercase());
    let tokens: Vec<String> = name
        .split(|c: char| !is_word(c))
        .filter(|t| !t.is_empty())
        .map(str::to_string)
        .collect();
    let kept: Vec<String> = tokens
        .iter()
        .filter(|t| !TITLE_WORDS.contains(&t.as_str()))
        .cloned()
        .collect();
    if kept.is_empty() {
        tokens
    } else {
        kept
    }
}

/// A speaker as a trimmed non-empty string, if any.
fn speaker_text(v: Option<&Value>) -> Option<String> {
    if !truthy(v) {
        return None;
    }
    let s = py_str(v?);
    let s = s.trim_matches(py_isspace);
    (!s.is_empty()).then(|| s.to_string())
}

/// Names match when either's last word appears among the other's words (titles ignored); two
/// unknown speakers match too.
pub fn speakers_match(gold: Option<&Value>, pred: Option<&Value>) -> bool {
    let (Some(gold), Some(pred)) = (speaker_text(gold), speaker_text(pred)) else {
        return speaker_text(gold).is_none() && speaker_text(pred).is_none();
    };
    let (g, p) = (name_tokens(&gold), name_tokens(&pred));
    match (g.last(), p.last()) {
        (Some(g_last), Some(p_last)) => p.contains(g_last) || g.contains(p_last),
        _ => false,
    }
}

/// A gold speaker that names someone: a capitalized word that is neither a title nor a pronoun.
pub fn is_named(speaker: &str) -> bool {
    let chars: Vec<char> = speaker.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if !(is_word(c) && !is_decimal(c) && c != '_') {
            i += 1;
            continue;
        }
        let start = i;
        i += 1;
        while i < chars.len()
            && (is_word(chars[i]) || matches!(chars[i], '\'' | '\u{2019}' | '.' | '-'))
        {
            i += 1;
        }
        let word: String = chars[start..i].iter().collect();
        let bare = word.to_lowercase();
        let bare = bare.trim_matches('.');
        if c.is_uppercase() && !TITLE_WORDS.contains(&bare) && !PRONOUNS.contains(&bare) {
            return true;
        }
    }
    false
}

/// `[[start, end], …]` as pairs of numbers (anything else is skipped).
fn pairs_of(v: Option<&Value>) -> Vec<(f64, f64)> {
    let Some(Value::Array(list)) = v else {
        return Vec::new();
    };
    list.iter()
        .filter_map(|pair| match pair.as_array().map(Vec::as_slice) {
            Some([s, e]) => Some((number(s)?, number(e)?)),
            _ => None,
        })
        .collect()
}

/// True when a predicted speaker mention overlaps a gold one (a resolved pronoun or description).
fn speaker_spans_overlap(gold: Option<&Value>, pred: Option<&Value>) -> bool {
    let pred = pairs_of(pred);
    pairs_of(gold)
        .into_iter()
        .any(|(gs, ge)| pred.iter().any(|&(ps, pe)| ge.min(pe) > gs.max(ps)))
}

// ------------------------------------------------------------------------------------------ scoring

/// Precision, recall and F1 from counts (0 where undefined).
pub fn prf(tp: usize, n_pred: usize, n_gold: usize) -> Prf {
    let p = if n_pred > 0 {
        tp as f64 / n_pred as f64
    } else {
        0.0
    };
    let r = if n_gold > 0 {
        tp as f64 / n_gold as f64
    } else {
        0.0
    };
    let f1 = if p + r != 0.0 {
        2.0 * p * r / (p + r)
    } else {
        0.0
    };
    Prf {
        p,
        r,
        f1,
        tp,
        pred: n_pred,
        gold: n_gold,
    }
}

fn ratio(n: usize, of: usize) -> f64 {
    if of > 0 {
        n as f64 / of as f64
    } else {
        0.0
    }
}

/// The spans of `layer` in `doc`, quote spans normalized against `text`.
fn layer_spans(
    doc_items: &[&Map<String, Value>],
    layer: &str,
    text: &[char],
) -> Result<Vec<Range>, String> {
    doc_items
        .iter()
        .map(|item| {
            let field = |k: &str| {
                item.get(k)
                    .ok_or_else(|| format!("{layer}: an item has no {k:?}"))
                    .and_then(py_int)
            };
            let (s, e) = (field("start")?, field("end")?);
            Ok(if layer == "quotes" {
                normalize_quote_span(text, s, e)
            } else {
                (s, e)
            })
        })
        .collect()
}

#[derive(Default)]
struct Tally {
    docs: usize,
    gold: usize,
    pred: usize,
    strict_tp: usize,
    relaxed_tp: usize,
}

/// Scores `pred_docs` against `gold_docs` (joined by `id`). `wildcard_values` lets gold `X`
/// placeholders match filled-in digits in documents without a `dct`.
pub fn score(
    gold_docs: &[Value],
    pred_docs: &[Value],
    wildcard_values: bool,
) -> Result<Scores, String> {
    let mut preds: HashMap<String, &Map<String, Value>> = HashMap::new();
    for doc in pred_docs {
        let doc = as_object(doc, "prediction")?;
        preds.insert(id_key(doc), doc);
    }
    let empty = Map::new();
    let mut tallies: [Tally; 4] = Default::default();
    let (mut dates_matched, mut value_ok, mut type_ok, mut pred_with_value) = (0, 0, 0, 0);
    let (mut eligible, mut correct, mut e2e_tp, mut named_eligible, mut named_correct) =
        (0, 0, 0, 0, 0);
    let mut by_rule: BTreeMap<String, (usize, usize)> = BTreeMap::new();
    let mut missing = 0;
    for gdoc in gold_docs {
        let gdoc = as_object(gdoc, "gold document")?;
        let pdoc = preds.get(&id_key(gdoc)).copied().unwrap_or_else(|| {
            missing += 1;
            &empty
        });
        // Spans are located in the gold text (predictions must be on the same text).
        let text: Vec<char> = gdoc
            .get("text")
            .and_then(Value::as_str)
            .unwrap_or("")
            .chars()
            .collect();
        let layers = match gdoc.get("layers") {
            Some(Value::Array(list)) => list.as_slice(),
            _ => &[],
        };
        for layer in layers {
            let Some(layer_idx) = LAYERS.iter().position(|l| Some(*l) == layer.as_str()) else {
                continue;
            };
            let layer = LAYERS[layer_idx];
            let g_items = items(gdoc, layer)?;
            let p_items = items(pdoc, layer)?;
            let g_spans = layer_spans(&g_items, layer, &text)?;
            let p_spans = layer_spans(&p_items, layer, &text)?;
            let tally = &mut tallies[layer_idx];
            tally.docs += 1;
            tally.gold += g_spans.len();
            tally.pred += p_spans.len();
            tally.strict_tp += match_strict(&g_spans, &p_spans).len();
            let pairs = match_relaxed(&g_spans, &p_spans);
            tally.relaxed_tp += pairs.len();
            if layer == "dates" {
                pred_with_value += p_items
                    .iter()
                    .filter(|x| norm_value(x.get("value")).is_some())
                    .count();
                let wildcard = wildcard_values && !truthy(gdoc.get("dct"));
                for &(i, j) in &pairs {
                    dates_matched += 1;
                    value_ok += usize::from(values_match(
                        g_items[i].get("value"),
                        p_items[j].get("value"),
                        wildcard,
                    ));
                    let (gt, pt) = (g_items[i].get("type"), p_items[j].get("type"));
                    type_ok += usize::from(
                        truthy(gt)
                            && truthy(pt)
                            && gt.map(py_str).map(|s| s.to_uppercase())
                                == pt.map(py_str).map(|s| s.to_uppercase()),
                    );
                }
            }
            if layer == "quotes" {
                for &(i, j) in &pairs {
                    let (gs, ps) = (g_items[i].get("speaker"), p_items[j].get("speaker"));
                    let ok = speakers_match(gs, ps)
                        || speaker_spans_overlap(
                            g_items[i].get("speaker_spans"),
                            p_items[j].get("speaker_spans"),
                        );
                    if speaker_text(gs).is_some() {
                        eligible += 1;
                        correct += usize::from(ok);
                        let rule = p_items[j]
                            .get("rule")
                            .and_then(Value::as_str)
                            .unwrap_or("-");
                        let tally = by_rule.entry(rule.to_string()).or_default();
                        tally.0 += 1;
                        tally.1 += usize::from(ok);
                        if is_named(&gold_speaker_raw(gs).unwrap_or_default()) {
                            named_eligible += 1;
                            named_correct += usize::from(ok);
                        }
                    }
                    e2e_tp += usize::from(ok);
                }
            }
        }
    }
    let layers = LAYERS
        .iter()
        .zip(&tallies)
        .filter(|(_, t)| t.docs > 0)
        .map(|(&layer, t)| LayerScores {
            layer,
            docs: t.docs,
            strict: prf(t.strict_tp, t.pred, t.gold),
            relaxed: prf(t.relaxed_tp, t.pred, t.gold),
            dates: (layer == "dates").then(|| DateScores {
                value_accuracy: ratio(value_ok, dates_matched),
                type_accuracy: ratio(type_ok, dates_matched),
                value: prf(value_ok, t.pred, t.gold),
                timex_type: prf(type_ok, t.pred, t.gold),
                pred_with_value,
            }),
            speakers: (layer == "quotes").then(|| SpeakerScores {
                accuracy: ratio(correct, eligible),
                eligible,
                correct,
                named_accuracy: ratio(named_correct, named_eligible),
                named_eligible,
                quote_speaker: prf(e2e_tp, t.pred, t.gold),
            }),
            speaker_rules: if layer == "quotes" {
                by_rule
                    .iter()
                    .map(|(rule, &(eligible, correct))| RuleTally {
                        rule: rule.clone(),
                        eligible,
                        correct,
                    })
                    .collect()
            } else {
                Vec::new()
            },
        })
        .collect();
    Ok(Scores {
        documents: gold_docs.len(),
        missing_predictions: missing,
        layers,
    })
}

/// The gold speaker exactly as written (`is_named` looks at it untrimmed, as the script does).
fn gold_speaker_raw(v: Option<&Value>) -> Option<String> {
    v.filter(|v| !v.is_null()).map(py_str)
}

/// The join key of a document: its `id` as JSON (absent and null are the same key).
fn id_key(doc: &Map<String, Value>) -> String {
    doc.get("id").unwrap_or(&Value::Null).to_string()
}

// ------------------------------------------------------------------------------------------ output

fn pct(x: f64) -> String {
    format!("{:5.1}", 100.0 * x)
}

/// The table `score.py` prints.
/// Speaker accuracy per attribution rule, most used first (`annotate eval --by-rule`).
pub fn format_rules(res: &Scores) -> String {
    let Some(quotes) = res.layer("quotes") else {
        return "no quotes layer in the gold".to_string();
    };
    let mut rules: Vec<&RuleTally> = quotes.speaker_rules.iter().collect();
    rules.sort_unstable_by(|a, b| b.eligible.cmp(&a.eligible).then(a.rule.cmp(&b.rule)));
    let mut lines = vec![format!(
        "{:<28} {:>7} {:>7} {:>6}",
        "speaker rule", "quotes", "right", "acc"
    )];
    for r in rules {
        lines.push(format!(
            "{:<28} {:>7} {:>7} {}",
            r.rule,
            r.eligible,
            r.correct,
            pct(ratio(r.correct, r.eligible))
        ));
    }
    lines.join("\n")
}

pub fn format_table(res: &Scores) -> String {
    let mut lines = vec![
        format!(
            "documents: {}  (without prediction: {})",
            res.documents, res.missing_predictions
        ),
        format!(
            "{:<8} {:>5} {:>6} {:>6} | {:>5} {:>5} {:>5} | {:>5} {:>5} {:>5}",
            "layer", "docs", "gold", "pred", "sP", "sR", "sF1", "rP", "rR", "rF1"
        ),
    ];
    for e in &res.layers {
        let (s, r) = (e.strict, e.relaxed);
        lines.push(format!(
            "{:<8} {:>5} {:>6} {:>6} | {} {} {} | {} {} {}",
            e.layer,
            e.docs,
            s.gold,
            s.pred,
            pct(s.p),
            pct(s.r),
            pct(s.f1),
            pct(r.p),
            pct(r.r),
            pct(r.f1)
        ));
    }
    if let Some(d) = res.layer("dates").and_then(|l| l.dates) {
        lines.push(format!(
            "dates: value acc {}  type acc {}  value F1 {}  type F1 {}  (preds with a value: {})",
            pct(d.value_accuracy),
            pct(d.type_accuracy),
            pct(d.value.f1),
            pct(d.timex_type.f1),
            d.pred_with_value
        ));
    }
    if let Some(q) = res.layer("quotes").and_then(|l| l.speakers) {
        lines.push(format!(
            "speakers: attribution acc {} ({}/{})  quote+speaker P {} R {} F1 {}",
            pct(q.accuracy),
            q.correct,
            q.eligible,
            pct(q.quote_speaker.p),
            pct(q.quote_speaker.r),
            pct(q.quote_speaker.f1)
        ));
        lines.push(format!(
            "speakers named in the gold (no pronoun or description): attribution acc {} (of {})",
            pct(q.named_accuracy),
            q.named_eligible
        ));
    }
    lines.join("\n")
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    /// Scores one gold and one predicted document list and compares the printed table.
    fn check(gold: Value, pred: Value, expect: &str) {
        let as_list = |v: Value| match v {
            Value::Array(list) => list,
            other => vec![other],
        };
        let scores = score(&as_list(gold), &as_list(pred), true).unwrap();
        assert_eq!(format_table(&scores), expect.trim_start_matches('\n'));
    }

    #[test]
    fn speaker_accuracy_is_reported_per_rule() {
        let text = "\"Yes,\" said Ann. \"No,\" said Bob. \"Maybe,\" he said.";
        let gold = json!({"id": "d", "text": text, "layers": ["quotes"], "quotes": [
            {"start": 1, "end": 4, "speaker": "Ann"},
            {"start": 19, "end": 21, "speaker": "Bob"},
            {"start": 34, "end": 39, "speaker": "Bob"}]});
        let pred = json!({"id": "d", "quotes": [
            {"start": 1, "end": 4, "speaker": "Ann", "rule": "quote-verb-source"},
            {"start": 19, "end": 21, "speaker": "Ann", "rule": "quote-verb-source"},
            {"start": 34, "end": 39, "speaker": "Bob"}]});
        let scores = score(&[gold], &[pred], true).unwrap();
        assert_eq!(
            format_rules(&scores),
            "speaker rule                  quotes   right    acc\n\
             quote-verb-source                  2       1  50.0\n\
             -                                  1       1 100.0"
        );
    }

    #[test]
    fn quote_spans_lose_marks_space_and_trailing_punctuation() {
        let text: Vec<char> = " \u{201c}We won, \u{201d}he said".chars().collect();
        assert_eq!(normalize_quote_span(&text, 0, 10), (2, 8));
        assert_eq!(normalize_quote_span(&text, -4, 99), (2, 18));
        let only_marks: Vec<char> = "\"\u{1f}\"".chars().collect();
        assert_eq!(normalize_quote_span(&only_marks, 0, 3), (3, 3));
    }

    #[test]
    fn relaxed_matching_prefers_exact_then_ratio_then_overlap_then_order() {
        assert_eq!(match_relaxed(&[(0, 10)], &[(0, 5), (0, 10)]), [(0, 1)]);
        assert_eq!(match_relaxed(&[(0, 10), (8, 12)], &[(5, 12)]), [(1, 0)]);
        assert_eq!(match_relaxed(&[(0, 4), (4, 8)], &[(2, 6)]), [(0, 0)]);
        assert_eq!(match_relaxed(&[(3, 3)], &[(3, 3), (2, 4)]), [(0, 0)]);
        assert!(match_relaxed(&[(3, 3)], &[(2, 4)]).is_empty());
        assert_eq!(
            match_strict(&[(1, 2), (1, 2)], &[(1, 2), (1, 2), (1, 2)]).len(),
            2
        );
    }

    #[test]
    fn date_values_match_with_wildcards_only_when_asked() {
        let v = |s: &str| Some(json!(s));
        assert!(values_match(
            v("XXXX-08-19").as_ref(),
            v("2025-08-19").as_ref(),
            true
        ));
        assert!(!values_match(
            v("XXXX-08-19").as_ref(),
            v("2025-08-19").as_ref(),
            false
        ));
        assert!(values_match(v(" p3d ").as_ref(), v("P3D").as_ref(), false));
        assert!(!values_match(
            v("XXXX-08").as_ref(),
            v("2025-08-19").as_ref(),
            true
        ));
        assert!(!values_match(None, None, true));
        assert!(values_match(Some(&json!(2013)), v("2013").as_ref(), false));
    }

    #[test]
    fn speakers_match_by_last_name_without_titles() {
        let v = |s: &str| Some(json!(s));
        assert!(speakers_match(
            v("President Barack Obama").as_ref(),
            v("Obama").as_ref()
        ));
        assert!(speakers_match(
            v("Mr. Trump's").as_ref(),
            v("Donald Trump").as_ref()
        ));
        assert!(speakers_match(None, v("  ").as_ref()));
        assert!(!speakers_match(v("Clinton").as_ref(), None));
        assert!(!speakers_match(
            v("Hillary Clinton").as_ref(),
            v("Bernie Sanders").as_ref()
        ));
        assert!(speakers_match(
            v("\u{ff2f}bama").as_ref(),
            v("obama").as_ref()
        ));
        assert_eq!(name_tokens("The President"), ["the", "president"]);
        assert!(is_named("Kellyanne Conway"));
        assert!(is_named("Mr. Trump"));
        assert!(!is_named("he"));
        assert!(!is_named("the newspaper"));
        assert!(!is_named("The President"));
    }

    #[test]
    fn table_of_a_small_evaluation() {
        let text = "\u{201c}We will win,\u{201d} he said on Monday in Paris. Smith agreed.";
        let gold = json!([
            {"id": "a", "text": text, "dct": null, "layers": ["quotes", "dates", "places", "people"],
             "quotes": [{"start": 1, "end": 12, "speaker": "John Smith", "speaker_spans": [[15, 17]]}],
             "dates": [{"start": 26, "end": 32, "type": "DATE", "value": "XXXX-WXX-1"}],
             "places": [{"start": 36, "end": 41}],
             "people": [{"start": 43, "end": 48}]},
            {"id": "b", "text": "", "layers": ["people"], "people": []}
        ]);
        let pred = json!([
            {"id": "a",
             "quotes": [{"start": 0, "end": 14, "speaker": "he", "speaker_spans": [[15, 17]]}],
             "dates": [{"start": 23, "end": 32, "type": "DATE", "value": "XXXX-WXX-1"},
                       {"start": 36, "end": 41, "type": "DATE", "value": "2025"}],
             "places": [],
             "people": [{"start": 43, "end": 48}]}
        ]);
        check(
            gold,
            pred,
            "
documents: 2  (without prediction: 1)
layer     docs   gold   pred |    sP    sR   sF1 |    rP    rR   rF1
quotes       1      1      1 | 100.0 100.0 100.0 | 100.0 100.0 100.0
people       2      1      1 | 100.0 100.0 100.0 | 100.0 100.0 100.0
places       1      1      0 |   0.0   0.0   0.0 |   0.0   0.0   0.0
dates        1      1      2 |   0.0   0.0   0.0 |  50.0 100.0  66.7
dates: value acc 100.0  type acc 100.0  value F1  66.7  type F1  66.7  (preds with a value: 2)
speakers: attribution acc 100.0 (1/1)  quote+speaker P 100.0 R 100.0 F1 100.0
speakers named in the gold (no pronoun or description): attribution acc 100.0 (of 1)",
        );
    }

    #[test]
    fn bad_input_is_an_error_not_a_panic() {
        assert!(parse_jsonl("{\"id\": 1}\n\n{oops", "gold")
            .unwrap_err()
            .starts_with("gold:3:"));
        assert_eq!(parse_jsonl("{}\r{}\r\n\r\n{}\n", "gold").unwrap().len(), 3);
        let gold = json!([{"id": "a", "text": "x", "layers": ["people"], "people": [{"end": 1}]}]);
        assert!(score(gold.as_array().unwrap(), &[], true).is_err());
    }
}
