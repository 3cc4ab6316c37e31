//! Runs the date rules' patterns over text, fast: a gate picks the rules a paragraph can match
//! (one pass looking up the words each rule needs at every word start), a lazy DFA per rule it
//! lets through finds each match, searching only near the places the gate found the rule's needs
//! when the rule's matches have a longest length, and a bounded backtracker reads its groups on the
//! matched span only (on spans this short it is faster than a PikeVM), once for each distinct
//! match in a text (`ReadGroups`).
//!
//! Owns the matching machinery (regex-automata's engines used directly, made per rule on first use
//! from the NFAs `automata` stores, their caches in each thread's [`SearchState`])
//! and the `Captures` view the rules' build functions read. It does not know what any rule means
//! (see `rules.rs`).

use crate::bit_set::{ones, BitSet};
use crate::fast_hash::FastMap;
use crate::lanes::{for_each_word_start_or, next_digit};
use crate::sorting;
use std::cell::RefCell;
use std::sync::{Mutex, OnceLock};

use regex_automata::hybrid::dfa::Cache as DfaCache;
use regex_automata::hybrid::dfa::DFA;
use regex_automata::nfa::thompson::backtrack::{BoundedBacktracker, Cache as GroupCache};
use regex_automata::util::captures::Captures as Slots;
use regex_automata::util::iter::Searcher;
use regex_automata::util::primitives::NonMaxUsize;
use regex_automata::{Anchored, Input, Match, MatchError, MatchKind, PatternID};

use super::automata;
use super::rules::{is_case_sensitive_list, RULES};
use crate::lexicon::time_words::list_words;

/// The groups of one match, as the rules' build functions read them.
pub struct Captures<'h> {
    haystack: &'h str,
    slots: &'h Slots,
    /// The pattern's group names by group index.
    names: &'h [Option<Box<str>>],
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

    /// A named group, when it took part in the match. Found by comparing the few names of the
    /// pattern (regex-automata's own lookup hashes the name with SipHash, dearer than that).
    pub fn name(&self, name: &str) -> Option<Group<'h>> {
        let index = self.names.iter().position(|n| n.as_deref() == Some(name))?;
        self.get(index)
    }
}

/// One rule's compiled pattern.
struct Pattern {
    /// Finds where each match ends (and that there is one).
    forward: DFA,
    /// Finds where a match found forward starts. Built on the rule's first match: in a given
    /// text most rules never match.
    reverse: OnceLock<DFA>,
    /// The rule's index in [`RULES`], for building `reverse`.
    rule: usize,
    groups: BoundedBacktracker,
    /// Group names by group index, for [`Captures::name`].
    names: Vec<Option<Box<str>>>,
    /// The pattern has groups besides the whole match, to be read with `groups`.
    has_groups: bool,
    /// The longest match there can be, in bytes, if there is a bound and no match is empty: the
    /// search then looks only near the rule's needs ([`for_each_match_near`]).
    window: Option<usize>,
}

impl Pattern {
    /// Rule `rule`'s pattern, from its stored NFA ([`automata`]).
    fn compile(rule: usize) -> Result<Pattern, String> {
        let nfa = automata::forward(rule)?;
        let forward = DFA::builder()
            .build_from_nfa(nfa.clone())
            .map_err(|e| e.to_string())?;
        let names: Vec<Option<Box<str>>> = nfa
            .group_info()
            .pattern_names(PatternID::ZERO)
            .map(|n| n.map(Box::from))
            .collect();
        Ok(Pattern {
            forward,
            reverse: OnceLock::new(),
            rule,
            has_groups: names.len() > 1,
            groups: BoundedBacktracker::new_from_nfa(nfa).map_err(|e| e.to_string())?,
            names,
            window: automata::window(rule)?,
        })
    }

    /// The reverse DFA, built as regex-automata's own hybrid regex builds it.
    fn reverse(&self) -> &DFA {
        self.reverse.get_or_init(|| {
            let built = automata::reverse(self.rule).and_then(|nfa| {
                DFA::builder()
                    .configure(
                        DFA::config()
                            .prefilter(None)
                            .specialize_start_states(false)
                            .match_kind(MatchKind::All),
                    )
                    .build_from_nfa(nfa)
                    .map_err(|e| e.to_string())
            });
            // Every rule's reverse NFA is stored and builds (tested for every rule).
            match built {
                Ok(dfa) => dfa,
                Err(e) => panic!("reverse date pattern {}: {e}", RULES[self.rule].name),
            }
        })
    }

    /// The leftmost-first match in `input`, as regex-automata's hybrid regex finds it: the end
    /// by a forward search, then the start by an anchored reverse search from that end.
    fn find(&self, cache: &mut FindCache, input: &Input) -> Result<Option<Match>, MatchError> {
        let Some(end) = self.forward.try_search_fwd(&mut cache.forward, input)? else {
            return Ok(None);
        };
        // A match ending where the search starts is empty; an anchored search starts there.
        if input.start() == end.offset()
            || input.get_anchored().is_anchored()
            || self.forward.get_nfa().is_always_start_anchored()
        {
            return Ok(Some(Match::new(end.pattern(), input.start()..end.offset())));
        }
        let reverse = self.reverse();
        let cache = cache.reverse.get_or_insert_with(|| reverse.create_cache());
        let back = input
            .clone()
            .span(input.start()..end.offset())
            .anchored(Anchored::Yes)
            .earliest(false);
        Ok(reverse
            .try_search_rev(cache, &back)?
            .map(|start| Match::new(end.pattern(), start.offset()..end.offset())))
    }
}

/// The lazy DFAs' caches of one rule.
struct FindCache {
    forward: DfaCache,
    /// Made with the reverse DFA.
    reverse: Option<DfaCache>,
}

/// Rule `rule`'s pattern (an index into [`RULES`]), compiled on first use: a short article never
/// pays for the rules it cannot match.
fn pattern(rule: usize) -> &'static Pattern {
    static COMPILED: OnceLock<Vec<OnceLock<Pattern>>> = OnceLock::new();
    COMPILED.get_or_init(|| RULES.iter().map(|_| OnceLock::new()).collect())[rule].get_or_init(
        || match Pattern::compile(rule) {
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

/// Search state for one rule.
struct Scratch {
    find: FindCache,
    groups: GroupCache,
    slots: Slots,
    read: ReadGroups,
}

/// The groups the backtracker read of a rule's earlier matches in the text being read, by what
/// decides them: the matched bytes and whether an ASCII word character stands right before and
/// right after them in the searched haystack. The patterns are ASCII (`(?-u)`) and look outside a
/// match only through `\b` at its two ends, so a match with the same key has its groups at the
/// same offsets from its start. News repeats its dates ("Friday", "last week", "two years ago"):
/// in 1 MB of news 1 413 of the 2 362 matches read had the key of an earlier one. Each text starts
/// afresh ([`SearchState::start_text`]), so a text annotated again reads its groups again.
#[derive(Default)]
struct ReadGroups {
    /// Each slot's offset from the match start ([`NO_SLOT`] for a group that did not match).
    by_key: FastMap<Box<[u8]>, Box<[u32]>>,
    /// The key being looked up, kept so that a lookup allocates nothing.
    key: Vec<u8>,
}

/// How many matches' groups a rule keeps for one text; past that it starts again (a rule's
/// distinct matches in 1 MB of news are a few hundred at most).
const READ_GROUPS_KEPT: usize = 1024;

/// A slot of [`ReadGroups`] whose group did not match.
const NO_SLOT: u32 = u32::MAX;

impl ReadGroups {
    /// Sets `slots` to the groups of `found` in `haystack` as read before, if they were.
    fn recall(&mut self, haystack: &str, found: Match, slots: &mut Slots) -> bool {
        let bytes = haystack.as_bytes();
        let is_word = |b: &u8| b.is_ascii_alphanumeric() || *b == b'_';
        let word_before = found
            .start()
            .checked_sub(1)
            .and_then(|i| bytes.get(i))
            .is_some_and(is_word);
        let word_after = bytes.get(found.end()).is_some_and(is_word);
        self.key.clear();
        self.key
            .push(u8::from(word_before) | u8::from(word_after) << 1);
        self.key.extend_from_slice(&bytes[found.range()]);
        let Some(offsets) = self.by_key.get(self.key.as_slice()) else {
            return false;
        };
        slots.set_pattern(Some(found.pattern()));
        for (slot, &offset) in slots.slots_mut().iter_mut().zip(offsets.iter()) {
            *slot = (offset != NO_SLOT)
                .then(|| NonMaxUsize::new(found.start() + offset as usize))
                .flatten();
        }
        true
    }

    /// Keeps the groups `slots` holds for `found`, under the key [`ReadGroups::recall`] last
    /// looked up (for `found`).
    fn keep(&mut self, found: Match, slots: &Slots) {
        if self.by_key.len() >= READ_GROUPS_KEPT {
            self.by_key.clear();
        }
        let offsets = slots
            .slots()
            .iter()
            .map(|slot| {
                slot.and_then(|at| u32::try_from(at.get().checked_sub(found.start())?).ok())
                    .unwrap_or(NO_SLOT)
            })
            .collect();
        self.by_key.insert(self.key.as_slice().into(), offsets);
    }
}

/// What date passes keep between texts: each rule's caches. The lazy DFAs build their states as
/// they read, so a state that has read a lot searches fast; [`with_search_state`] gives each
/// thread one.
#[derive(Default)]
pub struct SearchState {
    /// By rule, made on the rule's first search.
    scratch: Vec<Option<Scratch>>,
}

impl SearchState {
    /// Forgets the groups read in earlier texts (`ReadGroups`); the lazy DFAs' states stay.
    pub fn start_text(&mut self) {
        for scratch in self.scratch.iter_mut().flatten() {
            scratch.read.by_key.clear();
        }
    }
}

/// Search states no thread holds: those of threads that have ended.
struct Stock(Mutex<Vec<SearchState>>);

impl Stock {
    const fn new() -> Stock {
        Stock(Mutex::new(Vec::new()))
    }

    fn take(&self) -> Option<SearchState> {
        self.0.lock().ok()?.pop()
    }

    fn put(&self, state: SearchState) {
        if let Ok(mut free) = self.0.lock() {
            free.push(state);
        }
    }
}

static STOCK: Stock = Stock::new();

/// A thread's own search state, handed to `stock` when the thread ends.
struct Own {
    state: Option<SearchState>,
    stock: &'static Stock,
}

impl Drop for Own {
    fn drop(&mut self) {
        if let Some(state) = self.state.take() {
            self.stock.put(state);
        }
    }
}

thread_local! {
    static OWN: RefCell<Own> = const {
        RefCell::new(Own {
            state: None,
            stock: &STOCK,
        })
    };
}

/// Runs `pass` with this thread's search state. A thread's first pass takes one that an ended
/// thread left (or a new one), so a pass on a thread started just for it still finds warm caches;
/// a thread keeps its own, so the caches of a long-lived thread stay warm on the text it reads.
pub fn with_search_state<R>(pass: impl FnOnce(&mut SearchState) -> R) -> R {
    let own = OWN
        .try_with(|own| own.borrow_mut().state.take())
        .ok()
        .flatten();
    let mut state = own.or_else(|| STOCK.take()).unwrap_or_default();
    let result = pass(&mut state);
    let mut unkept = Some(state);
    // Fails only while the thread is ending; the state then goes to the stock.
    let _ = OWN.try_with(|own| own.borrow_mut().state = unkept.take());
    if let Some(state) = unkept {
        STOCK.put(state);
    }
    result
}

/// Calls `visit` with every match of rule `rule` in `haystack`, leftmost-first and
/// non-overlapping, in order.
pub fn for_each_match(
    rule: usize,
    haystack: &str,
    state: &mut SearchState,
    mut visit: impl FnMut(&Captures),
) {
    search_whole(rule, haystack, state, &mut visit);
}

/// [`for_each_match`] with `visit` behind a pointer: the callers' closures are compiled once.
fn search_whole(
    rule: usize,
    haystack: &str,
    state: &mut SearchState,
    visit: &mut dyn FnMut(&Captures),
) {
    with_scratch(rule, state, |pattern, scratch| {
        let mut searcher = Searcher::new(Input::new(haystack));
        // The lazy DFA cannot fail on these ASCII patterns (no quit bytes, no give-up limit);
        // should it ever, the search ends with the matches found so far.
        while let Ok(Some(found)) =
            searcher.try_advance(|input| pattern.find(&mut scratch.find, input))
        {
            read_groups(pattern, scratch, haystack, found, visit);
        }
    });
}

/// [`for_each_match`] for a haystack whose needs [`RuleGate::rules_and_needs`] listed in
/// `needs`: the same matches, found by searching only near the needs of the rule.
///
/// Every match holds one of its rule's needs and is at most the pattern's longest match long, so
/// none starts more than that before a need, and one that starts at or before a need ends within
/// that distance after it. The search therefore runs over windows: from that distance before a
/// run of close needs to that distance after its last one. A match it finds starting at or before
/// the last need cannot have been cut short by the window's end and is the match a search of the
/// whole haystack finds; one starting later is left to the next window. Patterns without a bound
/// (or that can match nothing) search the whole haystack.
pub fn for_each_match_near(
    rule: usize,
    haystack: &str,
    needs: &NeedList,
    state: &mut SearchState,
    mut visit: impl FnMut(&Captures),
) {
    search_near(rule, haystack, needs, state, &mut visit);
}

/// [`for_each_match_near`] with `visit` behind a pointer.
fn search_near(
    rule: usize,
    haystack: &str,
    needs: &NeedList,
    state: &mut SearchState,
    visit: &mut dyn FnMut(&Captures),
) {
    let Some(window) = pattern(rule).window else {
        return search_whole(rule, haystack, state, visit);
    };
    let bit: RuleSet = 1 << rule;
    with_scratch(rule, state, |pattern, scratch| {
        let mut mine = needs.marked(bit).peekable();
        // Every match holds one of these too, if the rule has any: a window without one holds
        // no match.
        let also_mark = RuleGate::get().also_mark[rule];
        let mut also = (also_mark != 0).then(|| needs.marked(also_mark).peekable());
        // No match starts before `at`.
        let mut at = 0;
        while let Some(first) = mine.next() {
            if first.end <= at {
                continue;
            }
            // The first and last byte of the run of needs, where matches must start by.
            let first_byte = first.start.max(at);
            let mut last_byte = first.end - 1;
            while let Some(next) = mine.next_if(|n| n.start <= last_byte + window) {
                last_byte = last_byte.max(next.end - 1);
            }
            let from = at.max(first_byte.saturating_sub(window));
            let to = haystack.len().min(last_byte + window);
            if let Some(also) = &mut also {
                while also.next_if(|a| a.end <= from).is_some() {}
                if also.peek().is_none_or(|a| a.start >= to) {
                    at = at.max(last_byte + 1);
                    continue;
                }
            }
            at = from;
            while at <= last_byte {
                let input = Input::new(haystack).span(at..to);
                let Ok(Some(found)) = pattern.find(&mut scratch.find, &input) else {
                    break;
                };
                if found.start() > last_byte && to < haystack.len() {
                    break;
                }
                read_groups(pattern, scratch, haystack, found, visit);
                at = found.end();
            }
            at = at.max(last_byte + 1);
        }
    });
}

/// Runs `search` with rule `rule`'s pattern and `state`'s search state for it.
fn with_scratch(rule: usize, state: &mut SearchState, search: impl FnOnce(&Pattern, &mut Scratch)) {
    let pattern = pattern(rule);
    let all = &mut state.scratch;
    if all.len() < RULES.len() {
        all.resize_with(RULES.len(), || None);
    }
    let scratch = all[rule].get_or_insert_with(|| Scratch {
        find: FindCache {
            forward: pattern.forward.create_cache(),
            reverse: None,
        },
        groups: pattern.groups.create_cache(),
        slots: pattern.groups.create_captures(),
        read: ReadGroups::default(),
    });
    search(pattern, scratch);
}

/// Reads the groups of match `found` and hands them to `visit`.
fn read_groups(
    pattern: &Pattern,
    scratch: &mut Scratch,
    haystack: &str,
    found: Match,
    visit: &mut dyn FnMut(&Captures),
) {
    let read = if pattern.has_groups {
        scratch.read.recall(haystack, found, &mut scratch.slots) || {
            let span = Input::new(haystack)
                .span(found.span())
                .anchored(Anchored::Yes);
            // The backtracker refuses a span longer than its bound (over 1.5 KB for the largest
            // rule; only a number thousands of digits long makes one): that match is skipped.
            let read = pattern
                .groups
                .try_search(&mut scratch.groups, &span, &mut scratch.slots)
                .is_ok();
            if read && scratch.slots.is_match() {
                scratch.read.keep(found, &scratch.slots);
            }
            read
        }
    } else {
        // The match is all there is to read (a third of the matches in news).
        whole_match_only(&mut scratch.slots, found);
        true
    };
    if read && scratch.slots.is_match() {
        visit(&Captures {
            haystack,
            slots: &scratch.slots,
            names: &pattern.names,
        });
    }
}

/// `slots` set to `found` alone, as the backtracker sets them for a pattern without groups.
fn whole_match_only(slots: &mut Slots, found: Match) {
    slots.set_pattern(Some(found.pattern()));
    if let [start, end, ..] = slots.slots_mut() {
        *start = NonMaxUsize::new(found.start());
        *end = NonMaxUsize::new(found.end());
    }
}

/// A set of rules, bit `i` standing for `RULES[i]`.
pub type RuleSet = u64;

/// What an occurrence of a need is to the rules: bit `i` when it is one of `RULES[i].needs`, and
/// for each rule with `also_needs` one bit above the rules' when it is one of those
/// ([`RuleGate::also_mark`]). One word for both keeps the gate's loop as lean as with needs alone.
type Marks = u64;

/// Where a need occurs in a text: a match that counts on this occurrence holds at least one
/// byte of `start..end`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct NeedAt {
    /// First byte.
    start: usize,
    /// One past the last byte.
    end: usize,
}

/// Where a text holds the rules' needs, as [`RuleGate::rules_and_needs`] lists them: the words
/// by mark and the runs of digits, each in order of their start. Listed by mark as they are
/// found, each rule's are read without going through every other rule's.
#[derive(Debug, Clone, Default)]
pub struct NeedList {
    /// By mark (its bit's index), the words that carry it.
    words: Vec<Vec<NeedAt>>,
    /// The marks with words listed.
    listed: Marks,
    digits: Vec<NeedAt>,
    /// The marks every run of digits carries.
    digit_marks: Marks,
}

impl NeedList {
    fn clear(&mut self) {
        for mark in ones(std::mem::take(&mut self.listed)) {
            self.words[mark].clear();
        }
        self.digits.clear();
    }

    /// Lists a word at `at` carrying `marks`.
    fn push_word(&mut self, at: usize, marks: Marks) {
        if self.words.is_empty() {
            self.words.resize_with(Marks::BITS as usize, Vec::new);
        }
        self.listed |= marks;
        for mark in ones(marks) {
            self.words[mark].push(NeedAt {
                start: at,
                end: at + 1,
            });
        }
    }

    /// The places of the needs carrying `mark` (one bit), in order of their start.
    fn marked(&self, mark: Marks) -> impl Iterator<Item = NeedAt> + '_ {
        debug_assert!(mark.is_power_of_two());
        let words = if self.listed & mark != 0 {
            &self.words[mark.trailing_zeros() as usize][..]
        } else {
            &[]
        };
        let digits = if self.digit_marks & mark != 0 {
            &self.digits[..]
        } else {
            &[]
        };
        let (mut words, mut digits) = (
            words.iter().copied().peekable(),
            digits.iter().copied().peekable(),
        );
        std::iter::from_fn(move || match (words.peek(), digits.peek()) {
            (Some(w), Some(d)) if d.start < w.start => digits.next(),
            (Some(_), _) => words.next(),
            (None, _) => digits.next(),
        })
    }
}

/// The rules worth running on one paragraph: most paragraphs match only a few rules, and a search
/// per rule over every paragraph would dominate the date pass. One pass looks up the words each
/// rule `needs`: the rules it lets through are a superset of those that match (about seven in
/// eight of them do not match on news), each then searched only near its needs.
///
/// A second stage, one lazy-DFA pass over all the patterns at once reporting exactly which of
/// them match, no longer paid once each rule was searched only near its needs: on 1 MB of news,
/// warm, it let 3 400 rule searches through instead of 14 300 and still cost 16 % more
/// instructions in all (381 against 323 M; on a 5 KB article 4 % more).
///
/// A rule may also name `also_needs`, a second set of which every match holds one: it runs only
/// on a paragraph holding both kinds, and near a run of its needs only when one of these lies
/// within its longest match of them (a month name with a digit near it, "end" near "year"). On
/// 1 MB of news that leaves 9 900 windowed searches of 16 300 (0.9 % fewer instructions in all),
/// and digits are looked for only in paragraphs where a rule with a digit among its also-needs
/// has its needs.
pub struct RuleGate {
    /// Every word some rule needs, ASCII lower case …
    needs: Vec<Need>,
    /// … indexed by their first two bytes, lower case: for the [`pair`] `p` of a word,
    /// `pair_needs[by_pair[p]..by_pair[p + 1]]` are those it may be, side by side with their
    /// heads so that the words that are no need are told apart without reading the needs …
    by_pair: Vec<u16>,
    pair_needs: Vec<PairNeed>,
    /// The heads of the needs of two bytes or more, for a quick test before the pair index
    /// ([`HeadFilter`]).
    heads: HeadFilter,
    /// … while a one-byte need (`/`) counts wherever its byte is.
    one_byte_marks: [Marks; 256],
    /// Bytes a need can start with, in either case: other positions need no lookup.
    starts: [bool; 256],
    /// The one byte other than ASCII letters and digits that a need may start with (`/`): the
    /// scan for needs reads only those bytes eight at a time.
    start_punctuation: u8,
    /// The marks of an ASCII digit …
    digit_marks: Marks,
    /// … which the rules that need one (`digit_rules`) look for anywhere, and those that have one
    /// among their also-needs only where their needs occur.
    digit_rules: RuleSet,
    digit_also_rules: RuleSet,
    /// The rules with `also_needs` …
    rules_with_also: RuleSet,
    /// … and by rule, the mark of those (0 for none).
    also_mark: Vec<Marks>,
}

/// Pairs of ASCII bytes, the size of [`RuleGate`]'s pair index.
const PAIRS: usize = 128 * 128;

/// The place in [`RuleGate`]'s pair index of a word whose first bytes are `head` (as [`head`] reads
/// them): its first two bytes, each with its 0x20 bit set (an ASCII letter in lower case) and its
/// top bit dropped (a byte that is not ASCII is in no need, so sharing a place is harmless).
fn pair(head: u32) -> usize {
    (head as usize & 0x7f) << 7 | (head as usize >> 8 & 0x7f)
}

/// One word rules need.
struct Need {
    /// In ASCII lower case.
    lower: String,
    /// For a word of a list matched as written, that word.
    exact: Option<&'static str>,
    /// The rules it is a need or an also-need of.
    marks: Marks,
}

/// Up to four bytes from `at`, packed little-endian (missing bytes are 0), each with its 0x20 bit
/// set: an ASCII letter in lower case and every byte a need holds (`-`, `.`, `/`, a space, a
/// digit) as it is. Two bytes equal but for the case of a letter read the same, so the word test
/// stays a test that lets every occurrence of a need through.
fn head(bytes: &[u8], at: usize) -> u32 {
    const CASE_BITS: u32 = 0x2020_2020;
    if let Some(four) = bytes.get(at..at + 4) {
        return u32::from_le_bytes(four.try_into().unwrap_or_default()) | CASE_BITS;
    }
    bytes[at..]
        .iter()
        .enumerate()
        .fold(0, |word, (i, b)| word | u32::from(b | 0x20) << (8 * i))
}

/// The first two, three and four bytes (as [`head`] reads them) of the needs of two bytes or
/// more, hashed into a bitmap: a place in the text where none of its own first two, three or four
/// bytes is in it starts no need. Most word starts are turned away by it (nine in ten on news),
/// which is cheaper than going to the pair index, where half of them found candidates to compare.
/// (A key of two or three bytes has its top bytes zero, and a four-byte head has none zero, so
/// the three lengths share one bitmap.)
struct HeadFilter {
    bits: BitSet,
}

impl HeadFilter {
    /// 2^16 bits, 8 KB: 175 needs leave the bitmap almost empty.
    const BITS_LOG2: u32 = 16;

    fn new() -> HeadFilter {
        HeadFilter {
            bits: BitSet::with_len(1 << HeadFilter::BITS_LOG2),
        }
    }

    /// The bit of a key of two, three or four bytes (a multiplicative hash).
    fn bit(key: u32) -> usize {
        (key.wrapping_mul(0x9E37_79B1) >> (32 - HeadFilter::BITS_LOG2)) as usize
    }

    fn has(&self, key: u32) -> bool {
        self.bits.contains(HeadFilter::bit(key))
    }

    /// Adds the head of a need (its first four bytes, fewer for a shorter need, the rest zero).
    fn add(&mut self, need_head: u32) {
        self.bits.insert(HeadFilter::bit(need_head));
    }

    /// False when no need added can start where the text's head is `here`: a need of two bytes
    /// is tested by the first two, of three by the first three, of four or more by all four.
    fn may_start(&self, here: u32) -> bool {
        self.has(here & 0xffff) | self.has(here & 0xff_ffff) | self.has(here)
    }
}

/// A need of two bytes or more in [`RuleGate`]'s pair index.
struct PairNeed {
    /// The need's first four bytes (fewer for a shorter word) as [`head`] reads them, and the
    /// mask of the bytes it has: a quick test before the comparison.
    head: u32,
    head_mask: u32,
    /// Its index in [`RuleGate`]'s needs.
    need: u16,
}

impl PairNeed {
    fn new(lower: &str, need: u16) -> PairNeed {
        let head_mask = match lower.len() {
            n @ 0..=3 => (1u32 << (8 * n)) - 1,
            _ => u32::MAX,
        };
        PairNeed {
            head: head(lower.as_bytes(), 0),
            head_mask,
            need,
        }
    }
}

impl Need {
    /// True when the need occurs at byte `at` of `text`.
    fn at(&self, text: &str, at: usize) -> bool {
        let Some(found) = text.as_bytes().get(at..at + self.lower.len()) else {
            return false;
        };
        match self.exact {
            Some(word) => found == word.as_bytes(),
            None => found.eq_ignore_ascii_case(self.lower.as_bytes()),
        }
    }
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
        let mut needs: Vec<Need> = Vec::new();
        let (mut digit_marks, mut digit_rules, mut digit_also_rules) = (0, 0, 0);
        let mut also_mark = vec![0; RULES.len()];
        let mut rules_with_also = 0;
        let mut next_mark = RULES.len();
        for (i, rule) in RULES.iter().enumerate() {
            let bit = 1 << i;
            if !rule.also_needs.is_empty() {
                assert!(
                    next_mark < Marks::BITS as usize,
                    "Marks is too small for the rules with also-needs"
                );
                also_mark[i] = 1 << next_mark;
                rules_with_also |= bit;
                next_mark += 1;
            }
            let needs_and_also = (rule.needs.iter().map(move |n| (n, bit)))
                .chain(rule.also_needs.iter().map(|n| (n, also_mark[i])));
            for (need, mark) in needs_and_also {
                let (words, case_sensitive) =
                    match need.strip_prefix('{').and_then(|n| n.strip_suffix('}')) {
                        Some("digit") => {
                            digit_marks |= mark;
                            if mark == bit {
                                digit_rules |= bit;
                            } else {
                                digit_also_rules |= bit;
                            }
                            continue;
                        }
                        Some(list) => (list_words(list), is_case_sensitive_list(list)),
                        None => (vec![*need], false),
                    };
                for word in words {
                    assert!(
                        word.is_ascii() && !word.is_empty(),
                        "date rule {}: need {word:?} is not ASCII",
                        rule.name
                    );
                    // [`head`] reads letters in lower case by setting that bit in every byte.
                    assert!(
                        word.bytes().all(|b| b | 0x20 == b.to_ascii_lowercase()),
                        "date rule {}: need {word:?} holds a byte other than a letter whose 0x20 bit is clear",
                        rule.name
                    );
                    let exact = case_sensitive.then_some(word);
                    let lower = word.to_ascii_lowercase();
                    match needs
                        .iter_mut()
                        .find(|n| n.lower == lower && n.exact == exact)
                    {
                        Some(known) => known.marks |= mark,
                        None => needs.push(Need {
                            lower,
                            exact,
                            marks: mark,
                        }),
                    }
                }
            }
        }
        let mut starts = [false; 256];
        let mut one_byte_marks = [0; 256];
        let mut pairs: Vec<(usize, u16)> = Vec::new();
        for (k, need) in needs.iter().enumerate() {
            let k = u16::try_from(k).expect("fewer than 65 536 needs");
            let bytes = need.lower.as_bytes();
            let (first, upper) = (bytes[0], bytes[0].to_ascii_uppercase());
            starts[usize::from(first)] = true;
            starts[usize::from(upper)] = true;
            match bytes {
                [_] => {
                    one_byte_marks[usize::from(first)] |= need.marks;
                    one_byte_marks[usize::from(upper)] |= need.marks;
                }
                [_, _, ..] => pairs.push((pair(head(bytes, 0)), k)),
                [] => {}
            }
        }
        sorting::sort_by_key(&mut pairs, |&(key, k)| (key, usize::from(k), 0));
        // Where each pair's needs start, and where the last pair's end.
        let mut by_pair = vec![0; PAIRS + 1];
        for &(key, _) in &pairs {
            by_pair[key + 1] += 1;
        }
        for key in 0..PAIRS {
            by_pair[key + 1] += by_pair[key];
        }
        let pair_needs: Vec<PairNeed> = pairs
            .into_iter()
            .map(|(_, k)| PairNeed::new(&needs[usize::from(k)].lower, k))
            .collect();
        let mut heads = HeadFilter::new();
        for need in &pair_needs {
            heads.add(need.head & need.head_mask);
        }
        let mut punctuation =
            (0..=u8::MAX).filter(|&b| starts[usize::from(b)] && !b.is_ascii_alphanumeric());
        // (A digit, marked anyway, when there is none.)
        let start_punctuation = punctuation.next().unwrap_or(b'0');
        assert!(
            punctuation.next().is_none(),
            "the date rules' needs start with more than one byte that is neither a letter nor a digit"
        );
        RuleGate {
            needs,
            by_pair,
            pair_needs,
            heads,
            one_byte_marks,
            starts,
            start_punctuation,
            digit_marks,
            digit_rules,
            digit_also_rules,
            rules_with_also,
            also_mark,
        }
    }

    /// The rules that may match in `text`: every rule that matches is in the set.
    pub fn rules_for(&self, text: &str) -> RuleSet {
        self.rules_and_needs(text, &mut NeedList::default())
    }

    /// [`RuleGate::rules_for`], also listing in `found` (cleared first) where the needs occur,
    /// in order of their start, for [`for_each_match_near`].
    pub fn rules_and_needs(&self, text: &str, found: &mut NeedList) -> RuleSet {
        found.clear();
        let bytes = text.as_bytes();
        let mut marks = 0;
        // Needs count where no letter comes right before them (inside a word, as `day` in
        // `today` or `may` in `mayor`, no pattern matches); the loop visits only those places.
        // Every byte a need starts with is a letter, a digit or `start_punctuation`. (A digit
        // right after a letter is inside the word too.)
        for_each_word_start_or(bytes, self.start_punctuation, |at| {
            if self.starts[usize::from(bytes[at])] {
                let here = self.needs_at(text, at);
                if here != 0 {
                    marks |= here;
                    found.push_word(at, here);
                }
            }
        });
        // A digit counts anywhere: each run of digits is one place.
        found.digit_marks = self.digit_marks;
        if self.digit_rules != 0 || marks & self.digit_also_rules != 0 {
            let mut at = 0;
            while let Some(start) = next_digit(bytes, at) {
                let end = bytes[start..]
                    .iter()
                    .position(|b| !b.is_ascii_digit())
                    .map_or(bytes.len(), |n| start + n);
                found.digits.push(NeedAt { start, end });
                at = end;
            }
            if !found.digits.is_empty() {
                marks |= self.digit_marks;
            }
        }
        // A rule with also-needs may match only where both kinds occur.
        let all_rules = RuleSet::MAX >> (RuleSet::BITS as usize - RULES.len());
        let mut rules = marks & all_rules;
        for rule in ones(rules & self.rules_with_also) {
            if marks & self.also_mark[rule] == 0 {
                rules &= !(1 << rule);
            }
        }
        rules
    }

    /// The marks of the needs that occur at byte `at` of `text`.
    fn needs_at(&self, text: &str, at: usize) -> Marks {
        let bytes = text.as_bytes();
        let mut marks = self.one_byte_marks[usize::from(bytes[at])];
        // (At the last byte, the second byte read is 0, which no need holds.)
        let here = head(bytes, at);
        if !self.heads.may_start(here) {
            return marks;
        }
        let key = pair(here);
        let (from, to) = (self.by_pair[key], self.by_pair[key + 1]);
        for candidate in &self.pair_needs[usize::from(from)..usize::from(to)] {
            if here & candidate.head_mask == candidate.head {
                let need = &self.needs[usize::from(candidate.need)];
                if need.at(text, at) {
                    marks |= need.marks;
                }
            }
        }
        marks
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::detect::dates::rules::LISTS;

    /// The rules that `for_each_match` finds at least one match for in `text`.
    fn rules_with_a_match(text: &str) -> RuleSet {
        (0..RULES.len()).fold(0, |set, rule| {
            let mut any = false;
            with_search_state(|state| for_each_match(rule, text, state, |_| any = true));
            if any {
                set | 1 << rule
            } else {
                set
            }
        })
    }

    #[test]
    fn an_ended_threads_search_state_goes_to_the_stock() {
        let stock: &'static Stock = Box::leak(Box::new(Stock::new()));
        let mut state = SearchState::default();
        state.scratch.resize_with(5, || None);
        drop(Own {
            state: Some(state),
            stock,
        });
        assert_eq!(stock.take().map(|s| s.scratch.len()), Some(5));
        assert!(stock.take().is_none());
    }

    #[test]
    fn a_thread_keeps_its_search_state() {
        let kept = std::thread::spawn(|| {
            with_search_state(|state| state.scratch.resize_with(RULES.len() + 7, || None));
            with_search_state(|state| state.scratch.len())
        });
        assert_eq!(kept.join().unwrap(), RULES.len() + 7);
    }

    #[test]
    fn factored_lists_match_what_the_plain_alternations_match() {
        for list in LISTS {
            let words = list_words(list);
            if !is_case_sensitive_list(list) {
                // `factored` groups words by their first characters as written.
                assert!(words.iter().all(|w| *w == w.to_ascii_lowercase()), "{list}");
            }
            let engine = |alt: String| {
                let flags = if is_case_sensitive_list(list) {
                    "-i"
                } else {
                    "i"
                };
                BoundedBacktracker::new(&format!("(?-u)^(?{flags}:{alt})")).unwrap()
            };
            let plain = engine(crate::lexicon::time_words::plain_alternation(list));
            let factored = engine(crate::lexicon::time_words::alternation(list));
            let (mut plain_cache, mut factored_cache) =
                (plain.create_cache(), factored.create_cache());
            for word in &words {
                let mut inputs = vec![
                    word.to_string(),
                    word.to_ascii_uppercase(),
                    format!("{word}s"),
                    format!("{word} x"),
                    format!("{word}-{word}"),
                ];
                inputs.extend((1..word.len()).map(|k| word[..k].to_string()));
                for input in &inputs {
                    assert_eq!(
                        factored
                            .try_find(&mut factored_cache, input.as_str())
                            .unwrap(),
                        plain.try_find(&mut plain_cache, input.as_str()).unwrap(),
                        "{list}: {input:?}"
                    );
                }
            }
        }
    }

    #[test]
    fn the_gate_passes_every_rule_that_matches() {
        let gate = RuleGate::get();
        for text in [
            "",
            "He said so, and left.",
            "the Mayor said he may go in March, two years ago, at 10:30 a.m. on 2024-03-05",
            "Every week since the 1990s; the third quarter of fiscal 2025; 03/05/2024.",
            "\u{201C}Not now,\u{201D} she said on Tuesday morning, 19th of August.",
        ] {
            let needed = gate.rules_for(text);
            let matching = rules_with_a_match(text);
            assert_eq!(
                needed & matching,
                matching,
                "needs miss a match in {text:?}"
            );
        }
        // A superset: `Mayor` holds a need, and no rule matches.
        assert!(gate.rules_for("the Mayor") != 0);
        assert_eq!(rules_with_a_match("the Mayor"), 0);
    }

    #[test]
    fn every_need_is_found_in_any_case_mid_text_and_at_the_end() {
        let gate = RuleGate::get();
        for need in &gate.needs {
            let written = need.exact.map_or(need.lower.clone(), str::to_string);
            let mut forms = vec![written.clone()];
            if need.exact.is_none() {
                forms.push(written.to_ascii_uppercase());
                let mut title = written.clone();
                title[..1].make_ascii_uppercase();
                forms.push(title);
            }
            for form in forms {
                for text in [format!("so {form} and more"), format!("so {form}")] {
                    let at = 3;
                    assert_ne!(
                        gate.needs_at(&text, at) & need.marks,
                        0,
                        "{form:?} in {text:?}"
                    );
                }
            }
        }
    }

    #[test]
    fn the_head_filter_turns_away_common_words_and_lets_needs_and_their_prefixes_through() {
        let gate = RuleGate::get();
        let passes = |text: &str| gate.heads.may_start(head(text.as_bytes(), 0));
        for word in [
            "said",
            "the",
            "of",
            "and",
            "government",
            "people",
            "police",
            "he",
        ] {
            assert!(!passes(word), "{word}");
        }
        // Two, three and four bytes decide: `fy`, `jul`, `year` and words they begin.
        for word in [
            "fy", "FY2016", "jul", "July", "Julian", "year", "Yearly", "est.", "american",
        ] {
            assert!(passes(word), "{word}");
        }
    }

    #[test]
    fn needs_count_at_word_starts_and_month_names_as_written() {
        let gate = RuleGate::get();
        let rule = |name: &str| 1 << RULES.iter().position(|r| r.name == name).unwrap();
        let needed = |text: &str| gate.rules_for(text);
        // `may` the modal and `Monday`'s `day` are no reason to run the month or day rules.
        assert_eq!(needed("the mayor may say so") & rule("month-day"), 0);
        assert_ne!(needed("on May 5") & rule("month-day"), 0);
        assert_eq!(needed("since Monday") & rule("the-day"), 0);
        assert_ne!(needed("that day") & rule("the-day"), 0);
        // A word start may follow a digit or punctuation: `10am`, `(Q3)`, `mid-year`.
        assert_ne!(needed("at 10am") & rule("clock-time"), 0);
        assert_ne!(needed("in (Q3)") & rule("q-number"), 0);
        assert_ne!(needed("losses overnight") & rule("part-of-day"), 0);
        assert_ne!(needed("FY2016 results") & rule("fiscal-year"), 0);
        // A need that is not a word (`/`) counts anywhere, even right after a letter.
        assert_ne!(needed("and/or") & rule("slash-date"), 0);
        assert_eq!(needed("mp3 player") & rule("clock-time"), 0);
        // A need that starts with a digit counts inside a run of digits, but not at a digit
        // right after a letter.
        assert_ne!(needed("on 2024-03-05") & rule("iso-date"), 0);
        assert_eq!(needed("the A4- format") & rule("iso-date"), 0);
        assert_ne!(needed("the A44- format") & rule("iso-date"), 0);
    }

    /// Each match's groups in `text` for rule `rule`, as offsets from the match's start, read
    /// with the text's read groups kept (`fresh` false) or forgotten before every match.
    fn groups_of(rule: usize, text: &str, fresh: bool) -> Vec<Vec<Option<(usize, usize)>>> {
        let mut out = Vec::new();
        with_search_state(|state| {
            state.start_text();
            let groups = pattern(rule).names.len();
            let mut searcher = Searcher::new(Input::new(text));
            while let Ok(Some(found)) = searcher.try_advance(|input| {
                let scratch = state.scratch[rule].as_mut().expect("searched before");
                pattern(rule).find(&mut scratch.find, input)
            }) {
                let scratch = state.scratch[rule].as_mut().expect("searched before");
                if fresh {
                    scratch.read.by_key.clear();
                }
                read_groups(pattern(rule), scratch, text, found, &mut |caps| {
                    let at = found.start();
                    out.push(
                        (0..groups)
                            .map(|g| caps.get(g).map(|m| (m.start() - at, m.end() - at)))
                            .collect(),
                    );
                });
            }
        });
        out
    }

    #[test]
    fn groups_read_again_for_a_repeated_match_are_those_the_backtracker_reads() {
        let mut recalled = 0;
        for (rule, named) in RULES.iter().enumerate() {
            if !pattern(rule).has_groups {
                continue;
            }
            // Make the rule's scratch, which `groups_of` reads.
            with_search_state(|state| for_each_match(rule, "", state, |_| {}));
            for (example, _) in named.examples {
                // Each example four times, with and without a word character against it.
                let text = format!("{example}; {example}. {example}s_{example}");
                let kept = groups_of(rule, &text, false);
                let distinct = with_search_state(|state| {
                    let scratch = state.scratch[rule].as_ref().expect("searched");
                    scratch.read.by_key.len()
                });
                recalled += kept.len().saturating_sub(distinct);
                assert_eq!(
                    kept,
                    groups_of(rule, &text, true),
                    "{}: {text:?}",
                    named.name
                );
            }
        }
        assert!(recalled > RULES.len(), "only {recalled} matches read again");
    }

    #[test]
    fn read_groups_are_recalled_only_in_the_same_word_context() {
        let mut read = ReadGroups::default();
        let rule = RULES.iter().position(|r| r.name == "ago").expect("rule");
        let mut slots = pattern(rule).groups.create_captures();
        let text = "two days ago, xtwo days ago";
        let first = Match::must(0, 0..12);
        assert!(!read.recall(text, first, &mut slots));
        let span = Input::new(text).span(0..12).anchored(Anchored::Yes);
        let mut cache = pattern(rule).groups.create_cache();
        pattern(rule)
            .groups
            .try_search(&mut cache, &span, &mut slots)
            .expect("searched");
        read.keep(first, &slots);
        let kept: Vec<_> = slots.slots().to_vec();
        // The same bytes after a letter: `\b` at the start reads otherwise, so not recalled.
        assert!(!read.recall(text, Match::must(0, 15..27), &mut slots));
        // The same bytes in the same context, elsewhere: recalled, shifted.
        let moved = format!("Yes; {text}");
        assert!(read.recall(&moved, Match::must(0, 5..17), &mut slots));
        let shifted: Vec<_> = kept.iter().map(|s| s.map(|at| at.get() + 5)).collect();
        let got: Vec<_> = slots.slots().iter().map(|s| s.map(|at| at.get())).collect();
        assert_eq!(got, shifted);
    }

    #[test]
    fn every_match_in_the_examples_holds_a_need_and_an_also_need() {
        let gate = RuleGate::get();
        let mut checked = 0;
        for (rule, named) in RULES.iter().enumerate() {
            for (example, _) in named.examples {
                let mut matched = Vec::new();
                with_search_state(|state| {
                    for_each_match(rule, example, state, |caps| {
                        matched.extend(caps.get(0).map(|g| g.as_str().to_string()));
                    });
                });
                for whole in matched {
                    // The match alone: every need it counts on lies inside it.
                    assert_ne!(
                        gate.rules_for(&whole) & 1 << rule,
                        0,
                        "{}: {whole:?} holds no need or no also-need",
                        named.name
                    );
                    checked += 1;
                }
            }
        }
        assert!(checked > RULES.len(), "only {checked} matches checked");
    }

    #[test]
    fn a_rule_with_also_needs_runs_only_where_both_kinds_occur() {
        let gate = RuleGate::get();
        let rule = |name: &str| 1 << RULES.iter().position(|r| r.name == name).unwrap();
        let needed = |text: &str| gate.rules_for(text);
        assert!(RULES.iter().filter(|r| !r.also_needs.is_empty()).count() > 10);
        assert_eq!(needed("in March") & rule("month-year"), 0);
        assert_ne!(needed("in March 2024") & rule("month-year"), 0);
        // `month` has no also-needs.
        assert_ne!(needed("in March") & rule("month"), 0);
        assert_eq!(needed("a year of change") & rule("period-edge"), 0);
        assert_ne!(needed("at the end of the year") & rule("period-edge"), 0);
        assert_eq!(needed("the year ahead") & rule("relative-unit"), 0);
        assert_ne!(needed("next year") & rule("relative-unit"), 0);
    }

    /// The whole matches of `rule` in `text`, searched near `needs` or over the whole text.
    fn matches_of(rule: usize, text: &str, needs: Option<&NeedList>) -> Vec<(usize, usize)> {
        let mut out = Vec::new();
        let mut push = |caps: &Captures| out.extend(caps.get(0).map(|g| (g.start(), g.end())));
        with_search_state(|state| match needs {
            Some(needs) => for_each_match_near(rule, text, needs, state, &mut push),
            None => for_each_match(rule, text, state, &mut push),
        });
        out
    }

    #[test]
    fn searching_near_the_needs_finds_what_a_whole_search_finds() {
        let windowed = (0..RULES.len()).filter(|&r| pattern(r).window.is_some());
        assert!(
            windowed.count() > RULES.len() / 2,
            "most rules have a longest match"
        );
        let examples: Vec<&str> = RULES
            .iter()
            .flat_map(|r| r.examples.iter().map(|(text, _)| *text))
            .collect();
        let mut texts: Vec<String> = examples.iter().map(|e| e.to_string()).collect();
        // Examples next to each other, among digits, and far apart: windows that merge, overlap
        // and stand alone, matches that run into the next window.
        texts.push(examples.join(" "));
        texts.push(examples.join(" and then, on "));
        texts.push(examples.join(", 12 34 5678 "));
        texts.push(examples.join(&" with filler words that hold no need at all ".repeat(4)));
        texts.push("March 5, 2024 12 March 2024 2024-03-05 2024 03/05/2024 2024".repeat(20));
        texts.push(format!("{}May 5, 2025", "9 ".repeat(500)));
        // Also-needs just inside, just outside and far outside a need's window.
        for gap in [1, 10, 20, 30, 40, 80] {
            let filler = "x ".repeat(gap);
            texts.push(format!(
                "In March {filler}2024, at the end {filler}of the year, March 5"
            ));
            texts.push(format!("2024 {filler}in March and late {filler}in the day"));
        }
        let gate = RuleGate::get();
        let mut needs = NeedList::default();
        let mut found = 0;
        for text in &texts {
            let rules = gate.rules_and_needs(text, &mut needs);
            for bit in (0..Marks::BITS).map(|b| 1 << b) {
                let starts: Vec<usize> = needs.marked(bit).map(|n| n.start).collect();
                assert!(starts.windows(2).all(|w| w[0] <= w[1]), "needs in order");
            }
            for (rule, named) in RULES.iter().enumerate() {
                let whole = matches_of(rule, text, None);
                if rules & 1 << rule == 0 {
                    assert_eq!(whole, [], "the gate missed {}", named.name);
                    continue;
                }
                let near = matches_of(rule, text, Some(&needs));
                assert_eq!(near, whole, "rule {} in {text:?}", named.name);
                found += whole.len();
            }
        }
        assert!(found > 1000, "only {found} matches compared");
    }

    #[test]
    fn a_number_thousands_of_digits_long_hides_no_later_date() {
        // Longer than the backtracker reads for the largest rules (see `for_each_match`).
        let text = format!(
            "{} years ago. Then 2016-05-03 and 90 days ago.",
            "9".repeat(3000)
        );
        let mut found = Vec::new();
        with_search_state(|state| {
            for rule in 0..RULES.len() {
                for_each_match(rule, &text, state, |caps| {
                    found.extend(caps.get(0).map(|g| g.as_str().to_string()));
                });
            }
        });
        assert!(found.iter().any(|m| m == "2016-05-03"), "{found:?}");
        assert!(found.iter().any(|m| m == "90 days ago"), "{found:?}");
    }
}
