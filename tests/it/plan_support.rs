//! Fixtures of the plan the person takes home (issue 13): the office, the built-in BPO catalog with
//! program details as a format-3 catalog gives them, a typical session (2 goals, 3 programs with every
//! detail, 5 steps, a follow-up date) and a hostile one. Deterministic: fixed ids and times, UTC.
#![allow(dead_code, clippy::unwrap_used, clippy::expect_used)]

use crate::export_support::{at, mark};
use jiff::civil::Date;
use rumbo::catalog::{self, CatalogSet, Modality};
use rumbo::config::Office;
use rumbo::export::{Format, NotesChoice, Options, render_with};
use rumbo::i18n::Lang;
use rumbo::session::{MarkKind, MarkLevel, Session, Step, StepKind, StepStatus, Who};
use std::sync::OnceLock;

pub const GOAL: &str = "auxiliar-servicio-cliente";
pub const GOAL_2: &str = "vendedor-ventas-no-tecnicas";
pub const FOLLOW_UP_ES: &str = "15 de marzo de 2027";
pub const FOLLOW_UP_EN: &str = "15 March 2027";
pub const PROGRAMS: [&str; 3] =
    ["sena-telemarketing", "incap-call-center", "gente-estrategica-contact-center"];

pub fn office() -> Office {
    Office {
        id: Some("kennedy-1".into()),
        name: Some("Agencia Pública de Empleo — Kennedy".into()),
        address: Some("Avenida Carrera 86 # 40-50 Sur, local 3".into()),
        phone: Some("601 555 0100 ext. 12".into()),
        hours: Some("Lunes a viernes, 7:00 a. m. a 4:00 p. m.".into()),
        website: Some("https://empleo.example.gov.co/kennedy".into()),
        email: Some("kennedy@empleo.example.gov.co".into()),
        front_desk: Some("Mostrador 2, primer piso".into()),
    }
}

/// The built-in BPO catalog whose three programs of the fixture have every detail.
pub fn plan_set() -> &'static CatalogSet {
    static SET: OnceLock<CatalogSet> = OnceLock::new();
    SET.get_or_init(|| {
        let mut loaded = catalog::load_files(vec![catalog::builtin_file()]).unwrap();
        for p in loaded[0].catalog.programs.iter_mut().filter(|p| PROGRAMS.contains(&p.id.as_str())) {
            p.url = Some(format!("https://formacion.example.edu.co/programas/{}", p.id));
            p.contact = Some("Línea 601 555 0199, inscripciones@formacion.example.edu.co".into());
            p.duration = Some("6 meses (480 horas)".into());
            p.modality = Some(Modality::Mixta);
            p.cost = Some("Gratuito para personas inscritas en la Agencia Pública de Empleo".into());
            p.requirements =
                Some("Bachillerato terminado, documento de identidad y prueba de ingreso".into());
            p.schedule = Some("Lunes a viernes, 6:00 p. m. a 10:00 p. m.".into());
        }
        CatalogSet::new(loaded.into_iter().map(|l| l.catalog).collect())
    })
}

fn step(text: &str, who: Who, date: Option<Date>, bring: &[&str], kind: StepKind) -> Step {
    Step {
        text: text.into(),
        who,
        date,
        status: StepStatus::Pendiente,
        bring: bring.iter().map(|b| b.to_string()).collect(),
        kind,
    }
}

fn day(y: i16, m: i8, d: i8) -> Date {
    Date::new(y, m, d).unwrap()
}

/// A typical session of the cashier case: 2 goals, 3 programs with every detail, 5 steps.
pub fn typical() -> Session {
    let set = plan_set();
    let created = at("2027-03-01T14:30:00Z");
    let mut s = Session::new("Ana María", "Luz Stella Gómez", created, set).unwrap();
    s.id = "p1an0000typ1".into();
    s.updated = at("2027-03-01T15:45:00Z");
    s.consent = Some(rumbo::session::Consent {
        given_at: at("2027-03-01T14:31:00Z"),
        text_version: "consentimiento-v1".into(),
    });
    for (id, level) in
        [("asc-01", MarkLevel::Has), ("asc-05", MarkLevel::Has), ("asc-06", MarkLevel::InDevelopment)]
    {
        mark(&mut s, MarkKind::Function, id, Some(GOAL), level);
    }
    mark(&mut s, MarkKind::Function, "vnt-13", Some(GOAL_2), MarkLevel::Has);
    mark(&mut s, MarkKind::Competency, "trabajo-bajo-presion", None, MarkLevel::Has);
    mark(&mut s, MarkKind::Competency, "actitud-de-servicio", None, MarkLevel::Has);
    mark(&mut s, MarkKind::Competency, "interaccion-social", None, MarkLevel::InDevelopment);
    s.goals = vec![GOAL.into(), GOAL_2.into()];
    for id in PROGRAMS {
        let p = set.program(id).unwrap();
        s.toggle_shortlist(id, &format!("{} — {}", p.institution, p.name));
    }
    s.set_notes("Le interesa el turno de la tarde.\nVive en Kennedy; prefiere no cruzar la ciudad.");
    s.set_occupation_note(GOAL, "Atendió público dos años en una droguería del barrio.");
    let enrol = |id: &str| StepKind::Enrol { program: id.into() };
    s.steps = vec![
        step(
            "Inscribirse en Telemercadeo (SENA)",
            Who::Persona,
            Some(day(2027, 3, 5)),
            &["Documento de identidad", "Diploma de bachiller"],
            enrol(PROGRAMS[0]),
        ),
        step(
            "Inscribirse en Técnico laboral en atención en Call Center (INCAP)",
            Who::Persona,
            Some(day(2027, 3, 8)),
            &["Documento de identidad", "Certificado de estudios"],
            enrol(PROGRAMS[1]),
        ),
        step(
            "Certificar la experiencia de cajera con el empleador anterior",
            Who::Persona,
            Some(day(2027, 3, 10)),
            &["Certificado laboral"],
            StepKind::CertifyExperience,
        ),
        step(
            "Actualizar la hoja de vida en el Servicio Público de Empleo",
            Who::Orientador,
            Some(day(2027, 3, 2)),
            &[],
            StepKind::RegisterCv,
        ),
        step(
            "Cita de seguimiento con la orientadora",
            Who::Orientador,
            Some(day(2027, 3, 15)),
            &["Este plan"],
            StepKind::FollowUp,
        ),
    ];
    s.follow_up = Some(day(2027, 3, 15));
    s
}

pub const HOSTILE_NOTE_CHARS: usize = 10_000;

/// [`typical`] whose every text tries to get out: a script alias, a right-to-left override and
/// terminal escapes in the counselor and the steps, a 10,000-character note, and a program whose name
/// and address are 2,000 characters each (set on the catalog after loading, as no catalog file may).
pub fn hostile() -> (Session, CatalogSet) {
    let mut loaded = catalog::load_files(vec![catalog::builtin_file()]).unwrap();
    let long_name = format!("<script>alert(1)</script>{}", "Programa larguísimo ".repeat(100));
    let long_url = format!("https://malo.example/{}", "a".repeat(2000 - 21));
    for p in loaded[0].catalog.programs.iter_mut().filter(|p| PROGRAMS.contains(&p.id.as_str())) {
        p.name = long_name.chars().take(2000).collect();
        p.url = Some(long_url.clone());
        p.contact = Some("\u{1b}[31m<img src=x onerror=alert(1)>\u{202E}".into());
        p.requirements = Some("palabra".repeat(300));
    }
    let set = CatalogSet::new(loaded.into_iter().map(|l| l.catalog).collect());
    let mut s = typical();
    s.alias = "<script>alert(1)</script>".into();
    s.counselor = "Luz\u{202E} <b onmouseover=alert(1)>Gómez</b>\u{1b}]8;;http://x\u{7}".into();
    let note: String =
        "Nota \u{1b}[2J<script>x</script> \u{202E}larga ".chars().cycle().take(HOSTILE_NOTE_CHARS).collect();
    s.notes = note.clone();
    s.occupation_notes.insert(GOAL.into(), note);
    s.steps[0].text = format!("\u{1b}[31m<script>alert(1)</script>\u{202E}{}", "paso ".repeat(400));
    s.steps[0].bring = vec!["x".repeat(2000), "<img src=x>".into()];
    (s, set)
}

pub fn render(session: &Session, set: &CatalogSet, lang: Lang, format: Format) -> String {
    render_for(session, set, lang, format, &office())
}

pub fn render_for(
    session: &Session,
    set: &CatalogSet,
    lang: Lang,
    format: Format,
    office: &Office,
) -> String {
    let options = Options::new(lang, format, NotesChoice::All).with_office(office);
    render_with(session, set, &jiff::tz::TimeZone::UTC, &options)
}

/// An office whose address runs on (as a careless config.ron could have it).
pub fn long_office() -> Office {
    let address =
        format!("Avenida Carrera 86 # 40-50 Sur, {}fin de la dirección", "bloque interior ".repeat(30));
    Office { address: Some(address), ..office() }
}

/// A plan at every limit at once: the longest names, 2 goals whose titles run on and which no program
/// serves, 4 chosen programs with every detail at 2,000 characters, 8 steps of 300 characters each with
/// five things to bring, every office key long. Page 1 must still hold the plan.
pub fn at_every_limit() -> (Session, CatalogSet, Office) {
    let long = |what: &str, n: usize| -> String {
        format!("{what} ").repeat(n / (what.len() + 1) + 1).chars().take(n).collect()
    };
    let mut loaded = catalog::load_files(vec![catalog::builtin_file()]).unwrap();
    let chosen =
        ["sena-telemarketing", "incap-call-center", "gente-estrategica-contact-center", "cafam-ventas"];
    let catalog = &mut loaded[0].catalog;
    for o in catalog.occupations.iter_mut().filter(|o| o.id == GOAL || o.id == GOAL_2) {
        o.title = long(&o.title, 500);
    }
    for p in catalog.programs.iter_mut() {
        // No program serves the goals: the plan says to ask at the office, for each.
        p.occupations = vec!["mercaderista-impulsador".into()];
        if chosen.contains(&p.id.as_str()) {
            p.name = long("Programa de nombre larguísimo", 2000);
            p.institution = long("Institución", 500);
            p.level = long("Nivel", 300);
            p.url = Some(format!("https://x.example/{}", "a".repeat(1980)));
            p.contact = Some(long("contacto", 2000));
            p.duration = Some(long("duración", 2000));
            p.modality = Some(Modality::Virtual);
            p.cost = Some(long("costo", 2000));
            p.requirements = Some(long("requisito", 2000));
            p.schedule = Some(long("horario", 2000));
        }
    }
    let set = CatalogSet::new(loaded.into_iter().map(|l| l.catalog).collect());
    let mut s = typical();
    s.alias = long("Alias", 300);
    s.counselor = long("Orientadora", 300);
    s.shortlist.clear();
    for id in chosen {
        s.toggle_shortlist(id, id);
    }
    let text = long("Paso con mucho que decir", 300);
    let bring: Vec<String> = (0..5).map(|i| long(&format!("documento{i}"), 300)).collect();
    s.steps = (0..8)
        .map(|d| Step {
            text: text.clone(),
            who: Who::Orientador,
            date: Some(day(2027, 3, 20 + d)),
            status: StepStatus::Hecho,
            bring: bring.clone(),
            kind: StepKind::Own,
        })
        .collect();
    s.steps[1].text = "Segundo paso".into();
    let field = |what: &str| Some(long(what, 300));
    let office = Office {
        id: field("codigo"),
        name: field("Oficina"),
        address: field("Calle"),
        phone: field("601"),
        hours: field("Horario"),
        website: Some(format!("https://oficina.example/{}", "b".repeat(280))),
        email: field("correo"),
        front_desk: field("Mostrador"),
    };
    (s, set, office)
}
