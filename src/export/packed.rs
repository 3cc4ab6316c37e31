//! The packed format: any serde value (the [`JsAnnotations`](super::JsAnnotations) object in
//! practice) as a stream of numbers and one string of distinct strings, for the browser boundary.
//!
//! Owns the encoding; `www/unpack.js` owns the decoding (a loop of a few lines that rebuilds the
//! same object JSON would give). Against `serde_json` + `JSON.parse` this spares the engine the
//! text of every span: a string that is a slice of the annotated text travels as its UTF-16 range
//! and is cut from the caller's own string, and every other string (kinds, rules, names, values)
//! and every object's keys travel once however often they occur. It deliberately knows nothing of
//! the annotation types.
//!
//! The stream, all `f64`: where the tables start, one value, then the string table (the number
//! of strings and the UTF-16 length of each; they are concatenated in [`Packed::strings`] in that
//! order) and the shape table (the number of shapes, then each shape: its key count and each
//! key's string index). A shape is the keys of an object, in order: objects with the same keys
//! share one, so that a key travels once, and `unpack.js` builds the objects of a shape it knows
//! as literals. A value is:
//!
//! | value | numbers |
//! |---|---|
//! | null | [`NULL`] |
//! | false / true | [`FALSE`] / [`TRUE`] |
//! | number | [`NUMBER`], the number |
//! | string | [`STRING`], its index |
//! | slice of the text | [`TEXT`], its UTF-16 start and end in the text |
//! | array | [`ARRAY`], its length, each value |
//! | object | [`OBJECT`], its shape's index, each field's value in the shape's order |
//!
//! Non-finite floats become null and an `f32` the number its shortest decimal form reads as, both
//! as in JSON. Types JSON objects would not give (maps, tuples, enums with data, bytes) are an error.

use std::fmt;

use serde::ser::{self, Serialize};

use super::{units, OffsetMap, Unit};
use crate::fast_hash::FastMap;

/// Op: null.
pub const NULL: f64 = 0.0;
/// Op: false.
pub const FALSE: f64 = 1.0;
/// Op: true.
pub const TRUE: f64 = 2.0;
/// Op: a number follows.
pub const NUMBER: f64 = 3.0;
/// Op: a string index follows.
pub const STRING: f64 = 4.0;
/// Op: a UTF-16 range of the text follows.
pub const TEXT: f64 = 5.0;
/// Op: an array's length and values follow.
pub const ARRAY: f64 = 6.0;
/// Op: an object's shape and field values follow.
pub const OBJECT: f64 = 7.0;

/// A packed value: see the module docs for the layout.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Packed {
    /// Where the tables start, the value's ops, then the string table (count, UTF-16 lengths)
    /// and the shape table (count, then each shape's key count and key string indices).
    pub numbers: Vec<f64>,
    /// The distinct strings, concatenated.
    pub strings: String,
}

/// Why a value could not be packed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PackError(String);

impl fmt::Display for PackError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for PackError {}

impl ser::Error for PackError {
    fn custom<T: fmt::Display>(msg: T) -> PackError {
        PackError(msg.to_string())
    }
}

/// Packs `value`. A string lying inside `text` travels as its range there; `offsets` must convert
/// `text`'s offsets to UTF-16 code units. `expected_len` is a guess at the stream's length (it
/// grows past it if need be).
pub fn pack<T: Serialize + ?Sized>(
    value: &T,
    text: &str,
    offsets: &OffsetMap<'_>,
    expected_len: usize,
) -> Result<Packed, PackError> {
    let mut ops = Vec::with_capacity(expected_len);
    // Slot 0 is where the tables will start.
    ops.push(0.0);
    let mut packer = Packer {
        text,
        offsets,
        ops,
        strings: String::new(),
        lengths: Vec::new(),
        // News has about one distinct string for every 40 numbers; room for one in 32.
        index: FastMap::with_capacity_and_hasher(expected_len / 32, Default::default()),
        // No string lies at the address `usize::MAX`.
        recent: [((usize::MAX, 0), 0); RECENT_STRINGS],
        open_keys: Vec::new(),
        shape_table: Vec::new(),
        shape_keys: Vec::new(),
        // No type is named at the address `usize::MAX`.
        last_shape_of: [((usize::MAX, 0), 0); RECENT_TYPES],
    };
    value.serialize(&mut packer)?;
    let Packer {
        ops: mut numbers,
        lengths,
        strings,
        shape_keys,
        shape_table,
        ..
    } = packer;
    numbers[0] = numbers.len() as f64;
    numbers.reserve(2 + lengths.len() + shape_table.len());
    numbers.push(lengths.len() as f64);
    numbers.extend(lengths.iter().map(|&n| n as f64));
    numbers.push(shape_keys.len() as f64);
    numbers.extend_from_slice(&shape_table);
    Ok(Packed { numbers, strings })
}

struct Packer<'p> {
    text: &'p str,
    offsets: &'p OffsetMap<'p>,
    ops: Vec<f64>,
    strings: String,
    /// UTF-16 length of each distinct string, in table order.
    lengths: Vec<usize>,
    /// Table index of each string by where it lies in memory: the same `&'static str` (a key, a
    /// kind, a rule) or the same field (a person's name, again as a quote's speaker) travels once.
    index: FastMap<(usize, usize), usize>,
    /// The last few strings looked up, by a hash of where they lie: the field names, asked for
    /// with every object, are found here without a probe of `index`.
    recent: [((usize, usize), usize); RECENT_STRINGS],
    /// The keys of the objects being packed (an object's field may hold another), each object's
    /// from where it started.
    open_keys: Vec<&'static str>,
    /// The shape table as it goes into the stream (key count, key string indices, in turn).
    shape_table: Vec<f64>,
    /// Each shape's keys, by shape index: a value has few shapes (the annotations have eight),
    /// so a new object's keys are looked for among them in turn ([`same_keys`]).
    shape_keys: Vec<Box<[&'static str]>>,
    /// The shape of the last object of a few types (by where the type's name lies): objects of a
    /// type mostly have the same keys, which are then compared with that shape's first.
    last_shape_of: [((usize, usize), usize); RECENT_TYPES],
}

/// Slots of [`Packer::last_shape_of`].
const RECENT_TYPES: usize = 16;

/// Slots of [`Packer::recent`].
const RECENT_STRINGS: usize = 64;

/// True when two objects' keys are the same `&'static str`s (a key is the same for every object
/// of a type), compared by where they lie.
fn same_keys(a: &[&str], b: &[&str]) -> bool {
    a.len() == b.len() && a.iter().zip(b).all(|(x, y)| place_of(x) == place_of(y))
}

/// Where a string lies, as [`Packer::index`] keys it.
fn place_of(s: &str) -> (usize, usize) {
    (s.as_ptr() as usize, s.len())
}

impl<'p> Packer<'p> {
    fn string_index(&mut self, s: &str) -> usize {
        let place = place_of(s);
        let slot = (place.0 >> 3 ^ place.1) % RECENT_STRINGS;
        if self.recent[slot].0 == place {
            return self.recent[slot].1;
        }
        let next = self.lengths.len();
        let i = *self.index.entry(place).or_insert(next);
        if i == next {
            self.strings.push_str(s);
            self.lengths.push(units(s.as_bytes(), Unit::Utf16));
        }
        self.recent[slot] = (place, i);
        i
    }

    /// The UTF-16 range of `s` when it is a slice of the text (a `&str`, so its ends lie on the
    /// text's character boundaries).
    fn text_range(&self, s: &str) -> Option<(usize, usize)> {
        let base = self.text.as_ptr() as usize;
        let start = (s.as_ptr() as usize).checked_sub(base)?;
        let end = start.checked_add(s.len())?;
        if end > self.text.len() {
            return None;
        }
        Some((self.offsets.get(start), self.offsets.get(end)))
    }

    fn number(&mut self, v: f64) {
        if v.is_finite() {
            self.ops.extend([NUMBER, v]);
        } else {
            self.ops.push(NULL);
        }
    }

    /// Starts an array, or an object of the type named `type_name`, whose length or shape is
    /// written in when it ends.
    fn counted(&mut self, op: f64, type_name: &'static str) -> Counted<'_, 'p> {
        self.ops.extend([op, 0.0]);
        let count_at = self.ops.len() - 1;
        Counted {
            keys_from: self.open_keys.len(),
            type_name,
            packer: self,
            count_at,
            count: 0,
        }
    }

    /// The index of the shape of the keys open from `keys_from` on, for an object of the type
    /// named `type_name` (added to the table if new), those keys closed.
    fn close_shape(&mut self, keys_from: usize, type_name: &'static str) -> usize {
        let keys = &self.open_keys[keys_from..];
        let type_place = place_of(type_name);
        let slot = (type_place.0 >> 3 ^ type_place.1) % RECENT_TYPES;
        let (last_type, last_shape) = self.last_shape_of[slot];
        let shape = if last_type == type_place && same_keys(&self.shape_keys[last_shape], keys) {
            last_shape
        } else if let Some(shape) = self.shape_keys.iter().position(|s| same_keys(s, keys)) {
            shape
        } else {
            let keys: Box<[&'static str]> = keys.into();
            self.shape_table.push(keys.len() as f64);
            for key in keys.iter() {
                let i = self.string_index(key);
                self.shape_table.push(i as f64);
            }
            self.shape_keys.push(keys);
            self.shape_keys.len() - 1
        };
        self.last_shape_of[slot] = (type_place, shape);
        self.open_keys.truncate(keys_from);
        shape
    }
}

/// An array or object being packed: its length or shape is written when it ends, so a length
/// serde does not know ahead (or fields a struct skips) cannot corrupt the stream.
struct Counted<'a, 'p> {
    packer: &'a mut Packer<'p>,
    count_at: usize,
    count: usize,
    /// For an object, where its keys start in [`Packer::open_keys`].
    keys_from: usize,
    /// For an object, the name of its type.
    type_name: &'static str,
}

impl Counted<'_, '_> {
    /// An array ends with its length written in.
    fn end_array(self) {
        self.packer.ops[self.count_at] = self.count as f64;
    }

    /// An object ends with its shape written in.
    fn end_object(self) {
        let shape = self.packer.close_shape(self.keys_from, self.type_name);
        self.packer.ops[self.count_at] = shape as f64;
    }
}

/// Room for a float's shortest decimal form, without allocating.
struct ShortBuf {
    bytes: [u8; 64],
    len: usize,
}

impl Default for ShortBuf {
    fn default() -> ShortBuf {
        ShortBuf {
            bytes: [0; 64],
            len: 0,
        }
    }
}

impl ShortBuf {
    fn as_str(&self) -> &str {
        std::str::from_utf8(&self.bytes[..self.len]).unwrap_or("")
    }
}

impl fmt::Write for ShortBuf {
    fn write_str(&mut self, s: &str) -> fmt::Result {
        let end = self.len + s.len();
        self.bytes
            .get_mut(self.len..end)
            .ok_or(fmt::Error)?
            .copy_from_slice(s.as_bytes());
        self.len = end;
        Ok(())
    }
}

fn unsupported(what: &str) -> PackError {
    PackError(format!("packed: {what} are not supported"))
}

impl<'a, 'p> ser::Serializer for &'a mut Packer<'p> {
    type Ok = ();
    type Error = PackError;
    type SerializeSeq = Counted<'a, 'p>;
    type SerializeTuple = ser::Impossible<(), PackError>;
    type SerializeTupleStruct = ser::Impossible<(), PackError>;
    type SerializeTupleVariant = ser::Impossible<(), PackError>;
    type SerializeMap = ser::Impossible<(), PackError>;
    type SerializeStruct = Counted<'a, 'p>;
    type SerializeStructVariant = ser::Impossible<(), PackError>;

    fn serialize_bool(self, v: bool) -> Result<(), PackError> {
        self.ops.push(if v { TRUE } else { FALSE });
        Ok(())
    }
    fn serialize_i8(self, v: i8) -> Result<(), PackError> {
        self.serialize_f64(v.into())
    }
    fn serialize_i16(self, v: i16) -> Result<(), PackError> {
        self.serialize_f64(v.into())
    }
    fn serialize_i32(self, v: i32) -> Result<(), PackError> {
        self.serialize_f64(v.into())
    }
    fn serialize_i64(self, v: i64) -> Result<(), PackError> {
        self.serialize_f64(v as f64)
    }
    fn serialize_u8(self, v: u8) -> Result<(), PackError> {
        self.serialize_f64(v.into())
    }
    fn serialize_u16(self, v: u16) -> Result<(), PackError> {
        self.serialize_f64(v.into())
    }
    fn serialize_u32(self, v: u32) -> Result<(), PackError> {
        self.serialize_f64(v.into())
    }
    fn serialize_u64(self, v: u64) -> Result<(), PackError> {
        self.serialize_f64(v as f64)
    }
    fn serialize_f32(self, v: f32) -> Result<(), PackError> {
        // JSON writes the shortest decimal that reads back as `v`; JavaScript reads that decimal
        // as the nearest f64, which is not `v` widened (35.7f32 is 35.70000076… as an f64).
        let mut digits = ShortBuf::default();
        let shortest = match fmt::write(&mut digits, format_args!("{v}")) {
            Ok(()) => digits.as_str().parse::<f64>().unwrap_or(f64::NAN),
            Err(_) => f64::from(v),
        };
        self.serialize_f64(shortest)
    }
    fn serialize_f64(self, v: f64) -> Result<(), PackError> {
        self.number(v);
        Ok(())
    }
    fn serialize_char(self, v: char) -> Result<(), PackError> {
        self.serialize_str(v.encode_utf8(&mut [0; 4]))
    }
    fn serialize_str(self, v: &str) -> Result<(), PackError> {
        if let Some((start, end)) = self.text_range(v) {
            self.ops.extend([TEXT, start as f64, end as f64]);
        } else {
            let i = self.string_index(v);
            self.ops.extend([STRING, i as f64]);
        }
        Ok(())
    }
    fn serialize_bytes(self, _: &[u8]) -> Result<(), PackError> {
        Err(unsupported("bytes"))
    }
    fn serialize_none(self) -> Result<(), PackError> {
        self.serialize_unit()
    }
    fn serialize_some<T: Serialize + ?Sized>(self, value: &T) -> Result<(), PackError> {
        value.serialize(self)
    }
    fn serialize_unit(self) -> Result<(), PackError> {
        self.ops.push(NULL);
        Ok(())
    }
    fn serialize_unit_struct(self, _: &'static str) -> Result<(), PackError> {
        self.serialize_unit()
    }
    fn serialize_unit_variant(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
    ) -> Result<(), PackError> {
        self.serialize_str(variant)
    }
    fn serialize_newtype_struct<T: Serialize + ?Sized>(
        self,
        _: &'static str,
        value: &T,
    ) -> Result<(), PackError> {
        value.serialize(self)
    }
    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: &T,
    ) -> Result<(), PackError> {
        Err(unsupported("enums with data"))
    }
    fn serialize_seq(self, _: Option<usize>) -> Result<Counted<'a, 'p>, PackError> {
        Ok(self.counted(ARRAY, ""))
    }
    fn serialize_tuple(self, _: usize) -> Result<Self::SerializeTuple, PackError> {
        Err(unsupported("tuples"))
    }
    fn serialize_tuple_struct(
        self,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeTupleStruct, PackError> {
        Err(unsupported("tuples"))
    }
    fn serialize_tuple_variant(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeTupleVariant, PackError> {
        Err(unsupported("enums with data"))
    }
    fn serialize_map(self, _: Option<usize>) -> Result<Self::SerializeMap, PackError> {
        Err(unsupported("maps"))
    }
    fn serialize_struct(self, name: &'static str, _: usize) -> Result<Counted<'a, 'p>, PackError> {
        Ok(self.counted(OBJECT, name))
    }
    fn serialize_struct_variant(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeStructVariant, PackError> {
        Err(unsupported("enums with data"))
    }
}

impl ser::SerializeSeq for Counted<'_, '_> {
    type Ok = ();
    type Error = PackError;
    fn serialize_element<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), PackError> {
        self.count += 1;
        value.serialize(&mut *self.packer)
    }
    fn end(self) -> Result<(), PackError> {
        self.end_array();
        Ok(())
    }
}

impl ser::SerializeStruct for Counted<'_, '_> {
    type Ok = ();
    type Error = PackError;
    fn serialize_field<T: Serialize + ?Sized>(
        &mut self,
        key: &'static str,
        value: &T,
    ) -> Result<(), PackError> {
        self.packer.open_keys.push(key);
        value.serialize(&mut *self.packer)
    }
    fn end(self) -> Result<(), PackError> {
        self.end_object();
        Ok(())
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use serde::Serialize;

    #[derive(Serialize)]
    struct Item<'a> {
        text: &'a str,
        label: &'static str,
        owned: String,
        count: usize,
        share: Option<f32>,
        missing: Option<usize>,
        #[serde(skip_serializing_if = "Vec::is_empty")]
        flags: Vec<bool>,
    }

    /// The value part of a packed stream, the string table as strings and the shape table as
    /// the keys of each shape.
    pub(crate) fn split(packed: &Packed) -> (&[f64], Vec<String>, Vec<Vec<String>>) {
        let table_at = packed.numbers[0] as usize;
        let table = &packed.numbers[table_at..];
        let count = table[0] as usize;
        let utf16: Vec<u16> = packed.strings.encode_utf16().collect();
        let mut from = 0;
        let strings: Vec<String> = table[1..=count]
            .iter()
            .map(|&len| {
                let to = from + len as usize;
                let s = String::from_utf16(&utf16[from..to]).unwrap();
                from = to;
                s
            })
            .collect();
        assert_eq!(from, utf16.len(), "lengths cover the strings");
        let mut rest = &table[count + 1..];
        let mut shapes = Vec::new();
        for _ in 0..rest[0] as usize {
            let n = rest[1] as usize;
            shapes.push(
                rest[2..2 + n]
                    .iter()
                    .map(|&k| strings[k as usize].clone())
                    .collect(),
            );
            rest = &rest[1 + n..];
        }
        assert_eq!(rest.len(), 1, "the shapes end the stream");
        (&packed.numbers[1..table_at], strings, shapes)
    }

    /// One `&'static str` read in two places (the same pointer, however literals are merged).
    static CITY: &str = "city";
    /// A name the text holds too, kept apart from it.
    static BERGEN: &str = "Bergen";

    #[test]
    fn values_pack_as_documented() {
        // `😀` is two UTF-16 units: `Oslo` starts at unit 3 (byte 5).
        let text = "😀 Oslo and Bergen";
        let map = OffsetMap::new(text, Unit::Utf16);
        let owned = String::from("Oslo");
        let items = vec![
            Item {
                text: &text[5..9],
                label: CITY,
                owned: owned.clone(),
                count: 2,
                share: Some(35.7),
                missing: None,
                flags: vec![true, false],
            },
            Item {
                // Not inside the text: travels as a string.
                text: BERGEN,
                label: CITY,
                owned,
                count: 0,
                share: Some(f32::NAN),
                missing: None,
                flags: Vec::new(),
            },
        ];
        let packed = pack(&items, text, &map, 0).unwrap();
        let (ops, strings, shapes) = split(&packed);
        let s = |name: &str| strings.iter().position(|s| s == name).unwrap() as f64;
        let last = |name: &str| strings.iter().rposition(|s| s == name).unwrap() as f64;
        #[rustfmt::skip]
        let expected = vec![
            ARRAY, 2.0,
            OBJECT, 0.0,
            TEXT, 3.0, 7.0,
            STRING, s("city"),
            STRING, s("Oslo"),
            NUMBER, 2.0,
            // As JSON writes it: 35.7, not the f32 widened.
            NUMBER, 35.7,
            NULL,
            ARRAY, 2.0, TRUE, FALSE,
            // The skipped field makes another shape.
            OBJECT, 1.0,
            STRING, s("Bergen"),
            // The same `&'static str` travels once; each `String` travels itself.
            STRING, s("city"),
            STRING, last("Oslo"),
            NUMBER, 0.0,
            NULL,
            NULL,
        ];
        assert_eq!(ops, expected, "strings {strings:?}");
        assert_eq!(strings.iter().filter(|s| *s == "city").count(), 1);
        assert_eq!(strings.iter().filter(|s| *s == "Oslo").count(), 2);
        let keys = [
            "text", "label", "owned", "count", "share", "missing", "flags",
        ];
        assert_eq!(shapes, [&keys[..], &keys[..6]]);
        // Each key travels once, whatever the number of objects and shapes.
        assert_eq!(strings.iter().filter(|s| *s == "text").count(), 1);
    }

    /// Objects of one shape inside objects (and arrays) of another each get their own shape,
    /// however deep, and the shapes are numbered as they are first closed.
    #[test]
    fn nested_objects_close_their_own_shapes() {
        #[derive(Serialize)]
        struct Inner {
            a: u8,
        }
        #[derive(Serialize)]
        struct Outer {
            first: Inner,
            list: Vec<Inner>,
            last: u8,
        }
        let value = vec![
            Outer {
                first: Inner { a: 1 },
                list: vec![Inner { a: 2 }],
                last: 3,
            },
            Outer {
                first: Inner { a: 4 },
                list: Vec::new(),
                last: 5,
            },
        ];
        let map = OffsetMap::new("", Unit::Utf16);
        let packed = pack(&value, "", &map, 0).unwrap();
        let (ops, _, shapes) = split(&packed);
        #[rustfmt::skip]
        assert_eq!(ops, [
            ARRAY, 2.0,
            OBJECT, 1.0, OBJECT, 0.0, NUMBER, 1.0, ARRAY, 1.0, OBJECT, 0.0, NUMBER, 2.0, NUMBER, 3.0,
            OBJECT, 1.0, OBJECT, 0.0, NUMBER, 4.0, ARRAY, 0.0, NUMBER, 5.0,
        ]);
        assert_eq!(shapes, [vec!["a"], vec!["first", "list", "last"]]);
    }

    #[test]
    fn any_slice_of_the_text_travels_as_its_range() {
        // `Bergen` is bytes 14..20 and UTF-16 units 12..18; `d B` straddles two words.
        let text = "😀 Oslo and Bergen";
        let map = OffsetMap::new(text, Unit::Utf16);
        let packed = pack(&vec![&text[14..], &text[12..15]], text, &map, 0).unwrap();
        let (ops, _, _) = split(&packed);
        assert_eq!(ops, [ARRAY, 2.0, TEXT, 12.0, 18.0, TEXT, 10.0, 13.0]);
    }

    #[test]
    fn types_json_objects_do_not_have_are_errors() {
        let map = OffsetMap::new("", Unit::Utf16);
        let tuple = (1, 2);
        assert!(pack(&tuple, "", &map, 0).is_err());
        let dict = std::collections::BTreeMap::from([("a", 1)]);
        let err = pack(&dict, "", &map, 0).unwrap_err();
        assert_eq!(err.to_string(), "packed: maps are not supported");
    }
}
