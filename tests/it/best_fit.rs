//! Best fit across the whole catalog (`m`), with the BPO catalog and CUOC 2025 both loaded: the cashier
//! case, the view's parts and filters, Enter and the mouse, and the view following each mark.

use crate::keyflow_support::{click, regions, render};
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use rumbo::app::{Model, Msg, Overlay, Pane, Screen, Workspace, step_sector, update};
use rumbo::catalog::{CatalogSet, SourceFile, builtin_file, load_files};
use rumbo::i18n::Lang;
use rumbo::search::SearchIndex;
use rumbo::session::{BestFilter, MarkKind, MarkLevel, Part, Parts, Session, best_fits, ranked};
use std::sync::{Arc, OnceLock};

pub const CUOC_FILE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/assets/catalog/cuoc-2025.ron");
pub const CASHIER: &str = "cuoc-52300";

/// The BPO catalog and CUOC 2025, as `rumbo --catalog assets/catalog/cuoc-2025.ron` loads them, and
/// their search index: built once for the test binary.
pub fn cuoc_bpo() -> (Arc<CatalogSet>, Arc<SearchIndex>) {
    static BUILT: OnceLock<(Arc<CatalogSet>, Arc<SearchIndex>)> = OnceLock::new();
    BUILT
        .get_or_init(|| {
            let cuoc = SourceFile {
                name: "cuoc-2025.ron".into(),
                text: std::fs::read_to_string(CUOC_FILE).unwrap(),
            };
            let loaded = load_files(vec![builtin_file(), cuoc]).unwrap_or_else(|p| panic!("{p:?}"));
            let set = Arc::new(CatalogSet::new(loaded.into_iter().map(|l| l.catalog).collect()));
            let index = Arc::new(SearchIndex::new(&set));
            (set, index)
        })
        .clone()
}

/// Marks `id` at `level` (Space cycles none → in development → has).
pub fn mark(session: &mut Session, kind: MarkKind, id: &str, level: MarkLevel) {
    while session.mark_of(kind, id) != Some(level) {
        session.cycle_mark(kind, id, id, None);
    }
}

/// The cashier: functions 1, 2, 5, 6, 7 and 8 of 52300 plus Comunicación asertiva, Escucha activa
/// and Orientación al servicio (CUOC destrezas 4, 2 and 15) and Trabajo bajo presión and Trabajo en equipo,
/// by the BPO catalog's ids (the catalogs do not share those two yet).
pub fn cashier(set: &CatalogSet) -> Session {
    let mut s = Session::new("Ana", "Luz", "2026-03-02T14:30:00Z".parse().unwrap(), set).unwrap();
    for n in [1, 2, 5, 6, 7, 8] {
        mark(&mut s, MarkKind::Function, &format!("{CASHIER}-{n}"), MarkLevel::Has);
    }
    for id in [
        "cuoc-destreza-4",
        "cuoc-destreza-2",
        "cuoc-destreza-15",
        "trabajo-bajo-presion",
        "trabajo-en-equipo",
    ] {
        assert!(set.competency(id).is_some(), "{id} is in the catalogs");
        mark(&mut s, MarkKind::Competency, id, MarkLevel::Has);
    }
    s
}

/// A model in the workspace on `session`, as if it had just been opened, at `size`.
pub fn workspace(session: Session, lang: Lang, size: (u16, u16)) -> Model {
    let (set, index) = cuoc_bpo();
    let mut model = Model::new(lang, set, index);
    model.size = size;
    update(&mut model, Msg::SessionOpened { session: Box::new(session), read_only: false });
    model
}

pub fn press(model: &mut Model, code: KeyCode) {
    update(model, Msg::Key(KeyEvent::new(code, KeyModifiers::NONE)));
}

fn ws(model: &Model) -> &Workspace {
    model.workspace().unwrap()
}

fn screen(model: &Model) -> String {
    render(model).join("\n")
}

#[test]
fn the_cashier_ranks_52300_first_of_all_686() {
    let (set, _) = cuoc_bpo();
    assert_eq!(set.occupations().count(), 686);
    let session = cashier(&set);
    let fits = best_fits(&session, &set, &BestFilter::default());
    assert_eq!(fits.admitted, 686);
    let first = &fits.rows[0];
    assert_eq!(first.occupation.id, CASHIER);
    assert!(first.standing.holds_function && !first.standing.shared_only());
    // 6 of 8 functions (the catch-all does not count), 5 of its 7 destrezas (Orientación al servicio and
    // Trabajo bajo presión / en equipo through the BPO skills declared the same), none of its 4
    // conocimientos: 11 of 19 essential items, 58 %.
    let part = |held, needed| Part { held, needed };
    let parts =
        Parts { functions: part(6, 8), skills: part(5, 7), knowledge: part(0, 4), competencies: part(0, 0) };
    assert_eq!((first.standing.percent, first.parts), (58, parts));
    // Every other occupation holds only shared competencies and ranks below, saying so.
    assert!(fits.rows[1..].iter().all(|r| r.standing.shared_only()), "only 52300 holds a function");
    assert!(
        fits.rows.len() > 100,
        "the shared destrezas count somewhere in most of CUOC: {}",
        fits.rows.len()
    );
    // The same ranking as sorting by fit and the summary's (`ranked`, fit's one rule).
    assert_eq!(ranked(&session, &set)[0].0, CASHIER);
}

#[test]
fn the_cashier_still_ranks_first_with_the_cuoc_trabajo_skills_marked_too() {
    let (set, _) = cuoc_bpo();
    let mut session = cashier(&set);
    // Trabajo en equipo and Trabajo bajo presión as CUOC names them (destrezas 11 and 34).
    mark(&mut session, MarkKind::Competency, "cuoc-destreza-11", MarkLevel::Has);
    mark(&mut session, MarkKind::Competency, "cuoc-destreza-34", MarkLevel::Has);
    let fits = best_fits(&session, &set, &BestFilter::default());
    assert_eq!(fits.rows[0].occupation.id, CASHIER);
    assert_eq!((fits.rows[0].standing.percent, fits.rows[0].parts.skills), (58, Part { held: 5, needed: 7 }));
}

#[test]
fn m_shows_the_best_fits_with_their_parts_and_enter_goes_to_the_occupation_in_its_sector() {
    let (set, _) = cuoc_bpo();
    let mut model = workspace(cashier(&set), Lang::Es, (120, 40));
    press(&mut model, KeyCode::Char('m'));
    assert!(matches!(ws(&model).overlay, Some(Overlay::BestFit(_))));
    let drawn = screen(&model);
    assert!(drawn.contains("Mejor ajuste en todo el catálogo"), "{drawn}");
    let first =
        drawn.lines().position(|l| l.contains("1. Cajeros de comercio")).unwrap_or_else(|| panic!("{drawn}"));
    let lines: Vec<&str> = drawn.lines().collect();
    assert!(lines[first].contains("58%"), "{}", lines[first]);
    assert!(
        lines[first + 1].contains("funciones 6/8 · destrezas 5/7 · conocimientos 0/4 · nivel 2"),
        "{}",
        lines[first + 1]
    );
    // The next occupation holds no function: bracketed, and it says so first.
    assert!(lines[first + 2].contains("2. ") && lines[first + 2].contains("%)"), "{}", lines[first + 2]);
    assert!(
        lines[first + 3].contains("solo competencias compartidas · funciones 0/"),
        "{}",
        lines[first + 3]
    );
    assert!(drawn.contains("de 686 ocupaciones tienen algo de lo marcado"), "{drawn}");

    press(&mut model, KeyCode::Enter);
    let w = ws(&model);
    assert!(w.overlay.is_none());
    assert_eq!(w.focus, Pane::Occupations);
    assert_eq!(set.sectors().nth(w.sector).unwrap().id, "cuoc-area-comp");
    assert_eq!(w.current_occupation(&set).unwrap().id, CASHIER);
    assert_eq!(w.session.focus.occupation.as_deref(), Some(CASHIER), "resuming returns there");
}

#[test]
fn each_mark_shows_in_the_view() {
    let (set, _) = cuoc_bpo();
    let mut model = workspace(cashier(&set), Lang::Es, (80, 24));
    press(&mut model, KeyCode::Char('m'));
    press(&mut model, KeyCode::Enter);
    // Into Funciones, down to function 3 (not marked yet), Space twice: "la tiene".
    press(&mut model, KeyCode::Enter);
    assert_eq!(ws(&model).focus, Pane::Functions);
    press(&mut model, KeyCode::Down);
    press(&mut model, KeyCode::Down);
    press(&mut model, KeyCode::Char(' '));
    press(&mut model, KeyCode::Char(' '));
    assert_eq!(ws(&model).session.mark_of(MarkKind::Function, "cuoc-52300-3"), Some(MarkLevel::Has));
    press(&mut model, KeyCode::Char('m'));
    let drawn = screen(&model);
    assert!(drawn.contains("funciones 7/8 · destrezas 5/7"), "{drawn}");
    assert!(drawn.contains("63%"), "12 of 19: {drawn}");
    // `m` closes it again.
    press(&mut model, KeyCode::Char('m'));
    assert!(ws(&model).overlay.is_none());
}

#[test]
fn the_filters_keep_only_a_competency_level_and_a_sector() {
    let (set, _) = cuoc_bpo();
    let mut model = workspace(cashier(&set), Lang::Es, (120, 40));
    press(&mut model, KeyCode::Char('m'));
    let all = ws(&model).best_fits(&set).rows.len();
    press(&mut model, KeyCode::Char('n'));
    press(&mut model, KeyCode::Char('n'));
    assert_eq!(ws(&model).best_filter.level, Some(2));
    let level_2 = ws(&model).best_fits(&set);
    assert!(level_2.rows.iter().all(|r| r.occupation.level == 2));
    assert_eq!(level_2.rows[0].occupation.id, CASHIER, "52300 is of level 2");
    assert!(level_2.rows.len() < all && level_2.admitted < 686);
    assert!(screen(&model).contains("Nivel de competencia: 2 · Sector: todos"), "{}", screen(&model));
    press(&mut model, KeyCode::Char('n'));
    assert!(
        ws(&model).best_fits(&set).rows.iter().all(|r| r.occupation.id != CASHIER && r.occupation.level == 3)
    );
    press(&mut model, KeyCode::Char('n'));
    press(&mut model, KeyCode::Char('n'));
    assert_eq!(ws(&model).best_filter.level, None, "after 4, every level again");

    // → steps through the sectors in catalog order; ← from "todos" goes to the last one.
    press(&mut model, KeyCode::Right);
    assert_eq!(ws(&model).best_filter.sector.as_deref(), Some("bpo"));
    let bpo = ws(&model).best_fits(&set);
    assert!(bpo.rows.iter().all(|r| r.occupation.sector == "bpo") && bpo.admitted == 6);
    assert!(screen(&model).contains("Sector: BPO (externalización"), "{}", screen(&model));
    press(&mut model, KeyCode::Left);
    press(&mut model, KeyCode::Left);
    let last = set.sectors().last().unwrap().id.clone();
    assert_eq!(ws(&model).best_filter.sector, Some(last));
    // The cashier's area, where it is first; a secondary area lists it too.
    let comp = BestFilter { level: None, sector: Some("cuoc-area-comp".into()) };
    assert_eq!(best_fits(&ws(&model).session, &set, &comp).rows[0].occupation.id, CASHIER);
    let lotr = BestFilter { level: None, sector: Some("cuoc-area-lotr".into()) };
    assert!(best_fits(&ws(&model).session, &set, &lotr).rows.iter().any(|r| r.occupation.id == CASHIER));
    // The filters stay when the view is closed and opened again.
    press(&mut model, KeyCode::Esc);
    press(&mut model, KeyCode::Char('m'));
    assert!(ws(&model).best_filter.sector.is_some());
}

#[test]
fn stepping_the_sector_filter_goes_round_through_every_sector() {
    let (set, _) = cuoc_bpo();
    let mut filter = BestFilter::default();
    let mut seen = Vec::new();
    loop {
        filter.sector = step_sector(&set, &filter, true);
        match &filter.sector {
            Some(id) => seen.push(id.clone()),
            None => break,
        }
    }
    let all: Vec<String> = set.sectors().map(|s| s.id.clone()).collect();
    assert_eq!(seen, all);
    assert_eq!(all.len(), 27);
}

#[test]
fn with_nothing_marked_the_view_says_what_to_do() {
    let (set, _) = cuoc_bpo();
    let session = Session::new("Ana", "", "2026-03-02T14:30:00Z".parse().unwrap(), &set).unwrap();
    let mut model = workspace(session, Lang::En, (80, 24));
    press(&mut model, KeyCode::Char('m'));
    let drawn = screen(&model);
    assert!(drawn.contains("0 of 686 occupations hold something marked"), "{drawn}");
    assert!(drawn.contains("None of these occupations holds anything marked yet"), "{drawn}");
    // Enter on no row goes nowhere, and closes nothing but the view.
    press(&mut model, KeyCode::Enter);
    assert!(ws(&model).overlay.is_none());
}

#[test]
fn a_click_selects_a_row_and_a_second_click_goes_there() {
    let (set, _) = cuoc_bpo();
    let mut model = workspace(cashier(&set), Lang::Es, (80, 24));
    press(&mut model, KeyCode::Char('m'));
    let drawn = render(&model);
    let y = drawn.iter().position(|l| l.contains("   2. ")).unwrap();
    let second = ws(&model).best_fits(&set).rows[1].occupation.id.clone();
    let msg = regions(&model).message(click(10, u16::try_from(y).unwrap()));
    assert!(matches!(msg, Msg::Clicked { row: Some(1), .. }), "{msg:?}");
    update(&mut model, msg);
    assert!(matches!(ws(&model).overlay, Some(Overlay::BestFit(v)) if v.selected == 1));
    // Its second line is the same row.
    let msg = regions(&model).message(click(10, u16::try_from(y + 1).unwrap()));
    update(&mut model, msg);
    assert!(ws(&model).overlay.is_none());
    assert_eq!(ws(&model).current_occupation(&set).unwrap().id, second);
}

#[test]
fn the_wheel_moves_the_selection() {
    let (set, _) = cuoc_bpo();
    let mut model = workspace(cashier(&set), Lang::Es, (80, 24));
    press(&mut model, KeyCode::Char('m'));
    let drawn = render(&model);
    let y = drawn.iter().position(|l| l.contains("   1. ")).unwrap();
    let wheel = crate::keyflow_support::mouse(
        crossterm::event::MouseEventKind::ScrollDown,
        10,
        u16::try_from(y).unwrap(),
    );
    for _ in 0..3 {
        let msg = regions(&model).message(wheel);
        update(&mut model, msg);
    }
    assert!(matches!(ws(&model).overlay, Some(Overlay::BestFit(v)) if v.selected == 3));
    assert!(matches!(model.screen, Screen::Workspace(_)));
}
