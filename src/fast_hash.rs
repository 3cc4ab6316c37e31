//! `FastMap` and `FastSet`: hash maps keyed by short words and offsets, with a cheap hasher.
//!
//! Owns the one hash function the annotator's maps use. The keys are words, spans and ids from a
//! single text the user pasted for their own reading, so the standard library's SipHash (built to
//! resist keys chosen by an attacker on a server) buys nothing here and costs about 7 % of a run.
//! This is the multiply-rotate hash of the Firefox and rustc hashers (`FxHasher`), written out.

use std::collections::{HashMap, HashSet};
use std::hash::{BuildHasherDefault, Hasher};

/// A `HashMap` with [`WordHasher`].
pub type FastMap<K, V> = HashMap<K, V, BuildHasherDefault<WordHasher>>;

/// A `HashSet` with [`WordHasher`].
pub type FastSet<T> = HashSet<T, BuildHasherDefault<WordHasher>>;

/// Multiply-rotate hasher over 8-byte words (not for keys an adversary picks).
#[derive(Debug, Default, Clone, Copy)]
pub struct WordHasher {
    hash: u64,
}

const SEED: u64 = 0x51_7c_c1_b7_27_22_0a_95;

impl WordHasher {
    #[inline]
    fn add(&mut self, word: u64) {
        self.hash = (self.hash.rotate_left(5) ^ word).wrapping_mul(SEED);
    }
}

impl Hasher for WordHasher {
    #[inline]
    fn write(&mut self, bytes: &[u8]) {
        // The length first: zero-padding the last chunk would otherwise make "a" and "a\0" equal.
        self.add(bytes.len() as u64);
        for_each_word(bytes, |word| self.add(word));
    }

    #[inline]
    fn write_u8(&mut self, n: u8) {
        self.add(u64::from(n));
    }

    #[inline]
    fn write_u32(&mut self, n: u32) {
        self.add(u64::from(n));
    }

    #[inline]
    fn write_u64(&mut self, n: u64) {
        self.add(n);
    }

    #[inline]
    fn write_usize(&mut self, n: usize) {
        self.add(n as u64);
    }

    #[inline]
    fn finish(&self) -> u64 {
        self.hash
    }
}

/// Calls `f` with `bytes` as 8-byte little-endian words, the last one padded with zeros: how the
/// hashers here read a byte string.
#[inline]
pub(crate) fn for_each_word(bytes: &[u8], mut f: impl FnMut(u64)) {
    let mut chunks = bytes.chunks_exact(8);
    for chunk in &mut chunks {
        let mut word = [0u8; 8];
        word.copy_from_slice(chunk);
        f(u64::from_le_bytes(word));
    }
    let tail = chunks.remainder();
    if !tail.is_empty() {
        f(short_word(tail));
    }
}

/// The first eight bytes of `bytes` (fewer when it is shorter) as a little-endian word, the
/// missing bytes zero.
#[inline]
pub(crate) fn padded_word(bytes: &[u8]) -> u64 {
    match bytes.first_chunk::<8>() {
        Some(word) => u64::from_le_bytes(*word),
        None => short_word(bytes),
    }
}

/// [`padded_word`] of fewer than eight bytes, from two loads that may overlap (the same byte
/// lands in the same place from either): a copy of unknown length would be a call to `memcpy`,
/// and a byte at a time a chain of shifts.
#[inline]
fn short_word(bytes: &[u8]) -> u64 {
    let n = bytes.len();
    let two = |at: usize| u64::from(u16::from_le_bytes([bytes[at], bytes[at + 1]]));
    let four = |at: usize| {
        u64::from(u32::from_le_bytes([
            bytes[at],
            bytes[at + 1],
            bytes[at + 2],
            bytes[at + 3],
        ]))
    };
    match n {
        0 => 0,
        1 => u64::from(bytes[0]),
        2..=3 => two(0) | two(n - 2) << (8 * (n - 2)),
        _ => four(0) | four(n - 4) << (8 * (n - 4)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::hash::BuildHasher;

    fn hash(s: &str) -> u64 {
        BuildHasherDefault::<WordHasher>::default().hash_one(s)
    }

    #[test]
    fn tells_words_apart() {
        // Same first 8 bytes, different tails; prefixes; trailing NULs; case.
        let words = [
            "governor",
            "governors",
            "governed",
            "a",
            "a\0",
            "",
            "Paris",
            "paris",
        ];
        let hashes: FastSet<u64> = words.iter().map(|w| hash(w)).collect();
        assert_eq!(hashes.len(), words.len());
        assert_eq!(hash("Paris"), hash("Paris"));
    }

    #[test]
    fn a_short_word_reads_as_its_bytes_padded_with_zeros() {
        let bytes = [0x11, 0x22, 0x33, 0x44, 0x55, 0x66, 0x77, 0x88, 0x99];
        for len in 0..=bytes.len() {
            let mut padded = [0u8; 8];
            let kept = len.min(8);
            padded[..kept].copy_from_slice(&bytes[..kept]);
            assert_eq!(
                padded_word(&bytes[..len]),
                u64::from_le_bytes(padded),
                "{len} bytes"
            );
        }
    }

    #[test]
    fn map_works_as_a_map() {
        let mut m: FastMap<&str, usize> = FastMap::default();
        for (i, w) in ["said", "told", "said"].iter().enumerate() {
            *m.entry(w).or_insert(0) += i;
        }
        assert_eq!(m["said"], 2);
        assert_eq!(m["told"], 1);
        assert_eq!(m.get("asked"), None);
    }
}
