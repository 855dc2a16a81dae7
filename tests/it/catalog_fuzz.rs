//! Arbitrary input never makes the catalog loader panic.
#![allow(clippy::unwrap_used, clippy::expect_used)] // tests fail loudly by design

use proptest::prelude::*;
use rumbo::catalog::{BUILTIN_TEXT, SourceFile, load_files, locate::Locations, parse};

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, ..ProptestConfig::default() })]

    #[test]
    fn arbitrary_bytes_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..2048)) {
        if let Ok(file) = SourceFile::from_bytes("fuzz.ron", bytes) {
            let _ = Locations::of(&file.text);
            let _ = load_files(vec![file]);
        }
    }

    #[test]
    fn mangled_catalogs_never_panic(cut in 0usize..BUILTIN_TEXT.len(), len in 0usize..64, insert in "[\\PC(){}\\[\\]:,\"#/*\\\\]{0,8}") {
        let mut text = BUILTIN_TEXT.to_string();
        let start = (0..=cut).rev().find(|i| text.is_char_boundary(*i)).unwrap_or(0);
        let end = (start + len..=text.len()).find(|i| text.is_char_boundary(*i)).unwrap_or(text.len());
        text.replace_range(start..end, &insert);
        let file = SourceFile { name: "fuzz.ron".into(), text };
        let _ = Locations::of(&file.text);
        let problems = match parse(&file) { Ok((_, found)) => found, Err(found) => found };
        {
            for p in problems {
                prop_assert!(p.pos.is_none_or(|pos| pos.line >= 1 && pos.col >= 1));
            }
        }
    }
}

#[test]
fn deep_nesting_is_refused_without_overflow() {
    let text = format!("Catalog(format: 1, id: {}{})", "[".repeat(100_000), "]".repeat(100_000));
    let file = SourceFile { name: "deep.ron".into(), text };
    let _ = Locations::of(&file.text);
    assert!(load_files(vec![file]).is_err());
}
