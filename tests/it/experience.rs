//! Issue 12, "Start from the person's experience": past jobs (Experiencia, `l`) with CUOC 2025 loaded from
//! assets/catalog/cuoc-2025.ron beside the BPO catalog. A job title is typed, its occupation picked; its
//! destrezas and conocimientos are marked "la tiene" with the job as their origin, its functions offered.
#![allow(clippy::unwrap_used, clippy::expect_used)] // tests fail loudly by design

use crate::cuoc_catalog::CUOC_FILE;
use crate::keyflow_support::{App, key, shift_tab};
use crossterm::event::KeyCode;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use rumbo::app::{ExperienceField, Model, Msg, Overlay, Screen, Workspace, update};
use rumbo::catalog::{self, CatalogSet, CompetencyKind, SourceFile};
use rumbo::i18n::Lang;
use rumbo::runtime::Runner;
use rumbo::search::SearchIndex;
use rumbo::session::{MarkKind, MarkLevel, Session};
use std::sync::{Arc, OnceLock};

/// The BPO catalog and CUOC 2025, with their index, built once.
fn catalogs() -> (Arc<CatalogSet>, Arc<SearchIndex>) {
    static BUILT: OnceLock<(Arc<CatalogSet>, Arc<SearchIndex>)> = OnceLock::new();
    BUILT
        .get_or_init(|| {
            let cuoc = SourceFile {
                name: "cuoc-2025.ron".into(),
                text: std::fs::read_to_string(CUOC_FILE).unwrap(),
            };
            let loaded = catalog::load_files(vec![catalog::builtin_file(), cuoc]).unwrap();
            let set = Arc::new(CatalogSet::new(loaded.into_iter().map(|l| l.catalog).collect()));
            let index = Arc::new(SearchIndex::new(&set));
            (set, index)
        })
        .clone()
}

fn start(dir: &std::path::Path) -> App {
    let (set, index) = catalogs();
    let mut model = Model::new(Lang::Es, set, index);
    let mut runner = Runner::new(dir).unwrap();
    runner.start(&mut model);
    App { model, runner, dir: dir.to_path_buf() }
}

fn panel(ws: &Workspace) -> &rumbo::app::ExperiencePanel {
    match &ws.overlay {
        Some(Overlay::Experience(panel)) => panel,
        _ => panic!("the Experiencia panel is not open"),
    }
}

/// The destrezas and conocimientos an occupation needs.
fn skills_of(set: &CatalogSet, occupation: &str) -> Vec<String> {
    let o = set.occupation(occupation).unwrap();
    o.competencies
        .iter()
        .filter(|n| {
            let kind = set.competency(&n.competency).unwrap().kind;
            matches!(kind, CompetencyKind::Skill | CompetencyKind::Knowledge)
        })
        .map(|n| n.competency.clone())
        .collect()
}

#[test]
fn job_titles_find_the_cashier_occupations() {
    let (_, titles) = catalogs();
    assert!(titles.job_title_count() > 14_462, "every alternative title and every occupation's name");
    let found = titles.job_titles("cajera", 5);
    let occupations: Vec<&str> = found.iter().map(|m| m.occupation.as_str()).collect();
    assert!(occupations.contains(&"cuoc-52300") && occupations.contains(&"cuoc-42110"), "{found:?}");
    assert!(found.iter().all(|m| rumbo::text::fold(&m.title).contains("cajer")), "{found:?}");
    // Gender, number, accents and one typo.
    for query in ["cajeros", "CAJERO", "soldador", "solador", "auxiliar de enfermería"] {
        assert!(!titles.job_titles(query, 5).is_empty(), "{query}");
    }
    assert_eq!(titles.job_titles("soldador", 1)[0].occupation, "cuoc-72120");
    assert!(titles.job_titles("xyzzy", 5).is_empty());
    assert!(titles.job_titles("  ", 5).is_empty());
}

/// The panel searches the index (nothing is built to open it): its results are those of one search
/// over every item, keeping occupations and job titles, in that order.
#[test]
fn job_titles_rank_as_one_search_over_occupations_and_titles() {
    use rumbo::catalog::ItemKind;
    let (_, index) = catalogs();
    for query in ["cajera", "soldador", "auxiliar de enfermería", "mesero", "técnico", "ventas", "c"] {
        let expected: Vec<(String, String, bool)> = index
            .search(query, None, None)
            .hits
            .iter()
            .map(|hit| index.item(hit.item))
            .filter(|item| matches!(item.kind, ItemKind::Occupation | ItemKind::Title))
            .take(rumbo::app::JOB_RESULTS)
            .map(|item| {
                let own = item.kind == ItemKind::Occupation;
                let occupation = if own { item.id } else { item.occupation.unwrap().0 };
                (occupation.to_string(), item.text.to_string(), own)
            })
            .collect();
        let found: Vec<(String, String, bool)> = index
            .job_titles(query, rumbo::app::JOB_RESULTS)
            .into_iter()
            .map(|m| (m.occupation, m.title, m.own))
            .collect();
        assert!(!found.is_empty(), "{query}");
        assert_eq!(found, expected, "{query}");
        // Typed one key at a time, each key scanning only what the last matched: the same results.
        let mut narrowing = rumbo::search::JobNarrowing::default();
        let mut typed = String::new();
        for c in query.chars() {
            typed.push(c);
            let narrowed = index.job_titles_narrowing(&typed, rumbo::app::JOB_RESULTS, &mut narrowing);
            assert_eq!(narrowed, index.job_titles(&typed, rumbo::app::JOB_RESULTS), "{typed}");
        }
    }
}

/// The whole flow through the real runner: add a cashier job, change one of its marks, mark a function it
/// offers, remove the job, leave; what was saved is what the counselor left.
#[test]
fn a_past_job_marks_its_skills_and_its_removal_keeps_what_the_counselor_changed() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = start(dir.path());
    app.new_session("Rosa", Some("Luz"), true);
    let set = app.model.catalog.clone();
    app.char('l');
    assert_eq!(panel(app.ws()).field, ExperienceField::Search);
    app.type_text("cajera");
    let results = panel(app.ws()).results.clone();
    let at = results.iter().position(|m| m.occupation == "cuoc-52300").expect("52300 among the results");
    assert!(at < 5, "{results:?}");
    for _ in 0..at {
        app.press(KeyCode::Down);
    }
    app.press(KeyCode::Enter);

    let skills = skills_of(&set, "cuoc-52300");
    assert!(skills.len() >= 5, "{skills:?}");
    let session = &app.ws().session;
    assert_eq!(session.past_jobs.len(), 1);
    let job = session.past_jobs[0].id;
    for id in &skills {
        assert_eq!(session.mark_of(MarkKind::Competency, id), Some(MarkLevel::Has), "{id}");
        assert_eq!(session.origins(MarkKind::Competency, id)[0].id, job);
    }
    assert!(session.marks.iter().all(|m| m.kind == MarkKind::Competency), "functions are only offered");
    // The panel shows what the job gave, each with its origin.
    assert_eq!(panel(app.ws()).field, ExperienceField::Items);
    let title = session.past_jobs[0].title.clone();
    assert_eq!(title, results[at].title, "the title picked");
    let first_form = title.split(" / ").next().unwrap();
    let screen = app.screen_text();
    assert!(screen.contains(&format!("de: {first_form}")), "{screen}");

    // The counselor changes the first skill (has → none → in development) and marks the first function.
    app.char(' ');
    app.char(' ');
    let changed = &skills[0];
    assert_eq!(app.ws().session.mark_of(MarkKind::Competency, changed), Some(MarkLevel::InDevelopment));
    for _ in 0..skills.len() {
        app.press(KeyCode::Down);
    }
    app.char(' ');
    let function = &set.occupation("cuoc-52300").unwrap().functions[0].id;
    assert_eq!(app.ws().session.mark_of(MarkKind::Function, function), Some(MarkLevel::InDevelopment));

    // Saved with the job and the origins: leave and open again.
    app.send(Msg::SaveDue);
    let saved = app.saved();
    assert_eq!((saved.format, saved.past_jobs.len()), (rumbo::session::FORMAT, 1));
    assert_eq!(saved.origins(MarkKind::Competency, &skills[1]).len(), 1);
    assert!(saved.origins(MarkKind::Competency, changed).is_empty(), "changed: the counselor's now");

    // Remove the job: Tab to the jobs, Supr.
    app.press(KeyCode::Tab);
    app.press(KeyCode::Tab);
    assert_eq!(panel(app.ws()).field, ExperienceField::Jobs);
    app.press(KeyCode::Delete);
    let session = &app.ws().session;
    assert!(session.past_jobs.is_empty());
    assert_eq!(session.mark_of(MarkKind::Competency, changed), Some(MarkLevel::InDevelopment));
    for id in &skills[1..] {
        assert_eq!(session.mark_of(MarkKind::Competency, id), None, "{id}");
    }
    assert_eq!(session.mark_of(MarkKind::Function, function), Some(MarkLevel::InDevelopment));
    app.send(shift_tab());
    assert_eq!(panel(app.ws()).field, ExperienceField::Search);
    app.press(KeyCode::Esc);
    assert!(app.ws().overlay.is_none());
    app.char('q');
    let saved = app.saved();
    assert!(saved.past_jobs.is_empty());
    assert_eq!(saved.mark_of(MarkKind::Competency, changed), Some(MarkLevel::InDevelopment));
}

#[test]
fn two_jobs_giving_the_same_skill_removing_one_keeps_the_mark() {
    let (set, _) = catalogs();
    let mut s = Session::new("Rosa", "", "2026-03-02T15:04:00Z".parse().unwrap(), &set).unwrap();
    let cajero = s.add_past_job("Cajera", set.occupation("cuoc-52300").unwrap(), &set);
    let mesero = s.add_past_job("Mesero", set.occupation("cuoc-51310").unwrap(), &set);
    let both: Vec<String> = skills_of(&set, "cuoc-52300")
        .into_iter()
        .filter(|id| skills_of(&set, "cuoc-51310").contains(id))
        .collect();
    assert!(!both.is_empty(), "the cashier and the waiter share a destreza");
    s.remove_past_job(cajero);
    for id in &both {
        assert_eq!(s.mark_of(MarkKind::Competency, id), Some(MarkLevel::Has), "{id}");
        assert_eq!(s.origins(MarkKind::Competency, id)[0].id, mesero);
    }
    let only_cashier: Vec<String> =
        skills_of(&set, "cuoc-52300").into_iter().filter(|id| !both.contains(id)).collect();
    for id in &only_cashier {
        assert_eq!(s.mark_of(MarkKind::Competency, id), None, "{id}");
    }
}

#[test]
fn a_read_only_session_adds_no_job() {
    let (set, index) = catalogs();
    let mut m = Model::new(Lang::Es, set.clone(), index);
    let session = Session::new("Rosa", "", "2026-03-02T15:04:00Z".parse().unwrap(), &set).unwrap();
    update(&mut m, Msg::SessionOpened { session: Box::new(session), read_only: true });
    for msg in
        [key(KeyCode::Char('l')), key(KeyCode::Char('c')), key(KeyCode::Char('a')), key(KeyCode::Enter)]
    {
        update(&mut m, msg);
    }
    assert!(m.workspace().unwrap().session.past_jobs.is_empty());
    assert!(m.workspace().unwrap().session.marks.is_empty());
}

/// The panel as the counselor sees it: with the title typed, and with a job added.
pub fn experience_state(lang: Lang, added: bool) -> Model {
    let (set, index) = catalogs();
    let mut m = Model::new(lang, set.clone(), index);
    m.now = "2026-03-02T15:04:00Z".parse().unwrap();
    m.tz = jiff::tz::TimeZone::UTC;
    let mut session = Session::new("Rosa", "Luz", m.now, &set).unwrap();
    session.give_consent(m.now, "v1");
    if added {
        session.add_past_job("Mesero", set.occupation("cuoc-51310").unwrap(), &set);
    }
    update(&mut m, Msg::SessionOpened { session: Box::new(session), read_only: false });
    update(&mut m, key(KeyCode::Char('l')));
    if added {
        // The panel opens on the jobs when there are some: back to the job title.
        update(&mut m, shift_tab());
    }
    for c in "cajera".chars() {
        update(&mut m, key(KeyCode::Char(c)));
    }
    if added {
        update(&mut m, key(KeyCode::Enter));
    }
    assert!(matches!(&m.screen, Screen::Workspace(ws) if ws.overlay.is_some()));
    m
}

fn draw(model: &mut Model, width: u16, height: u16) -> Terminal<TestBackend> {
    model.size = (width, height);
    let mut terminal = Terminal::new(TestBackend::new(width, height)).unwrap();
    let theme = rumbo::ui::theme::Theme::new(rumbo::ui::theme::ThemeName::Normal, false);
    terminal.draw(|f| drop(rumbo::ui::view(model, &theme, f))).unwrap();
    terminal
}

#[test]
fn snapshots_of_the_experience_panel() {
    for (name, added) in [("experience_search", false), ("experience_jobs", true)] {
        for lang in [Lang::Es, Lang::En] {
            for (w, h) in [(80, 24), (120, 40)] {
                let mut m = experience_state(lang, added);
                let terminal = draw(&mut m, w, h);
                let code = if lang == Lang::Es { "es" } else { "en" };
                insta::assert_snapshot!(format!("{name}__{code}_{w}x{h}"), terminal.backend());
            }
        }
    }
}

/// A click on a part of the panel focuses it and picks the row; the wheel moves along it.
#[test]
fn the_mouse_picks_rows_in_the_panel() {
    let mut m = experience_state(Lang::Es, true);
    m.size = (80, 24);
    let regions = crate::keyflow_support::regions(&m);
    let (w, h) = m.size;
    // Find the jobs list's first row: the line holding "Mesero" on screen.
    let screen = crate::keyflow_support::render(&m);
    let y = screen.iter().position(|l| l.contains("Mesero —")).unwrap();
    let x = screen[y].find("Mesero").map(|b| screen[y][..b].chars().count()).unwrap();
    assert!(y < usize::from(h) && x < usize::from(w));
    let click = crate::keyflow_support::click(u16::try_from(x).unwrap(), u16::try_from(y).unwrap());
    update(&mut m, regions.message(click));
    let Screen::Workspace(ws) = &m.screen else { panic!() };
    assert_eq!((panel(ws).field, panel(ws).job), (ExperienceField::Jobs, 0));
    let wheel = crate::keyflow_support::mouse(
        crossterm::event::MouseEventKind::ScrollDown,
        4,
        u16::try_from(y).unwrap(),
    );
    update(&mut m, regions.message(wheel));
    let Screen::Workspace(ws) = &m.screen else { panic!() };
    assert_eq!(panel(ws).job, 1);
}

/// A session written by the rumbo before past jobs (format 2) opens as it was and stays in format 2 while
/// it holds nothing new; its first past job raises it to 3, so the older rumbo then opens it read-only
/// (`versions` checks that side) instead of dropping the job and its marks' origin.
#[test]
fn an_older_session_opens_stays_format_2_until_a_past_job_is_added() {
    let (set, _) = catalogs();
    let dir = tempfile::tempdir().unwrap();
    let store = rumbo::session::SessionStore::open(dir.path()).unwrap();
    let id = "v13j0aaaaaaa";
    let text = format!(
        "Session(format: 2, id: \"{id}\", alias: \"Vieja\", created: \"2026-01-01T00:00:00Z\", \
         marks: [Mark(kind: Competency, id: \"cuoc-destreza-15\", text: \"Trabajo en equipo\", level: Has)])"
    );
    std::fs::write(dir.path().join("sessions").join(format!("{id}.ron")), text).unwrap();
    let mut session = store.load(id).unwrap();
    assert_eq!((session.format, session.marks[0].from.len()), (2, 0));
    session.cycle_mark(MarkKind::Competency, "cuoc-destreza-2", "Escucha activa", None);
    store.save(&session).unwrap();
    let saved = std::fs::read_to_string(dir.path().join("sessions").join(format!("{id}.ron"))).unwrap();
    assert!(saved.contains("format: 2,") && !saved.contains("past_jobs"), "{saved}");
    session.add_past_job("Cajera", set.occupation("cuoc-52300").unwrap(), &set);
    store.save(&session).unwrap();
    let back = store.load(id).unwrap();
    assert_eq!(back.format, 3, "past jobs came in format 3; the plan's format 4 waits for a plan edit");
    assert_eq!(back, session, "the job and the origins round-trip");
    // The mark the counselor made before stays theirs: no origin.
    assert!(back.origins(MarkKind::Competency, "cuoc-destreza-15").is_empty());
}

/// A session from a rumbo newer than this one, holding past jobs: read-only, never written over.
#[test]
fn a_newer_session_with_past_jobs_opens_read_only_and_is_not_written() {
    let dir = tempfile::tempdir().unwrap();
    let store = rumbo::session::SessionStore::open(dir.path()).unwrap();
    let id = "fu7ur3000001";
    let newer = rumbo::session::FORMAT + 1;
    let text = format!(
        "Session(format: {newer}, id: \"{id}\", alias: \"Futura\", created: \"2026-01-01T00:00:00Z\", \
         past_jobs: [PastJob(id: 1, title: \"Cajera\", occupation: \"cuoc-52300\", occupation_text: \"x\", \
         empleador: \"Éxito\")], marks: [Mark(kind: Competency, id: \"cuoc-destreza-2\", level: Has, from: [1])])"
    );
    let path = dir.path().join("sessions").join(format!("{id}.ron"));
    std::fs::write(&path, &text).unwrap();
    let mut session = store.load(id).unwrap();
    assert!(session.is_newer_format());
    assert_eq!(session.past_jobs[0].title, "Cajera");
    session.remove_past_job(1);
    assert!(matches!(store.save(&session), Err(rumbo::session::StoreError::NewerFormat { .. })));
    assert_eq!(std::fs::read_to_string(&path).unwrap(), text);
}

/// In the Competencias pane too, a mark a past job made says which job, under the list.
#[test]
fn the_competencies_pane_says_which_job_a_mark_came_from() {
    let (set, index) = catalogs();
    let mut m = Model::new(Lang::Es, set.clone(), index);
    let mut session = Session::new("Rosa", "", "2026-03-02T15:04:00Z".parse().unwrap(), &set).unwrap();
    session.add_past_job("Mesero / Mesera", set.occupation("cuoc-51310").unwrap(), &set);
    let skill = skills_of(&set, "cuoc-51310")[0].clone();
    let name = set.competency(&skill).unwrap().name.clone();
    update(&mut m, Msg::SessionOpened { session: Box::new(session), read_only: false });
    update(&mut m, key(KeyCode::Char('/')));
    for c in name.chars() {
        update(&mut m, key(KeyCode::Char(c)));
    }
    update(&mut m, key(KeyCode::Enter));
    m.size = (120, 40);
    let screen = crate::keyflow_support::render(&m).join("\n");
    assert!(screen.contains(&format!("{name} · de: Mesero")), "{screen}");
}
