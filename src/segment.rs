//! Segmentation: text → `Document` with paragraphs, sentences and tokens, all as byte spans.
//!
//! Owns where paragraphs, sentences and words begin and end. It does not classify words (names,
//! places …); detectors do that. Paragraphs are lines: news pasted from a page puts one paragraph on a
//! line, and a blank line is never part of a paragraph. `\r\n` and lone `\r` end lines too.

use crate::lanes::{self, equal_lanes, first_marked};
use crate::lexicon::WordShapes;
use crate::span::Span;
use crate::two_threads;

/// The text cut into the units detectors work on. Each list is in text order without overlap;
/// every sentence lies in one paragraph and starts at its first token, and every token lies in
/// one sentence, so one walk over the sentences meets the tokens in order.
#[derive(Debug, Clone)]
pub struct Document<'t> {
    /// The original text.
    pub text: &'t str,
    /// Non-blank lines, trimmed of surrounding white space.
    pub paragraphs: Vec<Span>,
    /// Sentences, each inside one paragraph.
    pub sentences: Vec<Span>,
    /// What each sentence holds, by sentence index: where its tokens are, whether it is in capitals.
    pub sentence_facts: Vec<SentenceFacts>,
    /// Words, numbers and single punctuation characters.
    pub tokens: Vec<Token>,
}

/// What a sentence holds, found while it is cut.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SentenceFacts {
    /// The index in [`Document::tokens`] of its first token; its tokens run to the next
    /// sentence's first (see [`Document::sentence_tokens`]).
    pub first_token: usize,
    /// Its words are set in capitals ([`in_capitals`]): a headline.
    pub in_capitals: bool,
}

impl Document<'_> {
    /// The indices in `tokens` of sentence `k`'s tokens (empty past the last sentence).
    pub fn sentence_tokens(&self, k: usize) -> std::ops::Range<usize> {
        let start = |k: usize| {
            self.sentence_facts
                .get(k)
                .map_or(self.tokens.len(), |f| f.first_token)
        };
        start(k)..start(k + 1)
    }

    /// The lists without the text, to be kept apart from it and put back with [`Lists::over`].
    pub fn into_lists(self) -> Lists {
        Lists {
            paragraphs: self.paragraphs,
            sentences: self.sentences,
            sentence_facts: self.sentence_facts,
            tokens: self.tokens,
        }
    }
}

/// A [`Document`]'s lists without the text they point into: what a caller keeps between two steps
/// of one annotation when it also owns the text (see `two_parts`).
#[derive(Debug, Clone)]
pub struct Lists {
    paragraphs: Vec<Span>,
    sentences: Vec<Span>,
    sentence_facts: Vec<SentenceFacts>,
    tokens: Vec<Token>,
}

impl Lists {
    /// The document again, over `text`: the text the lists were cut from.
    pub fn over(self, text: &str) -> Document<'_> {
        Document {
            text,
            paragraphs: self.paragraphs,
            sentences: self.sentences,
            sentence_facts: self.sentence_facts,
            tokens: self.tokens,
        }
    }
}

/// A word, a number or one punctuation character.
///
/// Stored in 8 bytes (32-bit start, 16-bit length, kind, two flags) rather than a [`Span`] and a
/// kind (24): tokens are most of the memory an annotation holds (about one per 5 bytes of text),
/// and every detector reads them, so a text is at most [`MAX_TOKENIZED_BYTES`] long and a token
/// at most [`MAX_TOKEN_BYTES`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Token {
    start: u32,
    len: u16,
    /// What it is.
    pub kind: TokenKind,
    /// [`STARTS_UPPER`] and [`HAS_HYPHEN`].
    flags: u8,
}

/// [`Token`] flag: the first character is upper case (asked of most words, and known while
/// cutting them).
const STARTS_UPPER: u8 = 1;
/// [`Token`] flag: a word or number whose parts an ASCII hyphen joins (`al-Assad`, `3-2`), known
/// while joining them.
const HAS_HYPHEN: u8 = 2;

/// Longest token, in bytes: a longer run of word characters (no word of any language, only junk
/// such as a pasted blob) is cut into tokens of at most this many bytes, on character boundaries.
pub const MAX_TOKEN_BYTES: usize = u16::MAX as usize;

impl Token {
    /// A token of `kind` at `span` whose first character is `first`; `span` must end within
    /// [`MAX_TOKENIZED_BYTES`] and be at most [`MAX_TOKEN_BYTES`] long.
    pub fn new(span: Span, kind: TokenKind, first: char) -> Token {
        debug_assert!(within_tokenized_bytes(span.end) && span.len() <= MAX_TOKEN_BYTES);
        Token {
            start: span.start as u32,
            len: span.len() as u16,
            kind,
            flags: if first.is_uppercase() {
                STARTS_UPPER
            } else {
                0
            },
        }
    }

    /// This token, marked as one whose parts a hyphen joins.
    fn with_hyphen(self) -> Token {
        Token {
            flags: self.flags | HAS_HYPHEN,
            ..self
        }
    }

    /// True for a word or number whose parts an ASCII hyphen `-` joins (a hyphen alone is a
    /// punctuation token, and no word starts or ends with one).
    #[inline]
    pub fn has_hyphen(&self) -> bool {
        self.flags & HAS_HYPHEN != 0
    }

    /// True when its first character is upper case ([`char::is_uppercase`]).
    #[inline]
    pub fn starts_upper(&self) -> bool {
        self.flags & STARTS_UPPER != 0
    }

    /// Where it is.
    #[inline]
    pub fn span(&self) -> Span {
        let start = self.start as usize;
        Span {
            start,
            end: start + self.len as usize,
        }
    }
}

/// True when the words among `tokens` show an upper-case letter and not one lower-case letter: a
/// headline or a sentence set in capitals. The scan stops at the first lower-case letter, which
/// most sentences show in their first word.
pub fn in_capitals(text: &str, tokens: &[Token]) -> bool {
    let mut upper = false;
    for t in tokens.iter().filter(|t| t.kind == TokenKind::Word) {
        for c in t.span().text(text).chars() {
            if c.is_lowercase() {
                return false;
            }
            upper |= c.is_uppercase();
        }
    }
    upper
}

/// Longest text, in bytes, that can be cut into tokens: a token's start and length are 32-bit.
/// A longer text is not annotated (`crate::annotate` says so in a note); at about ten bytes of
/// memory for each byte of text it would need some 40 GB.
pub const MAX_TOKENIZED_BYTES: usize = u32::MAX as usize;

/// True when a text or offset of `len` bytes is within [`MAX_TOKENIZED_BYTES`] (always, in a
/// 32-bit build): the test written so that it reads the same whatever the size of `usize`.
pub fn within_tokenized_bytes(len: usize) -> bool {
    u32::try_from(len).is_ok()
}

/// Token classes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[repr(u8)]
pub enum TokenKind {
    /// Letters (possibly with digits, inner apostrophes, hyphens or periods: `don't`, `U.S`, `al-Assad`).
    Word,
    /// Digits, possibly with inner `.`, `,` or `:` (`1,990`, `3.5`, `10:30`).
    Number,
    /// Any other single non-space character.
    Punct,
}

/// Abbreviations after which a period does not end a sentence (matched case-sensitively), in byte
/// order for a binary search.
const ABBREVIATIONS: &[&str] = &[
    "Adm", "Apr", "Aug", "Brig", "Capt", "Cmdr", "Co", "Col", "Corp", "Dec", "Dept", "Dr", "Feb",
    "Fla", "Ft", "Gen", "Gov", "Inc", "Jan", "Jr", "Jul", "Jun", "Lt", "Ltd", "Maj", "Mar",
    "Messrs", "Mr", "Mrs", "Ms", "Mt", "No", "Nov", "Oct", "Prof", "Rep", "Rev", "Sen", "Sep",
    "Sept", "Sgt", "Sr", "St", "Supt", "vs",
];

/// The first bytes and lengths of [`ABBREVIATIONS`]: most words before a period (`said.`, `year.`)
/// are turned away without the search.
const ABBREVIATION_SHAPES: WordShapes = WordShapes::of(ABBREVIATIONS);

/// Cuts `text` into paragraphs, sentences and tokens.
///
/// Paragraphs are cut independently, so on a long text the lines of its second half
/// (`second_half_from`) are found and cut on a second thread (see `two_threads`), in pieces,
/// and appended to the first half. Without a second thread all are cut in one pass, with nothing
/// to copy. A text longer than [`MAX_TOKENIZED_BYTES`] has no paragraphs.
pub fn segment(text: &str) -> Document<'_> {
    if !within_tokenized_bytes(text.len()) {
        return Document {
            text,
            paragraphs: Vec::new(),
            sentences: Vec::new(),
            sentence_facts: Vec::new(),
            tokens: Vec::new(),
        };
    }
    let second_from = if two_threads::pays(text.len()) {
        second_half_from(text)
    } else {
        text.len() + 1
    };
    let ((mut paragraphs, mut cut), (later_paragraphs, later)) = two_threads::join(
        text.len(),
        || {
            let paragraphs = paragraphs(text, 0, second_from);
            // Room for the second thread's half too: about as many paragraphs again.
            let all_paragraphs = if second_from > text.len() {
                paragraphs.len()
            } else {
                paragraphs.len().saturating_mul(2)
            };
            let mut cut = Cut::with_room(all_paragraphs, text.len());
            cut.add(text, &paragraphs);
            (paragraphs, cut)
        },
        || {
            let paragraphs = paragraphs(text, second_from, text.len() + 1);
            let pieces = cut_in_pieces(text, &paragraphs);
            (paragraphs, pieces)
        },
    );
    paragraphs.extend_from_slice(&later_paragraphs);
    for piece in later {
        let tokens_before = cut.tokens.len();
        cut.sentences.extend_from_slice(&piece.sentences);
        cut.sentence_facts
            .extend(piece.sentence_facts.iter().map(|f| SentenceFacts {
                first_token: f.first_token + tokens_before,
                ..*f
            }));
        cut.tokens.extend_from_slice(&piece.tokens);
    }
    Document {
        text,
        paragraphs,
        sentences: cut.sentences,
        sentence_facts: cut.sentence_facts,
        tokens: cut.tokens,
    }
}

/// The sentences and tokens of some paragraphs, in order.
struct Cut {
    sentences: Vec<Span>,
    sentence_facts: Vec<SentenceFacts>,
    tokens: Vec<Token>,
}

/// Text per piece of [`cut_in_pieces`]: its tokens take about 50 KB, under glibc's 128 KB, where
/// allocations start being mapped one by one. Freeing such a mapping (the tokens of half a text,
/// once copied) raises that threshold, and the later allocations then grow the heap instead: on
/// 10 MB the peak went from 88 to 109 MB.
const PIECE_BYTES: usize = 16 * 1024;

impl Cut {
    /// An empty cut with room for `paragraphs` paragraphs of `bytes` of text in all (about one
    /// token per five bytes, two sentences a paragraph).
    fn with_room(paragraphs: usize, bytes: usize) -> Cut {
        Cut {
            sentences: Vec::with_capacity(paragraphs * 2),
            sentence_facts: Vec::with_capacity(paragraphs * 2),
            tokens: Vec::with_capacity(bytes / 5),
        }
    }

    /// Appends the sentences and tokens of `paragraphs` of `text`.
    fn add(&mut self, text: &str, paragraphs: &[Span]) {
        for &paragraph in paragraphs {
            let first_token = self.tokens.len();
            tokenize(text, paragraph, &mut self.tokens);
            let tokens = &self.tokens[first_token..];
            split_sentences(text, paragraph, tokens, |span, these| {
                self.sentences.push(span);
                self.sentence_facts.push(SentenceFacts {
                    first_token: first_token + these.start,
                    in_capitals: in_capitals(text, &tokens[these]),
                });
            });
        }
    }
}

/// `paragraphs` of `text` cut in order, in pieces of about [`PIECE_BYTES`] (a longer paragraph is
/// a piece of its own).
fn cut_in_pieces(text: &str, paragraphs: &[Span]) -> Vec<Cut> {
    let mut pieces = Vec::new();
    let mut rest = paragraphs;
    while !rest.is_empty() {
        let mut bytes = 0;
        let n = rest
            .iter()
            .take_while(|p| {
                bytes += p.len();
                bytes <= PIECE_BYTES
            })
            .count()
            .max(1);
        let (these, after) = rest.split_at(n);
        let mut piece = Cut::with_room(n, these.iter().map(|p| p.len()).sum());
        piece.add(text, these);
        pieces.push(piece);
        rest = after;
    }
    pieces
}

/// Where the lines the second thread cuts begin: right after the first line break from the
/// middle of `text` on, or past its end (`text.len() + 1`) when none follows. (Timed on 1 MB of
/// news, a first part of 48 % was as fast and 46 % or less slower: the calling thread also
/// appends the second's sentences and tokens to its own.)
fn second_half_from(text: &str) -> usize {
    first_marked(
        text.as_bytes(),
        text.len() / 2,
        line_break_lanes,
        is_line_break,
    ) + 1
}

/// The non-blank lines, trimmed, of the lines of `text` that start at byte `from` or after and
/// before byte `to`; `from` is 0 or follows a line break, and `to` is past the end of `text`
/// (`text.len() + 1`) or follows a line break, so that the lines of two such ranges that meet
/// are the lines of the whole.
fn paragraphs(text: &str, from: usize, to: usize) -> Vec<Span> {
    let mut out = Vec::new();
    let bytes = text.as_bytes();
    let mut line_start = from;
    while line_start < to && line_start <= bytes.len() {
        // Eight bytes at a time through the middle of a line.
        let end = first_marked(bytes, line_start, line_break_lanes, is_line_break);
        let line = Span::new(line_start, end).trim(text);
        if !line.is_empty() {
            out.push(line);
        }
        line_start = end + 1;
    }
    out
}

fn is_line_break(b: u8) -> bool {
    b == b'\n' || b == b'\r'
}

/// The lanes of `word` holding `\n` or `\r`.
fn line_break_lanes(word: u64) -> u64 {
    equal_lanes(word, b'\n') | equal_lanes(word, b'\r')
}

fn is_word_char(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphanumeric();
    }
    if let Some(letter) = known_letter(c) {
        return letter;
    }
    c.is_alphanumeric() || is_combining_mark(c)
}

/// [`char::is_alphabetic`].
fn is_letter(c: char) -> bool {
    known_letter(c).unwrap_or_else(|| c.is_alphabetic())
}

/// Whether `c` is a letter, for the characters beyond ASCII that news uses most, told without a
/// search of the Unicode tables (a few hundred instructions a character; on 1 MB of news 5 600
/// searches, 0.7 % of the work): from `À` to the end of Latin Extended-B every character is a
/// letter but `×` and `÷`, and General Punctuation (curly quotes, dashes, `…`) holds no letter,
/// digit or combining mark.
fn known_letter(c: char) -> Option<bool> {
    match c {
        '\u{D7}' | '\u{F7}' => Some(false),
        '\u{C0}'..='\u{24F}' => Some(true),
        '\u{2000}'..='\u{206F}' => Some(false),
        _ => None,
    }
}

/// Combining marks keep a word whole (`é` written as `e` + U+0301).
fn is_combining_mark(c: char) -> bool {
    matches!(c, '\u{0300}'..='\u{036F}' | '\u{1AB0}'..='\u{1AFF}' | '\u{1DC0}'..='\u{1DFF}' | '\u{20D0}'..='\u{20FF}' | '\u{FE20}'..='\u{FE2F}')
}

/// Characters that may join two runs of word characters into one token.
fn is_word_joiner(c: char) -> bool {
    matches!(
        c,
        '\'' | '\u{2019}' | '-' | '\u{2010}' | '\u{2011}' | '.' | '&'
    )
}

/// The character at byte `i` of `s` and its length in bytes, or None at the end (ASCII, most of
/// news, without decoding).
#[inline]
fn char_at(s: &str, i: usize) -> Option<(char, usize)> {
    let b = *s.as_bytes().get(i)?;
    if b.is_ascii() {
        return Some((char::from(b), 1));
    }
    let c = s.get(i..)?.chars().next()?;
    Some((c, c.len_utf8()))
}

/// What a byte is to the tokenizer, looked up in [`BYTE_CLASS`]: one load instead of a chain of
/// range tests for each byte of a word.
const LETTER: u8 = 1;
const DIGIT: u8 = 2;
/// White space as [`char::is_whitespace`] says.
const SPACE: u8 = 4;
/// Not ASCII (the start or the rest of a longer character): decoded and tested in full.
const NOT_ASCII: u8 = 8;
/// ASCII punctuation and control characters.
const PUNCT: u8 = 0;

/// The class of each byte.
static BYTE_CLASS: [u8; 256] = {
    let mut class = [NOT_ASCII; 256];
    let mut b = 0;
    while b < 128 {
        let c = b as u8;
        class[b] = if c.is_ascii_alphabetic() {
            LETTER
        } else if c.is_ascii_digit() {
            DIGIT
        } else if c == b' ' || (c >= 0x09 && c <= 0x0d) {
            SPACE
        } else {
            PUNCT
        };
        b += 1;
    }
    class
};

fn tokenize(text: &str, within: Span, out: &mut Vec<Token>) {
    let s = within.text(text);
    let bytes = s.as_bytes();
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        let start = within.start + i;
        // The first character: ASCII without decoding.
        let class = BYTE_CLASS[usize::from(b)];
        let (first, len, mut has_letter) = if class & (LETTER | DIGIT) != 0 {
            (char::from(b), 1, class == LETTER)
        } else if class == SPACE {
            i += 1;
            continue;
        } else if class == PUNCT {
            let c = char::from(b);
            out.push(Token::new(Span::new(start, start + 1), TokenKind::Punct, c));
            i += 1;
            continue;
        } else {
            let Some((c, len)) = char_at(s, i) else {
                break;
            };
            if c.is_whitespace() {
                i += len;
                continue;
            }
            if !is_word_char(c) {
                out.push(Token::new(
                    Span::new(start, start + len),
                    TokenKind::Punct,
                    c,
                ));
                i += len;
                continue;
            }
            (c, len, is_letter(c))
        };
        // The run reads no further than a token may reach (only junk holds a word that long).
        let (s, bytes) = if bytes.len() - i > MAX_TOKEN_BYTES {
            let limit = s.floor_char_boundary(i + MAX_TOKEN_BYTES);
            (&s[..limit], &bytes[..limit])
        } else {
            (s, bytes)
        };
        let mut end = i + len;
        let mut has_hyphen = false;
        loop {
            // ASCII letters and digits, most of a word, without decoding.
            let (run_end, run_has_letter) = lanes::end_of_letters_and_digits(bytes, end);
            if run_end > end {
                has_letter |= run_has_letter;
                end = run_end;
                continue;
            }
            // Most words end at a space.
            if bytes
                .get(end)
                .is_none_or(|&b| BYTE_CLASS[usize::from(b)] == SPACE)
            {
                break;
            }
            let Some((d, d_len)) = char_at(s, end) else {
                break;
            };
            if is_word_char(d) {
                has_letter |= is_letter(d);
                end += d_len;
                continue;
            }
            let joins = is_word_joiner(d) || matches!(d, ',' | ':') && !has_letter;
            // Join only when a word character follows directly.
            let joined = joins
                && char_at(s, end + d_len).is_some_and(|(e, _)| {
                    is_word_char(e) && (d != ',' && d != ':' || e.is_ascii_digit())
                });
            if !joined {
                break;
            }
            has_hyphen |= d == '-';
            end += d_len;
        }
        let kind = if has_letter {
            TokenKind::Word
        } else {
            TokenKind::Number
        };
        let token = Token::new(Span::new(start, within.start + end), kind, first);
        out.push(if has_hyphen {
            token.with_hyphen()
        } else {
            token
        });
        i = end;
    }
}

fn is_closing(c: char) -> bool {
    matches!(
        c,
        '"' | '\'' | '\u{201D}' | '\u{2019}' | ')' | ']' | '\u{00BB}'
    )
}

/// Sentence ends: `.`, `!`, `?` or `…` (plus closing quotes and brackets) before a token that
/// starts with an upper-case letter, a digit or an opening mark, unless the period ends an abbreviation
/// or an initial. Each sentence of `paragraph` goes to `push` in order, with the range of `tokens`
/// (the paragraph's) it holds.
fn split_sentences(
    text: &str,
    paragraph: Span,
    tokens: &[Token],
    mut push: impl FnMut(Span, std::ops::Range<usize>),
) {
    let mut start = paragraph.start;
    // The sentence's first token, in `tokens`.
    let mut first = 0;
    let mut i = 0;
    while i < tokens.len() {
        let t = tokens[i];
        if t.kind == TokenKind::Punct && ends_sentence(t.span().text(text)) {
            let mut j = i + 1;
            while j < tokens.len()
                && tokens[j].kind == TokenKind::Punct
                && tokens[j].span().start == tokens[j - 1].span().end
                && tokens[j].span().text(text).chars().all(is_closing)
            {
                j += 1;
            }
            // A closing quote right after the punctuation belongs to this sentence.
            let end = tokens[j - 1].span().end;
            let next = tokens.get(j);
            let spaced = next.is_some_and(|n| n.span().start > end);
            let starts_sentence = next.is_some_and(|n| {
                let f = n.span().text(text).chars().next().unwrap_or(' ');
                f.is_uppercase()
                    || f.is_ascii_digit()
                    || matches!(f, '"' | '\u{201C}' | '\'' | '\u{2018}' | '(' | '\u{00AB}')
            });
            let abbreviation = text.as_bytes()[t.span().start] == b'.'
                && i > 0
                && is_abbreviation(tokens[i - 1], text, t.span().start);
            if spaced && starts_sentence && !abbreviation {
                push(Span::new(start, end), first..j);
                start = next.map_or(end, |n| n.span().start);
                first = j;
            }
            i = j;
            continue;
        }
        i += 1;
    }
    if start < paragraph.end {
        push(Span::new(start, paragraph.end), first..tokens.len());
    }
}

/// True for the punctuation that can end a sentence: `.`, `!`, `?` and `…` (one token each).
fn ends_sentence(punct: &str) -> bool {
    // U+2026 is E2 80 A6 in UTF-8.
    matches!(punct.as_bytes(), b"." | b"!" | b"?" | [0xE2, 0x80, 0xA6])
}

fn is_abbreviation(prev: Token, text: &str, period_at: usize) -> bool {
    if prev.span().end != period_at || prev.kind != TokenKind::Word {
        return false;
    }
    let w = prev.span().text(text);
    let mut chars = w.chars();
    let single_capital =
        matches!((chars.next(), chars.next()), (Some(c), None) if c.is_uppercase());
    single_capital
        || w.contains('.')
        || w.as_bytes()
            .first()
            .is_some_and(|&b| ABBREVIATION_SHAPES.may_hold(b, w.len()))
            && ABBREVIATIONS.binary_search(&w).is_ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn abbreviations_are_in_byte_order() {
        assert!(ABBREVIATIONS.windows(2).all(|w| w[0] < w[1]));
        let doc = segment("Mr. Lee met Gen. Ruiz vs. Sr. Diaz. They left.");
        assert_eq!(doc.sentences.len(), 2);
    }

    #[test]
    fn every_abbreviation_keeps_its_sentence_whole_and_other_words_end_one() {
        for abbreviation in ABBREVIATIONS {
            let text = format!("They met {abbreviation}. Lee there.");
            assert_eq!(segment(&text).sentences.len(), 1, "{text}");
            // The same letters in another case, or one letter more, are a word like any other.
            for word in [abbreviation.to_uppercase(), format!("{abbreviation}x")] {
                let text = format!("They met {word}. Lee there.");
                assert_eq!(segment(&text).sentences.len(), 2, "{text}");
            }
        }
    }

    /// A long text, whose second half of paragraphs is cut on another thread in pieces, is cut
    /// as one pass over all its paragraphs cuts it.
    #[test]
    fn two_halves_cut_as_one_pass() {
        let mut text = String::new();
        for n in 0.. {
            text.push_str(&format!(
                "Dr. Ana Ruiz met U.S. officials on May {n}. \"Fine,\" she said!\r\n\n"
            ));
            if n % 97 == 0 {
                text.push_str(&"A long line of words. ".repeat(1000));
                text.push('\n');
            }
            if text.len() > 3 * two_threads::FROM_BYTES {
                break;
            }
        }
        let doc = segment(&text);
        let all = paragraphs(&text, 0, text.len() + 1);
        let mut one_pass = Cut::with_room(all.len(), text.len());
        one_pass.add(&text, &all);
        assert_eq!(doc.paragraphs, all);
        assert_eq!(doc.sentences, one_pass.sentences);
        assert_eq!(doc.sentence_facts, one_pass.sentence_facts);
        assert_eq!(doc.tokens, one_pass.tokens);
        assert!(cut_in_pieces(&text, &all[all.len() / 2..]).len() > 2);
    }

    /// The lines of two ranges that meet after any line break (a `\r\n` cut in two, a blank line,
    /// the text's last byte) are the lines of the whole, and a text without a line break after
    /// its middle stays with the first thread.
    #[test]
    fn lines_split_after_any_break_are_the_lines_of_the_whole() {
        let text = "One.\r\nTwo.\n\n  Three. \rFour.\r\n\r\nFive.\n";
        let whole = paragraphs(text, 0, text.len() + 1);
        assert_eq!(whole.len(), 5);
        let cuts = text
            .bytes()
            .enumerate()
            .filter(|&(_, b)| is_line_break(b))
            .map(|(i, _)| i + 1);
        for cut in cuts.chain([0, text.len() + 1]) {
            let mut both = paragraphs(text, 0, cut);
            both.extend(paragraphs(text, cut, text.len() + 1));
            assert_eq!(both, whole, "cut at {cut}");
        }
        let one_line = "word ".repeat(1000);
        assert_eq!(second_half_from(&one_line), one_line.len() + 1);
        let two_lines = format!("{one_line}\n{one_line}");
        assert_eq!(second_half_from(&two_lines), one_line.len() + 1);
    }

    /// The tokenizer's byte table says of each ASCII byte what `char`'s own methods say, and
    /// sends every other byte to decoding.
    #[test]
    fn byte_classes_agree_with_char_methods() {
        for b in 0..=255u8 {
            let class = BYTE_CLASS[usize::from(b)];
            if !b.is_ascii() {
                assert_eq!(class, NOT_ASCII, "{b:#x}");
                continue;
            }
            let c = char::from(b);
            let expected = if c.is_alphabetic() {
                LETTER
            } else if c.is_numeric() {
                DIGIT
            } else if c.is_whitespace() {
                SPACE
            } else {
                PUNCT
            };
            assert_eq!(class, expected, "{c:?}");
            assert_eq!(class & (LETTER | DIGIT) != 0, is_word_char(c), "{c:?}");
        }
    }

    /// The shortcut for common characters beyond ASCII answers as `char`'s own methods do, for
    /// every character.
    #[test]
    fn known_letters_are_what_char_methods_say() {
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            assert_eq!(is_letter(c), c.is_alphabetic(), "{c:?}");
            let word = c.is_alphanumeric() || is_combining_mark(c);
            assert_eq!(is_word_char(c), word, "{c:?}");
        }
    }

    /// A word ends at a space, the end of the text, a mark or a character beyond ASCII just as
    /// it does in the middle of a text.
    #[test]
    fn words_end_wherever_they_stand() {
        for text in [
            "word",
            "word ",
            "word\t.",
            "word\u{00A0}x",
            "wörd",
            "word\u{201D}",
            "12ab",
            "ab12",
        ] {
            let doc = segment(text);
            let first = doc.tokens[0];
            let expected = text
                .find(|c: char| !c.is_alphanumeric())
                .unwrap_or(text.len());
            assert_eq!(first.span(), Span::new(0, expected), "{text:?}");
            assert_eq!(first.kind, TokenKind::Word, "{text:?}");
        }
    }

    #[test]
    fn line_breaks_found_in_any_of_eight_bytes() {
        for byte in 0..=255u8 {
            for at in 0..8 {
                let mut bytes = *b"abcdefgh";
                bytes[at] = byte;
                let expected = is_line_break(byte);
                assert_eq!(
                    line_break_lanes(u64::from_le_bytes(bytes)) != 0,
                    expected,
                    "byte {byte:#x} at {at}"
                );
            }
        }
    }

    #[test]
    fn each_sentence_knows_its_tokens_and_capitals() {
        let text = "OBAMA SAYS NO. He said so.\n\nA line! Another one.";
        let doc = segment(text);
        let tokens: Vec<Vec<&str>> = (0..doc.sentences.len())
            .map(|k| token_texts(&doc)[doc.sentence_tokens(k)].to_vec())
            .collect();
        assert_eq!(
            tokens,
            [
                vec!["OBAMA", "SAYS", "NO", "."],
                vec!["He", "said", "so", "."],
                vec!["A", "line", "!"],
                vec!["Another", "one", "."],
            ]
        );
        let capitals: Vec<bool> = doc.sentence_facts.iter().map(|f| f.in_capitals).collect();
        assert_eq!(capitals, [true, false, false, false]);
        assert!(doc.sentence_tokens(doc.sentences.len()).is_empty());
    }

    #[test]
    fn sentences_in_capitals() {
        let caps = |text: &str| in_capitals(text, &segment(text).tokens);
        assert!(caps("OBAMA SAYS 2016 IS \u{201C}DIFFERENT\u{201D}"));
        assert!(caps("ÉLYSÉE: NO"));
        assert!(!caps("OBAMA says no"));
        assert!(!caps("2016 - 17"), "no letters");
        assert!(!caps(""));
    }

    fn texts(text: &str, spans: &[Span]) -> Vec<String> {
        spans.iter().map(|s| s.text(text).to_string()).collect()
    }

    fn token_texts<'t>(doc: &Document<'t>) -> Vec<&'t str> {
        doc.tokens.iter().map(|t| t.span().text(doc.text)).collect()
    }

    #[test]
    fn a_run_longer_than_a_token_is_cut_on_character_boundaries() {
        for (unit, units) in [
            ("a", 3 * MAX_TOKEN_BYTES + 5),
            ("\u{E9}", MAX_TOKEN_BYTES + 7),
        ] {
            let run = unit.repeat(units);
            let text = format!("{run} next");
            let spans: Vec<Span> = segment(&text).tokens.iter().map(|t| t.span()).collect();
            let (last, pieces) = spans.split_last().unwrap();
            assert_eq!(last.text(&text), "next");
            assert!(pieces.len() > 1);
            // The pieces meet, cover the run, end on character boundaries and are as long as
            // a token may be, but for the last.
            assert_eq!(pieces[0].start, 0);
            assert_eq!(pieces.last().unwrap().end, run.len());
            for (k, piece) in pieces.iter().enumerate() {
                assert!(text.is_char_boundary(piece.end));
                assert!(piece.len() <= MAX_TOKEN_BYTES);
                if k + 1 < pieces.len() {
                    assert_eq!(pieces[k + 1].start, piece.end);
                    assert!(piece.len() > MAX_TOKEN_BYTES - unit.len());
                }
            }
        }
    }

    #[test]
    fn tokens_are_compact_and_keep_their_spans() {
        assert_eq!(std::mem::size_of::<Token>(), 8);
        let span = Span::new(7, 19);
        let token = Token::new(span, TokenKind::Word, 'É');
        assert_eq!((token.span(), token.kind), (span, TokenKind::Word));
        assert!(token.starts_upper());
        assert!(!Token::new(span, TokenKind::Word, 'é').starts_upper());
        let last = Span::new(MAX_TOKENIZED_BYTES - 3, MAX_TOKENIZED_BYTES);
        assert_eq!(Token::new(last, TokenKind::Number, '4').span(), last);
        let text = "Élodie met the Mayor, ÅSA and 3M.";
        let doc = segment(text);
        for t in &doc.tokens {
            let first = t.span().text(text).chars().next().unwrap();
            assert_eq!(
                t.starts_upper(),
                first.is_uppercase(),
                "{:?}",
                t.span().text(text)
            );
        }
    }

    #[test]
    fn paragraphs_are_non_blank_lines() {
        let text = "One.\r\n\r\n  Two two. \rThree\n";
        assert_eq!(
            texts(text, &segment(text).paragraphs),
            ["One.", "Two two.", "Three"]
        );
    }

    #[test]
    fn sentences_respect_abbreviations_and_quotes() {
        let text = "Mr. Smith went to Washington. \"It was fine.\" He left at 5 p.m. on Jan. 5. Then J. K. Rowling wrote.";
        assert_eq!(
            texts(text, &segment(text).sentences),
            [
                "Mr. Smith went to Washington.",
                "\"It was fine.\"",
                "He left at 5 p.m. on Jan. 5.",
                "Then J. K. Rowling wrote."
            ]
        );
    }

    #[test]
    fn tokens_keep_inner_joiners() {
        let text = "Don't tell al-Assad: 1,990 people, U.S. troops, 3.5% at 10:30.";
        let doc = segment(text);
        assert_eq!(
            token_texts(&doc),
            [
                "Don't", "tell", "al-Assad", ":", "1,990", "people", ",", "U.S", ".", "troops",
                ",", "3.5", "%", "at", "10:30", "."
            ]
        );
        assert_eq!(doc.tokens[4].kind, TokenKind::Number);
    }

    #[test]
    fn tokens_beyond_ascii() {
        let text = "Tom\u{e1}s Ribeiro\u{2019}s caf\u{e9}, e\u{301}te 2,5km\u{2014}na\u{ef}ve \u{ab}\u{c9}lys\u{e9}e\u{bb}";
        let doc = segment(text);
        assert_eq!(
            token_texts(&doc),
            [
                "Tom\u{e1}s",
                "Ribeiro\u{2019}s",
                "caf\u{e9}",
                ",",
                "e\u{301}te",
                "2,5km",
                "\u{2014}",
                "na\u{ef}ve",
                "\u{ab}",
                "\u{c9}lys\u{e9}e",
                "\u{bb}"
            ]
        );
        assert_eq!(doc.tokens[5].kind, TokenKind::Word);
    }

    #[test]
    fn empty_and_blank_text() {
        assert!(segment("").paragraphs.is_empty());
        let doc = segment(" \n\r\n\t");
        assert!(doc.paragraphs.is_empty() && doc.sentences.is_empty() && doc.tokens.is_empty());
    }
}
