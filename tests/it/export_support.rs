//! Shared by the `export_*` and `sessions_cli` tests: the built-in catalog, a deterministic fixture session
//! (fixed id, timestamps in UTC, consent) and a hostile one whose every text tries to become markup.
#![allow(dead_code, clippy::unwrap_used, clippy::expect_used)] // tests fail loudly by design

use jiff::Timestamp;
use rumbo::catalog::{self, CatalogSet, SourceFile, load_files};
use rumbo::session::{Consent, Focus, Mark, MarkKind, MarkLevel, PastJob, Session, ShortlistEntry};
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

/// The fixture's id: 12 characters like a generated one, so the short id in file names is `k3v9q2`.
pub const ID: &str = "k3v9q2m7xw4p";

/// The built-in catalog, loaded once per test binary.
pub fn set() -> &'static CatalogSet {
    static SET: OnceLock<CatalogSet> = OnceLock::new();
    SET.get_or_init(|| {
        let loaded = catalog::load_files(vec![catalog::builtin_file()]).unwrap();
        CatalogSet::new(loaded.into_iter().map(|l| l.catalog).collect())
    })
}

pub fn at(text: &str) -> Timestamp {
    text.parse().unwrap()
}

/// The text a function or competency has in the built-in catalog, as the app records it in a mark.
fn item_text(kind: MarkKind, id: &str) -> String {
    let set = set();
    match kind {
        MarkKind::Competency => set.competency(id).unwrap().name.clone(),
        MarkKind::Function => {
            set.occupations().flat_map(|o| &o.functions).find(|f| f.id == id).map(|f| f.text.clone()).unwrap()
        }
    }
}

/// Marks `id` at `level` as the app would (Space once: in development; twice: has it).
pub fn mark(session: &mut Session, kind: MarkKind, id: &str, occupation: Option<&str>, level: MarkLevel) {
    let text = item_text(kind, id);
    session.cycle_mark(kind, id, &text, occupation);
    if level == MarkLevel::Has {
        session.cycle_mark(kind, id, &text, occupation);
    }
}

/// A realistic session: Ana María explored customer service (two functions she has, one under way, a
/// note) and non-technical sales (debt collection), marked three competencies (not English, which every
/// occupation lists as optional) and chose one program.
/// Everything time-related is fixed and in UTC.
pub fn session() -> Session {
    let created = at("2026-03-02T14:30:00Z");
    let mut s = Session::new("Ana María", "Luz Stella Gómez", created, set()).unwrap();
    // Saved before the plan (session format 4): no goals, and what it explored counts as added.
    s.format = 3;
    s.id = ID.to_string();
    s.created = created;
    s.updated = at("2026-03-02T15:45:00Z");
    s.consent =
        Some(Consent { given_at: at("2026-03-02T14:31:00Z"), text_version: "consentimiento-v1".into() });
    let asc = Some("auxiliar-servicio-cliente");
    mark(&mut s, MarkKind::Function, "asc-01", asc, MarkLevel::Has);
    mark(&mut s, MarkKind::Function, "asc-05", asc, MarkLevel::Has);
    mark(&mut s, MarkKind::Function, "asc-06", asc, MarkLevel::InDevelopment);
    mark(&mut s, MarkKind::Function, "vnt-13", Some("vendedor-ventas-no-tecnicas"), MarkLevel::Has);
    mark(&mut s, MarkKind::Competency, "trabajo-bajo-presion", None, MarkLevel::Has);
    mark(&mut s, MarkKind::Competency, "actitud-de-servicio", None, MarkLevel::Has);
    mark(&mut s, MarkKind::Competency, "interaccion-social", None, MarkLevel::InDevelopment);
    s.toggle_shortlist("incap-call-center", "INCAP — Técnico laboral en atención en Call Center");
    s.set_notes("Le interesa el turno de la tarde.\nVive en Kennedy; prefiere no cruzar la ciudad.");
    s.set_occupation_note(
        "auxiliar-servicio-cliente",
        "Atendió público dos años en una droguería del barrio.",
    );
    s.focus = Focus { sector: Some("bpo".into()), occupation: Some("vendedor-ventas-no-tecnicas".into()) };
    s
}

/// [`session`] with a past job, as a hand-edited or older catalog could leave it: the BPO catalog has
/// no destrezas, so the job and the origin of one mark are set directly.
pub fn session_with_experience() -> Session {
    let mut s = session();
    s.past_jobs.push(PastJob {
        id: 1,
        title: "Cajera".into(),
        occupation: "auxiliar-servicio-cliente".into(),
        occupation_text: "Auxiliares de información y servicio al cliente".into(),
    });
    let mark = s.marks.iter_mut().find(|m| m.id == "actitud-de-servicio").unwrap();
    mark.from = vec![1];
    s
}

/// The alias of the hostile fixture.
pub const HOSTILE_ALIAS: &str = "<script>alert(1)</script>";

/// Notes that try every way out of plain text: terminal escapes, a right-to-left override, zero-width
/// characters, a link with a `javascript:` target, a heading (also behind indentation), an image, raw
/// HTML with an event handler, an autolink, an entity, a list and a table row.
pub const HOSTILE_NOTES: &str = "Nota \u{1b}[31mroja\u{1b}[0m con \u{202E}invertido\u{202C} y ce\u{200B}ro\u{200D}ancho\n\
[x](javascript:alert(1))\n\
# título falso\n\
\u{20}\u{20}\u{20}## subtítulo sangrado\n\
![img](http://x)\n\
<img src=x onerror=alert(1)>\n\
<https://malo.example> www.malo.example //malo.example &amp; &#x3C;b&#x3E;\n\
1. lista\n\
\u{20}\u{20}- viñeta\n\
| a | b |\n\
---";

/// The hostile texts with their invisible characters removed: what may show up, inert.
pub const HOSTILE_VISIBLE: [&str; 6] = [
    "[x](javascript:alert(1))",
    "# título falso",
    "## subtítulo sangrado",
    "![img](http://x)",
    "<img src=x onerror=alert(1)>",
    "<https://malo.example>",
];

/// A session whose every person-typed text is hostile. The fields are set directly, as a hand-edited or
/// damaged file could hold them, so the export's own cleaning is what is tested (not `set_notes`).
pub fn hostile() -> Session {
    let created = at("2026-03-02T14:30:00Z");
    let mut s = Session::new("placeholder", "", created, set()).unwrap();
    s.id = "h0st1le0000x".to_string();
    s.updated = created;
    s.alias = HOSTILE_ALIAS.to_string();
    s.counselor = "Luz\u{202E} <b onmouseover=alert(1)>Gómez</b>\u{1b}]8;;http://x\u{7}".to_string();
    s.notes = HOSTILE_NOTES.to_string();
    s.occupation_notes.insert("auxiliar-servicio-cliente".into(), HOSTILE_NOTES.to_string());
    s.explored = vec!["auxiliar-servicio-cliente".into()];
    mark(&mut s, MarkKind::Function, "asc-01", Some("auxiliar-servicio-cliente"), MarkLevel::Has);
    // Marks on items the catalog does not have: their saved text is shown (orphans, competencies).
    s.marks.push(Mark {
        kind: MarkKind::Function,
        id: "zz-01".into(),
        text: "# función \u{202E}vieja [x](http://x)".into(),
        occupation: Some("auxiliar-servicio-cliente".into()),
        level: MarkLevel::Has,
        from: vec![],
    });
    s.marks.push(Mark {
        kind: MarkKind::Competency,
        id: "zz-comp".into(),
        text: "<img src=x onerror=alert(1)>\u{200B}".into(),
        occupation: None,
        level: MarkLevel::InDevelopment,
        from: vec![],
    });
    s.shortlist
        .push(ShortlistEntry { program: "incap-call-center".into(), text: "\u{1b}[2J<script>".into() });
    s.consent = Some(Consent { given_at: created, text_version: "v1\u{202E}".into() });
    s
}

/// A catalog small enough for docs/export-json.md's example, with one of everything: an optional
/// competency, a stated and an inferred program.
pub const EXAMPLE_CATALOG: &str = r#"Catalog(
    format: 2,
    id: "ejemplo",
    title: "Catálogo de ejemplo",
    language: "es",
    version: "2026.1",
    sources: [Source(id: "fichas", title: "Fichas ocupacionales", publisher: "Oficina de empleo")],
    sectors: [Sector(id: "bpo", name: "BPO", source: "fichas")],
    competencies: [
        Competency(id: "trabajo-en-equipo", name: "Trabajo en equipo", kind: Skill),
        Competency(id: "ingles", name: "Inglés", kind: Language),
    ],
    occupations: [
        Occupation(
            id: "auxiliar-servicio-cliente",
            sector: "bpo",
            title: "Auxiliares de información y servicio al cliente",
            source: "fichas",
            codes: [Code(system: "CNO", code: "1353")],
            functions: [
                Function(id: "asc-01", text: "Contestar preguntas de clientes."),
                Function(id: "asc-02", text: "Operar medios de comunicación telefónica."),
                Function(id: "asc-03", text: "Registrar la información de la consulta."),
            ],
            competencies: [Need(competency: "trabajo-en-equipo"), Need(competency: "ingles", importance: Optional)],
        ),
    ],
    programs: [
        Program(id: "incap-call-center", institution: "INCAP", name: "Técnico laboral en atención en Call Center",
                level: "Técnico laboral", occupations: ["auxiliar-servicio-cliente"], link: Inferred),
        Program(id: "sena-contact-center", institution: "SENA", name: "Atención en contact center",
                occupations: ["auxiliar-servicio-cliente"]),
    ],
)
"#;

pub fn example_set() -> CatalogSet {
    let file = SourceFile { name: "ejemplo.ron".into(), text: EXAMPLE_CATALOG.to_string() };
    let loaded = load_files(vec![file]).unwrap_or_else(|p| panic!("{p:?}"));
    CatalogSet::new(loaded.into_iter().map(|l| l.catalog).collect())
}

/// The session of the documentation's example.
pub fn example_session(set: &CatalogSet) -> Session {
    let created = at("2026-03-02T14:30:00Z");
    let mut s = Session::new("Ana", "Luz", created, set).unwrap();
    s.id = "k3v9q2m7xw4p".into();
    s.updated = at("2026-03-02T15:45:00Z");
    s.consent =
        Some(Consent { given_at: at("2026-03-02T14:31:00Z"), text_version: "consentimiento-v1".into() });
    let asc = Some("auxiliar-servicio-cliente");
    s.cycle_mark(MarkKind::Function, "asc-01", "Contestar preguntas de clientes.", asc);
    s.cycle_mark(MarkKind::Function, "asc-01", "Contestar preguntas de clientes.", asc);
    s.cycle_mark(MarkKind::Function, "asc-02", "Operar medios de comunicación telefónica.", asc);
    // A past job: it marks the occupation's skill "la tiene" (schema 1 shows the same mark, without origin).
    let occupation = set.occupation("auxiliar-servicio-cliente").unwrap();
    s.add_past_job("Asesora de servicio al cliente", occupation, set);
    // A mark on a function a later catalog dropped: kept, and listed apart.
    s.marks.push(Mark {
        kind: MarkKind::Function,
        id: "asc-09".into(),
        text: "Atender en ventanilla.".into(),
        occupation: asc.map(str::to_string),
        level: MarkLevel::Has,
        from: vec![],
    });
    s.toggle_shortlist("incap-call-center", "INCAP — Técnico laboral en atención en Call Center");
    s.set_notes("Prefiere el turno de la tarde.");
    s.set_occupation_note("auxiliar-servicio-cliente", "Atendió público dos años.");
    s.focus = Focus { sector: Some("bpo".into()), occupation: asc.map(str::to_string) };
    s
}

/// Every file under `dir`, at any depth.
pub fn all_files(dir: &Path) -> Vec<PathBuf> {
    let mut files = Vec::new();
    let Ok(entries) = std::fs::read_dir(dir) else { return files };
    for entry in entries {
        let path = entry.unwrap().path();
        if path.is_dir() { files.extend(all_files(&path)) } else { files.push(path) }
    }
    files.sort();
    files
}
