//! Usage errors: exit code 2, in Spanish by default and in English with `--lang en`; help in both.
#![allow(clippy::unwrap_used, clippy::expect_used)] // tests fail loudly by design

use crate::common;

use common::{rumbo, stderr, stdout};

#[test]
fn usage_errors_are_spanish_by_default_and_exit_2() {
    let home = tempfile::tempdir().unwrap();
    let cases: [(&[&str], &str); 4] = [
        (&["search", "x", "--kind", "planeta"], "error: valor no válido «planeta» para «--kind <KIND>»"),
        (&["catalog", "chek"], "error: orden desconocida «chek»"),
        (&["--bogus"], "error: argumento desconocido «--bogus»"),
        (&["export"], "error: falta un argumento obligatorio: <SESSION>"),
    ];
    for (args, first_line) in cases {
        let out = rumbo(home.path(), args);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        let err = stderr(&out);
        assert_eq!(err.lines().next(), Some(first_line), "{args:?}: {err}");
        assert!(err.contains("Para más información, pruebe «--help»."), "{err}");
        assert!(!err.contains("\n\n\n"), "no empty block: {err:?}");
    }
    let out = rumbo(home.path(), &["catalog", "chek"]);
    assert!(stderr(&out).contains("¿quiso decir «check»?"));
}

#[test]
fn english_when_asked_and_help_in_both() {
    let home = tempfile::tempdir().unwrap();
    let out = rumbo(home.path(), &["--lang", "en", "search", "x", "--kind", "planeta"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).starts_with("error: invalid value 'planeta'"), "{}", stderr(&out));
    let es = rumbo(home.path(), &["--help"]);
    assert_eq!(es.status.code(), Some(0));
    assert!(stdout(&es).contains("Uso: rumbo") && stdout(&es).contains("Órdenes:"), "{}", stdout(&es));
    let en = rumbo(home.path(), &["--lang=en", "--help"]);
    assert!(stdout(&en).contains("Usage: rumbo") && stdout(&en).contains("Commands:"), "{}", stdout(&en));
}
