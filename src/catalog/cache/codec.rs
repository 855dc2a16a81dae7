//! The catalogs as the cache holds them: postcard, in two parts decoded side by side.

use super::super::Loaded;
use super::super::model::{Catalog, Competency, Occupation, Program, Sector, Source};
use serde::Serialize;

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

/// Writes the payload of `loaded` to `out`; the same bytes every time (see
/// [`super::envelope::write_streamed`]).
pub(super) fn encode(loaded: &[Loaded], out: &mut dyn std::io::Write) -> std::io::Result<()> {
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
    let first_len = postcard::serialize_with_flavor(&first, postcard::ser_flavors::Size::default())
        .map_err(std::io::Error::other)?;
    out.write_all(&(first_len as u64).to_le_bytes())?;
    postcard::to_io(&first, &mut *out).map_err(std::io::Error::other)?;
    postcard::to_io(&rest, out).map_err(std::io::Error::other)?;
    Ok(())
}

/// The catalogs in `payload`, each part of which must decode to its last byte, each catalog from
/// one of `names`.
pub(super) fn decode(payload: &[u8], names: &[String]) -> Option<Vec<Loaded>> {
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

#[cfg(test)]
mod tests {
    use super::*;

    fn encoded(loaded: &[Loaded]) -> Vec<u8> {
        let mut bytes = Vec::new();
        encode(loaded, &mut bytes).unwrap();
        bytes
    }

    #[test]
    fn catalogs_come_back_as_they_went_in() {
        let builtin = crate::catalog::load_files(vec![crate::catalog::builtin_file()]).unwrap();
        let mut full = builtin[0].catalog.clone();
        // Every field set, so a field encoded out of place cannot come back equal.
        full.version = "v".into();
        full.sectors[0].summary_sources = vec!["x".into()];
        full.programs[0].level = "nivel".into();
        // Format 2's fields too.
        let o = &mut full.occupations[0];
        o.alt_titles = vec![crate::catalog::AltTitle { code: "1.001".into(), title: "Cajero".into() }];
        o.related = vec!["otra".into()];
        o.level = 3;
        o.secondary_sectors = vec!["s2".into()];
        o.codes[0].partial = true;
        o.functions[0].catch_all = true;
        o.competencies[0].link = crate::catalog::Link::Inferred;
        full.competencies[0].kind = crate::catalog::CompetencyKind::Knowledge;
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
        let back = decode(&encoded(&loaded), &names).unwrap();
        assert_eq!(back.len(), 3);
        for (back, sent) in back.iter().zip(&loaded) {
            assert_eq!((&back.file, &back.catalog), (&sent.file, &sent.catalog));
        }
        // Not from the files read: refused.
        assert!(decode(&encoded(&loaded), &names[..2]).is_none());
    }
}
