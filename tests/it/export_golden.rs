//! Golden files of the session summary: the fixture session in Markdown, HTML and JSON exactly as a person
//! takes it home (Spanish) and as the office's systems read it, plus the English Markdown. Deterministic:
//! fixed id and timestamps, rendered in UTC. Review a changed snapshot as the person reading it would.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use crate::export_support;

use export_support::{ID, session, session_with_experience, set};
use rumbo::export::{Format, NotesChoice, render, render_schema};
use rumbo::i18n::Lang;

fn export(lang: Lang, format: Format, notes: NotesChoice) -> String {
    let text = render(&session(), set(), lang, format, notes, &jiff::tz::TimeZone::UTC);
    // The JSON names the generator's version; the golden file must not change with every release.
    text.replace(&format!("rumbo {}", env!("CARGO_PKG_VERSION")), "rumbo [versión]")
}

#[test]
fn markdown_es() {
    insta::assert_snapshot!("markdown_es", export(Lang::Es, Format::Markdown, NotesChoice::All));
}

#[test]
fn markdown_en_occupation_notes_only() {
    insta::assert_snapshot!("markdown_en", export(Lang::En, Format::Markdown, NotesChoice::Occupations));
}

#[test]
fn html_es() {
    insta::assert_snapshot!("html_es", export(Lang::Es, Format::Html, NotesChoice::All));
}

/// Schema 1 is written exactly as before schema 2 existed: this snapshot is the one rumbo wrote then.
#[test]
fn json_es_schema_1_is_the_old_shape() {
    let text = render_schema(
        &session(),
        set(),
        Lang::Es,
        Format::Json,
        NotesChoice::All,
        &jiff::tz::TimeZone::UTC,
        1,
    );
    let text = text.replace(&format!("rumbo {}", env!("CARGO_PKG_VERSION")), "rumbo [versión]");
    insta::assert_snapshot!("json_es", text);
}

#[test]
fn json_es_schema_2_with_a_past_job() {
    let text = render(
        &session_with_experience(),
        set(),
        Lang::Es,
        Format::Json,
        NotesChoice::All,
        &jiff::tz::TimeZone::UTC,
    );
    let text = text.replace(&format!("rumbo {}", env!("CARGO_PKG_VERSION")), "rumbo [versión]");
    insta::assert_snapshot!("json_es_schema_2", text);
}

/// Markdown and HTML say where the person worked and which competencies that gave.
#[test]
fn markdown_and_html_show_past_jobs_and_where_a_mark_came_from() {
    let md = render(
        &session_with_experience(),
        set(),
        Lang::Es,
        Format::Markdown,
        NotesChoice::All,
        &jiff::tz::TimeZone::UTC,
    );
    insta::assert_snapshot!("markdown_es_experience", md);
    assert!(
        md.contains(
            "## Experiencia\n\n- **Cajera** — Auxiliares de información y servicio al cliente · CNO 1353, CUOC 42220 (parcial)"
        ),
        "{md}"
    );
    assert!(md.contains("- Actitud de servicio — la tiene (de: Cajera)"), "{md}");
    let html = render(
        &session_with_experience(),
        set(),
        Lang::En,
        Format::Html,
        NotesChoice::All,
        &jiff::tz::TimeZone::UTC,
    );
    assert!(html.contains("<h2>Experience</h2>"), "{html}");
    assert!(html.contains("<strong>Cajera</strong> — Auxiliares"), "{html}");
    assert!(html.contains("(from: Cajera)</li>"), "{html}");
    // Without past jobs, the summaries are as they were (the golden files above).
    assert!(!export(Lang::Es, Format::Markdown, NotesChoice::All).contains("Experiencia"));
}

/// What the golden files show, said as plain facts, so a careless snapshot update cannot drop them.
#[test]
fn every_required_part_is_there_in_order() {
    let md = export(Lang::Es, Format::Markdown, NotesChoice::All);
    let parts = [
        // Page 1: the plan. This session (saved before goals existed) has none: its best fit stands in.
        "# Plan de trabajo",
        "2 de marzo de 2026",
        "Ana María",
        "Luz Stella Gómez",
        "## La ocupación que mejor encaja",
        "**Auxiliares de información y servicio al cliente**: ya sabe hacer 4 de las 14 cosas que pide esta ocupación y está aprendiendo 2 más.",
        "no es la probabilidad de que lo contraten",
        "**Sus fortalezas:**",
        "**Para trabajar:**",
        "## Programas elegidos",
        "**Técnico laboral en atención en Call Center** — INCAP · Técnico laboral · _relación inferida_",
        "## Próximos pasos",
        "**Seguimiento:**",
        // Then the details.
        "## Ocupaciones exploradas",
        // Best fit first: customer service (two functions, one under way, two competencies) before sales.
        "### Auxiliares de información y servicio al cliente — Ajuste: ",
        "**Lo que ya tiene:**",
        "**En desarrollo:**",
        "**Lo que le falta:**",
        "Atendió público dos años",
        "### Vendedores de ventas no técnicas — Ajuste: ",
        "## Competencias",
        "Trabajo bajo presión — la tiene",
        "Capacidades sociales de interacción — en desarrollo",
        "## Programas recomendados para cerrar la brecha",
        "## Notas de la sesión",
        "Le interesa el turno de la tarde.",
        "Sector BPO en Bogotá",
        "2026.1",
        "Pactos por el Trabajo decente en Bogotá",
        "Ley 1581 de 2012",
    ];
    let mut from = 0;
    for part in parts {
        let found =
            md[from..].find(part).unwrap_or_else(|| panic!("`{part}` missing or out of order in\n{md}"));
        from += found + part.len();
    }
    // Missing items: essential first (functions, then competencies), the optional one last and said so.
    let sales = &md[md.find("### Vendedores").unwrap()..md.find("## Competencias").unwrap()];
    let missing = &sales[sales.find("**Lo que le falta:**").unwrap()..];
    let order = ["Promover las ventas", "Trabajo en equipo", "- Inglés (bilingüismo) (opcional)\n"];
    let at: Vec<usize> =
        order.iter().map(|t| missing.find(t).unwrap_or_else(|| panic!("{t} in\n{missing}"))).collect();
    assert!(at.windows(2).all(|w| w[0] < w[1]), "{missing}");
}

#[test]
fn only_inferred_links_are_labelled_inferred() {
    // The built-in catalog infers every link; the documentation's small catalog states one.
    let set = export_support::example_set();
    let s = export_support::example_session(&set);
    let tz = jiff::tz::TimeZone::UTC;
    let md = render(&s, &set, Lang::Es, Format::Markdown, NotesChoice::All, &tz);
    assert!(md.contains("\n- **Técnico laboral en atención en Call Center** — INCAP · Técnico laboral · _relación inferida_\n"), "{md}");
    assert!(md.contains("\n- **Atención en contact center** — SENA\n"), "{md}");
    let html = render(&s, &set, Lang::Es, Format::Html, NotesChoice::All, &tz);
    assert!(html.contains("<li><strong>Atención en contact center</strong> — SENA</li>"), "{html}");
    assert_eq!(html.matches("<span class=\"inferred\">relación inferida</span>").count(), 1, "{html}");
    let en = render(&s, &set, Lang::En, Format::Html, NotesChoice::All, &tz);
    assert!(
        en.contains("<span class=\"inferred\">inferred link</span>")
            && en.contains("<li>Inglés (optional)</li>")
    );
}

#[test]
fn fit_order_and_percentages_match_the_session_model() {
    let s = session();
    let summary = rumbo::export::summarize(&s, set(), Lang::Es, NotesChoice::All, &jiff::tz::TimeZone::UTC);
    let fits: Vec<(&str, u8)> = summary.occupations.iter().map(|o| (o.id.as_str(), o.fit)).collect();
    let expect = |id: &str| rumbo::session::fit(&s, set(), id).unwrap().percent;
    assert_eq!(
        fits,
        vec![
            ("auxiliar-servicio-cliente", expect("auxiliar-servicio-cliente")),
            ("vendedor-ventas-no-tecnicas", expect("vendedor-ventas-no-tecnicas")),
        ]
    );
    assert!(fits[0].1 > fits[1].1, "{fits:?}");
    // The shortlisted program is not repeated among the recommended ones; the others for the gaps are.
    let shortlisted: Vec<&str> = summary.shortlisted.iter().map(|p| p.id.as_str()).collect();
    let recommended: Vec<&str> = summary.recommended.iter().map(|p| p.id.as_str()).collect();
    assert_eq!(shortlisted, vec!["incap-call-center"]);
    assert!(!recommended.contains(&"incap-call-center"), "{recommended:?}");
    assert!(recommended.contains(&"sena-telemarketing"), "{recommended:?}");
    assert!(summary.recommended.iter().all(|p| p.inferred), "every link of the built-in catalog is inferred");
}

#[test]
fn the_file_name_follows_the_pattern() {
    let s = session();
    let tz = jiff::tz::TimeZone::UTC;
    assert_eq!(
        rumbo::export::default_name(&s, Format::Markdown, &tz),
        "rumbo-2026-03-02-ana-maria-k3v9q2.md"
    );
    assert_eq!(rumbo::export::default_name(&s, Format::Html, &tz), "rumbo-2026-03-02-ana-maria-k3v9q2.html");
    assert_eq!(rumbo::export::default_name(&s, Format::Json, &tz), "rumbo-2026-03-02-ana-maria-k3v9q2.json");
    assert!(ID.starts_with("k3v9q2"));
    // The date is the office's: 23:30 in Bogotá is already the next day in UTC.
    let mut late = session();
    late.created = "2026-03-03T04:30:00Z".parse().unwrap();
    let bogota = jiff::tz::TimeZone::fixed(jiff::tz::offset(-5));
    assert!(rumbo::export::default_name(&late, Format::Markdown, &bogota).starts_with("rumbo-2026-03-02-"));
}
