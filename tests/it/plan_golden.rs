//! The plan of a typical session (2 goals, 3 programs with every detail, 5 steps, a follow-up date, an
//! office) as golden files, and what page 1 must say, as plain facts: dates in words, the fit in plain
//! words and what it is not, at most five strengths and five things to work on (essential first), the
//! QR code's address, the person's language, a goal with no program.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use crate::plan_support::{
    FOLLOW_UP_EN, FOLLOW_UP_ES, GOAL, GOAL_2, PROGRAMS, office, plan_set, render, typical,
};
use rumbo::catalog::{self, CatalogSet};
use rumbo::export::{Format, NotesChoice, Options, render_with};
use rumbo::i18n::Lang;
use rumbo::session::MarkLevel;

fn generic(text: String) -> String {
    text.replace(&format!("rumbo {}", env!("CARGO_PKG_VERSION")), "rumbo [versión]")
}

#[test]
fn plan_markdown_es() {
    insta::assert_snapshot!("plan_markdown_es", render(&typical(), plan_set(), Lang::Es, Format::Markdown));
}

#[test]
fn plan_html_es() {
    insta::assert_snapshot!("plan_html_es", render(&typical(), plan_set(), Lang::Es, Format::Html));
}

#[test]
fn plan_json_es() {
    insta::assert_snapshot!("plan_json_es", generic(render(&typical(), plan_set(), Lang::Es, Format::Json)));
}

/// Page 1 before everything else, in this order, with dates in words.
#[test]
fn page_one_says_who_when_where_goals_programs_steps_and_follow_up() {
    let md = render(&typical(), plan_set(), Lang::Es, Format::Markdown);
    let page_one = &md[..md.find("## Ocupaciones exploradas").unwrap()];
    let parts = [
        "# Plan de trabajo",
        "- **Fecha:** 1 de marzo de 2027",
        "- **Alias:** Ana María",
        "- **Orientador(a):** Luz Stella Gómez",
        "- **Dónde:** Agencia Pública de Empleo — Kennedy · kennedy-1 · Avenida Carrera 86 # 40-50 Sur",
        "Turnos: Mostrador 2, primer piso",
        "## Sus metas",
        "- **Auxiliares de información y servicio al cliente**: ya sabe hacer 4 de las 14 cosas que pide esta ocupación y está aprendiendo 2 más.",
        "- **Vendedores de ventas no técnicas**: ya sabe hacer 3 de las 19 cosas",
        "_Esto cuenta lo que ya sabe hacer; no es la probabilidad de que lo contraten._",
        "**Sus fortalezas:**",
        "**Para trabajar:**",
        "## Programas elegidos",
        "- **Gestión comercial y Telemarketing en Contact Center** — SENA",
        "Modalidad: mixta · Duración: 6 meses (480 horas) · Horario: Lunes a viernes",
        "Requisitos: Bachillerato terminado",
        "## Próximos pasos",
        "1. 5 de marzo de 2027 — Inscribirse en Telemercadeo (SENA) (usted). Qué llevar: Documento de identidad, Diploma de bachiller",
        "4. 2 de marzo de 2027 — Actualizar la hoja de vida en el Servicio Público de Empleo (su orientador(a))",
        "**Seguimiento:** 15 de marzo de 2027",
    ];
    let mut from = 0;
    for part in parts {
        let at = page_one[from..]
            .find(part)
            .unwrap_or_else(|| panic!("`{part}` missing or out of order in\n{page_one}"));
        from += at + part.len();
    }
    assert!(page_one.contains(FOLLOW_UP_ES));
    // No ISO dates on the person's pages.
    assert!(!md.contains("2027-03"), "{md}");
}

/// "ya sabe hacer N de las M": N is what fit counts as had, M every essential item fit counts.
#[test]
fn the_fit_in_words_counts_what_the_fit_counts() {
    let s = typical();
    let summary =
        rumbo::export::summarize(&s, plan_set(), Lang::Es, NotesChoice::All, &jiff::tz::TimeZone::UTC);
    assert_eq!(summary.plan.goals.iter().map(|g| g.id.as_str()).collect::<Vec<_>>(), vec![GOAL, GOAL_2]);
    assert!(!summary.plan.goal_is_best_fit);
    for g in &summary.plan.goals {
        let fit = rumbo::session::fit(&s, plan_set(), &g.id).unwrap();
        let essential = |items: &[rumbo::session::FitItem]| {
            items.iter().filter(|i| i.importance == rumbo::catalog::Importance::Essential).count()
        };
        assert_eq!(g.has, essential(&fit.has));
        assert_eq!(g.developing, essential(&fit.developing));
        assert_eq!(g.essential, essential(&fit.has) + essential(&fit.developing) + essential(&fit.missing));
        // The same numbers make the percentage (in development counts half).
        let expected = (100 * (2 * g.has + g.developing) + g.essential) / (2 * g.essential);
        assert_eq!(usize::from(g.fit), expected);
    }
    assert!(summary.plan.strengths.len() <= 5 && summary.plan.work_on.len() == 5);
    let first_optional = summary.plan.work_on.iter().position(|m| !m.essential).unwrap_or(5);
    assert!(summary.plan.work_on[first_optional..].iter().all(|m| !m.essential), "essential first");
    // Strengths are what the person has: a marked function of the goal comes first.
    let marked = s.marks.iter().find(|m| m.level == MarkLevel::Has).unwrap();
    assert_eq!(summary.plan.strengths[0], marked.text);
}

/// The QR code holds the first chosen program's address, else the office's, else there is none.
#[test]
fn the_qr_code_points_to_the_first_program_or_the_office() {
    let program_url = plan_set().program(PROGRAMS[0]).unwrap().url.clone().unwrap();
    let html = render(&typical(), plan_set(), Lang::Es, Format::Html);
    assert!(html.contains(&rumbo::export::qr::svg(&program_url).unwrap()), "{html}");
    assert_eq!(html.matches("<svg").count(), 1);

    let bare = bare_set();
    let html = render(&typical(), &bare, Lang::Es, Format::Html);
    let office_url = office().website.unwrap();
    assert!(html.contains(&rumbo::export::qr::svg(&office_url).unwrap()), "{html}");

    let options = Options::new(Lang::Es, Format::Html, NotesChoice::All);
    let html = render_with(&typical(), &bare, &jiff::tz::TimeZone::UTC, &options);
    assert!(!html.contains("<svg"), "no address, no code");
}

/// The built-in catalog without details and without any program: no goal has one.
fn bare_set() -> CatalogSet {
    let mut loaded = catalog::load_files(vec![catalog::builtin_file()]).unwrap();
    loaded[0].catalog.programs.clear();
    CatalogSet::new(loaded.into_iter().map(|l| l.catalog).collect())
}

#[test]
fn a_goal_with_no_program_says_to_ask_at_the_office() {
    let mut s = typical();
    s.shortlist.clear();
    let md = render(&s, &bare_set(), Lang::Es, Format::Markdown);
    let title = plan_set().occupation(GOAL).unwrap().title.clone();
    assert!(
        md.contains(&format!(
            "Para «{title}» no hay programas en el catálogo: pregunte en la oficina de empleo."
        )),
        "{md}"
    );
    let html = render(&s, &bare_set(), Lang::En, Format::Html);
    assert!(html.contains("the catalog has no programs: ask at the employment office."), "{html}");
}

/// The plan is in the person's language when the profile names one, whatever the interface speaks.
#[test]
fn the_plan_speaks_the_persons_language() {
    let mut s = typical();
    s.profile.plan_language = Some(Lang::En);
    let md = render(&s, plan_set(), Lang::Es, Format::Markdown);
    assert!(md.starts_with("# Work plan\n"), "{md}");
    assert!(md.contains(&format!("**Follow-up:** {FOLLOW_UP_EN}")), "{md}");
    assert!(
        md.contains("1. 5 March 2027 — Inscribirse en Telemercadeo (SENA) (you). What to bring:"),
        "{md}"
    );
    let json: serde_json::Value =
        serde_json::from_str(&render(&s, plan_set(), Lang::Es, Format::Json)).unwrap();
    assert_eq!(json["language"], "en");
}

/// Only the goals and what the counselor added are explored: an occupation with only shared
/// competencies, or one whose function was marked but never added, stays off the plan.
#[test]
fn only_goals_and_added_occupations_are_explored() {
    let mut s = typical();
    crate::export_support::mark(
        &mut s,
        rumbo::session::MarkKind::Function,
        "mer-01",
        Some("mercaderista-impulsador"),
        MarkLevel::Has,
    );
    let summary =
        rumbo::export::summarize(&s, plan_set(), Lang::Es, NotesChoice::All, &jiff::tz::TimeZone::UTC);
    let ids: Vec<&str> = summary.occupations.iter().map(|o| o.id.as_str()).collect();
    assert_eq!(ids, vec![GOAL, GOAL_2]);
    s.explored.push("mercaderista-impulsador".into());
    let summary =
        rumbo::export::summarize(&s, plan_set(), Lang::Es, NotesChoice::All, &jiff::tz::TimeZone::UTC);
    let ids: Vec<&str> = summary.occupations.iter().map(|o| o.id.as_str()).collect();
    assert_eq!(ids, vec![GOAL, GOAL_2, "mercaderista-impulsador"]);
}

/// `rumbo export --format html` puts config.ron's office on page 1, with its web address as the QR code
/// when the chosen program has none.
#[test]
fn rumbo_export_prints_the_office_and_its_code() {
    use crate::common::{rumbo, stderr, stdout};
    let home = tempfile::tempdir().unwrap();
    let session = crate::export_support::session();
    rumbo::session::SessionStore::open(&home.path().join("data")).unwrap().save(&session).unwrap();
    std::fs::create_dir_all(home.path().join("config")).unwrap();
    let config = r#"Config(office: (name: "Agencia Kennedy", website: "https://kennedy.example.org", front_desk: "Mostrador 2"))"#;
    std::fs::write(home.path().join("config").join("config.ron"), config).unwrap();
    let out = rumbo(home.path(), &["export", &session.id, "--format", "html", "-o", "-"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let html = stdout(&out);
    let page_one = &html[..html.find("<section class=\"details\">").unwrap()];
    assert!(page_one.contains("<address><strong>Dónde:</strong> Agencia Kennedy<br>"), "{page_one}");
    assert!(page_one.contains("Turnos: Mostrador 2"), "{page_one}");
    assert!(page_one.contains(&rumbo::export::qr::svg("https://kennedy.example.org").unwrap()), "{page_one}");
}
