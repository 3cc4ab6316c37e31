//! A set of small indices, one bit each: built from a list in one pass with no branch per item,
//! and read from one member to the next. A detector that looks at only some tokens (capitalized
//! words, say) skips the rest this way instead of testing each, a test whose outcome news makes
//! hard for the processor to predict; a lookup table asks it whether a key can be there at all.

/// The indices of the bits set in `word`, lowest first.
pub fn ones(word: u64) -> impl Iterator<Item = usize> {
    let mut left = word;
    std::iter::from_fn(move || {
        let at = (left != 0).then(|| left.trailing_zeros() as usize)?;
        left &= left - 1;
        Some(at)
    })
}

/// Indices below a bound fixed when the set is made.
#[derive(Debug, Clone, Default)]
pub struct BitSet {
    bits: Vec<u64>,
}

impl BitSet {
    /// An empty set of indices below `len`.
    pub fn with_len(len: usize) -> BitSet {
        BitSet {
            bits: vec![0; len.div_ceil(64)],
        }
    }

    /// The indices of the `items` for which `member` is true.
    pub fn of<T>(items: &[T], member: impl Fn(&T) -> bool) -> BitSet {
        let mut set = BitSet::with_len(items.len());
        for (k, item) in items.iter().enumerate() {
            set.bits[k / 64] |= u64::from(member(item)) << (k % 64);
        }
        set
    }

    /// Puts `i` in the set; `i` must be below the set's bound.
    pub fn insert(&mut self, i: usize) {
        self.bits[i / 64] |= 1 << (i % 64);
    }

    /// True when `i` is in the set.
    pub fn contains(&self, i: usize) -> bool {
        self.bits
            .get(i / 64)
            .is_some_and(|bits| bits >> (i % 64) & 1 != 0)
    }

    /// The first member at or after `from`.
    pub fn next_from(&self, from: usize) -> Option<usize> {
        let mut block = from / 64;
        let mut bits = self.bits.get(block)? & (u64::MAX << (from % 64));
        while bits == 0 {
            block += 1;
            bits = *self.bits.get(block)?;
        }
        Some(block * 64 + bits.trailing_zeros() as usize)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::segment::{segment, Token};

    #[test]
    fn ones_are_the_set_bits_lowest_first() {
        assert_eq!(ones(0).count(), 0);
        assert_eq!(ones(0b1011_0001).collect::<Vec<_>>(), [0, 4, 5, 7]);
        assert_eq!(ones(1 << 63 | 2).collect::<Vec<_>>(), [1, 63]);
        assert_eq!(ones(u64::MAX).count(), 64);
    }

    #[test]
    fn members_are_found_in_order_across_blocks() {
        let text = "a B c D ".repeat(40);
        let doc = segment(&text);
        let set = BitSet::of(&doc.tokens, Token::starts_upper);
        let plain: Vec<usize> = (0..doc.tokens.len())
            .filter(|&k| doc.tokens[k].starts_upper())
            .collect();
        let mut walked = Vec::new();
        let mut from = 0;
        while let Some(k) = set.next_from(from) {
            walked.push(k);
            from = k + 1;
        }
        assert_eq!(walked, plain);
        assert!(plain.len() > 64, "the text spans several blocks");
        assert!((0..doc.tokens.len() + 70).all(|k| set.contains(k) == plain.contains(&k)));
        assert_eq!(set.next_from(doc.tokens.len() + 5), None);
        assert_eq!(BitSet::of(&[0u8; 0], |_| true).next_from(0), None);
    }

    #[test]
    fn inserted_indices_are_members_and_others_are_not() {
        let mut set = BitSet::with_len(130);
        for i in [0, 63, 64, 129] {
            set.insert(i);
        }
        let members: Vec<usize> = (0..200).filter(|&i| set.contains(i)).collect();
        assert_eq!(members, [0, 63, 64, 129]);
        assert_eq!(set.next_from(1), Some(63));
        assert_eq!(set.next_from(65), Some(129));
        assert_eq!(set.next_from(130), None);
    }
}
