//! An occupation no loaded catalog has a program for: an office's own catalog adds "Gestores de cobranza"
//! to the BPO sector and lists no program. The Programas pane and the gap say so and where an office
//! adds its own. Its one competency is marked and no function, so its fit is "solo competencias
//! compartidas" in the list, the detail and the gap.

use super::states::{workspace_default, workspace_mut};
use super::{LANGS, SIZES, Themed, assert_screen, lang_code, normal, now, press, render};
use crossterm::event::KeyCode;
use rumbo::app::Model;
use rumbo::catalog::{CatalogSet, SourceFile, builtin_file, load_files};
use rumbo::i18n::Lang;
use rumbo::search::SearchIndex;
use rumbo::session::{MarkKind, MarkLevel};
use std::sync::Arc;

const OFFICE: &str = r#"(format: 1, id: "oficina", title: "Ocupaciones de la oficina", language: "es", sectors: [],
    occupations: [(id: "gestor-cobranza", sector: "bpo", title: "Gestores de cobranza",
        functions: [(id: "gc-01", text: "Llamar a clientes en mora")],
        competencies: [(competency: "trabajo-bajo-presion")], source: "pactos-bpo")])"#;

fn model(lang: Lang) -> Themed {
    let office = SourceFile { name: "oficina.ron".into(), text: OFFICE.into() };
    let loaded = load_files(vec![builtin_file(), office]).unwrap();
    let set = Arc::new(CatalogSet::new(loaded.into_iter().map(|l| l.catalog).collect()));
    let index = Arc::new(SearchIndex::new(&set));
    let mut model = Themed { model: Model::new(lang, set, index), theme: normal() };
    model.now = now();
    model.tz = jiff::tz::TimeZone::UTC;
    model.size = SIZES[0];
    model
}

/// Programas focused on the office's occupation (the last of the sector), its competency marked.
fn programs_none(m: &mut Model) {
    workspace_default(m);
    let ws = workspace_mut(m);
    ws.session.cycle_mark(MarkKind::Competency, "trabajo-bajo-presion", "Trabajo bajo presión", None);
    ws.session.cycle_mark(MarkKind::Competency, "trabajo-bajo-presion", "Trabajo bajo presión", None);
    assert_eq!(ws.session.mark_of(MarkKind::Competency, "trabajo-bajo-presion"), Some(MarkLevel::Has));
    press(m, KeyCode::Tab);
    press(m, KeyCode::End);
    press(m, KeyCode::Tab);
    press(m, KeyCode::Tab);
}

fn gap_none(m: &mut Model) {
    programs_none(m);
    press(m, KeyCode::Char('g'));
}

fn snap(name: &str, build: fn(&mut Model), expected: [&str; 2]) {
    for lang in LANGS {
        for (width, height) in SIZES {
            let mut model = model(lang);
            build(&mut model);
            let terminal = render(&mut model, width, height);
            let text = format!("{:?}", terminal.backend());
            let (none, shared) = match lang {
                Lang::Es => ("Ningún catálogo cargado", "compartidas"),
                Lang::En => ("No loaded catalog lists", "shared"),
            };
            for needle in [none, shared, "catalogs/"].iter().chain(&expected) {
                assert!(text.contains(needle), "{name} {lang:?} {width}x{height}: no {needle:?}\n{text}");
            }
            assert_screen(&format!("{name}__{}_{width}x{height}", lang_code(lang)), &terminal);
        }
    }
}

#[test]
fn programs_pane_says_no_program_is_registered_and_where_to_add_one() {
    snap("programs_none", programs_none, ["(50%)", "Gestores de cobranza"]);
}

#[test]
fn gap_says_no_program_is_registered_and_where_to_add_one() {
    snap("overlay_gap_no_programs", gap_none, ["50 %", "Llamar a clientes en mora"]);
}
