//! Exports of a session that explored a CUOC occupation: its codes say which equivalences are partial
//! ("CIUO-08 5112 (parcial)", as the app's detail writes them), and each export names the occupation's
//! source, "DANE, CUOC 2025". The JSON gives both as fields of schema 2; schema 1 is unchanged.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use crate::export_support::at;
use rumbo::catalog::{CatalogSet, CatalogSources};
use rumbo::export::{Format, NotesChoice, render, render_schema};
use rumbo::i18n::Lang;
use rumbo::session::{MarkKind, Session};
use serde_json::{Value, json};

fn cashier() -> (CatalogSet, Session) {
    let (set, _) = rumbo::catalog::load(&CatalogSources::every_builtin()).unwrap();
    let mut session = Session::new("Rosa", "", at("2026-03-02T14:30:00Z"), &set).unwrap();
    let o = set.occupation("cuoc-52300").unwrap();
    let first = &o.functions[0];
    session.cycle_mark(MarkKind::Function, &first.id, &first.text, Some(&o.id));
    (set, session)
}

fn export(set: &CatalogSet, session: &Session, lang: Lang, format: Format) -> String {
    render(session, set, lang, format, NotesChoice::All, &jiff::tz::TimeZone::UTC)
}

#[test]
fn markdown_and_html_say_which_codes_are_partial_and_name_the_source() {
    let (set, session) = cashier();
    let md = export(&set, &session, Lang::Es, Format::Markdown);
    let codes = "Códigos: CUOC 52300, CIUO-08 5112 (parcial), CIUO-08 5230 (parcial), CNO 6323\n\n\
                 Fuente: DANE, CUOC 2025\n";
    assert!(md.contains(codes), "{md}");
    let en = export(&set, &session, Lang::En, Format::Markdown);
    assert!(en.contains("CIUO-08 5112 (partial)") && en.contains("\n\nSource: DANE, CUOC 2025\n"), "{en}");
    let html = export(&set, &session, Lang::Es, Format::Html);
    assert!(
        html.contains("CUOC 52300, CIUO-08 5112 (parcial), CIUO-08 5230 (parcial), CNO 6323</p>"),
        "{html}"
    );
    assert!(html.contains("<p class=\"muted\">Fuente: DANE, CUOC 2025</p>"), "{html}");
}

#[test]
fn the_json_gives_codes_detail_and_source_in_schema_2_only() {
    let (set, session) = cashier();
    let json2: Value = serde_json::from_str(&export(&set, &session, Lang::Es, Format::Json)).unwrap();
    let occupation = &json2["summary"]["occupations"][0];
    assert_eq!(occupation["id"], "cuoc-52300");
    assert_eq!(occupation["source"], "DANE, CUOC 2025");
    // The old strings as they were; the partial flag beside them.
    assert_eq!(occupation["codes"], json!(["CUOC 52300", "CIUO-08 5112", "CIUO-08 5230", "CNO 6323"]));
    assert_eq!(
        occupation["codes_detail"],
        json!([
            {"system": "CUOC", "code": "52300", "partial": false},
            {"system": "CIUO-08", "code": "5112", "partial": true},
            {"system": "CIUO-08", "code": "5230", "partial": true},
            {"system": "CNO", "code": "6323", "partial": false},
        ])
    );
    let text =
        render_schema(&session, &set, Lang::Es, Format::Json, NotesChoice::All, &jiff::tz::TimeZone::UTC, 1);
    let json1: Value = serde_json::from_str(&text).unwrap();
    let old = json1["summary"]["occupations"][0].as_object().unwrap();
    assert_eq!(old["codes"], occupation["codes"]);
    assert!(!old.contains_key("codes_detail") && !old.contains_key("source"), "{old:?}");
}
