//! Issue 16: an occupation's interest profile where the counselor reads it — derived from O*NET and
//! saying so — and O*NET's credit in the `?` help; the catalog format 4 rules for the field.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use crate::common::{rumbo, stderr};
use crate::cuoc_support::start_cuoc;
use crate::keyflow_support::App;
use crossterm::event::KeyCode;
use rumbo::app::Pane;
use rumbo::catalog::{Basis, SourceFile, load_files};
use rumbo::i18n::Lang;

fn select(app: &mut App, id: &str) {
    let set = app.model.catalog.clone();
    let o = set.occupation(id).unwrap();
    let ws = app.ws_mut();
    ws.sector = set.sectors().position(|s| s.id == o.sector).unwrap();
    ws.occupation = ws.occupations(&set).iter().position(|x| x.id == id).unwrap();
    ws.focus = Pane::Occupations;
}

/// The words of one column of the screen: on each line, what lies between the `nth` and the next border
/// (`║` for a popup, `│` for a pane), joined by single spaces so that wrapping is undone.
fn column(app: &App, border: char, nth: usize) -> String {
    let lines = app.screen();
    let parts = lines.iter().filter_map(|l| l.split(border).nth(nth).map(str::to_string));
    parts.collect::<Vec<_>>().join(" ").split_whitespace().collect::<Vec<_>>().join(" ")
}

/// What the `v` popup shows, scrolled to its end a page at a time, as words.
fn full_text(app: &mut App) -> String {
    app.char('v');
    let mut seen = column(app, '║', 1);
    for _ in 0..4 {
        app.press(KeyCode::PageDown);
        seen.push(' ');
        seen.push_str(&column(app, '║', 1));
    }
    app.press(KeyCode::Esc);
    seen
}

#[test]
fn interests_in_the_full_text_and_detail_say_derived_from_onet() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = start_cuoc(dir.path(), Lang::Es);
    app.new_session("Ana", None, true);
    // Wide enough for the detail under the occupations list (the left column) to say it all.
    app.model.size = (240, 60);
    app.send(rumbo::app::Msg::Resize(240, 60));
    select(&mut app, "cuoc-22210");
    let detail = column(&app, '│', 1);
    assert!(
        detail.contains("Intereses (derivado de O*NET): S 5,7 · I 5,3 · C 4,0 … (código SIC)"),
        "{detail}"
    );
    let text = full_text(&mut app);
    assert!(
        text.contains(
            "Intereses (derivado de O*NET): S 5,7 · I 5,3 · C 4,0 · R 3,5 · E 2,3 · A 1,7 (código SIC)"
        ),
        "{text}"
    );
    assert!(text.contains("Por equivalencias parciales; promedio de O*NET 29-1141.00, 29-1141.01"), "{text}");

    select(&mut app, "cuoc-96250");
    let text = full_text(&mut app);
    assert!(text.contains("Por el grupo CIUO-08 962 (código colombiano que la CIUO-08 no tiene)"), "{text}");

    select(&mut app, "cuoc-01100");
    assert!(column(&app, '│', 1).contains("Oficiales de las Fuerzas Militares"));
    assert!(!column(&app, '│', 1).contains("Intereses"), "the detail says nothing without a profile");
    let text = full_text(&mut app);
    assert!(text.contains("Intereses (derivado de O*NET): sin perfil de intereses"), "{text}");
}

#[test]
fn interests_credit_is_at_the_end_of_the_help() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = App::start(dir.path());
    app.new_session("Ana", None, true);
    app.char('?');
    app.press(KeyCode::End);
    let text = column(&app, '║', 1);
    assert!(text.contains("no son del DANE: rumbo los deriva de O*NET"), "{text}");
    let credit = rumbo::catalog::ONET_CREDIT.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(text.contains(&credit[credit.len() - 120..]), "{text}");
}

const FORMAT_4: &str = r#"Catalog(
    format: 4,
    id: "x",
    title: "x",
    language: "es",
    sectors: [Sector(id: "x-s", name: "S")],
    occupations: [
        Occupation(id: "x-o", sector: "x-s", title: "O",
            interests: InterestProfile(realistic: 7.0, investigative: 2.0, artistic: 1.0, social: 1.0,
                enterprising: 1.5, conventional: 4.0, basis: ParentGroup("962"), onet: ["51-4121.00"])),
    ],
)"#;

fn check(text: &str) -> (i32, String) {
    let home = tempfile::tempdir().unwrap();
    let file = home.path().join("x.ron");
    std::fs::write(&file, text).unwrap();
    let out =
        rumbo(home.path(), &["--no-builtin", "--lang", "en", "catalog", "check", file.to_str().unwrap()]);
    (out.status.code().unwrap_or(-1), stderr(&out).replace(&file.display().to_string(), "x.ron"))
}

#[test]
fn interests_need_format_4_and_values_on_the_scale() {
    let file = SourceFile { name: "x.ron".into(), text: FORMAT_4.into() };
    let loaded = load_files(vec![file]).unwrap_or_else(|p| panic!("{p:?}"));
    let profile = loaded[0].catalog.occupations[0].interests.clone().unwrap();
    assert_eq!(
        (profile.values(), profile.basis),
        ([7.0, 2.0, 1.0, 1.0, 1.5, 4.0], Basis::ParentGroup("962".into()))
    );

    let (code, err) = check(&FORMAT_4.replace("format: 4,", "format: 3,"));
    assert_eq!(code, 1);
    assert_eq!(err.trim(), "x.ron:9:24: `interests` belongs to format 4: the file must say format: 4");
    let (code, err) = check(&FORMAT_4.replace("social: 1.0", "social: 9.5"));
    assert_eq!(code, 1);
    assert_eq!(err.trim(), "x.ron:9:99: `social` must be a value from 1 to 7 (O*NET's scale); it says 9.5");
}

#[test]
fn interests_documented_format_4_example_loads_as_written() {
    let doc = include_str!("../../docs/catalog-format.md");
    let blocks: Vec<&str> = doc.split("```ron\n").skip(1).map(|b| &b[..b.find("```").unwrap()]).collect();
    let file = SourceFile { name: "docs/catalog-format.md".into(), text: blocks[3].to_string() };
    let loaded = load_files(vec![file]).unwrap_or_else(|p| panic!("{p:?}"));
    let c = &loaded[0].catalog;
    let p = c.occupations[0].interests.as_ref().unwrap();
    assert_eq!((c.format, p.code().as_str(), &p.basis), (4, "RCI", &Basis::Partial));
}
