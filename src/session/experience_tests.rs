//! Past jobs and the marks they make (issue 12, "Experiencia").

use super::*;
use crate::catalog::{
    Catalog, CatalogSet, Competency, CompetencyKind, Function, Importance, Need, Occupation,
};
use jiff::Timestamp;

fn need(id: &str) -> Need {
    Need {
        competency: id.into(),
        importance: Importance::Essential,
        link: Default::default(),
        same: Vec::new(),
    }
}

fn occupation(id: &str, needs: &[&str]) -> Occupation {
    Occupation {
        id: id.into(),
        sector: "s".into(),
        title: format!("Ocupación {id}"),
        description: String::new(),
        codes: vec![],
        functions: vec![Function {
            id: format!("{id}-1"),
            text: "Cobrar".into(),
            importance: Importance::Essential,
            catch_all: false,
        }],
        competencies: needs.iter().map(|n| need(n)).collect(),
        source: String::new(),
        alt_titles: vec![],
        related: vec![],
        level: 0,
        secondary_sectors: vec![],
        interests: None,
    }
}

fn competency(id: &str, kind: CompetencyKind) -> Competency {
    Competency {
        id: id.into(),
        name: format!("Nombre {id}"),
        kind,
        description: String::new(),
        source: String::new(),
        same_as: Vec::new(),
    }
}

/// Two jobs sharing the skill `d-1`; `cajero` also needs knowledge `k-1` and an attitude `a-1`.
fn set() -> CatalogSet {
    CatalogSet::new(vec![Catalog {
        format: 2,
        id: "t".into(),
        title: "T".into(),
        language: "es".into(),
        version: "1".into(),
        sources: vec![],
        sectors: vec![],
        competencies: vec![
            competency("d-1", CompetencyKind::Skill),
            competency("k-1", CompetencyKind::Knowledge),
            competency("a-1", CompetencyKind::Attitude),
            competency("d-2", CompetencyKind::Skill),
        ],
        occupations: vec![
            occupation("cajero", &["d-1", "k-1", "a-1"]),
            occupation("mesero", &["d-1", "d-2"]),
        ],
        programs: vec![],
    }])
}

fn session(set: &CatalogSet) -> Session {
    let now: Timestamp = "2026-03-02T15:04:05Z".parse().unwrap();
    Session::new("Ana", "", now, set).unwrap()
}

fn competency_marks(s: &Session) -> Vec<(&str, MarkLevel, Vec<u32>)> {
    s.marks
        .iter()
        .filter(|m| m.kind == MarkKind::Competency)
        .map(|m| (m.id.as_str(), m.level, m.from.clone()))
        .collect()
}

#[test]
fn a_past_job_marks_its_skills_and_knowledge_but_not_its_functions_nor_other_kinds() {
    let set = set();
    let mut s = session(&set);
    let id = s.add_past_job("Cajera", set.occupation("cajero").unwrap(), &set);
    assert_eq!(
        s.past_jobs,
        [PastJob {
            id,
            title: "Cajera".into(),
            occupation: "cajero".into(),
            occupation_text: "Ocupación cajero".into()
        }]
    );
    assert_eq!(competency_marks(&s), [("d-1", MarkLevel::Has, vec![id]), ("k-1", MarkLevel::Has, vec![id])]);
    assert_eq!(s.mark_of(MarkKind::Function, "cajero-1"), None, "functions are offered, not marked");
    assert_eq!(s.mark_of(MarkKind::Competency, "a-1"), None);
    assert_eq!(s.origins(MarkKind::Competency, "d-1")[0].title, "Cajera");
}

#[test]
fn removing_a_job_removes_its_unchanged_marks_only() {
    let set = set();
    let mut s = session(&set);
    let cajero = s.add_past_job("Cajera", set.occupation("cajero").unwrap(), &set);
    // The counselor changes k-1: Has → none → in development. Theirs now.
    assert_eq!(s.cycle_mark(MarkKind::Competency, "k-1", "x", None), None);
    s.cycle_mark(MarkKind::Competency, "k-1", "Nombre k-1", None);
    assert!(s.remove_past_job(cajero));
    assert!(s.past_jobs.is_empty());
    assert_eq!(competency_marks(&s), [("k-1", MarkLevel::InDevelopment, vec![])]);
    assert!(!s.remove_past_job(cajero), "gone already");
}

#[test]
fn a_mark_changed_after_the_job_was_added_survives_its_removal() {
    let set = set();
    let mut s = session(&set);
    let cajero = s.add_past_job("Cajera", set.occupation("cajero").unwrap(), &set);
    // Has → (removed) → in development → has: the same level again, but set by the counselor.
    for _ in 0..3 {
        s.cycle_mark(MarkKind::Competency, "d-1", "Nombre d-1", None);
    }
    assert_eq!(s.mark_of(MarkKind::Competency, "d-1"), Some(MarkLevel::Has));
    s.remove_past_job(cajero);
    assert_eq!(competency_marks(&s), [("d-1", MarkLevel::Has, vec![])]);
}

#[test]
fn two_jobs_giving_the_same_skill_removing_one_keeps_the_mark_of_the_other() {
    let set = set();
    let mut s = session(&set);
    let cajero = s.add_past_job("Cajera", set.occupation("cajero").unwrap(), &set);
    let mesero = s.add_past_job("Mesero", set.occupation("mesero").unwrap(), &set);
    assert_ne!(cajero, mesero);
    assert_eq!(competency_marks(&s)[0], ("d-1", MarkLevel::Has, vec![cajero, mesero]));
    s.remove_past_job(cajero);
    assert_eq!(
        competency_marks(&s),
        [("d-1", MarkLevel::Has, vec![mesero]), ("d-2", MarkLevel::Has, vec![mesero])]
    );
    s.remove_past_job(mesero);
    assert!(s.marks.is_empty());
}

#[test]
fn the_counselors_own_mark_is_left_as_it_is() {
    let set = set();
    let mut s = session(&set);
    s.cycle_mark(MarkKind::Competency, "d-1", "Nombre d-1", None);
    let cajero = s.add_past_job("", set.occupation("cajero").unwrap(), &set);
    assert_eq!(s.past_jobs[0].title, "Ocupación cajero", "no title typed: the occupation's");
    assert_eq!(competency_marks(&s)[0], ("d-1", MarkLevel::InDevelopment, vec![]));
    s.remove_past_job(cajero);
    assert_eq!(competency_marks(&s), [("d-1", MarkLevel::InDevelopment, vec![])]);
}

#[test]
fn a_past_job_raises_an_older_session_to_format_3_and_round_trips() {
    let set = set();
    let mut s = session(&set);
    s.format = 2;
    s.add_past_job("Cajera", set.occupation("cajero").unwrap(), &set);
    assert_eq!(s.format, 3, "the format past jobs came in, not the plan's");
    let text = to_text(&s).unwrap();
    assert!(text.contains("past_jobs: [") && text.contains("from: ["), "{text}");
    let back = parse(&s.id, std::path::Path::new("x.ron"), text.as_bytes()).unwrap();
    assert_eq!(back, s);
}

#[test]
fn the_journal_carries_past_jobs_and_origins() {
    let set = set();
    let old = session(&set);
    let mut new = old.clone();
    new.add_past_job("Cajera", set.occupation("cajero").unwrap(), &set);
    let mut replayed = old.clone();
    let mut bytes = journal::header(&old);
    bytes.extend(journal::record(&old, &new).unwrap());
    journal::replay(&mut replayed, &bytes);
    assert_eq!(replayed, new);
}
