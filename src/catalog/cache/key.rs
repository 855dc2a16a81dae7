//! The cache key: what a set of source files and the rumbo that reads them hash to.

use super::super::CatalogSources;
use super::super::builtin::Builtin;
use super::super::load::{Input, Origin, display, origins};
use super::super::model::FORMAT;
use super::{LAYOUT, MAGIC};
use std::io::Read;
use xxhash_rust::xxh3::Xxh3;

const SCHEMA: [&str; 6] = [
    include_str!("codec.rs"),
    include_str!("../model.rs"),
    include_str!("../parse.rs"),
    include_str!("../validate.rs"),
    include_str!("../load.rs"),
    include_str!("../../text.rs"),
];

/// The cache key of a set of source files and built-ins, in the order they were read.
pub fn key(inputs: &[Input]) -> [u8; 16] {
    let mut hasher = key_start(inputs.len());
    for input in inputs {
        match input {
            Input::File(file) => {
                field(&mut hasher, file.name.as_bytes());
                field(&mut hasher, file.text.as_bytes());
            }
            Input::Builtin(b) => builtin_field(&mut hasher, b),
        }
    }
    hasher.digest128().to_le_bytes()
}

/// A built-in catalog: its name and what it loads from, the bytes the build made (their text too,
/// for the rare build that could not make them and the text is parsed instead).
fn builtin_field(hasher: &mut Xxh3, b: &Builtin) {
    field(hasher, b.name.as_bytes());
    field(hasher, b.bytes);
    if b.bytes.is_empty() {
        field(hasher, b.text.as_bytes());
    }
}

/// A length, then the bytes: no two lists of fields hash the same stream.
fn field(hasher: &mut Xxh3, bytes: &[u8]) {
    hasher.update(&(bytes.len() as u64).to_le_bytes());
    hasher.update(bytes);
}

/// The hasher after what every key starts with: this rumbo, and how many files follow.
fn key_start(files: usize) -> Xxh3 {
    let mut hasher = Xxh3::new();
    field(&mut hasher, MAGIC);
    field(&mut hasher, env!("CARGO_PKG_VERSION").as_bytes());
    field(&mut hasher, &FORMAT.to_le_bytes());
    field(&mut hasher, &LAYOUT.to_le_bytes());
    for code in SCHEMA {
        field(&mut hasher, code.as_bytes());
    }
    field(&mut hasher, &(files as u64).to_le_bytes());
    hasher
}

/// The files `sources` names, if every folder could be listed and every file measured, with
/// their sizes.
pub(super) fn listed(sources: &CatalogSources) -> Option<(Vec<Origin>, Sizes)> {
    let mut sizes = Sizes::default();
    let mut list = Vec::new();
    for origin in origins(sources) {
        match &origin {
            Ok(Origin::Builtin(b)) => sizes.builtins += b.bytes.len() as u64,
            Ok(Origin::File(path)) => sizes.files += std::fs::metadata(path).ok()?.len(),
            Err(_) => return None,
        }
        list.push(origin.ok()?);
    }
    Some((list, sizes))
}

/// What the catalogs of a load weigh, which decides what is worth caching.
#[derive(Clone, Copy, Debug, Default)]
pub(super) struct Sizes {
    /// The RON files' bytes: parsing them is what the catalog cache saves.
    pub files: u64,
    /// The built-ins' binary bytes: already as quick to decode as the cache would be, but the
    /// search index built from them takes as long as one built from files of that size.
    pub builtins: u64,
}

/// [`key`] of the files in `list`, read a block at a time instead of whole: on a hit their text is
/// never needed, and 15 MB read only to be hashed would be 15 MB of memory touched at every start.
/// As [`read_sources`] does, a leading byte-order mark is not part of the text. `None` when a file
/// cannot be read, or changes size while it is.
pub(super) fn streamed_key(list: &[Origin]) -> Option<[u8; 16]> {
    const BOM: &[u8] = "\u{FEFF}".as_bytes();
    let mut hasher = key_start(list.len());
    let mut block = vec![0; 1 << 16];
    for origin in list {
        let path = match origin {
            Origin::Builtin(b) => {
                builtin_field(&mut hasher, b);
                continue;
            }
            Origin::File(path) => path,
        };
        field(&mut hasher, display(path).as_bytes());
        let mut file = std::fs::File::open(path).ok()?;
        let mut left = file.metadata().ok()?.len();
        // The first bytes, to see whether there is a byte-order mark to leave out.
        let mut start = Vec::with_capacity(BOM.len());
        (&mut file).take(BOM.len() as u64).read_to_end(&mut start).ok()?;
        left = left.checked_sub(start.len() as u64)?;
        let start = if start == BOM { &[][..] } else { &start[..] };
        hasher.update(&(start.len() as u64 + left).to_le_bytes());
        hasher.update(start);
        while left > 0 {
            let n = file.read(&mut block).ok()?;
            if n == 0 {
                return None;
            }
            left = left.checked_sub(n as u64)?;
            hasher.update(&block[..n]);
        }
        if file.read(&mut block[..1]).ok()? != 0 {
            return None;
        }
    }
    Some(hasher.digest128().to_le_bytes())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalog::BUILTINS;
    use crate::catalog::load::read_sources;
    use crate::catalog::parse::SourceFile;

    #[test]
    fn the_streamed_key_is_the_key_of_the_files_read() {
        let dir = tempfile::tempdir().unwrap();
        let folder = dir.path().join("carpeta");
        std::fs::create_dir(&folder).unwrap();
        let big: String = "ñandú ".repeat(40_000);
        for (name, bytes) in [
            ("carpeta/b.ron", "uno".as_bytes().to_vec()),
            ("carpeta/a.ron", [b"\xEF\xBB\xBF".as_slice(), "con marca".as_bytes()].concat()),
            ("carpeta/c.txt", b"no es un catalogo".to_vec()),
            ("solo.ron", b"ab".to_vec()),
            ("vacio.ron", Vec::new()),
            ("grande.ron", big.into_bytes()),
        ] {
            std::fs::write(dir.path().join(name), bytes).unwrap();
        }
        for builtins in [BUILTINS.iter().collect(), Vec::new()] {
            let count = builtins.len();
            let paths = ["carpeta", "solo.ron", "vacio.ron", "grande.ron"].map(|p| dir.path().join(p));
            let sources = CatalogSources { builtins, config_catalogs: None, paths: paths.to_vec() };
            let (files, problems) = read_sources(&sources);
            assert!(problems.is_empty(), "{problems:?}");
            assert_eq!(files.len(), 5 + count);
            let (list, _) = listed(&sources).unwrap();
            assert_eq!(streamed_key(&list), Some(key(&files)));
        }
    }

    #[test]
    fn the_key_depends_on_every_name_and_text_and_their_order() {
        let file = |name: &str, text: &str| Input::File(SourceFile { name: name.into(), text: text.into() });
        let base = key(&[file("a.ron", "uno"), file("b.ron", "dos")]);
        assert_eq!(base, key(&[file("a.ron", "uno"), file("b.ron", "dos")]));
        for other in [
            vec![file("a.ron", "uno"), file("b.ron", "dós")],
            vec![file("a.ron", "uno"), file("c.ron", "dos")],
            vec![file("b.ron", "dos"), file("a.ron", "uno")],
            vec![file("a.ron", "uno")],
            vec![file("a.ron", "unod"), file("b.ron", "os")],
            vec![file("a.ron", "uno"), file("b.ron", "dos"), file("c.ron", "")],
        ] {
            assert_ne!(base, key(&other));
        }
    }
}
