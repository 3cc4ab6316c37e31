//! The date rules' NFAs, compiled ahead of time: `automata.bin` holds, for every rule in
//! [`RULES`] order, the forward NFA (with its groups) and the reverse NFA (without) that
//! regex-automata's Thompson compiler makes of the rule's pattern, state by state.
//!
//! Owns that file's layout and rebuilding the NFAs from it with regex-automata's own NFA
//! builder, which takes a small part of the work compiling them takes; the browser build then
//! carries neither a regex parser nor the compiler. A test compiles every pattern and checks
//! that the file holds exactly what the compiler makes of it; after a pattern changes,
//! `UPDATE_DATE_AUTOMATA=1 cargo test --lib automata` writes the file anew.
//!
//! Layout (numbers as LEB128 varints, state ids as zig-zag differences from the state's own id):
//! the rule count; per rule its name, its window (the longest match plus one, or 0 when there is
//! no bound or a match can be empty) and the byte lengths of its two NFAs; then the NFAs. An NFA
//! is its flags (1 UTF-8, 2 reverse), its anchored, unanchored and pattern start states, its
//! group names (a count, then per group 0 for none or the name's length plus one and the name)
//! and its states, each a tag and the state's fields.

use std::sync::{Arc, OnceLock};

use regex_automata::nfa::thompson::{Builder, Transition, NFA};
use regex_automata::util::look::Look;
use regex_automata::util::primitives::StateID;

use super::rules::RULES;

/// The stored NFAs (see the module doc).
static STORED: &[u8] = include_bytes!("automata.bin");

/// One rule's entry in [`STORED`].
struct Entry {
    window: Option<usize>,
    forward: std::ops::Range<usize>,
    reverse: std::ops::Range<usize>,
}

/// Rule `rule`'s forward NFA, with its groups.
pub fn forward(rule: usize) -> Result<NFA, String> {
    let entry = entry(rule)?;
    decode(&STORED[entry.forward.clone()])
}

/// Rule `rule`'s reverse NFA, without groups.
pub fn reverse(rule: usize) -> Result<NFA, String> {
    let entry = entry(rule)?;
    decode(&STORED[entry.reverse.clone()])
}

/// The longest match rule `rule` can have, in bytes, if there is a bound and no match is empty.
pub fn window(rule: usize) -> Result<Option<usize>, String> {
    Ok(entry(rule)?.window)
}

fn entry(rule: usize) -> Result<&'static Entry, String> {
    static INDEX: OnceLock<Result<Vec<Entry>, String>> = OnceLock::new();
    let index = INDEX.get_or_init(|| index(STORED)).as_ref()?;
    index
        .get(rule)
        .ok_or_else(|| format!("date automata: no rule {rule}"))
}

/// The entries of `stored`, checked against [`RULES`].
fn index(stored: &[u8]) -> Result<Vec<Entry>, String> {
    let mut reader = Reader {
        bytes: stored,
        at: 0,
    };
    let count = reader.number()?;
    if count != RULES.len() {
        return Err(stale(&format!(
            "{count} rules stored, {} written",
            RULES.len()
        )));
    }
    let mut heads = Vec::with_capacity(count);
    for rule in RULES {
        let name = reader.text()?;
        if name != rule.name {
            return Err(stale(&format!(
                "rule {name} stored where {} is written",
                rule.name
            )));
        }
        let window = reader.number()?.checked_sub(1);
        let forward = reader.number()?;
        let reverse = reader.number()?;
        heads.push((window, forward, reverse));
    }
    let mut at = reader.at;
    let mut entries = Vec::with_capacity(count);
    for (window, forward, reverse) in heads {
        let forward_end = at + forward;
        let reverse_end = forward_end + reverse;
        entries.push(Entry {
            window,
            forward: at..forward_end,
            reverse: forward_end..reverse_end,
        });
        at = reverse_end;
    }
    if at != stored.len() {
        return Err(stale("the file is not as long as its index says"));
    }
    Ok(entries)
}

fn stale(what: &str) -> String {
    format!("date automata out of date ({what}): run `UPDATE_DATE_AUTOMATA=1 cargo test --lib automata`")
}

/// The tags of the stored states.
mod tag {
    pub const RANGE: u8 = 0;
    pub const SPARSE: u8 = 1;
    pub const LOOK: u8 = 2;
    pub const UNION: u8 = 3;
    pub const CAPTURE_START: u8 = 4;
    pub const CAPTURE_END: u8 = 5;
    pub const FAIL: u8 = 6;
    pub const MATCH: u8 = 7;
}

const UTF8: u64 = 1;
const REVERSE: u64 = 2;

/// Reads the numbers, ids and names of one stored NFA or of the index.
struct Reader<'b> {
    bytes: &'b [u8],
    at: usize,
}

impl Reader<'_> {
    fn byte(&mut self) -> Result<u8, String> {
        let b = *self
            .bytes
            .get(self.at)
            .ok_or_else(|| stale("the file ends early"))?;
        self.at += 1;
        Ok(b)
    }

    fn varint(&mut self) -> Result<u64, String> {
        let mut value = 0u64;
        for shift in (0..64).step_by(7) {
            let b = self.byte()?;
            value |= u64::from(b & 0x7f) << shift;
            if b & 0x80 == 0 {
                return Ok(value);
            }
        }
        Err(stale("a number too long"))
    }

    fn number(&mut self) -> Result<usize, String> {
        usize::try_from(self.varint()?).map_err(|_| stale("a number too large"))
    }

    /// A name stored as its length and its bytes.
    fn text(&mut self) -> Result<&str, String> {
        let len = self.number()?;
        self.bytes_as_text(len)
    }

    fn bytes_as_text(&mut self, len: usize) -> Result<&str, String> {
        let bytes = self
            .bytes
            .get(self.at..self.at.saturating_add(len))
            .ok_or_else(|| stale("the file ends early"))?;
        self.at += len;
        std::str::from_utf8(bytes).map_err(|_| stale("a name that is not UTF-8"))
    }

    /// A state id stored as its zig-zag difference from `from`.
    fn id(&mut self, from: usize) -> Result<StateID, String> {
        let zigzag = self.varint()?;
        let delta = (zigzag >> 1) as i64 ^ -((zigzag & 1) as i64);
        let id = (from as i64)
            .checked_add(delta)
            .and_then(|id| usize::try_from(id).ok())
            .ok_or_else(|| stale("a state id out of range"))?;
        StateID::new(id).map_err(|_| stale("a state id out of range"))
    }
}

/// The NFA stored in `bytes`, rebuilt with regex-automata's builder state for state. Every id
/// and group is checked before the builder sees it, so a damaged file is an error.
fn decode(bytes: &[u8]) -> Result<NFA, String> {
    let mut r = Reader { bytes, at: 0 };
    let flags = r.varint()?;
    let starts = [r.id(0)?, r.id(0)?, r.id(0)?];
    let mut names: Vec<Option<Arc<str>>> = Vec::new();
    for _ in 0..r.number()? {
        names.push(match r.number()? {
            0 => None,
            len_plus_one => Some(Arc::from(r.bytes_as_text(len_plus_one - 1)?)),
        });
    }
    let mut builder = Builder::new();
    builder.set_utf8(flags & UTF8 != 0);
    builder.set_reverse(flags & REVERSE != 0);
    builder.start_pattern().map_err(|e| e.to_string())?;
    // The highest state id referred to, and the groups whose start has been seen.
    let mut highest = starts.iter().map(|id| id.as_usize()).max().unwrap_or(0);
    let mut started = vec![false; names.len()];
    let mut sid = 0;
    while r.at < bytes.len() {
        let mut refer = |id: StateID| {
            highest = highest.max(id.as_usize());
            id
        };
        let added = match r.byte()? {
            tag::RANGE => {
                let trans = transition(&mut r, sid)?;
                refer(trans.next);
                builder.add_range(trans)
            }
            tag::SPARSE => {
                let n = r.number()?;
                let mut transitions = Vec::with_capacity(n.min(256));
                for _ in 0..n {
                    let t = transition(&mut r, sid)?;
                    refer(t.next);
                    transitions.push(t);
                }
                builder.add_sparse(transitions)
            }
            tag::LOOK => {
                let repr = u32::try_from(r.varint()?).map_err(|_| stale("a look out of range"))?;
                let look = Look::from_repr(repr).ok_or_else(|| stale("an unknown look"))?;
                let next = refer(r.id(sid)?);
                builder.add_look(next, look)
            }
            tag::UNION => {
                let n = r.number()?;
                let mut alternates = Vec::with_capacity(n.min(256));
                for _ in 0..n {
                    alternates.push(refer(r.id(sid)?));
                }
                builder.add_union(alternates)
            }
            state @ (tag::CAPTURE_START | tag::CAPTURE_END) => {
                let ends = state == tag::CAPTURE_END;
                let next = refer(r.id(sid)?);
                let group = r.number()?;
                if group >= names.len() || (ends && !started[group]) {
                    return Err(stale("a group out of range"));
                }
                let index = u32::try_from(group).map_err(|_| stale("a group out of range"))?;
                if ends {
                    builder.add_capture_end(next, index)
                } else {
                    started[group] = true;
                    builder.add_capture_start(next, index, names[group].clone())
                }
            }
            tag::FAIL => builder.add_fail(),
            tag::MATCH => builder.add_match(),
            _ => return Err(stale("an unknown state")),
        };
        let added = added.map_err(|e| e.to_string())?;
        if added.as_usize() != sid {
            return Err(stale("states out of order"));
        }
        sid += 1;
    }
    if highest >= sid || started.iter().any(|&s| !s) {
        return Err(stale("a state or group referred to but not stored"));
    }
    let [anchored, unanchored, pattern] = starts;
    builder.finish_pattern(pattern).map_err(|e| e.to_string())?;
    builder
        .build(anchored, unanchored)
        .map_err(|e| e.to_string())
}

fn transition(r: &mut Reader, sid: usize) -> Result<Transition, String> {
    let start = r.byte()?;
    let end = r.byte()?;
    let next = r.id(sid)?;
    Ok(Transition { start, end, next })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::detect::dates::rules::expand;
    use regex_automata::nfa::thompson::{self, State, WhichCaptures};
    use regex_automata::PatternID;

    /// What regex-automata's compiler makes of rule `rule`: forward (with groups) and reverse.
    fn compiled(rule: usize) -> (NFA, NFA) {
        let pattern = expand(RULES[rule].pattern);
        let forward = thompson::Compiler::new().build(&pattern).unwrap();
        let reverse = thompson::Compiler::new()
            .configure(
                thompson::Config::new()
                    .reverse(true)
                    .which_captures(WhichCaptures::None),
            )
            .build(&pattern)
            .unwrap();
        (forward, reverse)
    }

    /// The window of rule `rule`, from its parsed pattern.
    fn compiled_window(rule: usize) -> Option<usize> {
        let hir = regex_automata::util::syntax::parse(&expand(RULES[rule].pattern)).unwrap();
        match (
            hir.properties().minimum_len(),
            hir.properties().maximum_len(),
        ) {
            (Some(shortest), Some(longest)) if shortest > 0 => Some(longest),
            _ => None,
        }
    }

    fn push_varint(out: &mut Vec<u8>, mut n: u64) {
        loop {
            let low = (n & 0x7f) as u8;
            n >>= 7;
            if n == 0 {
                out.push(low);
                return;
            }
            out.push(low | 0x80);
        }
    }

    fn push_id(out: &mut Vec<u8>, from: usize, id: StateID) {
        let delta = id.as_usize() as i64 - from as i64;
        push_varint(out, ((delta << 1) ^ (delta >> 63)) as u64);
    }

    fn push_transition(out: &mut Vec<u8>, sid: usize, t: &Transition) {
        out.push(t.start);
        out.push(t.end);
        push_id(out, sid, t.next);
    }

    fn encode(nfa: &NFA) -> Vec<u8> {
        let mut out = Vec::new();
        let flags =
            if nfa.is_utf8() { UTF8 } else { 0 } | if nfa.is_reverse() { REVERSE } else { 0 };
        push_varint(&mut out, flags);
        push_id(&mut out, 0, nfa.start_anchored());
        push_id(&mut out, 0, nfa.start_unanchored());
        push_id(&mut out, 0, nfa.start_pattern(PatternID::ZERO).unwrap());
        let names: Vec<Option<&str>> = nfa.group_info().pattern_names(PatternID::ZERO).collect();
        push_varint(&mut out, names.len() as u64);
        for name in names {
            match name {
                None => push_varint(&mut out, 0),
                Some(name) => {
                    push_varint(&mut out, name.len() as u64 + 1);
                    out.extend_from_slice(name.as_bytes());
                }
            }
        }
        for (sid, state) in nfa.states().iter().enumerate() {
            match state {
                State::ByteRange { trans } => {
                    out.push(tag::RANGE);
                    push_transition(&mut out, sid, trans);
                }
                State::Sparse(sparse) => {
                    out.push(tag::SPARSE);
                    push_varint(&mut out, sparse.transitions.len() as u64);
                    for t in sparse.transitions.iter() {
                        push_transition(&mut out, sid, t);
                    }
                }
                State::Look { look, next } => {
                    out.push(tag::LOOK);
                    push_varint(&mut out, u64::from(look.as_repr()));
                    push_id(&mut out, sid, *next);
                }
                State::Union { alternates } => {
                    out.push(tag::UNION);
                    push_varint(&mut out, alternates.len() as u64);
                    for &alt in alternates.iter() {
                        push_id(&mut out, sid, alt);
                    }
                }
                State::BinaryUnion { alt1, alt2 } => {
                    out.push(tag::UNION);
                    push_varint(&mut out, 2);
                    push_id(&mut out, sid, *alt1);
                    push_id(&mut out, sid, *alt2);
                }
                State::Capture {
                    next,
                    group_index,
                    slot,
                    ..
                } => {
                    let starts = slot.as_usize() % 2 == 0;
                    out.push(if starts {
                        tag::CAPTURE_START
                    } else {
                        tag::CAPTURE_END
                    });
                    push_id(&mut out, sid, *next);
                    push_varint(&mut out, group_index.as_usize() as u64);
                }
                State::Fail => out.push(tag::FAIL),
                State::Match { .. } => out.push(tag::MATCH),
                State::Dense(_) => panic!("the compiler makes no dense states"),
            }
        }
        out
    }

    /// The file as the patterns compile today.
    fn encode_all() -> Vec<u8> {
        let mut index = Vec::new();
        let mut bodies = Vec::new();
        push_varint(&mut index, RULES.len() as u64);
        for (rule, r) in RULES.iter().enumerate() {
            let (forward, reverse) = compiled(rule);
            let (forward, reverse) = (encode(&forward), encode(&reverse));
            push_varint(&mut index, r.name.len() as u64);
            index.extend_from_slice(r.name.as_bytes());
            push_varint(
                &mut index,
                compiled_window(rule).map_or(0, |w| w as u64 + 1),
            );
            push_varint(&mut index, forward.len() as u64);
            push_varint(&mut index, reverse.len() as u64);
            bodies.extend(forward);
            bodies.extend(reverse);
        }
        index.extend(bodies);
        index
    }

    #[test]
    fn the_stored_automata_are_what_the_patterns_compile_to() {
        let fresh = encode_all();
        if std::env::var_os("UPDATE_DATE_AUTOMATA").is_some() {
            let path = concat!(env!("CARGO_MANIFEST_DIR"), "/src/detect/dates/automata.bin");
            std::fs::write(path, &fresh).unwrap();
            return;
        }
        assert!(fresh == STORED, "{}", stale("a pattern changed"));
    }

    /// Every stored NFA rebuilds into the compiler's, state for state, with the same starts,
    /// groups, byte classes and looks.
    #[test]
    fn each_stored_automaton_rebuilds_into_the_compiled_one() {
        for (rule, written) in RULES.iter().enumerate() {
            let (forward, reverse) = compiled(rule);
            for (stored, compiled) in [
                (super::forward(rule), forward),
                (super::reverse(rule), reverse),
            ] {
                let stored = stored.unwrap();
                let name = written.name;
                assert_eq!(format!("{stored:?}"), format!("{compiled:?}"), "{name}");
                assert_eq!(
                    format!("{:?}", stored.byte_classes()),
                    format!("{:?}", compiled.byte_classes()),
                    "{name}"
                );
                assert_eq!(stored.look_set_any(), compiled.look_set_any(), "{name}");
                assert_eq!(
                    stored.look_set_prefix_any(),
                    compiled.look_set_prefix_any(),
                    "{name}"
                );
                assert_eq!(stored.has_empty(), compiled.has_empty(), "{name}");
                assert_eq!(stored.is_utf8(), compiled.is_utf8(), "{name}");
                assert_eq!(stored.is_reverse(), compiled.is_reverse(), "{name}");
                assert_eq!(
                    stored.is_always_start_anchored(),
                    compiled.is_always_start_anchored(),
                    "{name}"
                );
                let names = |nfa: &NFA| -> Vec<Option<String>> {
                    nfa.group_info()
                        .pattern_names(PatternID::ZERO)
                        .map(|n| n.map(String::from))
                        .collect()
                };
                assert_eq!(names(&stored), names(&compiled), "{name}");
            }
            assert_eq!(
                window(rule).unwrap(),
                compiled_window(rule),
                "{}",
                RULES[rule].name
            );
        }
    }

    #[test]
    fn a_damaged_file_is_an_error_not_a_panic() {
        assert!(index(&[]).is_err());
        assert!(index(&STORED[..STORED.len() - 1]).is_err());
        let whole = &STORED[entry(0).unwrap().forward.clone()];
        for cut in [0, 1, 4, whole.len() / 2, whole.len() - 1] {
            assert!(decode(&whole[..cut]).is_err(), "cut at {cut}");
        }
        assert!(decode(&[0, 0, 0, 0, 0, 99]).is_err());
    }

    #[test]
    fn varints_and_state_differences_read_back() {
        let mut out = Vec::new();
        for n in [0u64, 1, 127, 128, 300, u64::from(u32::MAX)] {
            push_varint(&mut out, n);
        }
        for (from, id) in [(5, 6), (5, 0), (0, 1283), (1283, 2)] {
            push_id(&mut out, from, StateID::new(id).unwrap());
        }
        let mut r = Reader { bytes: &out, at: 0 };
        for n in [0u64, 1, 127, 128, 300, u64::from(u32::MAX)] {
            assert_eq!(r.varint().unwrap(), n);
        }
        for (from, id) in [(5, 6), (5, 0), (0, 1283), (1283, 2)] {
            assert_eq!(r.id(from).unwrap().as_usize(), id);
        }
        assert!(r.varint().is_err());
    }
}
