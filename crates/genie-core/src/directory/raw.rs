//! The shapes a directory file is read into before it is checked: typed, borrowed from the
//! file's text where they can be, and only as deep as the check looks. No generic JSON tree is
//! built; fields the format does not know are skipped as they are read.
//!
//! Every field keeps what the check needs to tell apart: absent (`None`), `null`, text, a
//! number (whole or not), an object, or anything else. A key given twice keeps its last value,
//! as a JSON object read whole would.

use std::borrow::Cow;
use std::fmt;
use std::marker::PhantomData;

use serde::de::{self, DeserializeSeed, Deserializer, IgnoredAny, MapAccess, SeqAccess, Visitor};
use serde::Deserialize;

/// A value where a single word, text or number is expected.
#[derive(Debug, Clone, PartialEq)]
pub(super) enum Scalar<'a> {
    Null,
    Str(Cow<'a, str>),
    U64(u64),
    I64(i64),
    F64(f64),
    /// `true`/`false`, an array or an object: never what a scalar field wants.
    Other,
}

impl Scalar<'_> {
    /// The number, when it is one (whole or not).
    pub(super) fn number(&self) -> Option<f64> {
        match *self {
            Scalar::U64(v) => Some(v as f64),
            Scalar::I64(v) => Some(v as f64),
            Scalar::F64(v) => Some(v),
            _ => None,
        }
    }
}

/// An object read into `F`, or what stood in its place.
#[derive(Debug)]
pub(super) enum Shape<'a, F> {
    Null,
    Str(Cow<'a, str>),
    Object(F),
    Other,
}

/// A list of `T`, or what stood in its place.
#[derive(Debug)]
pub(super) enum List<'a, T> {
    Null,
    Str(Cow<'a, str>),
    Items(Vec<T>),
    Other,
}

/// The fields of an object the check reads; any other key is skipped.
pub(super) trait Fields<'de>: Default {
    /// Reads the value of `key` (or skips it).
    fn field<A: MapAccess<'de>>(&mut self, key: &str, map: &mut A) -> Result<(), A::Error>;
}

/// Reads a key without copying it when the text has no escapes.
struct Key<'a>(Cow<'a, str>);

impl<'de> Deserialize<'de> for Key<'de> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = Key<'de>;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a key")
            }
            fn visit_borrowed_str<E: de::Error>(self, v: &'de str) -> Result<Self::Value, E> {
                Ok(Key(Cow::Borrowed(v)))
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Self::Value, E> {
                Ok(Key(Cow::Owned(v.to_string())))
            }
        }
        d.deserialize_str(V)
    }
}

/// Reads every key of an object into `fields`.
pub(super) fn read_fields<'de, F: Fields<'de>, A: MapAccess<'de>>(
    mut map: A,
) -> Result<F, A::Error> {
    let mut fields = F::default();
    while let Some(Key(key)) = map.next_key::<Key<'de>>()? {
        fields.field(&key, &mut map)?;
    }
    Ok(fields)
}

/// Reads the rest of an array, keeping nothing.
fn drain_seq<'de, A: SeqAccess<'de>>(mut seq: A) -> Result<(), A::Error> {
    while seq.next_element::<IgnoredAny>()?.is_some() {}
    Ok(())
}

/// Reads the rest of an object, keeping nothing.
fn drain_map<'de, A: MapAccess<'de>>(mut map: A) -> Result<(), A::Error> {
    while map.next_entry::<IgnoredAny, IgnoredAny>()?.is_some() {}
    Ok(())
}

/// The visitor methods every shape shares for values that are not what it wants.
macro_rules! other_values {
    ($other:expr) => {
        fn visit_bool<E: de::Error>(self, _: bool) -> Result<Self::Value, E> {
            Ok($other)
        }
        fn visit_i64<E: de::Error>(self, _: i64) -> Result<Self::Value, E> {
            Ok($other)
        }
        fn visit_u64<E: de::Error>(self, _: u64) -> Result<Self::Value, E> {
            Ok($other)
        }
        fn visit_f64<E: de::Error>(self, _: f64) -> Result<Self::Value, E> {
            Ok($other)
        }
    };
}

impl<'de> Deserialize<'de> for Scalar<'de> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = Scalar<'de>;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("any JSON value")
            }
            fn visit_unit<E: de::Error>(self) -> Result<Self::Value, E> {
                Ok(Scalar::Null)
            }
            fn visit_none<E: de::Error>(self) -> Result<Self::Value, E> {
                Ok(Scalar::Null)
            }
            fn visit_bool<E: de::Error>(self, _: bool) -> Result<Self::Value, E> {
                Ok(Scalar::Other)
            }
            fn visit_i64<E: de::Error>(self, v: i64) -> Result<Self::Value, E> {
                Ok(Scalar::I64(v))
            }
            fn visit_u64<E: de::Error>(self, v: u64) -> Result<Self::Value, E> {
                Ok(Scalar::U64(v))
            }
            fn visit_f64<E: de::Error>(self, v: f64) -> Result<Self::Value, E> {
                Ok(Scalar::F64(v))
            }
            fn visit_borrowed_str<E: de::Error>(self, v: &'de str) -> Result<Self::Value, E> {
                Ok(Scalar::Str(Cow::Borrowed(v)))
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Self::Value, E> {
                Ok(Scalar::Str(Cow::Owned(v.to_string())))
            }
            fn visit_seq<A: SeqAccess<'de>>(self, seq: A) -> Result<Self::Value, A::Error> {
                drain_seq(seq)?;
                Ok(Scalar::Other)
            }
            fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Self::Value, A::Error> {
                drain_map(map)?;
                Ok(Scalar::Other)
            }
        }
        d.deserialize_any(V)
    }
}

impl<'de, F: Fields<'de>> Deserialize<'de> for Shape<'de, F> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V<F>(PhantomData<F>);
        impl<'de, F: Fields<'de>> Visitor<'de> for V<F> {
            type Value = Shape<'de, F>;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("any JSON value")
            }
            fn visit_unit<E: de::Error>(self) -> Result<Self::Value, E> {
                Ok(Shape::Null)
            }
            fn visit_none<E: de::Error>(self) -> Result<Self::Value, E> {
                Ok(Shape::Null)
            }
            other_values!(Shape::Other);
            fn visit_borrowed_str<E: de::Error>(self, v: &'de str) -> Result<Self::Value, E> {
                Ok(Shape::Str(Cow::Borrowed(v)))
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Self::Value, E> {
                Ok(Shape::Str(Cow::Owned(v.to_string())))
            }
            fn visit_seq<A: SeqAccess<'de>>(self, seq: A) -> Result<Self::Value, A::Error> {
                drain_seq(seq)?;
                Ok(Shape::Other)
            }
            fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Self::Value, A::Error> {
                read_fields(map).map(Shape::Object)
            }
        }
        d.deserialize_any(V(PhantomData))
    }
}

impl<'de, T: Deserialize<'de>> Deserialize<'de> for List<'de, T> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V<T>(PhantomData<T>);
        impl<'de, T: Deserialize<'de>> Visitor<'de> for V<T> {
            type Value = List<'de, T>;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("any JSON value")
            }
            fn visit_unit<E: de::Error>(self) -> Result<Self::Value, E> {
                Ok(List::Null)
            }
            fn visit_none<E: de::Error>(self) -> Result<Self::Value, E> {
                Ok(List::Null)
            }
            other_values!(List::Other);
            fn visit_borrowed_str<E: de::Error>(self, v: &'de str) -> Result<Self::Value, E> {
                Ok(List::Str(Cow::Borrowed(v)))
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Self::Value, E> {
                Ok(List::Str(Cow::Owned(v.to_string())))
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
                let mut items = Vec::with_capacity(seq.size_hint().unwrap_or(0).min(64));
                while let Some(item) = seq.next_element()? {
                    items.push(item);
                }
                Ok(List::Items(items))
            }
            fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Self::Value, A::Error> {
                drain_map(map)?;
                Ok(List::Other)
            }
        }
        d.deserialize_any(V(PhantomData))
    }
}

/// Declares an object's fields: each named key is read as its field's type, others skipped.
macro_rules! fields {
    ($name:ident { $($field:ident: $ty:ty),* $(,)? }) => {
        #[derive(Debug, Default)]
        pub(super) struct $name<'a> {
            $(pub(super) $field: Option<$ty>,)*
            _text: PhantomData<&'a str>,
        }
        impl<'de> Fields<'de> for $name<'de> {
            fn field<A: MapAccess<'de>>(&mut self, key: &str, map: &mut A) -> Result<(), A::Error> {
                match key {
                    $(stringify!($field) => self.$field = Some(map.next_value()?),)*
                    _ => {
                        map.next_value::<IgnoredAny>()?;
                    }
                }
                Ok(())
            }
        }
    };
}

fields!(EntryFields {
    id: Scalar<'a>,
    name: Scalar<'a>,
    description: Scalar<'a>,
    subcategories: List<'a, Scalar<'a>>,
    reach: Shape<'a, ReachFields<'a>>,
    sessions: List<'a, Shape<'a, SessionFields<'a>>>,
    cost: Shape<'a, CostFields<'a>>,
    access: List<'a, Scalar<'a>>,
    languages: List<'a, Scalar<'a>>,
    contact: Shape<'a, ContactFields<'a>>,
    checked: Scalar<'a>,
    status: Scalar<'a>,
});
fields!(ReachFields {
    kind: Scalar<'a>,
    location: Shape<'a, LocationFields<'a>>,
});
fields!(LocationFields {
    lat: Scalar<'a>,
    lon: Scalar<'a>,
    address: Scalar<'a>,
    postcode: Scalar<'a>,
    precision: Scalar<'a>,
});
fields!(SessionFields {
    day: Scalar<'a>,
    part: Scalar<'a>,
    starts: Scalar<'a>,
    ends: Scalar<'a>,
});
fields!(CostFields {
    kind: Scalar<'a>,
    minor_units: Scalar<'a>,
});
fields!(ContactFields {
    phone: Scalar<'a>,
    email: Scalar<'a>,
    website: Scalar<'a>,
});

/// What stood where the list of entries belongs.
pub(super) enum Entries {
    Missing,
    Null,
    Array,
    Other,
}

/// Receives each entry as soon as it is read, so the file is never held as a whole tree.
pub(super) trait EntrySink {
    /// A new `resources` array starts (a repeated key replaces an earlier one).
    fn start(&mut self);
    fn entry(&mut self, entry: Shape<'_, EntryFields<'_>>);
}

/// The file's top level: the version and area as read, and where the entries were.
pub(super) struct Top<'a> {
    pub(super) version: Option<Scalar<'a>>,
    pub(super) area: Option<Scalar<'a>>,
    pub(super) resources: Entries,
}

/// Reads the whole file, handing each entry to `sink`. `Ok(None)`: the file is JSON but not
/// an object. `Err`: not JSON.
pub(super) fn read_file<'de, S: EntrySink>(
    text: &'de str,
    sink: &mut S,
) -> Result<Option<Top<'de>>, serde_json::Error> {
    let mut de = serde_json::Deserializer::from_str(text);
    let top = TopSeed(sink).deserialize(&mut de)?;
    de.end()?;
    Ok(top)
}

struct TopSeed<'s, S>(&'s mut S);

impl<'de, S: EntrySink> DeserializeSeed<'de> for TopSeed<'_, S> {
    type Value = Option<Top<'de>>;
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
        d.deserialize_any(self)
    }
}

impl<'de, S: EntrySink> Visitor<'de> for TopSeed<'_, S> {
    type Value = Option<Top<'de>>;
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a directory")
    }
    fn visit_unit<E: de::Error>(self) -> Result<Self::Value, E> {
        Ok(None)
    }
    other_values!(None);
    fn visit_str<E: de::Error>(self, _: &str) -> Result<Self::Value, E> {
        Ok(None)
    }
    fn visit_seq<A: SeqAccess<'de>>(self, seq: A) -> Result<Self::Value, A::Error> {
        drain_seq(seq)?;
        Ok(None)
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
        let mut top = Top {
            version: None,
            area: None,
            resources: Entries::Missing,
        };
        while let Some(Key(key)) = map.next_key::<Key<'de>>()? {
            match key.as_ref() {
                "version" => top.version = Some(map.next_value()?),
                "area" => top.area = Some(map.next_value()?),
                "resources" => top.resources = map.next_value_seed(EntriesSeed(&mut *self.0))?,
                _ => {
                    map.next_value::<IgnoredAny>()?;
                }
            }
        }
        Ok(Some(top))
    }
}

struct EntriesSeed<'s, S>(&'s mut S);

impl<'de, S: EntrySink> DeserializeSeed<'de> for EntriesSeed<'_, S> {
    type Value = Entries;
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
        d.deserialize_any(self)
    }
}

impl<'de, S: EntrySink> Visitor<'de> for EntriesSeed<'_, S> {
    type Value = Entries;
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a list of entries")
    }
    fn visit_unit<E: de::Error>(self) -> Result<Self::Value, E> {
        Ok(Entries::Null)
    }
    other_values!(Entries::Other);
    fn visit_str<E: de::Error>(self, _: &str) -> Result<Self::Value, E> {
        Ok(Entries::Other)
    }
    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Self::Value, A::Error> {
        drain_map(map)?;
        Ok(Entries::Other)
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
        self.0.start();
        while let Some(entry) = seq.next_element::<Shape<'de, EntryFields<'de>>>()? {
            self.0.entry(entry);
        }
        Ok(Entries::Array)
    }
}
