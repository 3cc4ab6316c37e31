//! Reads a date rule's pattern straight into regex-syntax's `Hir`, without regex-syntax's parser.
//!
//! Owns the regex subset the date patterns are written in and how it maps onto `Hir`: ASCII
//! semantics only (the patterns start with `(?-u)`); literals; `(?:…)`, `(?<name>…)` and plain
//! groups; the flags `i` and `u` as directives (`(?i)`) and on groups (`(?-i:…)`); `|`; the
//! repetitions `?`, `*`, `+`, `{n}`, `{n,}`, `{n,m}` (each also lazy with a trailing `?`); `\b`,
//! `\B`, `\d`, `\D`, `\s`, `\S`, `\w`, `\W`; escaped punctuation; bracketed classes of characters,
//! ranges and those classes, negated or not; and `{=k}`, which stands for a date list's `Hir`,
//! given by the caller. Anything else is an error naming the place.
//!
//! Each construct is built with the same `Hir` constructors, in the same order, as regex-syntax's
//! translator builds it, so the result equals what regex-syntax makes of the same text (a test in
//! `matcher.rs` compares them for every rule). Getting the patterns ready this way takes a
//! fraction of the work, and the browser build carries no regex parser.

use regex_syntax::hir::{Capture, Class, ClassBytes, ClassBytesRange, Hir, Look, Repetition};

/// `pattern` as regex-syntax's `Hir`, each `{=k}` replaced by `list(k)`.
pub fn read(pattern: &str, list: &mut dyn FnMut(usize) -> Hir) -> Result<Hir, String> {
    let mut reader = Reader {
        bytes: pattern.as_bytes(),
        at: 0,
        flags: Flags {
            case_insensitive: false,
            unicode: true,
        },
        next_group: 1,
        list,
    };
    let hir = reader.alternation()?;
    match reader.peek() {
        None => Ok(hir),
        Some(_) => Err(reader.error("an unopened `)`")),
    }
}

/// The flags in force, as regex-syntax starts them (Unicode on, case sensitive).
#[derive(Clone, Copy)]
struct Flags {
    case_insensitive: bool,
    unicode: bool,
}

struct Reader<'p, 'l> {
    bytes: &'p [u8],
    at: usize,
    flags: Flags,
    /// The index of the next capturing group, counted from 1 in the order groups open.
    next_group: u32,
    list: &'l mut dyn FnMut(usize) -> Hir,
}

impl Reader<'_, '_> {
    fn peek(&self) -> Option<u8> {
        self.bytes.get(self.at).copied()
    }

    fn eat(&mut self, b: u8) -> bool {
        let here = self.peek() == Some(b);
        self.at += usize::from(here);
        here
    }

    fn expect(&mut self, b: u8) -> Result<(), String> {
        if self.eat(b) {
            Ok(())
        } else {
            Err(self.error(&format!("`{}` expected", char::from(b))))
        }
    }

    fn error(&self, what: &str) -> String {
        let text = String::from_utf8_lossy(self.bytes);
        format!("date pattern at byte {}: {what} in {text}", self.at)
    }

    /// Branches separated by `|`, up to a `)` or the end.
    fn alternation(&mut self) -> Result<Hir, String> {
        let mut branches = vec![self.concat()?];
        while self.eat(b'|') {
            branches.push(self.concat()?);
        }
        Ok(if branches.len() == 1 {
            branches.pop().unwrap_or_else(Hir::empty)
        } else {
            Hir::alternation(branches)
        })
    }

    /// Items up to a `|`, a `)` or the end; flag directives change the flags for the rest of the
    /// group and add nothing.
    fn concat(&mut self) -> Result<Hir, String> {
        let mut items = Vec::new();
        while let Some(b) = self.peek() {
            if b == b'|' || b == b')' {
                break;
            }
            let Some(atom) = self.atom()? else {
                continue;
            };
            items.push(self.repeated(atom)?);
        }
        Ok(Hir::concat(items))
    }

    /// `atom` with the repetition operator that follows it, if any.
    fn repeated(&mut self, atom: Hir) -> Result<Hir, String> {
        let (min, max) = match self.peek() {
            Some(b'?') => (0, Some(1)),
            Some(b'*') => (0, None),
            Some(b'+') => (1, None),
            Some(b'{') if self.bytes.get(self.at + 1).is_some_and(u8::is_ascii_digit) => {
                self.at += 1;
                let min = self.number()?;
                let max = if self.eat(b',') {
                    if self.peek() == Some(b'}') {
                        None
                    } else {
                        Some(self.number()?)
                    }
                } else {
                    Some(min)
                };
                if self.peek() != Some(b'}') {
                    return Err(self.error("`}` expected"));
                }
                (min, max)
            }
            _ => return Ok(atom),
        };
        self.at += 1;
        let greedy = !self.eat(b'?');
        if matches!(self.peek(), Some(b'?' | b'*' | b'+')) {
            return Err(self.error("a repetition of a repetition"));
        }
        Ok(Hir::repetition(Repetition {
            min,
            max,
            greedy,
            sub: Box::new(atom),
        }))
    }

    fn number(&mut self) -> Result<u32, String> {
        let start = self.at;
        while self.peek().is_some_and(|b| b.is_ascii_digit()) {
            self.at += 1;
        }
        std::str::from_utf8(&self.bytes[start..self.at])
            .ok()
            .and_then(|digits| digits.parse().ok())
            .ok_or_else(|| self.error("a number expected"))
    }

    /// One item; `None` for a flag directive.
    fn atom(&mut self) -> Result<Option<Hir>, String> {
        let Some(b) = self.peek() else {
            return Err(self.error("an item expected"));
        };
        match b {
            b'(' => self.group(),
            b'[' => self.class().map(Some),
            b'\\' => self.escape().map(Some),
            b'{' if self.bytes.get(self.at + 1) == Some(&b'=') => self.list().map(Some),
            b'.' | b'^' | b'$' | b'{' | b'}' | b'?' | b'*' | b'+' => {
                Err(self.error(&format!("`{}` is not supported here", char::from(b))))
            }
            _ => {
                let c = self.char()?;
                self.literal(c).map(Some)
            }
        }
    }

    /// The character at the reader, consumed.
    fn char(&mut self) -> Result<char, String> {
        let rest = std::str::from_utf8(&self.bytes[self.at..])
            .map_err(|_| self.error("text that is not UTF-8"))?;
        let c = rest
            .chars()
            .next()
            .ok_or_else(|| self.error("a character expected"))?;
        self.at += c.len_utf8();
        Ok(c)
    }

    /// A literal character, as the flags make it: an ASCII letter matched in any case is a class.
    fn literal(&self, c: char) -> Result<Hir, String> {
        self.ascii_only()?;
        if self.flags.case_insensitive && c.is_ascii_alphabetic() {
            let byte = c as u8;
            let mut class = ClassBytes::new([ClassBytesRange::new(byte, byte)]);
            class.case_fold_simple();
            return Ok(Hir::class(Class::Bytes(class)));
        }
        let mut utf8 = [0; 4];
        Ok(Hir::literal(c.encode_utf8(&mut utf8).as_bytes()))
    }

    fn ascii_only(&self) -> Result<(), String> {
        if self.flags.unicode {
            Err(self.error("Unicode semantics (the patterns start with `(?-u)`)"))
        } else {
            Ok(())
        }
    }

    /// `{=k}`: date list `k`.
    fn list(&mut self) -> Result<Hir, String> {
        self.at += 2;
        let k = self.number()?;
        self.expect(b'}')?;
        Ok((self.list)(k as usize))
    }

    /// A group, or a flag directive (`None`).
    fn group(&mut self) -> Result<Option<Hir>, String> {
        self.at += 1;
        let outer = self.flags;
        let capture = if self.eat(b'?') {
            if self.eat(b'<') || (self.eat(b'P') && self.eat(b'<')) {
                let start = self.at;
                while self
                    .peek()
                    .is_some_and(|b| b.is_ascii_alphanumeric() || b == b'_')
                {
                    self.at += 1;
                }
                let name = String::from_utf8_lossy(&self.bytes[start..self.at]).into_owned();
                self.expect(b'>')?;
                if name.is_empty() {
                    return Err(self.error("a group name expected"));
                }
                Some(Some(name.into_boxed_str()))
            } else {
                let directive = self.flag_list()?;
                if directive {
                    return Ok(None);
                }
                None
            }
        } else {
            Some(None)
        };
        let index = capture.as_ref().map(|_| {
            let index = self.next_group;
            self.next_group += 1;
            index
        });
        let sub = self.alternation()?;
        self.expect(b')')?;
        self.flags = outer;
        Ok(Some(match (index, capture) {
            (Some(index), Some(name)) => Hir::capture(Capture {
                index,
                name,
                sub: Box::new(sub),
            }),
            _ => sub,
        }))
    }

    /// Flags after `(?` up to `)` (a directive: true) or `:` (a group: false), set now.
    fn flag_list(&mut self) -> Result<bool, String> {
        let mut on = true;
        loop {
            match self.peek() {
                Some(b'-') if on => on = false,
                Some(b'i') => self.flags.case_insensitive = on,
                Some(b'u') => self.flags.unicode = on,
                Some(b':') => {
                    self.at += 1;
                    return Ok(false);
                }
                Some(b')') => {
                    self.at += 1;
                    return Ok(true);
                }
                _ => return Err(self.error("a flag other than `i` or `u`")),
            }
            self.at += 1;
        }
    }

    /// `\` and what follows.
    fn escape(&mut self) -> Result<Hir, String> {
        self.at += 1;
        self.ascii_only()?;
        let c = self.char()?;
        Ok(match c {
            'b' => Hir::look(Look::WordAscii),
            'B' => Hir::look(Look::WordAsciiNegate),
            'd' | 'D' | 's' | 'S' | 'w' | 'W' => {
                let class = perl_class(c);
                if !class.is_ascii() {
                    return Err(self.error("a class that matches bytes beyond ASCII"));
                }
                Hir::class(Class::Bytes(class))
            }
            c if c.is_ascii_punctuation() => self.literal(c)?,
            _ => return Err(self.error(&format!("the escape `\\{c}`"))),
        })
    }

    /// `[…]`: characters, ranges and Perl classes, negated with a leading `^`.
    fn class(&mut self) -> Result<Hir, String> {
        self.at += 1;
        self.ascii_only()?;
        let negated = self.eat(b'^');
        let mut class = ClassBytes::empty();
        let mut first = true;
        loop {
            let Some(b) = self.peek() else {
                return Err(self.error("an unclosed `[`"));
            };
            if b == b']' && !first {
                self.at += 1;
                break;
            }
            first = false;
            if b == b'[' || (b == b'&' && self.bytes.get(self.at + 1) == Some(&b'&')) {
                return Err(self.error("nested classes and class operations are not supported"));
            }
            if b == b'\\' {
                let next = self.bytes.get(self.at + 1).copied();
                if let Some(c @ (b'd' | b'D' | b's' | b'S' | b'w' | b'W')) = next {
                    let perl = perl_class(char::from(c));
                    if !perl.is_ascii() {
                        return Err(self.error("a class that matches bytes beyond ASCII"));
                    }
                    self.at += 2;
                    class.union(&perl);
                    continue;
                }
            }
            let start = self.class_byte()?;
            let is_range = self.peek() == Some(b'-')
                && self.bytes.get(self.at + 1).is_some_and(|&b| b != b']');
            let end = if is_range {
                self.at += 1;
                self.class_byte()?
            } else {
                start
            };
            if end < start {
                return Err(self.error("a range that runs backwards"));
            }
            class.push(ClassBytesRange::new(start, end));
        }
        if self.flags.case_insensitive {
            class.case_fold_simple();
        }
        if negated {
            class.negate();
        }
        if !class.is_ascii() {
            return Err(self.error("a class that matches bytes beyond ASCII"));
        }
        Ok(Hir::class(Class::Bytes(class)))
    }

    /// One ASCII character of a class, escaped or not.
    fn class_byte(&mut self) -> Result<u8, String> {
        if self.eat(b'\\') {
            match self.peek() {
                Some(b) if b.is_ascii_punctuation() => {
                    self.at += 1;
                    Ok(b)
                }
                _ => Err(self.error("an escape not supported in a class")),
            }
        } else {
            match self.peek() {
                Some(b) if b.is_ascii() => {
                    self.at += 1;
                    Ok(b)
                }
                _ => Err(self.error("a character beyond ASCII in a class")),
            }
        }
    }
}

/// `\d`, `\s` or `\w` (or their capitals, negated), ASCII.
fn perl_class(c: char) -> ClassBytes {
    let ranges: &[(u8, u8)] = match c.to_ascii_lowercase() {
        'd' => &[(b'0', b'9')],
        's' => &[(b'\t', b'\r'), (b' ', b' ')],
        _ => &[(b'0', b'9'), (b'A', b'Z'), (b'_', b'_'), (b'a', b'z')],
    };
    let mut class = ClassBytes::new(ranges.iter().map(|&(a, b)| ClassBytesRange::new(a, b)));
    if c.is_ascii_uppercase() {
        class.negate();
    }
    class
}

#[cfg(test)]
mod tests {
    use super::*;
    use regex_automata::util::syntax;

    fn read_alone(pattern: &str) -> Result<Hir, String> {
        read(pattern, &mut |k| {
            Hir::literal(format!("list{k}").into_bytes())
        })
    }

    /// The subset, construct by construct, equals regex-syntax's reading of the same text.
    #[test]
    fn each_construct_reads_as_regex_syntax_reads_it() {
        for pattern in [
            r"(?-u)abc",
            r"(?-u)(?i)abc|d1e",
            r"(?-u)a(?i)b|c",
            r"(?-u)(?i:x(?-i:Yz)w)v",
            r"(?-u)\bQ(?<qn>[1-4])(?: (?<year>[12]\d{3}))?\b",
            r"(?-u)(a)(?<b>b(c))(?P<d>d)",
            r"(?-u)a?b*c+d{2}e{2,}f{1,3}g??h*?i+?j{1,2}?",
            r"(?-u)(?i)[ap]\.m|[ECMP][SD]T|[- ]|[ -]|[:.]|[^a-c]|[]x]|[\d_]|[a\-z]",
            r"(?-u)\d\s\w\B\.\-\(\]",
            r"(?-u)\D",
            r"(?-u)\'",
            r"(?-u)[\W]",
            r"(?-u)[^\W]",
            r"(?-u)a||b|",
            r"(?-u)(?:)|()|(?i)",
            "(?-u)caf\u{e9}|(?i)\u{c9}t\u{e9}",
        ] {
            let Ok(expected) = syntax::parse(pattern) else {
                assert!(read_alone(pattern).is_err(), "{pattern}");
                continue;
            };
            assert_eq!(read_alone(pattern), Ok(expected), "{pattern}");
        }
    }

    #[test]
    fn a_list_stands_where_its_placeholder_is() {
        let hir = read(r"(?-u)x{=3}+y", &mut |k| {
            assert_eq!(k, 3);
            Hir::literal(*b"ab")
        })
        .unwrap();
        assert_eq!(hir, syntax::parse(r"(?-u)x(?:ab)+y").unwrap());
    }

    #[test]
    fn what_is_outside_the_subset_is_an_error_naming_the_place() {
        for pattern in [
            r"abc",
            r"(?-u)a.b",
            r"(?-u)^a$",
            r"(?-u)(?m)a",
            r"(?-u)(a",
            r"(?-u)a)",
            r"(?-u)[a",
            r"(?-u)[z-a]",
            r"(?-u)[[:alpha:]]",
            r"(?-u)\pL",
            r"(?-u)a{2",
            r"(?-u)a**",
            r"(?-u)(?<>a)",
            r"(?-u)\x41",
        ] {
            let error = read_alone(pattern).expect_err(pattern);
            assert!(error.starts_with("date pattern at byte"), "{error}");
        }
    }
}
