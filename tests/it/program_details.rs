//! Issue 13: a catalog program's details (format 3): parsed, checked at `FILE:LINE:COL`, refused in an
//! older format, and kept through the binary form the built-ins and the cache use.
#![allow(clippy::unwrap_used, clippy::expect_used)] // tests fail loudly by design

use crate::common::{BASE, rumbo, stderr, stdout};
use rumbo::catalog::{Modality, SourceFile, load_files};

/// BASE in format 3, with `extra` added to its program.
pub fn with_details(extra: &str) -> String {
    BASE.replace("format: 1,", "format: 3,").replace("link: Inferred)", &format!("link: Inferred, {extra})"))
}

pub const ALL_DETAILS: &str = r#"url: "https://www.sena.edu.co/x", contact: "Línea 018000", duration: "6 meses", modality: Virtual, cost: "Gratuito", requirements: "Bachillerato", schedule: "Lunes a viernes""#;

/// `rumbo --lang en catalog check` on `text` alone: (exit code, stderr with the path as `broken.ron`).
fn check(text: &str) -> (i32, String) {
    let home = tempfile::tempdir().unwrap();
    let file = home.path().join("broken.ron");
    std::fs::write(&file, text).unwrap();
    let out =
        rumbo(home.path(), &["--no-builtin", "--lang", "en", "catalog", "check", file.to_str().unwrap()]);
    (out.status.code().unwrap_or(-1), stderr(&out).replace(&file.display().to_string(), "broken.ron"))
}

#[test]
fn every_detail_is_read() {
    let file = SourceFile { name: "x.ron".into(), text: with_details(ALL_DETAILS) };
    let loaded = load_files(vec![file]).unwrap_or_else(|p| panic!("{p:?}"));
    let p = &loaded[0].catalog.programs[0];
    assert_eq!(p.url.as_deref(), Some("https://www.sena.edu.co/x"));
    assert_eq!(p.contact.as_deref(), Some("Línea 018000"));
    assert_eq!(p.duration.as_deref(), Some("6 meses"));
    assert_eq!(p.modality, Some(Modality::Virtual));
    assert_eq!(p.cost.as_deref(), Some("Gratuito"));
    assert_eq!(p.requirements.as_deref(), Some("Bachillerato"));
    assert_eq!(p.schedule.as_deref(), Some("Lunes a viernes"));
    assert!(p.has_details());
}

#[test]
fn details_may_be_left_out_or_empty_and_modality_is_written_either_way() {
    let file = SourceFile { name: "x.ron".into(), text: with_details(r#"contact: "", modality: mixta"#) };
    let loaded = load_files(vec![file]).unwrap_or_else(|p| panic!("{p:?}"));
    let p = &loaded[0].catalog.programs[0];
    assert_eq!((p.contact.as_deref(), p.modality), (None, Some(Modality::Mixta)));
    let file = SourceFile { name: "x.ron".into(), text: with_details("") };
    let loaded = load_files(vec![file]).unwrap_or_else(|p| panic!("{p:?}"));
    assert!(!loaded[0].catalog.programs[0].has_details());
}

#[test]
fn a_url_that_is_not_http_is_refused_where_it_is_written() {
    for bad in ["javascript:alert(1)", "www.sena.edu.co", "ftp://x.org", "https://", "https://a b"] {
        let (code, err) = check(&with_details(&format!("url: \"{bad}\"")));
        assert_eq!(code, 1, "{bad}: {err}");
        let expected = format!(
            "broken.ron:14:125: `url`: \"{bad}\" is not a web address; write it with http:// or https://"
        );
        assert!(err.lines().any(|l| l == expected), "expected\n  {expected}\ngot\n{err}");
    }
    for good in ["http://x.org", "HTTPS://X.ORG/a?b=c"] {
        let (code, err) = check(&with_details(&format!("url: \"{good}\"")));
        assert_eq!(code, 0, "{good}: {err}");
    }
}

#[test]
fn a_bad_modality_or_type_is_refused_with_its_place() {
    let (code, err) = check(&with_details("modality: Remota"));
    assert_eq!(code, 1);
    assert!(err.starts_with("broken.ron:14:"), "{err}");
    assert!(err.contains("Presencial") && err.contains("Mixta"), "{err}");
    let (code, err) = check(&with_details("cost: 0"));
    assert_eq!(code, 1);
    assert!(err.starts_with("broken.ron:14:"), "{err}");
}

#[test]
fn control_and_bidi_characters_in_details_are_refused() {
    let (code, err) = check(&with_details("schedule: \"lunes\u{202E} a viernes\""));
    assert_eq!(code, 1);
    assert!(err.contains("U+202E") && err.contains("`schedule`"), "{err}");
}

#[test]
fn details_in_a_format_2_file_are_refused_so_an_older_rumbo_never_drops_them() {
    let format_2 =
        with_details(r#"duration: "6 meses", modality: Virtual"#).replace("format: 3,", "format: 2,");
    let (code, err) = check(&format_2);
    assert_eq!(code, 1);
    assert!(err.contains("`duration` belongs to format 3: the file must say format: 3"), "{err}");
    assert!(err.contains("`modality` belongs to format 3"), "{err}");
    assert!(err.lines().all(|l| l.starts_with("broken.ron:14:")), "{err}");
}

#[test]
fn a_newer_catalog_is_refused_with_update_rumbo() {
    let newer = BASE.replace("format: 1,", "format: 5,\n    campo_nuevo: true,");
    let (code, err) = check(&newer);
    assert_eq!(code, 1);
    assert!(err.contains("format 5, newer than this version of rumbo knows (4): update rumbo"), "{err}");
}

#[test]
fn details_survive_the_binary_form_and_stay_out_of_ron_when_not_given() {
    let file = SourceFile { name: "x.ron".into(), text: with_details(ALL_DETAILS) };
    let catalog = load_files(vec![file]).unwrap_or_else(|p| panic!("{p:?}")).remove(0).catalog;
    let bytes = postcard::to_allocvec(&catalog).unwrap();
    let back: rumbo::catalog::Catalog = postcard::from_bytes(&bytes).unwrap();
    assert_eq!(back, catalog);
    let text = ron::to_string(&catalog.programs[0]).unwrap();
    assert!(text.contains("modality:Virtual") && !text.contains("Some"), "{text}");
    let again: rumbo::catalog::Program = ron::from_str(&text).unwrap();
    assert_eq!(again, catalog.programs[0]);
    let mut bare = catalog.programs[0].clone();
    (bare.url, bare.modality, bare.schedule) = (None, None, None);
    let text = ron::to_string(&bare).unwrap();
    assert!(!text.contains("url") && !text.contains("modality") && !text.contains("schedule"), "{text}");
}

#[test]
fn the_builtin_programs_have_no_details() {
    let (set, _) = rumbo::catalog::load(&rumbo::catalog::CatalogSources::every_builtin()).unwrap();
    assert!(set.programs().count() > 0);
    assert!(set.programs().all(|p| !p.has_details()), "nothing invented for the built-ins");
    // The built-ins stay in the format they use: nothing of format 3 in them.
    let home = tempfile::tempdir().unwrap();
    let out = rumbo(home.path(), &["catalog", "check"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(stdout(&out).lines().count(), 2, "{}", stdout(&out));
}
