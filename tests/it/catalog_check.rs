//! `rumbo catalog check`: every kind of broken catalog gives the exact `FILE:LINE:COL: message`, exit 1.
#![allow(clippy::unwrap_used, clippy::expect_used)] // tests fail loudly by design

use crate::common;

use common::{BASE, rumbo, stderr, stdout};
use std::path::{Path, PathBuf};

fn write(dir: &Path, name: &str, text: &str) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, text).expect("write fixture");
    path
}

/// Checks `text` alone (no built-in catalog) in English; returns (exit code, stderr).
fn check_alone(text: &str) -> (i32, String, String) {
    let home = tempfile::tempdir().expect("tempdir");
    let file = write(home.path(), "broken.ron", text);
    let out = rumbo(
        home.path(),
        &["--no-builtin", "--lang", "en", "catalog", "check", file.to_str().expect("utf8 path")],
    );
    let shown = stderr(&out).replace(&file.display().to_string(), "broken.ron");
    (out.status.code().unwrap_or(-1), shown, stdout(&out))
}

fn assert_fails_with(text: &str, expected: &str) {
    let (code, err, _) = check_alone(text);
    assert_eq!(code, 1, "stderr: {err}");
    assert!(err.lines().any(|l| l == expected), "expected line\n  {expected}\ngot\n{err}");
}

#[test]
fn the_base_fixture_is_valid() {
    let (code, err, out) = check_alone(BASE);
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("1 sectors, 1 occupations, 1 functions, 1 competencies, 1 programs"), "{out}");
}

#[test]
fn syntax_error_points_at_rons_position() {
    let broken = BASE.replace("title: \"Prueba\",", "title: \"Prueba\"");
    assert_fails_with(&broken, "broken.ron:5:5: syntax error: Expected comma");
}

#[test]
fn unknown_field_is_refused_where_it_stands() {
    let broken = BASE.replace("kind: Social)", "kind: Social, nivel: 3)");
    assert_fails_with(
        &broken,
        "broken.ron:8:82: unknown field `nivel`; expected one of: id, name, kind, description, source, same_as",
    );
}

#[test]
fn bad_id_names_the_id() {
    let broken = BASE.replace("id: \"fa-01\"", "id: \"Función 1\"");
    assert_fails_with(&broken, &format!("broken.ron:11:38: invalid id `Función 1`: {}", BAD_ID_RULE));
}
const BAD_ID_RULE: &str = "use lowercase letters without accents, digits and hyphens, starting with a letter or digit ([a-z0-9][a-z0-9-]*)";

#[test]
fn duplicate_id_in_one_file_names_both_places() {
    let broken = BASE.replace(
        "functions: [Function(id: \"fa-01\", text: \"Hacer algo\")]",
        "functions: [Function(id: \"fa-01\", text: \"Hacer algo\"),\n                       Function(id: \"fa-01\", text: \"Otra cosa\")]",
    );
    assert_fails_with(
        &broken,
        "broken.ron:12:37: duplicate function `fa-01`: already defined at broken.ron:11:38",
    );
}

#[test]
fn duplicate_id_across_two_files_names_both_files() {
    let home = tempfile::tempdir().expect("tempdir");
    let first = write(home.path(), "a.ron", BASE);
    let second_text =
        BASE.replace("id: \"prueba\"", "id: \"otra\"").replace("id: \"fuente\"", "id: \"fuente-2\"");
    let second = write(home.path(), "b.ron", &second_text);
    let out = rumbo(
        home.path(),
        &[
            "--no-builtin",
            "--lang",
            "en",
            "catalog",
            "check",
            first.to_str().unwrap_or_default(),
            second.to_str().unwrap_or_default(),
        ],
    );
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(1), "{err}");
    let (a, b) = (first.display().to_string(), second.display().to_string());
    let expected = format!("{b}:7:26: duplicate sector `sector-a`: already defined at {a}:7:26");
    assert!(err.lines().any(|l| l == expected), "expected {expected}\n got {err}");
    // Every problem is reported, not just the first: the occupation, function, competency, program too.
    for kind in ["occupation `ocup-a`", "function `fa-01`", "competency `comp-a`", "program `prog-a`"] {
        assert!(err.contains(&format!("duplicate {kind}")), "{kind} missing in {err}");
    }
}

#[test]
fn dangling_reference_points_at_the_reference() {
    let broken = BASE.replace("occupations: [\"ocup-a\"]", "occupations: [\"ocup-a\", \"no-existe\"]");
    assert_fails_with(
        &broken,
        "broken.ron:14:103: Occupation `no-existe` does not exist in any loaded catalog",
    );
    let broken = BASE.replace("Need(competency: \"comp-a\")", "Need(competency: \"comp-x\")");
    assert_fails_with(&broken, "broken.ron:12:45: Competency `comp-x` does not exist in any loaded catalog");
}

#[test]
fn unknown_source_points_at_the_source_field() {
    let broken = BASE.replace("source: \"fuente\")", "source: \"desconocida\")");
    assert_fails_with(&broken, "broken.ron:7:64: Source `desconocida` does not exist in any loaded catalog");
}

#[test]
fn control_and_bidi_characters_are_errors() {
    let broken = BASE.replace("text: \"Hacer algo\"", "text: \"Hacer \u{1b}[31malgo\"");
    assert_fails_with(
        &broken,
        "broken.ron:11:53: forbidden character U+001B (control, bidi or zero-width) in `text`",
    );
    let broken = BASE.replace("title: \"Ocupación A\"", "title: \"Ocupación \\u{202E}A\"");
    assert_fails_with(
        &broken,
        "broken.ron:10:61: forbidden character U+202E (control, bidi or zero-width) in `title`",
    );
}

#[test]
fn newer_format_asks_to_update_rumbo() {
    let newer = BASE.replace("format: 1,", "format: 5,\n    campo_nuevo: true,");
    assert_fails_with(
        &newer,
        "broken.ron:2:13: the catalog uses format 5, newer than this version of rumbo knows (4): update rumbo",
    );
    let (_, spanish, _) = {
        let home = tempfile::tempdir().expect("tempdir");
        let file = write(home.path(), "broken.ron", &newer);
        let out =
            rumbo(home.path(), &["--no-builtin", "catalog", "check", file.to_str().unwrap_or_default()]);
        (0, stderr(&out), ())
    };
    assert!(spanish.contains("actualice rumbo"), "{spanish}");
}

#[test]
fn every_problem_is_listed_not_just_the_first() {
    let broken = BASE
        .replace("id: \"fa-01\"", "id: \"FA\"")
        .replace("Need(competency: \"comp-a\")", "Need(competency: \"comp-x\")")
        .replace("source: \"fuente\")", "source: \"nada\")");
    let (code, err, _) = check_alone(&broken);
    assert_eq!(code, 1);
    assert_eq!(err.lines().count(), 3, "{err}");
}

#[test]
fn json_output_gives_counts_per_catalog() {
    let home = tempfile::tempdir().expect("tempdir");
    let out = rumbo(home.path(), &["catalog", "check", "--json"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let value: serde_json::Value = serde_json::from_str(&stdout(&out)).expect("json");
    let bpo = &value["catalogs"][0];
    assert_eq!(bpo["id"], "bpo-bogota");
    assert_eq!((bpo["sectors"].as_u64(), bpo["occupations"].as_u64()), (Some(1), Some(6)));
    assert_eq!((bpo["functions"].as_u64(), bpo["programs"].as_u64()), (Some(85), Some(8)));
    assert_eq!(bpo["competencies"].as_u64(), Some(7));
}

#[test]
fn a_catalog_in_the_config_folder_can_extend_the_builtin_sector() {
    let home = tempfile::tempdir().expect("tempdir");
    let catalogs = home.path().join("config").join("catalogs");
    std::fs::create_dir_all(&catalogs).expect("mkdir");
    let extra = r#"(format: 1, id: "oficina", title: "Ocupaciones de la oficina", language: "es", sectors: [],
        occupations: [(id: "gestor-cobranza", sector: "bpo", title: "Gestores de cobranza",
            functions: [(id: "gc-01", text: "Llamar a clientes en mora")],
            competencies: [(competency: "trabajo-bajo-presion")], source: "pactos-bpo")])"#;
    write(&catalogs, "oficina.ron", extra);
    let out = rumbo(home.path(), &["catalog", "check"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(stdout(&out).lines().count(), 3, "both built-ins and the office's: {}", stdout(&out));
}

#[test]
fn a_missing_file_and_bad_flags_are_reported() {
    let home = tempfile::tempdir().expect("tempdir");
    let out = rumbo(home.path(), &["catalog", "check", "no/such/file.ron"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).starts_with("no/such/file.ron: no se pudo leer"), "{}", stderr(&out));
    let out = rumbo(home.path(), &["catalog", "check", "--bogus"]);
    assert_eq!(out.status.code(), Some(2));
    let out = rumbo(home.path(), &["search", "x", "--kind", "planeta"]);
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn catalog_flag_takes_a_folder_and_no_builtin_leaves_the_builtin_out() {
    let home = tempfile::tempdir().expect("tempdir");
    let folder = home.path().join("sectores");
    std::fs::create_dir_all(&folder).expect("mkdir");
    write(&folder, "uno.ron", BASE);
    write(&folder, "no-es-catalogo.txt", "esto no se lee");
    let second = BASE
        .replace("id: \"prueba\"", "id: \"prueba-2\"")
        .replace("\"fuente\"", "\"fuente-2\"")
        .replace("sector-a", "sector-b")
        .replace("comp-a", "comp-b")
        .replace("ocup-a", "ocup-b")
        .replace("fa-01", "fb-01")
        .replace("prog-a", "prog-b");
    write(&folder, "dos.ron", &second);
    let dir = folder.to_str().expect("utf8 path");
    let out = rumbo(home.path(), &["--no-builtin", "--catalog", dir, "catalog", "check", "--json"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let value: serde_json::Value = serde_json::from_str(&stdout(&out)).expect("json");
    let ids: Vec<&str> =
        value["catalogs"].as_array().expect("list").iter().filter_map(|c| c["id"].as_str()).collect();
    assert_eq!(ids, ["prueba-2", "prueba"], "every *.ron of the folder, by file name, and nothing else");
    let out = rumbo(home.path(), &["--catalog", dir, "catalog", "check"]);
    assert_eq!(stdout(&out).lines().count(), 4, "with both built-in ones: {}", stdout(&out));
    let out = rumbo(home.path(), &["--version"]);
    assert!(stdout(&out).starts_with("rumbo "), "{}", stdout(&out));
}

/// BASE in format 2, with `extra` added to its occupation.
fn format_2(extra: &str) -> String {
    BASE.replace("format: 1,", "format: 2,").replace(
        "competencies: [Need(competency: \"comp-a\")]),",
        &format!("competencies: [Need(competency: \"comp-a\")], {extra}),"),
    )
}

#[test]
fn format_2_fields_are_checked() {
    let (code, err, out) = check_alone(&format_2(
        r#"level: 4, related: ["ocup-a"], secondary_sectors: ["sector-a"], alt_titles: [AltTitle(code: "1.001", title: "Otra")]"#,
    ));
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("1 occupations"), "{out}");
    assert_fails_with(
        &format_2("level: 5"),
        "broken.ron:12:64: competency level 5 is not 1 to 4 (0 or left out: not given)",
    );
    assert_fails_with(
        &format_2(r#"related: ["ocup-x"]"#),
        "broken.ron:12:67: Occupation `ocup-x` does not exist in any loaded catalog",
    );
    assert_fails_with(
        &format_2(r#"secondary_sectors: ["sector-x"]"#),
        "broken.ron:12:77: Sector `sector-x` does not exist in any loaded catalog",
    );
    assert_fails_with(
        &format_2(r#"alt_titles: [AltTitle(title: "")]"#),
        "broken.ron:12:86: field `title` must not be empty",
    );
}

#[test]
fn format_2_fields_in_a_format_1_file_are_refused() {
    let format_1 = |extra: &str| format_2(extra).replace("format: 2,", "format: 1,");
    assert_fails_with(
        &format_1("level: 2"),
        "broken.ron:12:64: `level` belongs to format 2: the file must say format: 2",
    );
    let (code, err, _) = check_alone(&format_1(r#"related: ["ocup-a"]"#));
    assert_eq!(code, 1);
    assert!(err.contains("`related` belongs to format 2"), "{err}");
    let skill = BASE.replace("kind: Social", "kind: Skill");
    let (code, err, _) = check_alone(&skill);
    assert_eq!(code, 1);
    assert!(err.contains("`kind` belongs to format 2"), "{err}");
    // The same fields with `format: 2` are fine (format_2_fields_are_checked).
}
