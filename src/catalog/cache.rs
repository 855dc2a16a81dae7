//! A compact binary copy of the loaded catalogs, so a start with unchanged files skips the RON parse.
//!
//! Parsing and validating an ESCO-sized catalog (15 MB of RON) takes a quarter of a second; decoding
//! the same catalogs from postcard takes a small fraction of that. The cache never changes what rumbo
//! loads:
//!
//! - Every start still reads every source file. The cache is used only when all of them were read
//!   without a problem, and only if its key matches: an xxh3-128 hash of rumbo's version, the catalog
//!   format, this layout, the source of the code that decides what a catalog holds and whether it is
//!   valid (so a development build with a changed model never reads an old layout), and each file's
//!   name and text in order. Any change to any file, a file added or removed, or another rumbo gives
//!   another key, and the catalogs are parsed and validated as if there were no cache.
//! - Only catalogs that loaded without a single problem are written, so a broken file is reported the
//!   same way every time.
//! - The payload carries its length and its own xxh3-128 checksum, and must decode to the last byte.
//!   A truncated, corrupt or foreign file is ignored (and replaced by the next successful load).
//! - It is written atomically (`atomic-write-file`): another rumbo reading at the same moment sees the
//!   old file or the new one, never half of one. Failing to write it is not an error.
//!
//! Small sets (under [`Cache::MIN_BYTES`], such as the built-in catalog alone) parse faster than the
//! cache would read, so they never touch it.
//!
//! File layout: `MAGIC` (16 bytes), key (16), payload length (u64 LE), payload checksum (16), payload
//! (see [`encode`]: postcard of `[(file name, Catalog)]` in two parts, decoded on two cores).

use super::load::{BUILTIN_NAME, BUILTIN_TEXT, Origin, display, finish, origins, read_sources};
use super::model::{Catalog, Competency, FORMAT, Occupation, Program, Sector, Source};
use super::parse::SourceFile;
use super::problem::Problem;
use super::set::CatalogSet;
use super::{CatalogSources, Loaded, load_files};
use serde::Serialize;
use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use xxhash_rust::xxh3::{Xxh3, xxh3_128};

/// What loading gives: the catalogs and their file names, or every problem found.
type LoadResult = Result<(CatalogSet, Vec<String>), Vec<Problem>>;

const MAGIC: &[u8; 16] = b"rumbo catalogs\n\0";
/// Bumped when the file layout above changes.
const LAYOUT: u32 = 2;
const HEADER: usize = 16 + 16 + 8 + 16;

/// The code whose changes can change what a cached catalog would hold; part of the key.
const SCHEMA: [&str; 5] = [
    include_str!("model.rs"),
    include_str!("parse.rs"),
    include_str!("validate.rs"),
    include_str!("load.rs"),
    include_str!("../text.rs"),
];

/// Where the cache lives, and from what size on it is used.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Cache {
    path: PathBuf,
    min_bytes: usize,
}

impl Cache {
    /// The cache file's name inside its folder.
    pub const FILE_NAME: &str = "catalogs.bin";
    /// Source files adding up to less than this are parsed every time (about 15 ms of parsing).
    pub const MIN_BYTES: usize = 1 << 20;

    /// A cache in `dir` (created when first written), for sets of at least [`Cache::MIN_BYTES`].
    pub fn in_dir(dir: &Path) -> Cache {
        Cache { path: dir.join(Cache::FILE_NAME), min_bytes: Cache::MIN_BYTES }
    }

    /// The same cache, used from `min_bytes` of source text on (0: always).
    pub fn with_min_bytes(self, min_bytes: usize) -> Cache {
        Cache { min_bytes, ..self }
    }

    /// `RUMBO_CACHE_DIR` if set (set but empty: no cache at all), else the platform's cache folder
    /// (`~/.cache/rumbo` on Linux).
    pub fn from_env() -> Option<Cache> {
        match std::env::var_os("RUMBO_CACHE_DIR") {
            Some(dir) if dir.is_empty() => None,
            Some(dir) => Some(Cache::in_dir(Path::new(&dir))),
            None => directories::ProjectDirs::from("", "", "rumbo").map(|p| Cache::in_dir(p.cache_dir())),
        }
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Stores `loaded` under `key`; best effort.
    fn write(&self, key: &[u8; 16], loaded: &[Loaded]) -> std::io::Result<()> {
        let payload = encode(loaded).map_err(std::io::Error::other)?;
        if let Some(dir) = self.path.parent() {
            std::fs::create_dir_all(dir)?;
        }
        let mut file = atomic_write_file::AtomicWriteFile::open(&self.path)?;
        file.write_all(MAGIC)?;
        file.write_all(key)?;
        file.write_all(&(payload.len() as u64).to_le_bytes())?;
        file.write_all(&xxh3_128(&payload).to_le_bytes())?;
        file.write_all(&payload)?;
        file.commit()
    }
}

/// The payload of `bytes` when the header is ours, the key matches, and length and checksum agree.
#[cfg(test)]
fn checked_payload<'a>(bytes: &'a [u8], key: &[u8; 16]) -> Option<&'a [u8]> {
    unpack(bytes).filter(|(stored, _)| stored == key).map(|(_, payload)| payload)
}

/// The key and payload of `bytes` when the header is ours and length and checksum agree.
fn unpack(bytes: &[u8]) -> Option<(&[u8], &[u8])> {
    let (header, payload) = bytes.split_at_checked(HEADER)?;
    let (magic, rest) = header.split_at(16);
    let (stored_key, rest) = rest.split_at(16);
    let (len, sum) = rest.split_at(8);
    let len = u64::from_le_bytes(len.try_into().ok()?);
    let whole = magic == MAGIC
        && u64::try_from(payload.len()).is_ok_and(|n| n == len)
        && sum == xxh3_128(payload).to_le_bytes();
    whole.then_some((stored_key, payload))
}

/// The cache key of a set of source files, in the order they were read.
pub fn key(files: &[SourceFile]) -> [u8; 16] {
    let mut hasher = key_start(files.len());
    for file in files {
        field(&mut hasher, file.name.as_bytes());
        field(&mut hasher, file.text.as_bytes());
    }
    hasher.digest128().to_le_bytes()
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

/// The files `sources` names, if every folder could be listed and every file measured, with the
/// bytes they add up to.
fn listed(sources: &CatalogSources) -> Option<(Vec<Origin>, u64)> {
    let mut size = 0;
    let mut list = Vec::new();
    for origin in origins(sources) {
        size += match &origin {
            Ok(Origin::Builtin) => BUILTIN_TEXT.len() as u64,
            Ok(Origin::File(path)) => std::fs::metadata(path).ok()?.len(),
            Err(_) => return None,
        };
        list.push(origin.ok()?);
    }
    Some((list, size))
}

/// [`key`] of the files in `list`, read a block at a time instead of whole: on a hit their text is
/// never needed, and 15 MB read only to be hashed would be 15 MB of memory touched at every start.
/// As [`read_sources`] does, a leading byte-order mark is not part of the text. `None` when a file
/// cannot be read, or changes size while it is.
fn streamed_key(list: &[Origin]) -> Option<[u8; 16]> {
    const BOM: &[u8] = "\u{FEFF}".as_bytes();
    let mut hasher = key_start(list.len());
    let mut block = vec![0; 1 << 16];
    for origin in list {
        let path = match origin {
            Origin::Builtin => {
                field(&mut hasher, BUILTIN_NAME.as_bytes());
                field(&mut hasher, BUILTIN_TEXT.as_bytes());
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

/// Like [`super::load`], through `cache` when there is one: the same catalogs, names and problems.
pub fn load(
    sources: &CatalogSources,
    cache: Option<&Cache>,
) -> Result<(CatalogSet, Vec<String>), Vec<Problem>> {
    load_reporting(sources, cache).0
}

/// What [`load_reporting`] did with the cache.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Use {
    /// No cache, a set too small for one, or a file that could not be read.
    Bypassed,
    /// The catalogs came from the cache.
    Hit,
    /// Parsed and validated; the cache was written (or could not be) for next time.
    Written,
    /// Parsed and validated, with a problem: nothing was written.
    Refused,
}

/// [`load`], also saying what it did with the cache (for tests and benchmarks).
pub fn load_reporting(sources: &CatalogSources, cache: Option<&Cache>) -> (LoadResult, Use) {
    let listed = cache.and_then(|cache| {
        let (list, size) = listed(sources)?;
        (size >= cache.min_bytes as u64).then_some((cache, list))
    });
    let Some((cache, list)) = listed else {
        let (files, problems) = read_sources(sources);
        return (finish(files, problems), Use::Bypassed);
    };
    // The cache file is read (and its checksum checked) on another core while the sources are
    // hashed: both take a few milliseconds at this size, and a start is made of little else.
    let (streamed, bytes) = std::thread::scope(|scope| {
        let bytes = scope.spawn(|| std::fs::read(&cache.path).ok().filter(|bytes| unpack(bytes).is_some()));
        (streamed_key(&list), bytes.join().ok().flatten())
    });
    let stored = bytes.as_deref().and_then(unpack);
    if let Some((_, payload)) = stored.filter(|(stored, _)| streamed.is_some_and(|key| key == *stored)) {
        let names: Vec<String> = list
            .iter()
            .map(|origin| match origin {
                Origin::Builtin => BUILTIN_NAME.to_string(),
                Origin::File(path) => display(path),
            })
            .collect();
        let decoded = decode(payload, &names);
        drop(bytes);
        return match decoded {
            Some(loaded) => (Ok(into_set(loaded)), Use::Hit),
            // Checked but undecodable: only a foreign layout under a colliding key could do that.
            // Load without the cache, and leave it for the next successful load to replace.
            None => (super::load(sources), Use::Bypassed),
        };
    }
    let (files, problems) = read_sources(sources);
    if !problems.is_empty() {
        return (finish(files, problems), Use::Bypassed);
    }
    // Keyed on the texts just read, which are the ones parsed, even if a file changed since it was
    // hashed above.
    let key = key(&files);
    match load_files(files) {
        Ok(loaded) => {
            // A cache that cannot be written only costs the next start the full parse.
            let _ = cache.write(&key, &loaded);
            (Ok(into_set(loaded)), Use::Written)
        }
        Err(problems) => (Err(problems), Use::Refused),
    }
}

/// The payload is in two parts that a start decodes side by side, one per core (decoding is most of
/// a cached start): the catalogs with the first `FIRST_PART` of their occupations, then the rest of
/// the occupations of each, which takes as long to decode at ESCO's size. The first part's length
/// comes first.
const FIRST_PART: (usize, usize) = (9, 20);

/// A catalog with only some of its occupations, encoded exactly as a [`Catalog`] would be (postcard
/// writes a struct's fields in order, a slice as a `Vec`, a `&str` as a `String`).
#[derive(Serialize)]
struct CatalogPart<'a> {
    format: u32,
    id: &'a str,
    title: &'a str,
    language: &'a str,
    version: &'a str,
    sources: &'a [Source],
    sectors: &'a [Sector],
    competencies: &'a [Competency],
    occupations: &'a [Occupation],
    programs: &'a [Program],
}

fn encode(loaded: &[Loaded]) -> postcard::Result<Vec<u8>> {
    let mut first = Vec::new();
    let mut rest = Vec::new();
    for l in loaded {
        // Every field by name: a field added to `Catalog` does not compile here until added above.
        let Catalog {
            format,
            id,
            title,
            language,
            version,
            sources,
            sectors,
            competencies,
            occupations,
            programs,
        } = &l.catalog;
        let split = occupations.len() * FIRST_PART.0 / FIRST_PART.1;
        let part = CatalogPart {
            format: *format,
            id,
            title,
            language,
            version,
            sources,
            sectors,
            competencies,
            occupations: &occupations[..split],
            programs,
        };
        first.push((l.file.as_str(), part));
        rest.push(&occupations[split..]);
    }
    let first = postcard::to_allocvec(&first)?;
    let rest = postcard::to_allocvec(&rest)?;
    let mut payload = Vec::with_capacity(8 + first.len() + rest.len());
    payload.extend_from_slice(&(first.len() as u64).to_le_bytes());
    payload.extend_from_slice(&first);
    payload.extend_from_slice(&rest);
    Ok(payload)
}

/// The catalogs in `payload`, each part of which must decode to its last byte, each catalog from
/// one of `names`.
fn decode(payload: &[u8], names: &[String]) -> Option<Vec<Loaded>> {
    let (len, payload) = payload.split_at_checked(8)?;
    let len = usize::try_from(u64::from_le_bytes(len.try_into().ok()?)).ok()?;
    let (first, rest) = payload.split_at_checked(len)?;
    let (first, rest) = std::thread::scope(|scope| {
        let rest = scope.spawn(|| whole::<Vec<Vec<Occupation>>>(rest));
        (whole::<Vec<(String, Catalog)>>(first), rest.join().ok().flatten())
    });
    let (first, rest) = (first?, rest?);
    if first.len() != rest.len() || !first.iter().all(|(name, _)| names.contains(name)) {
        return None;
    }
    let loaded = first.into_iter().zip(rest).map(|((file, mut catalog), rest)| {
        catalog.occupations.extend(rest);
        Loaded { file, catalog }
    });
    Some(loaded.collect())
}

/// `bytes` decoded, if they hold exactly one `T`.
fn whole<T: serde::de::DeserializeOwned>(bytes: &[u8]) -> Option<T> {
    match postcard::take_from_bytes::<T>(bytes) {
        Ok((value, [])) => Some(value),
        _ => None,
    }
}

fn into_set(loaded: Vec<Loaded>) -> (CatalogSet, Vec<String>) {
    let names = loaded.iter().map(|l| l.file.clone()).collect();
    (CatalogSet::new(loaded.into_iter().map(|l| l.catalog).collect()), names)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_header_that_does_not_match_is_refused() {
        let key = [7u8; 16];
        let payload = b"payload".to_vec();
        let mut bytes = MAGIC.to_vec();
        bytes.extend_from_slice(&key);
        bytes.extend_from_slice(&(payload.len() as u64).to_le_bytes());
        bytes.extend_from_slice(&xxh3_128(&payload).to_le_bytes());
        bytes.extend_from_slice(&payload);
        assert_eq!(checked_payload(&bytes, &key), Some(&payload[..]));
        assert_eq!(checked_payload(&bytes, &[8u8; 16]), None, "another key");
        assert_eq!(checked_payload(&bytes[..bytes.len() - 1], &key), None, "truncated");
        assert_eq!(checked_payload(&bytes[..HEADER - 1], &key), None, "no header");
        let mut longer = bytes.clone();
        longer.push(0);
        assert_eq!(checked_payload(&longer, &key), None, "trailing bytes");
        for at in [0, 16, 32, 40, HEADER, bytes.len() - 1] {
            let mut flipped = bytes.clone();
            flipped[at] ^= 1;
            assert_eq!(checked_payload(&flipped, &key), None, "byte {at} flipped");
        }
    }

    #[test]
    fn catalogs_come_back_as_they_went_in() {
        let builtin = crate::catalog::load_files(vec![crate::catalog::builtin_file()]).unwrap();
        let mut full = builtin[0].catalog.clone();
        // Every field set, so a field encoded out of place cannot come back equal.
        full.version = "v".into();
        full.sectors[0].summary_sources = vec!["x".into()];
        full.programs[0].level = "nivel".into();
        let mut empty = full.clone();
        empty.id = "vacio".into();
        empty.occupations.clear();
        let mut one = full.clone();
        one.occupations.truncate(1);
        let loaded: Vec<Loaded> = [("a.ron", full), ("b.ron", empty), ("c.ron", one)]
            .into_iter()
            .map(|(file, catalog)| Loaded { file: file.into(), catalog })
            .collect();
        let names: Vec<String> = loaded.iter().map(|l| l.file.clone()).collect();
        let back = decode(&encode(&loaded).unwrap(), &names).unwrap();
        assert_eq!(back.len(), 3);
        for (back, sent) in back.iter().zip(&loaded) {
            assert_eq!((&back.file, &back.catalog), (&sent.file, &sent.catalog));
        }
        // Not from the files read: refused.
        assert!(decode(&encode(&loaded).unwrap(), &names[..2]).is_none());
    }

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
        for builtin in [true, false] {
            let paths = ["carpeta", "solo.ron", "vacio.ron", "grande.ron"].map(|p| dir.path().join(p));
            let sources = CatalogSources { builtin, config_catalogs: None, paths: paths.to_vec() };
            let (files, problems) = read_sources(&sources);
            assert!(problems.is_empty(), "{problems:?}");
            assert_eq!(files.len(), 5 + usize::from(builtin));
            let (list, _) = listed(&sources).unwrap();
            assert_eq!(streamed_key(&list), Some(key(&files)));
        }
    }

    #[test]
    fn the_key_depends_on_every_name_and_text_and_their_order() {
        let file = |name: &str, text: &str| SourceFile { name: name.into(), text: text.into() };
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
