//! Runs the date rules' patterns over text, fast: a gate picks the rules a paragraph can match,
//! a lazy DFA finds each match, and a PikeVM reads its groups on the matched span only.
//!
//! Owns the matching machinery (regex-automata's engines used directly, compiled per rule on first
//! use, caches kept per thread) and the `Captures` view the rules' build functions read. It does
//! not know what any rule means (see `rules.rs`).

use std::cell::RefCell;
use std::sync::OnceLock;

use aho_corasick::AhoCorasick;
use regex_automata::hybrid::dfa::DFA;
use regex_automata::hybrid::regex::{Cache as FindCache, Regex as Finder};
use regex_automata::nfa::thompson::pikevm::{Cache as GroupCache, PikeVM};
use regex_automata::nfa::thompson::{self, WhichCaptures};
use regex_automata::util::captures::Captures as Slots;
use regex_automata::util::iter::Searcher;
use regex_automata::util::syntax;
use regex_automata::{Anchored, Input, MatchKind};

use super::rules::{expand, RULES};
use crate::lexicon::time_words::list_words;

/// The groups of one match, as the rules' build functions read them.
pub struct Captures<'h> {
    haystack: &'h str,
    slots: &'h Slots,
}

/// One matched group: its byte range in the searched text and the text itself.
#[derive(Debug, Clone, Copy)]
pub struct Group<'h> {
    start: usize,
    end: usize,
    text: &'h str,
}

impl<'h> Group<'h> {
    /// Start byte offset in the searched text.
    pub fn start(&self) -> usize {
        self.start
    }

    /// End byte offset in the searched text.
    pub fn end(&self) -> usize {
        self.end
    }

    /// The group's text.
    pub fn as_str(&self) -> &'h str {
        self.text
    }
}

impl<'h> Captures<'h> {
    fn group(&self, span: Option<regex_automata::Span>) -> Option<Group<'h>> {
        let span = span?;
        Some(Group {
            start: span.start,
            end: span.end,
            text: self.haystack.get(span.start..span.end)?,
        })
    }

    /// The whole match (`0`) or a numbered group.
    pub fn get(&self, index: usize) -> Option<Group<'h>> {
        self.group(self.slots.get_group(index))
    }

    /// A named group, when it took part in the match.
    pub fn name(&self, name: &str) -> Option<Group<'h>> {
        self.group(self.slots.get_group_by_name(name))
    }
}

/// One rule's compiled pattern.
struct Pattern {
    finder: Finder,
    groups: PikeVM,
}

impl Pattern {
    fn compile(pattern: &str) -> Result<Pattern, String> {
        let hir = syntax::parse(pattern).map_err(|e| e.to_string())?;
        let forward = thompson::Compiler::new()
            .build_from_hir(&hir)
            .map_err(|e| e.to_string())?;
        let reverse = thompson::Compiler::new()
            .configure(
                thompson::Config::new()
                    .reverse(true)
                    .which_captures(WhichCaptures::None),
            )
            .build_from_hir(&hir)
            .map_err(|e| e.to_string())?;
        // As regex-automata's own hybrid regex builds them: the reverse DFA finds the start.
        let forward_dfa = DFA::builder()
            .build_from_nfa(forward.clone())
            .map_err(|e| e.to_string())?;
        let reverse_dfa = DFA::builder()
            .configure(
                DFA::config()
                    .prefilter(None)
                    .specialize_start_states(false)
                    .match_kind(MatchKind::All),
            )
            .build_from_nfa(reverse)
            .map_err(|e| e.to_string())?;
        Ok(Pattern {
            finder: Finder::builder().build_from_dfas(forward_dfa, reverse_dfa),
            groups: PikeVM::new_from_nfa(forward).map_err(|e| e.to_string())?,
        })
    }
}

/// Rule `rule`'s pattern (an index into [`RULES`]), compiled on first use: a short article never
/// pays for the rules it cannot match.
fn pattern(rule: usize) -> &'static Pattern {
    static COMPILED: OnceLock<Vec<OnceLock<Pattern>>> = OnceLock::new();
    COMPILED.get_or_init(|| RULES.iter().map(|_| OnceLock::new()).collect())[rule].get_or_init(
        || match Pattern::compile(&expand(RULES[rule].pattern)) {
            Ok(p) => p,
            Err(e) => panic!("date rule {}: {e}", RULES[rule].name),
        },
    )
}

/// Compiles every rule's pattern and builds the gate now rather than on first use.
pub fn prepare() {
    RuleGate::get();
    for rule in 0..RULES.len() {
        pattern(rule);
    }
}

/// Search state for one rule, reused across calls on the same thread.
struct Scratch {
    find: FindCache,
    groups: GroupCache,
    slots: Slots,
}

thread_local! {
    static SCRATCH: RefCell<Vec<Option<Scratch>>> = const { RefCell::new(Vec::new()) };
}

/// Calls `visit` with every match of rule `rule` in `haystack`, leftmost-first and
/// non-overlapping, in order.
pub fn for_each_match(rule: usize, haystack: &str, mut visit: impl FnMut(&Captures)) {
    let pattern = pattern(rule);
    SCRATCH.with(|cell| {
        let mut all = cell.borrow_mut();
        if all.len() < RULES.len() {
            all.resize_with(RULES.len(), || None);
        }
        let scratch = all[rule].get_or_insert_with(|| Scratch {
            find: pattern.finder.create_cache(),
            groups: pattern.groups.create_cache(),
            slots: pattern.groups.create_captures(),
        });
        let mut searcher = Searcher::new(Input::new(haystack));
        // The lazy DFA cannot fail on these ASCII patterns (no quit bytes, no give-up limit);
        // should it ever, the search ends with the matches found so far.
        while let Ok(Some(found)) =
            searcher.try_advance(|input| pattern.finder.try_search(&mut scratch.find, input))
        {
            let span = Input::new(haystack)
                .span(found.span())
                .anchored(Anchored::Yes);
            pattern
                .groups
                .search(&mut scratch.groups, &span, &mut scratch.slots);
            if scratch.slots.is_match() {
                visit(&Captures {
                    haystack,
                    slots: &scratch.slots,
                });
            }
        }
    });
}

/// A set of rules, bit `i` standing for `RULES[i]`.
pub type RuleSet = u64;

/// The rules worth running on one paragraph, from their `needs`: one automaton pass instead of a
/// regex search per rule, since most paragraphs can match only a few rules.
pub struct RuleGate {
    needs: AhoCorasick,
    /// For each pattern of `needs`, the rules it lets through.
    rules_of_need: Vec<RuleSet>,
    /// The rules that need an ASCII digit.
    digit_rules: RuleSet,
}

impl RuleGate {
    /// The gate for [`RULES`], built once.
    pub fn get() -> &'static RuleGate {
        static GATE: OnceLock<RuleGate> = OnceLock::new();
        GATE.get_or_init(RuleGate::build)
    }

    fn build() -> RuleGate {
        assert!(
            RULES.len() <= RuleSet::BITS as usize,
            "RuleSet is too small"
        );
        let mut patterns: Vec<String> = Vec::new();
        let mut rules_of_need: Vec<RuleSet> = Vec::new();
        let mut digit_rules = 0;
        for (i, rule) in RULES.iter().enumerate() {
            let bit = 1 << i;
            for need in rule.needs {
                let words = match need.strip_prefix('{').and_then(|n| n.strip_suffix('}')) {
                    Some("digit") => {
                        digit_rules |= bit;
                        continue;
                    }
                    Some(list) => list_words(list),
                    None => vec![*need],
                };
                for word in words {
                    let word = word.to_ascii_lowercase();
                    match patterns.iter().position(|p| *p == word) {
                        Some(at) => rules_of_need[at] |= bit,
                        None => {
                            patterns.push(word);
                            rules_of_need.push(bit);
                        }
                    }
                }
            }
        }
        let needs = AhoCorasick::builder()
            .ascii_case_insensitive(true)
            .build(&patterns)
            .expect("a few hundred short words always build");
        RuleGate {
            needs,
            rules_of_need,
            digit_rules,
        }
    }

    /// The rules that may match somewhere in `text`.
    pub fn rules_for(&self, text: &str) -> RuleSet {
        let mut rules = if text.bytes().any(|b| b.is_ascii_digit()) {
            self.digit_rules
        } else {
            0
        };
        for found in self.needs.find_overlapping_iter(text) {
            rules |= self.rules_of_need[found.pattern().as_usize()];
        }
        rules
    }
}
