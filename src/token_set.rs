//! A set of a document's tokens, one bit each: built in one pass with no branch per token, and
//! read from one member to the next. A detector that looks at only some tokens (capitalized
//! words, say) skips the rest this way instead of testing each, a test whose outcome news makes
//! hard for the processor to predict.

use crate::segment::Token;

/// Tokens, by index, that passed a test.
#[derive(Debug, Clone, Default)]
pub struct TokenSet {
    bits: Vec<u64>,
}

impl TokenSet {
    /// The indices of the `tokens` for which `member` is true.
    pub fn of(tokens: &[Token], member: impl Fn(&Token) -> bool) -> TokenSet {
        let mut bits = vec![0u64; tokens.len().div_ceil(64)];
        for (k, t) in tokens.iter().enumerate() {
            bits[k / 64] |= u64::from(member(t)) << (k % 64);
        }
        TokenSet { bits }
    }

    /// True when token `i` is in the set.
    pub fn contains(&self, i: usize) -> bool {
        self.bits
            .get(i / 64)
            .is_some_and(|bits| bits >> (i % 64) & 1 != 0)
    }

    /// The first token in the set at or after `from`.
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
    use crate::segment::segment;

    #[test]
    fn members_are_found_in_order_across_blocks() {
        let text = "a B c D ".repeat(40);
        let doc = segment(&text);
        let set = TokenSet::of(&doc.tokens, Token::starts_upper);
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
        assert_eq!(TokenSet::of(&[], |_| true).next_from(0), None);
    }
}
