//! CUOC qualification areas: the principal area places an occupation, complementary areas list it too
//! (after the area's own occupations, marked `+`); going to an occupation lands in its principal area.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use crate::cuoc_support::{cuoc_catalog, start_cuoc};
use crossterm::event::KeyCode;
use rumbo::i18n::Lang;

/// Placed in "afde", listed as a complementary area in "comp" (DANE's Áreas de cualificación).
const OCCUPATION: &str = "cuoc-11120";
const PRINCIPAL: &str = "cuoc-area-afde";
const COMPLEMENTARY: &str = "cuoc-area-comp";

#[test]
fn a_complementary_area_lists_the_occupation_after_its_own() {
    let (set, _) = cuoc_catalog();
    let occupation = set.occupation(OCCUPATION).unwrap();
    assert_eq!(occupation.sector, PRINCIPAL);
    assert!(occupation.secondary_sectors.iter().any(|s| s == COMPLEMENTARY));
    let also: Vec<&str> = set.occupations_also_in(COMPLEMENTARY).map(|o| o.id.as_str()).collect();
    assert!(also.contains(&OCCUPATION), "{also:?}");
    assert!(set.occupations_in(COMPLEMENTARY).all(|o| o.id != OCCUPATION));
    assert!(set.occupations_also_in(PRINCIPAL).all(|o| o.id != OCCUPATION), "not twice in its own area");

    let dir = tempfile::tempdir().unwrap();
    let mut app = start_cuoc(dir.path(), Lang::Es);
    app.new_session("Ana", None, true);
    let sector = set.sectors().position(|s| s.id == COMPLEMENTARY).unwrap();
    app.ws_mut().sector = sector;
    let listed = app.ws().occupations(&set);
    let own = set.occupations_in(COMPLEMENTARY).count();
    assert_eq!(listed.len(), own + also.len());
    assert!(listed[..own].iter().all(|o| o.sector == COMPLEMENTARY), "its own first");
    assert!(listed[own..].iter().all(|o| o.secondary_sectors.iter().any(|s| s == COMPLEMENTARY)));
    // Sorted by fit, each group keeps to its place.
    app.ws_mut().sort_by_fit = true;
    let sorted = app.ws().occupations(&set);
    assert!(sorted[..own].iter().all(|o| o.sector == COMPLEMENTARY));
}

#[test]
fn the_list_marks_it_and_the_detail_names_its_principal_area_at_80x24() {
    let (set, _) = cuoc_catalog();
    for (lang, legend, principal_said) in [
        (Lang::Es, "+ área complementaria", "+ Área principal:"),
        (Lang::En, "+ complementary area", "+ Principal area:"),
    ] {
        let dir = tempfile::tempdir().unwrap();
        let mut app = start_cuoc(dir.path(), lang);
        app.new_session("Ana", None, true);
        app.ws_mut().sector = set.sectors().position(|s| s.id == COMPLEMENTARY).unwrap();
        app.press(KeyCode::Tab);
        let at = app.ws().occupations(&set).iter().position(|o| o.id == OCCUPATION).unwrap();
        app.ws_mut().occupation = at;
        let screen = app.screen();
        let name = set.occupation(OCCUPATION).unwrap().list_title();
        let start: String = name.chars().take(12).collect();
        let row = screen.iter().find(|l| l.contains(&format!("+{start}"))).unwrap_or_else(|| {
            panic!("the row is marked +: {screen:#?}");
        });
        assert!(row.starts_with('┃') || row.starts_with('│'), "{row}");
        assert!(app.screen_text().contains(legend), "{screen:#?}");
        let principal = &set.sector(PRINCIPAL).unwrap().name;
        let text = app.screen_text().split_whitespace().collect::<Vec<_>>().join(" ");
        assert!(text.contains(principal_said), "{screen:#?}");
        assert!(text.contains(&principal.chars().take(10).collect::<String>()), "{screen:#?}");
        // An own occupation of the area is not marked.
        app.ws_mut().occupation = 0;
        let own = app.ws().occupations(&set)[0].list_title().chars().take(12).collect::<String>();
        assert!(app.screen().iter().any(|l| l.contains(&format!(" {own}"))), "{:#?}", app.screen());
    }
}

#[test]
fn going_to_the_occupation_lands_in_its_principal_area() {
    let (set, _) = cuoc_catalog();
    let dir = tempfile::tempdir().unwrap();
    let mut app = start_cuoc(dir.path(), Lang::Es);
    app.new_session("Ana", None, true);
    // From search, standing in the complementary area.
    app.ws_mut().sector = set.sectors().position(|s| s.id == COMPLEMENTARY).unwrap();
    let title = set.occupation(OCCUPATION).unwrap().list_title().to_string();
    app.char('/');
    app.type_text(&title);
    let index = app.model.index.clone();
    let Some(rumbo::app::Overlay::Search(popup)) = &app.ws().overlay else { panic!() };
    let at = popup.hits.iter().position(|h| index.item(h.item).id == OCCUPATION).unwrap();
    for _ in 0..at {
        app.press(KeyCode::Down);
    }
    app.press(KeyCode::Enter);
    assert_eq!(app.occupation().as_deref(), Some(OCCUPATION));
    assert_eq!(set.sectors().nth(app.ws().sector).unwrap().id, PRINCIPAL);
    // From a related occupation that names it.
    let from = set.occupations().find(|o| o.related.iter().any(|r| r == OCCUPATION)).unwrap();
    let from_sector = set.sectors().position(|s| s.id == from.sector).unwrap();
    app.ws_mut().sector = from_sector;
    app.ws_mut().occupation = app.ws().occupations(&set).iter().position(|o| o.id == from.id).unwrap();
    app.ws_mut().focus = rumbo::app::Pane::Occupations;
    app.char('a');
    let row = app.ws().related(&set).iter().position(|o| o.id == OCCUPATION).unwrap();
    for _ in 0..row {
        app.press(KeyCode::Down);
    }
    app.press(KeyCode::Enter);
    assert_eq!(app.occupation().as_deref(), Some(OCCUPATION));
    assert_eq!(set.sectors().nth(app.ws().sector).unwrap().id, PRINCIPAL);
}
