//! Page 1 of the summary: the plan the person acts on — the goals and how far along they are, a few
//! strengths and things to work on, the chosen programs with their details, the steps, the follow-up
//! date and where the office is. Computed once here; the writers only lay it out.

use super::summary::MissingItem;
use crate::catalog::{CatalogSet, Importance};
use crate::session::{MarkLevel, Session, StepStatus, Who, fit};
use crate::text::sanitize_line;
use jiff::civil::Date;
use serde::Serialize;

/// At most this many strengths and things to work on: the plan is one page.
pub const MAX_STRENGTHS: usize = 5;
pub const MAX_WORK_ON: usize = 5;

#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Plan {
    /// The session's goals; with none, the explored occupation that fits best stands in
    /// (`goal_is_best_fit`).
    pub goals: Vec<GoalSummary>,
    pub goal_is_best_fit: bool,
    pub strengths: Vec<String>,
    /// Essential first.
    pub work_on: Vec<MissingItem>,
    /// Titles of the goals no program of any loaded catalog serves: the plan says to ask at the office.
    pub without_program: Vec<String>,
    /// The session's own steps and follow-up date: the JSON has them in the session.
    #[serde(skip)]
    pub steps: Vec<StepSummary>,
    #[serde(skip)]
    pub follow_up: Option<Date>,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct GoalSummary {
    pub id: String,
    pub title: String,
    pub fit: u8,
    /// Essential items (functions and competencies) the person has, has under way, and in all: what
    /// the fit counts, said in plain words ("ya sabe hacer 7 de las 12 cosas…").
    pub has: usize,
    pub developing: usize,
    pub essential: usize,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct StepSummary {
    pub text: String,
    pub who: Who,
    pub date: Option<Date>,
    pub done: bool,
    pub bring: Vec<String>,
}

/// The plan of `session`. `best` is the explored occupation that fits best, standing in for a goal
/// when the session names none (older sessions).
pub fn plan(session: &Session, set: &CatalogSet, best: Option<&str>) -> Plan {
    let named: Vec<&str> =
        session.goals.iter().map(String::as_str).filter(|g| set.occupation(g).is_some()).collect();
    let goal_is_best_fit = named.is_empty() && best.is_some();
    let goal_ids: Vec<&str> = if named.is_empty() { best.into_iter().collect() } else { named };

    let mut goals = Vec::new();
    // One list per goal, taken in turns, so that each goal gets its share of the five lines.
    let (mut has_by_goal, mut missing_by_goal) = (Vec::new(), Vec::new());
    let (mut missing_optional, mut developing) = (Vec::new(), Vec::new());
    let mut without_program = Vec::new();
    let item = |i: &crate::session::FitItem| MissingItem {
        text: i.text.clone(),
        essential: i.importance == Importance::Essential,
    };
    for id in &goal_ids {
        let (Some(o), Some(f)) = (set.occupation(id), fit(session, set, id)) else { continue };
        let essential = |items: &[crate::session::FitItem]| {
            items.iter().filter(|i| i.importance == Importance::Essential).count()
        };
        let (has, dev, miss) = (essential(&f.has), essential(&f.developing), essential(&f.missing));
        goals.push(GoalSummary {
            id: o.id.clone(),
            title: o.title.clone(),
            fit: f.percent,
            has,
            developing: dev,
            essential: has + dev + miss,
        });
        has_by_goal.push(f.has.iter().map(|i| i.text.clone()).collect::<Vec<_>>());
        let (essential_missing, optional): (Vec<MissingItem>, Vec<MissingItem>) =
            f.missing.iter().map(item).partition(|m| m.essential);
        missing_by_goal.push(essential_missing);
        missing_optional.extend(optional);
        developing.extend(f.developing.iter().map(item));
        if set.programs_for(id).is_empty() {
            without_program.push(o.title.clone());
        }
    }
    // What is missing and essential first, then what is under way (essential first), then the optional.
    let mut work_on = in_turns(missing_by_goal);
    developing.sort_by_key(|m| !m.essential);
    work_on.extend(developing);
    work_on.extend(missing_optional);
    dedup_by(&mut work_on, |m| m.text.clone());
    work_on.truncate(MAX_WORK_ON);
    let mut strengths = in_turns(has_by_goal);
    // Competencies the person has round the strengths out when the goals' own items are few.
    for mark in session.marks.iter().filter(|m| m.level == MarkLevel::Has) {
        if mark.kind == crate::session::MarkKind::Competency {
            let name = set
                .competency_or_same(&mark.id)
                .map_or_else(|| sanitize_line(&mark.text), |c| c.name.clone());
            strengths.push(name);
        }
    }
    dedup_by(&mut strengths, String::clone);
    strengths.truncate(MAX_STRENGTHS);

    let steps = session
        .steps
        .iter()
        .map(|s| StepSummary {
            text: sanitize_line(&s.text),
            who: s.who,
            date: s.date,
            done: s.status == StepStatus::Hecho,
            bring: s.bring.iter().map(|b| sanitize_line(b)).filter(|b| !b.trim().is_empty()).collect(),
        })
        .collect();
    Plan { goals, goal_is_best_fit, strengths, work_on, without_program, steps, follow_up: session.follow_up }
}

/// The best-ranked occupation in which the person holds a function (marked at either level); ties go
/// to the first marked.
pub fn best_held(session: &Session, set: &CatalogSet) -> Option<String> {
    let mut best: Option<(String, (bool, u8))> = None;
    for id in session.marks.iter().filter_map(|m| m.occupation.as_deref()) {
        let Some(f) = fit(session, set, id) else { continue };
        let rank = f.standing.rank();
        if f.standing.holds_function && best.as_ref().is_none_or(|(_, r)| rank > *r) {
            best = Some((id.to_string(), rank));
        }
    }
    best.map(|(id, _)| id)
}

/// The first of each list, then the second of each, and so on.
fn in_turns<T>(lists: Vec<Vec<T>>) -> Vec<T> {
    let mut iters: Vec<_> = lists.into_iter().map(Vec::into_iter).collect();
    let mut out = Vec::new();
    loop {
        let before = out.len();
        out.extend(iters.iter_mut().filter_map(Iterator::next));
        if out.len() == before {
            return out;
        }
    }
}

fn dedup_by<T>(items: &mut Vec<T>, key: impl Fn(&T) -> String) {
    let mut seen = std::collections::HashSet::new();
    items.retain(|i| seen.insert(key(i)));
}

/// `text` cut to at most `max` characters at a word boundary, with "…"; and whether it was cut. Page 1
/// keeps its length this way (the whole text is on the following pages), never by shrinking the type.
pub fn clip(text: &str, max: usize) -> (String, bool) {
    if text.chars().count() <= max {
        return (text.to_string(), false);
    }
    let cut: String = text.chars().take(max.saturating_sub(1)).collect();
    let at_word = match cut.rfind(' ') {
        Some(at) if at > cut.len() / 2 => &cut[..at],
        _ => cut.as_str(),
    };
    (format!("{}…", at_word.trim_end_matches([' ', ',', ';', '.', ':'])), true)
}

#[cfg(test)]
mod tests {
    use super::{clip, in_turns};

    #[test]
    fn each_goal_gets_its_turn() {
        assert_eq!(in_turns(vec![vec![1, 3, 5, 6], vec![2, 4]]), vec![1, 2, 3, 4, 5, 6]);
        assert_eq!(in_turns::<u8>(vec![vec![], vec![]]), Vec::<u8>::new());
    }

    #[test]
    fn clip_cuts_at_a_word_and_says_so() {
        assert_eq!(clip("corto", 10), ("corto".to_string(), false));
        assert_eq!(
            clip("una frase bastante larga, de verdad", 20),
            ("una frase bastante…".to_string(), true)
        );
        let (long, cut) = clip(&"x".repeat(2000), 50);
        assert!(cut && long.chars().count() == 50 && long.ends_with('…'));
    }
}
