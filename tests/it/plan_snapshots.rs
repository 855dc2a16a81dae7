//! Issue 13: the plan panel's parts at 80×24 and 120×40, in Spanish and English (the snapshots are the
//! review of the view), and the notes editor with its Ley 1581 line.
#![allow(clippy::unwrap_used, clippy::expect_used)] // tests fail loudly by design

use crate::keyflow_support::{catalog, key};
use crossterm::event::KeyCode;
use jiff::civil::date;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use rumbo::app::{Model, Msg, update};
use rumbo::i18n::Lang;
use rumbo::session::plan::contact;
use rumbo::session::{
    Education, Jornada, LanguageLevel, LanguageSkill, Profile, Session, Step, StepKind, StepStatus, Who,
};

/// A session with a bit of everything, the panel open on the `tabs`-th part.
pub fn state(lang: Lang, tabs: usize, typed: Option<&str>) -> Model {
    let (set, index) = catalog();
    let mut m = Model::new(lang, set.clone(), index);
    m.now = "2026-03-02T15:04:00Z".parse().unwrap();
    m.tz = jiff::tz::TimeZone::UTC;
    let mut s = Session::new("Rosa", "Luz", m.now, &set).unwrap();
    s.give_consent(m.now, "v1");
    s.toggle_shortlist("incap-call-center", "INCAP — Call Center");
    s.toggle_shortlist("sena-telemarketing", "SENA — Telemarketing");
    s.raise_to_plan(&set);
    s.toggle_goal("auxiliar-servicio-cliente").unwrap();
    s.toggle_explored("supervisor-servicio-cliente");
    s.profile = Profile {
        education: Some(Education::Bachillerato),
        languages: vec![LanguageSkill { language: "inglés".into(), level: LanguageLevel::Basico }],
        jornada: Some(Jornada::Tarde),
        zones: vec!["Kennedy".into(), "Bosa".into()],
        plan_language: None,
    };
    s.contact = Some(contact("300 123 4567", "", m.now).unwrap());
    s.steps = vec![Step {
        text: "Inscribirse en INCAP — Técnico laboral en atención en Call Center".into(),
        who: Who::Persona,
        date: Some(date(2026, 3, 16)),
        status: StepStatus::Pendiente,
        bring: vec!["documento de identidad".into(), "certificado de bachiller".into()],
        kind: StepKind::Enrol { program: "incap-call-center".into() },
    }];
    s.follow_up = Some(date(2026, 4, 1));
    update(&mut m, Msg::SessionOpened { session: Box::new(s), read_only: false });
    update(&mut m, key(KeyCode::Char('p')));
    for _ in 0..tabs {
        update(&mut m, key(KeyCode::Tab));
    }
    if let Some(text) = typed {
        update(&mut m, key(KeyCode::Char('f')));
        for c in text.chars() {
            update(&mut m, key(if c == '\n' { KeyCode::Enter } else { KeyCode::Char(c) }));
        }
    }
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
fn snapshots_of_the_plan_panel() {
    let parts = [
        ("plan_profile", 0, None),
        ("plan_contact", 1, None),
        ("plan_goals", 2, None),
        ("plan_steps", 3, None),
        // A date typed wrong: the message says how to write it, the line stays open.
        ("plan_steps_bad_date", 3, Some("16/03/2026\n")),
        ("plan_follow_up", 4, None),
    ];
    for (name, tabs, typed) in parts {
        for lang in [Lang::Es, Lang::En] {
            for (w, h) in [(80, 24), (120, 40)] {
                let mut m = state(lang, tabs, typed);
                let terminal = draw(&mut m, w, h);
                let code = if lang == Lang::Es { "es" } else { "en" };
                insta::assert_snapshot!(format!("{name}__{code}_{w}x{h}"), terminal.backend());
            }
        }
    }
}
