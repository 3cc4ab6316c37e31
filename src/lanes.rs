//! Byte scans eight bytes at a time: a text read as 64-bit words, each byte a lane, and tests
//! whose result is the top bit of each lane. News is long runs of bytes no scan is after (letters
//! between quote marks, words between digits), which this reads for a few operations a word.
//!
//! Owns the lane arithmetic; what a scan looks for is its caller's.

/// Eight bytes in each lane of a word.
const fn lanes(b: u8) -> u64 {
    u64::from_ne_bytes([b; 8])
}

/// The top bit of each lane.
const TOP_BITS: u64 = lanes(0x80);

/// The first byte at or after `from` that `marks` finds, or `bytes.len()`. Reads eight bytes
/// at a time: `marks` gets them as a little-endian word and sets the top bit of each lane that
/// holds a byte it is after; `is` decides the last few bytes one by one.
pub fn first_marked(
    bytes: &[u8],
    from: usize,
    marks: impl Fn(u64) -> u64,
    is: impl Fn(u8) -> bool,
) -> usize {
    let mut at = from;
    while let Some(chunk) = bytes.get(at..at + 8) {
        let found = marks(u64::from_le_bytes(chunk.try_into().unwrap_or([0; 8])));
        if found != 0 {
            return at + (found.trailing_zeros() / 8) as usize;
        }
        at += 8;
    }
    bytes
        .get(at..)
        .and_then(|rest| rest.iter().position(|&b| is(b)))
        .map_or(bytes.len(), |n| at + n)
}

/// The lanes of `word` holding an ASCII digit: the byte is below 0x80, and its low seven bits
/// are at least `0` and at most `9`, each test carried in the lane's top bit (the 7-bit sums
/// never carry into the next lane).
fn digit_lanes(word: u64) -> u64 {
    let low = word & !TOP_BITS;
    let at_least_zero = low + lanes(0x80 - b'0');
    let at_most_nine = lanes(0x80 + b'9') - low;
    at_least_zero & at_most_nine & !word & TOP_BITS
}

/// The lanes of `word` holding an ASCII letter, as [`digit_lanes`] finds digits (lower-cased,
/// from `a` to `z`).
fn letter_lanes(word: u64) -> u64 {
    let lower = word & !TOP_BITS | lanes(0x20);
    let at_least_a = lower + lanes(0x80 - b'a');
    let at_most_z = lanes(0x80 + b'z') - lower;
    at_least_a & at_most_z & !word & TOP_BITS
}

/// The first ASCII digit in `bytes` at or after `from` (news holds few).
pub fn next_digit(bytes: &[u8], from: usize) -> Option<usize> {
    let at = first_marked(bytes, from, digit_lanes, |b| b.is_ascii_digit());
    (at < bytes.len()).then_some(at)
}

/// Where the run of ASCII letters and digits at `from` (at most `bytes.len()`) ends, and whether
/// it holds a letter: `(from, false)` when there is none.
pub fn end_of_letters_and_digits(bytes: &[u8], from: usize) -> (usize, bool) {
    let mut at = from;
    let mut letters = 0;
    while let Some(chunk) = bytes.get(at..at + 8) {
        let word = u64::from_le_bytes(chunk.try_into().unwrap_or([0; 8]));
        let word_letters = letter_lanes(word);
        let stops = !(word_letters | digit_lanes(word)) & TOP_BITS;
        if stops != 0 {
            // The lanes before the first stop (their top bits; none when it is the first lane).
            let before = stops ^ (stops - 1);
            letters |= word_letters & before;
            return (at + (stops.trailing_zeros() / 8) as usize, letters != 0);
        }
        letters |= word_letters;
        at += 8;
    }
    let mut has_letter = letters != 0;
    for &b in &bytes[at..] {
        if !b.is_ascii_alphanumeric() {
            break;
        }
        has_letter |= b.is_ascii_alphabetic();
        at += 1;
    }
    (at, has_letter)
}

/// Calls `visit`, in order, with each position of `bytes` that holds an ASCII letter or digit
/// not right after an ASCII letter (`M` in `Ma1`, not `a` nor `1`; a digit after a digit is
/// visited), or the byte `extra` wherever it is. Reads eight bytes at a time.
pub fn for_each_word_start_or(bytes: &[u8], extra: u8, mut visit: impl FnMut(usize)) {
    let mut at = 0;
    // The top bit of lane 0 when the byte before the word read next is a letter.
    let mut letter_before = 0;
    while at < bytes.len() {
        // The last few bytes padded to a word, the padding's lanes masked off: one loop, so that
        // `visit` is called from one place (and compiled into it).
        let (word, valid) = match bytes.get(at..at + 8) {
            Some(chunk) => (
                u64::from_le_bytes(chunk.try_into().unwrap_or([0; 8])),
                u64::MAX,
            ),
            None => {
                let mut padded = [0; 8];
                let n = bytes.len() - at;
                padded[..n].copy_from_slice(&bytes[at..]);
                (u64::from_le_bytes(padded), (1 << (8 * n)) - 1)
            }
        };
        let letters = letter_lanes(word);
        let after_letter = letters << 8 | letter_before;
        let mut wanted =
            ((letters | digit_lanes(word)) & !after_letter | equal_lanes(word, extra)) & valid;
        while wanted != 0 {
            visit(at + (wanted.trailing_zeros() / 8) as usize);
            wanted &= wanted - 1;
        }
        letter_before = letters >> 56;
        at += 8;
    }
}

/// The lanes of `word` equal to `b`, exactly: the low seven bits of a lane that differs from `b`
/// add up past 0x7f, or its top bit differs (the 7-bit sums never carry into the next lane).
pub fn equal_lanes(word: u64, b: u8) -> u64 {
    let differs = word ^ lanes(b);
    !(((differs & !TOP_BITS) + !TOP_BITS) | differs) & TOP_BITS
}

/// The lanes of `word` holding a UTF-8 continuation byte (`10xxxxxx`): top bit set, the next
/// one clear (each lane's second bit shifts into its own top bit).
pub fn continuation_lanes(word: u64) -> u64 {
    word & !(word << 1) & TOP_BITS
}

/// The lanes of `word` holding the first byte of a four-byte UTF-8 character (`11110xxx`; no
/// valid UTF-8 byte is higher): its four top bits set.
pub fn four_byte_lead_lanes(word: u64) -> u64 {
    word & (word << 1) & (word << 2) & (word << 3) & TOP_BITS
}

/// How many lanes a test marked (set their top bit): the lanes' low bits summed by one
/// multiplication into the top lane (eight at most, so no lane overflows).
pub fn marked_lanes(marks: u64) -> usize {
    (((marks >> 7).wrapping_mul(lanes(1))) >> 56) as usize
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf8_byte_kinds_are_found_in_every_lane() {
        for b in 0..=255u8 {
            for lane in 0..8 {
                // The other lanes hold bytes of every kind around it.
                let mut bytes = [b'a', 0xC3, 0xA9, 0xF0, 0x9F, 0x98, 0x80, 0xFF];
                bytes[lane] = b;
                let word = u64::from_le_bytes(bytes);
                let expect = |test: fn(u8) -> bool| {
                    bytes
                        .iter()
                        .enumerate()
                        .filter(|&(_, &x)| test(x))
                        .fold(0u64, |m, (k, _)| m | 0x80 << (8 * k))
                };
                let continuations = expect(|x| x & 0xC0 == 0x80);
                assert_eq!(
                    continuation_lanes(word),
                    continuations,
                    "{b:#x} in lane {lane}"
                );
                let count = continuations.count_ones() as usize;
                assert_eq!(marked_lanes(continuations), count, "{b:#x} in lane {lane}");
                assert_eq!(
                    four_byte_lead_lanes(word),
                    expect(|x| x >= 0xF0),
                    "{b:#x} in lane {lane}"
                );
            }
        }
    }

    #[test]
    fn runs_of_letters_and_digits_end_where_a_plain_scan_ends_them() {
        // Every byte value in every place of runs shorter and longer than a word, from every start.
        let plain = |bytes: &[u8], from: usize| {
            let run = bytes[from..]
                .iter()
                .take_while(|b| b.is_ascii_alphanumeric());
            let n = run.clone().count();
            (from + n, run.take(n).any(|b| b.is_ascii_alphabetic()))
        };
        for b in 0..=255u8 {
            for len in [0, 1, 7, 8, 9, 16, 17] {
                for at in 0..len {
                    for filler in [b'7', b'x'] {
                        let mut bytes = vec![filler; len];
                        bytes[at] = b;
                        for from in 0..=len {
                            assert_eq!(
                                end_of_letters_and_digits(&bytes, from),
                                plain(&bytes, from),
                                "{b:#x} at {at} of {len}, from {from}, in {}",
                                filler as char
                            );
                        }
                    }
                }
            }
        }
    }

    #[test]
    fn word_starts_are_those_a_plain_scan_finds() {
        // Every byte value in every place of texts shorter and longer than a word, between
        // letters, digits, spaces and the extra byte, against a scan byte by byte.
        let plain = |bytes: &[u8]| {
            (0..bytes.len())
                .filter(|&k| {
                    let after_letter = k > 0 && bytes[k - 1].is_ascii_alphabetic();
                    bytes[k] == b'/' || bytes[k].is_ascii_alphanumeric() && !after_letter
                })
                .collect::<Vec<_>>()
        };
        for b in 0..=255u8 {
            for len in [0, 1, 7, 8, 9, 16, 17] {
                for at in 0..len {
                    for filler in [b'7', b'x', b' ', b'/'] {
                        let mut bytes = vec![filler; len];
                        bytes[at] = b;
                        let mut seen = Vec::new();
                        for_each_word_start_or(&bytes, b'/', |k| seen.push(k));
                        assert_eq!(
                            seen,
                            plain(&bytes),
                            "{b:#x} at {at} of {len} in {}",
                            filler as char
                        );
                    }
                }
            }
        }
    }

    #[test]
    fn next_digit_finds_the_first_digit_byte_by_byte() {
        // Every byte value in every lane of a word and in the tail, against a plain scan.
        for b in 0..=255u8 {
            for len in [1, 7, 8, 9, 16, 17] {
                for place in 0..len {
                    let mut bytes = vec![b'x'; len];
                    bytes[place] = b;
                    for from in [0, place, place + 1] {
                        let plain = bytes
                            .get(from..)
                            .and_then(|rest| rest.iter().position(u8::is_ascii_digit))
                            .map(|n| from + n);
                        assert_eq!(next_digit(&bytes, from), plain, "{b} at {place} of {len}");
                    }
                }
            }
        }
        assert_eq!(next_digit("Zürich, 19 Mai".as_bytes(), 0), Some(9));
        assert_eq!(next_digit(b"", 0), None);
    }

    #[test]
    fn equal_lanes_marks_exactly_the_equal_bytes() {
        for b in 0..=255u8 {
            for other in [0u8, 1, 0x7f, 0x80, 0xff, b ^ 1, b ^ 0x80, b] {
                for place in 0..8 {
                    let mut bytes = [other; 8];
                    bytes[place] = b;
                    let marked = equal_lanes(u64::from_le_bytes(bytes), b);
                    let expected = (0..8)
                        .filter(|&i| bytes[i] == b)
                        .fold(0u64, |m, i| m | 0x80 << (8 * i));
                    assert_eq!(marked, expected, "{b:#x} among {other:#x} at {place}");
                }
            }
        }
    }
}
