//! The JSON export is a contract with the office's systems, documented in docs/export-json.md: the example
//! there is exactly what rumbo writes for the session it describes, and every field rumbo writes is
//! documented there.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use crate::export_support;

use export_support::{example_session, example_set};
use rumbo::export::{Format, NotesChoice, SCHEMA, render};
use rumbo::i18n::Lang;
use serde_json::Value;
use std::collections::BTreeSet;

const DOC: &str = include_str!("../../docs/export-json.md");

fn without_version(mut value: Value) -> Value {
    value["generator"] = Value::String("rumbo X.Y.Z".into());
    value
}

/// The first ```json block after `heading` in the documentation.
fn doc_block(heading: &str) -> Value {
    let from = DOC.find(heading).unwrap_or_else(|| panic!("no `{heading}` in docs/export-json.md"));
    let start = from + DOC[from..].find("```json\n").expect("a json block") + "```json\n".len();
    let end = start + DOC[start..].find("```").expect("block end");
    serde_json::from_str(&DOC[start..end]).unwrap_or_else(|e| panic!("the documented example: {e}"))
}

#[test]
fn the_documented_example_is_what_rumbo_writes() {
    let set = example_set();
    let text = render(
        &example_session(&set),
        &set,
        Lang::Es,
        Format::Json,
        NotesChoice::All,
        &jiff::tz::TimeZone::UTC,
    );
    let written: Value = serde_json::from_str(&text).unwrap();
    assert_eq!(without_version(doc_block("## Ejemplo")), without_version(written.clone()), "\n{text}");
    assert_eq!(written["schema"], SCHEMA);
    assert_eq!(SCHEMA, 2, "a new schema number needs docs/export-json.md rewritten for it");
}

/// `rumbo export --schema 1` writes what schema 1 always was: the documented schema-1 example is the one
/// this document showed before schema 2 (the same session; only the past job and the origins are new).
#[test]
fn the_documented_schema_1_example_is_what_schema_1_writes() {
    let set = example_set();
    let text = rumbo::export::render_schema(
        &example_session(&set),
        &set,
        Lang::Es,
        Format::Json,
        NotesChoice::All,
        &jiff::tz::TimeZone::UTC,
        1,
    );
    let written: Value = serde_json::from_str(&text).unwrap();
    assert_eq!(without_version(doc_block("## Esquema 1")), without_version(written), "\n{text}");
}

/// Every key path in `value`: `summary.occupations[].missing[].essential`. The keys of `occupation_notes`
/// are occupation ids, not field names, and are collapsed into `*`.
fn paths(value: &Value, prefix: &str, out: &mut BTreeSet<String>) {
    match value {
        Value::Object(map) => {
            for (key, v) in map {
                let key = if prefix.ends_with("occupation_notes") { "*" } else { key.as_str() };
                let path = if prefix.is_empty() { key.to_string() } else { format!("{prefix}.{key}") };
                out.insert(path.clone());
                paths(v, &path, out);
            }
        }
        Value::Array(items) => items.iter().for_each(|v| paths(v, &format!("{prefix}[]"), out)),
        _ => {}
    }
}

#[test]
fn every_field_is_documented_in_both_languages() {
    let set = example_set();
    let mut all = BTreeSet::new();
    for notes in [NotesChoice::All, NotesChoice::None] {
        let text =
            render(&example_session(&set), &set, Lang::Es, Format::Json, notes, &jiff::tz::TimeZone::UTC);
        paths(&serde_json::from_str(&text).unwrap(), "", &mut all);
    }
    let (es, en) = DOC.split_at(DOC.find("\n# ").expect("an English part after the Spanish one"));
    for path in &all {
        let field = path.rsplit('.').next().unwrap().trim_end_matches("[]");
        if field == "*" {
            continue;
        }
        let named = format!("`{field}`");
        assert!(es.contains(&named), "{path} is not documented in Spanish");
        assert!(en.contains(&named), "{path} is not documented in English");
    }
    // Spanish first, as in README.md.
    assert!(DOC.starts_with("# Exportación JSON"), "{}", &DOC[..40]);
}

#[test]
fn the_fixture_session_has_the_same_shape_as_the_example() {
    // The built-in catalog's session gives no field the small example lacks.
    let doc = doc_block("## Ejemplo");
    let text = render(
        &export_support::session(),
        export_support::set(),
        Lang::Es,
        Format::Json,
        NotesChoice::All,
        &jiff::tz::TimeZone::UTC,
    );
    let (mut documented, mut written) = (BTreeSet::new(), BTreeSet::new());
    paths(&doc, "", &mut documented);
    paths(&serde_json::from_str(&text).unwrap(), "", &mut written);
    assert_eq!(written.difference(&documented).collect::<Vec<_>>(), Vec::<&String>::new());
}

#[test]
fn notes_left_out_are_empty_not_missing() {
    // Readers can rely on every field being there; left-out notes are "" / {} / null.
    let set = example_set();
    let text = render(
        &example_session(&set),
        &set,
        Lang::Es,
        Format::Json,
        NotesChoice::None,
        &jiff::tz::TimeZone::UTC,
    );
    let value: Value = serde_json::from_str(&text).unwrap();
    assert_eq!(value["notes_included"], "none");
    assert_eq!(value["session"]["notes"], "");
    assert_eq!(value["session"]["occupation_notes"], serde_json::json!({}));
    assert_eq!(value["summary"]["notes"], Value::Null);
    assert_eq!(value["summary"]["occupations"][0]["note"], Value::Null);
}
