//! The catalogs compiled into rumbo, so it runs with no files at all: the BPO sector of Bogotá and
//! DANE's CUOC 2025. Each is embedded twice: as postcard made at build time (build.rs), which a
//! start decodes in a few milliseconds instead of parsing megabytes of RON, and as its RON text,
//! for the rare problem that must be placed at a line and column (an id another file repeats) and
//! for anything that wants the text itself.

use super::model::Catalog;
use super::parse::SourceFile;

/// One built-in catalog. Its id is the id its file declares (build.rs checks), so a catalog file
/// with the same id is a later edition of it and takes its place.
#[derive(Debug, PartialEq, Eq)]
pub struct Builtin {
    pub id: &'static str,
    /// How messages name it: `builtin:<id>.ron`.
    pub name: &'static str,
    pub text: &'static str,
    /// Postcard of the [`Catalog`] in `text`; empty when build.rs could not read the text.
    pub bytes: &'static [u8],
}

macro_rules! builtin {
    ($id:literal) => {
        Builtin {
            id: $id,
            name: concat!("builtin:", $id, ".ron"),
            text: include_str!(concat!("../../assets/catalog/", $id, ".ron")),
            bytes: include_bytes!(concat!(env!("OUT_DIR"), "/", $id, ".postcard")),
        }
    };
}

/// Every built-in catalog, in the order they load. Build.rs names the same files.
pub static BUILTINS: [Builtin; 2] = [builtin!("bpo-bogota"), builtin!("cuoc-2025")];

/// The built-in catalog with this id.
pub fn builtin(id: &str) -> Option<&'static Builtin> {
    BUILTINS.iter().find(|b| b.id == id)
}

/// The ids of every built-in catalog, in order.
pub fn builtin_ids() -> impl Iterator<Item = &'static str> {
    BUILTINS.iter().map(|b| b.id)
}

impl Builtin {
    /// Its RON text as a source file (for tests, and for what parses every file alike).
    pub fn file(&self) -> SourceFile {
        SourceFile { name: self.name.to_string(), text: self.text.to_string() }
    }

    /// The catalog, decoded from the bytes made at build time; `None` if they do not decode to
    /// the last byte (build.rs could not read the text), and the text must be parsed instead.
    pub fn decoded(&self) -> Option<Catalog> {
        match postcard::take_from_bytes::<Catalog>(self.bytes) {
            Ok((catalog, [])) if catalog.id == self.id => Some(catalog),
            _ => None,
        }
    }
}
