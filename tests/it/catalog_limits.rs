//! Issue 10, item 9: a title over 500 characters, any text over 20,000, or a file over 64 MB is refused
//! with its place (`FILE:LINE:COL`; the file-size one names the file).
#![allow(clippy::unwrap_used, clippy::expect_used)] // tests fail loudly by design

use crate::common::{BASE, rumbo, stderr};
use std::path::Path;

/// `rumbo catalog check` on `text` alone, in Spanish; (exit code, stderr with the path as `c.ron`).
fn check(home: &Path, text: &str) -> (i32, String) {
    let file = home.join("c.ron");
    std::fs::write(&file, text).unwrap();
    let out = rumbo(home, &["--no-builtin", "catalog", "check", file.to_str().unwrap()]);
    (out.status.code().unwrap_or(-1), stderr(&out).replace(&file.display().to_string(), "c.ron"))
}

#[test]
fn a_title_over_500_characters_is_refused_at_its_place() {
    let home = tempfile::tempdir().unwrap();
    let fits = BASE.replace("title: \"Ocupación A\"", &format!("title: \"{}\"", "é".repeat(500)));
    assert_eq!(check(home.path(), &fits).0, 0, "500 characters (1,000 bytes) fit");
    let long = BASE.replace("title: \"Ocupación A\"", &format!("title: \"{}\"", "é".repeat(501)));
    let (code, err) = check(home.path(), &long);
    assert_eq!(code, 1, "{err}");
    assert_eq!(err, "c.ron:10:61: «title» tiene 501 caracteres; un título admite como máximo 500\n");
}

#[test]
fn any_text_over_20000_characters_is_refused_at_its_place() {
    let home = tempfile::tempdir().unwrap();
    let long = BASE.replace("text: \"Hacer algo\"", &format!("text: \"{}\"", "a".repeat(20_001)));
    let (code, err) = check(home.path(), &long);
    assert_eq!(code, 1, "{err}");
    assert_eq!(err, "c.ron:11:53: «text» tiene 20001 caracteres; un texto admite como máximo 20000\n");
    let fits = BASE.replace("text: \"Hacer algo\"", &format!("text: \"{}\"", "a".repeat(20_000)));
    assert_eq!(check(home.path(), &fits).0, 0);
}

#[test]
fn a_file_over_64_mb_is_refused_without_being_read() {
    let home = tempfile::tempdir().unwrap();
    let file = home.path().join("grande.ron");
    // Sparse: takes no disk, and would take 64 MB of memory only if rumbo read it.
    let f = std::fs::File::create(&file).unwrap();
    f.set_len(64 * 1024 * 1024 + 1).unwrap();
    let out = rumbo(home.path(), &["--no-builtin", "catalog", "check", file.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    let expected = format!(
        "{}: el archivo ocupa 67108865 bytes; un catálogo admite como máximo 67108864 (64 MB)",
        file.display()
    );
    assert_eq!(stderr(&out).lines().next(), Some(expected.as_str()), "{}", stderr(&out));
}
