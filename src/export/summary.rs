//! What a session summary says, computed once from the session and the catalogs; the Markdown, HTML and
//! JSON writers only lay it out. Every text that came from a person passes through `text::sanitize` here.

use crate::catalog::{CatalogSet, Importance, Link, Occupation, short_source};
use crate::i18n::{Lang, fill};
use crate::session::{MarkKind, MarkLevel, Session, fit, gap, orphans};
use crate::text::{sanitize, sanitize_line};
use serde::Serialize;

/// Which of the counselor's notes go into an export. Occupation notes are about the job search; the
/// session notes may hold things the person should not carry around, so they are asked for explicitly.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum NotesChoice {
    All,
    #[default]
    Occupations,
    None,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Summary {
    #[serde(skip)]
    pub lang: Lang,
    pub alias: String,
    pub counselor: String,
    /// The session's date, in the office's time zone.
    pub date: String,
    pub created: jiff::Timestamp,
    pub occupations: Vec<OccupationSummary>,
    pub competencies: Vec<CompetencySummary>,
    /// What a kiosk visitor answered "Todavía no" to (issue 14), for the desk: not marks, so not in the
    /// fit; the JSON has them in its session copy (`answered_no`).
    #[serde(skip)]
    pub not_yet: Vec<String>,
    /// The person's past jobs ("Experiencia"), in the order added (schema 2).
    pub past_jobs: Vec<super::experience::PastJobSummary>,
    pub shortlisted: Vec<ProgramSummary>,
    pub recommended: Vec<ProgramSummary>,
    pub notes: Option<String>,
    pub next_steps: Vec<String>,
    pub catalogs: Vec<CatalogSummary>,
    /// Marks on items no longer in the catalog: kept and shown, never dropped.
    pub orphans: Vec<String>,
    /// Page 1: the plan (schema 2; the JSON of schema 1 leaves it out).
    pub plan: super::plan::Plan,
    /// The session's date in words ("2 de marzo de 2026"), for the person's pages.
    #[serde(skip)]
    pub date_words: String,
    /// Issue 13: the office (`office:` of config.ron), from the export's [`super::Options`]; left out of
    /// the JSON when config.ron names none.
    #[serde(skip_serializing_if = "crate::config::Office::is_empty")]
    pub office: crate::config::Office,
    /// The plan: profile, contact (with consent only), goals, steps, follow-up (schema 2, issue 13).
    #[serde(flatten)]
    pub record: super::plan_data::PlanSummary,
    /// Issue 16: what the person likes (their answers' scores, code and suggestions), for the HTML plan;
    /// the JSON has its own `interests`.
    #[serde(skip)]
    pub likes: Option<super::plan_likes::LikesPlan>,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct OccupationSummary {
    pub id: String,
    pub title: String,
    /// "CUOC 42220": schema 1's shape, kept as it was.
    pub codes: Vec<String>,
    /// The same codes with whether each equivalence is partial (schema 2).
    pub codes_detail: Vec<CodeSummary>,
    /// Where the occupation comes from, named short: "DANE, CUOC 2025" (schema 2; "" if unknown).
    pub source: String,
    pub fit: u8,
    /// No function of the occupation is marked: its fit comes only from competencies other occupations
    /// share too ("solo competencias compartidas"), and it ranks below every occupation with one.
    pub shared_only: bool,
    /// The ranking key of `session::Standing::rank`; not part of the export's contract.
    #[serde(skip)]
    pub rank: (bool, u8),
    pub has: Vec<String>,
    pub developing: Vec<String>,
    /// Essential first.
    pub missing: Vec<MissingItem>,
    pub note: Option<String>,
}

/// A classification code of an occupation.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct CodeSummary {
    pub system: String,
    pub code: String,
    /// DANE gives the equivalence as partial (the `*` of its tables).
    pub partial: bool,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct MissingItem {
    pub text: String,
    pub essential: bool,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct CompetencySummary {
    pub name: String,
    pub level: MarkLevel,
    /// The ids of the past jobs that marked it, unchanged since (schema 2); empty for the counselor's.
    pub from: Vec<u32>,
    /// Their titles, for the Markdown and HTML lines; the JSON has the ids.
    #[serde(skip)]
    pub from_titles: Vec<String>,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ProgramSummary {
    pub id: String,
    pub institution: String,
    pub name: String,
    pub level: String,
    pub inferred: bool,
    // Issue 13: the catalog's details (format 3), each left out of the JSON when the catalog gives none.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub contact: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub duration: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub modality: Option<crate::catalog::Modality>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub cost: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub requirements: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub schedule: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct CatalogSummary {
    pub id: String,
    pub title: String,
    pub version: String,
    pub sources: Vec<String>,
}

/// The occupations the summary lists: the goals and those the counselor added (for a session from
/// before the plan, what it explored). Competency marks alone count for every occupation, so they do
/// not decide.
pub fn explored(session: &Session, set: &CatalogSet) -> Vec<String> {
    crate::session::plan::explored(session, set)
}

/// What the summary says. It speaks the plan's language (the profile's) when the session names one,
/// else `lang`.
pub fn summarize(
    session: &Session,
    set: &CatalogSet,
    lang: Lang,
    notes: NotesChoice,
    tz: &jiff::tz::TimeZone,
) -> Summary {
    let lang = session.profile.plan_language.unwrap_or(lang);
    // Nothing explored (no goal, nothing added: a kiosk visitor, say): the one occupation the person's
    // marked functions fit best stands in, so what they marked is not lost from the summary.
    let mut listed = explored(session, set);
    if listed.is_empty() {
        listed.extend(super::plan::best_held(session, set));
    }
    let mut occupations: Vec<OccupationSummary> = listed
        .iter()
        .filter_map(|id| {
            let o = set.occupation(id)?;
            let f = fit(session, set, id)?;
            let note = match notes {
                NotesChoice::None => None,
                _ => session.occupation_note(id).map(sanitize).filter(|n| !n.trim().is_empty()),
            };
            Some(OccupationSummary {
                id: o.id.clone(),
                title: o.title.clone(),
                codes: o.codes.iter().map(|c| format!("{} {}", c.system, c.code)).collect(),
                codes_detail: codes_detail(o),
                source: source_of(set, o),
                fit: f.percent,
                shared_only: f.standing.shared_only(),
                rank: f.standing.rank(),
                has: f.has.iter().map(|i| i.text.clone()).collect(),
                developing: f.developing.iter().map(|i| i.text.clone()).collect(),
                missing: f
                    .missing
                    .iter()
                    .map(|i| MissingItem {
                        text: i.text.clone(),
                        essential: i.importance == Importance::Essential,
                    })
                    .collect(),
                note,
            })
        })
        .collect();
    // The goals first, then best first as the app ranks them (holding a function, then the fit); ties
    // keep the order of exploration.
    occupations.sort_by_key(|o| (!session.goals.contains(&o.id), std::cmp::Reverse(o.rank)));

    let competencies = session
        .marks
        .iter()
        .filter(|m| m.kind == MarkKind::Competency)
        .map(|m| {
            let jobs = session.origins(MarkKind::Competency, &m.id);
            CompetencySummary {
                name: set
                    .competency_or_same(&m.id)
                    .map_or_else(|| sanitize_line(&m.text), |c| c.name.clone()),
                level: m.level,
                from: jobs.iter().map(|j| j.id).collect(),
                from_titles: jobs.iter().map(|j| sanitize_line(&j.title)).collect(),
            }
        })
        .collect();
    let past_jobs = super::experience::past_jobs(session, set);
    // The catalog's text when the item is still there, else the one saved with the answer.
    let not_yet = session
        .answered_no
        .iter()
        .map(|a| {
            let current = match a.kind {
                MarkKind::Function => set.function(&a.id).map(|(_, f)| f.text.as_str()),
                MarkKind::Competency => set.competency_or_same(&a.id).map(|c| c.name.as_str()),
            };
            sanitize_line(current.unwrap_or(&a.text))
        })
        .collect();

    let program = |id: &str| {
        set.program(id).map(|p| {
            // Catalog texts are checked when loaded; cleaned again because a plan is printed.
            let text = |t: &Option<String>| t.as_deref().map(sanitize).filter(|t| !t.trim().is_empty());
            ProgramSummary {
                id: p.id.clone(),
                institution: p.institution.clone(),
                name: p.name.clone(),
                level: p.level.clone(),
                inferred: p.link == Link::Inferred,
                url: text(&p.url),
                contact: text(&p.contact),
                duration: text(&p.duration),
                modality: p.modality,
                cost: text(&p.cost),
                requirements: text(&p.requirements),
                schedule: text(&p.schedule),
            }
        })
    };
    let shortlisted: Vec<ProgramSummary> =
        session.shortlist.iter().filter_map(|e| program(&e.program)).collect();
    let mut recommended: Vec<ProgramSummary> = Vec::new();
    for o in occupations.iter().filter(|o| o.missing.iter().any(|m| m.essential)) {
        for p in gap(session, set, &o.id).map(|g| g.programs).unwrap_or_default() {
            let listed = shortlisted.iter().chain(&recommended).any(|x| x.id == p.id);
            if !listed && let Some(summary) = program(&p.id) {
                recommended.push(summary);
            }
        }
    }

    let next_steps = next_steps(lang, &occupations, &shortlisted, &recommended);
    let catalogs = set
        .catalogs()
        .iter()
        .map(|c| CatalogSummary {
            id: c.id.clone(),
            title: c.title.clone(),
            version: c.version.clone(),
            sources: c
                .sources
                .iter()
                .map(|src| {
                    if src.publisher.is_empty() {
                        src.title.clone()
                    } else {
                        format!("{} ({})", src.title, src.publisher)
                    }
                })
                .collect(),
        })
        .collect();
    let session_notes = match notes {
        NotesChoice::All => Some(sanitize(&session.notes)).filter(|n| !n.trim().is_empty()),
        _ => None,
    };
    // With no goal, page 1 speaks of the listed occupation that fits best.
    let plan = super::plan::plan(session, set, occupations.first().map(|o| o.id.as_str()));
    let created_day = session.created.to_zoned(tz.clone()).date();
    Summary {
        lang,
        plan,
        date_words: super::dates::in_words(lang, created_day),
        alias: sanitize_line(&session.alias),
        counselor: sanitize_line(&session.counselor),
        date: session.created.to_zoned(tz.clone()).strftime("%Y-%m-%d").to_string(),
        created: session.created,
        occupations,
        competencies,
        not_yet,
        past_jobs,
        shortlisted,
        recommended,
        notes: session_notes,
        next_steps,
        catalogs,
        orphans: orphans(session, set).iter().map(|m| sanitize_line(&m.text)).collect(),
        office: crate::config::Office::default(),
        record: super::plan_data::plan_summary(session),
        likes: super::plan_likes::likes_plan(session, set),
    }
}

fn next_steps(
    lang: Lang,
    occupations: &[OccupationSummary],
    shortlisted: &[ProgramSummary],
    recommended: &[ProgramSummary],
) -> Vec<String> {
    let s = lang.strings();
    let mut steps: Vec<String> = shortlisted
        .iter()
        .map(|p| fill(s.export_step_program, &[("name", &p.name), ("institution", &p.institution)]))
        .collect();
    if let Some(best) = occupations.first() {
        // Each item quoted: function texts hold commas and semicolons of their own, and unquoted the
        // reader could not tell where one item ends and the next begins.
        let (open, close) = if lang == Lang::En { ('“', '”') } else { ('«', '»') };
        let essentials: Vec<String> = best
            .missing
            .iter()
            .filter(|m| m.essential)
            .take(3)
            .map(|m| format!("{open}{}{close}", m.text.trim_end_matches('.')))
            .collect();
        if !essentials.is_empty() {
            steps.push(fill(
                s.export_step_strengthen,
                &[("title", &best.title), ("items", &essentials.join("; "))],
            ));
        }
    }
    if shortlisted.is_empty() && !recommended.is_empty() {
        steps.push(s.export_step_review.to_string());
    }
    steps.push(s.export_step_return.to_string());
    steps
}

/// Each code of `o`, with whether it is partial.
pub fn codes_detail(o: &Occupation) -> Vec<CodeSummary> {
    let code = |c: &crate::catalog::Code| CodeSummary {
        system: c.system.clone(),
        code: c.code.clone(),
        partial: c.partial,
    };
    o.codes.iter().map(code).collect()
}

/// `o`'s source as the app's detail names it ("DANE, CUOC 2025"); empty when the catalogs lack it.
pub fn source_of(set: &CatalogSet, o: &Occupation) -> String {
    set.source(&o.source).map(short_source).unwrap_or_default()
}

/// "CNO 1353, CUOC 42220 (parcial)": the codes as the app's detail writes them.
pub fn codes_text(lang: Lang, codes: &[CodeSummary]) -> String {
    let partial = lang.strings().code_partial;
    let code = |c: &CodeSummary| {
        if c.partial {
            format!("{} {} ({partial})", c.system, c.code)
        } else {
            format!("{} {}", c.system, c.code)
        }
    };
    codes.iter().map(code).collect::<Vec<_>>().join(", ")
}

/// "Fuente: DANE, CUOC 2025"; `None` when the source is not known.
pub fn source_line(lang: Lang, source: &str) -> Option<String> {
    (!source.is_empty()).then(|| fill(lang.strings().export_source, &[("source", &source)]))
}

/// "Ajuste: 19 %", with "(solo competencias compartidas)" when no function of the occupation is marked.
pub fn fit_line(lang: Lang, o: &OccupationSummary) -> String {
    let s = lang.strings();
    let fit = fill(s.export_fit, &[("percent", &o.fit)]);
    if o.shared_only { format!("{fit} ({})", s.fit_shared_only) } else { fit }
}

/// "Datos: <title>, versión <v>. Fuentes: <sources>." — the stop is left out when the last source title
/// already ends a sentence ("¿Qué es un vendedor de BPO?").
pub fn catalog_line(lang: Lang, c: &CatalogSummary) -> String {
    let sources = c.sources.join("; ");
    let line = fill(
        lang.strings().export_catalog,
        &[("title", &c.title), ("version", &c.version), ("sources", &sources)],
    );
    if line.ends_with(['.', '?', '!']) { line } else { line + "." }
}
