//! Issue 16: the interest answers are saved in the session (format 6) and the JSON export carries the six
//! scores and the code under schema 2; `--schema 1` leaves both out, as it does `answered_no`.

use crate::export_support;
use rumbo::export::{Format, NotesChoice, render_schema};
use rumbo::i18n::Lang;
use rumbo::interests::{Answer, QUESTIONS, Riasec};
use rumbo::session::{INTERESTS_FORMAT, Session};
use serde_json::Value;

/// The example session with every question answered: Social «Me gusta mucho», Investigative «Me gusta»,
/// Enterprising «Me da igual», the rest «Me disgusta»; one question skipped.
fn answered(set: &rumbo::catalog::CatalogSet) -> Session {
    let mut session = export_support::example_session(set);
    session.format = 5;
    for q in QUESTIONS.iter().skip(1) {
        let answer = match q.kind {
            Riasec::Social => Answer::LikeMuch,
            Riasec::Investigative => Answer::Like,
            Riasec::Enterprising => Answer::Neutral,
            _ => Answer::Dislike,
        };
        assert!(session.set_interest(q.id, Some(answer), set));
    }
    session
}

fn json(session: &Session, set: &rumbo::catalog::CatalogSet, schema: u32) -> Value {
    let text = render_schema(
        session,
        set,
        Lang::Es,
        Format::Json,
        NotesChoice::All,
        &jiff::tz::TimeZone::UTC,
        schema,
    );
    serde_json::from_str(&text).unwrap()
}

#[test]
fn json_schema_2_carries_the_six_scores_and_the_code_and_schema_1_leaves_them_out() {
    let set = export_support::example_set();
    let session = answered(&set);
    assert_eq!(session.format, INTERESTS_FORMAT, "the first answer raises the session to format 6");
    let two = json(&session, &set, 2);
    let interests = &two["summary"]["interests"];
    assert_eq!(interests["code"], "SIE", "{interests}");
    assert_eq!(interests["reading"], "ready");
    assert_eq!(interests["exploratory"], true);
    assert_eq!(interests["answered"], QUESTIONS.len() - 1);
    let scores = &interests["scores"];
    assert_eq!((scores["S"].as_f64(), scores["I"].as_f64()), (Some(7.0), Some(5.5)));
    assert_eq!(
        (scores["E"].as_f64(), scores["R"].as_f64(), scores["C"].as_f64()),
        (Some(4.0), Some(2.5), Some(2.5))
    );
    assert_eq!(two["session"]["interests"]["s-tareas"], "LikeMuch");
    assert!(two["session"]["interests"].get(QUESTIONS[0].id).is_none(), "a skipped question is absent");

    let one = json(&session, &set, 1);
    assert!(one["summary"].get("interests").is_none(), "{}", one["summary"]);
    assert!(one["session"].get("interests").is_none());
}

#[test]
fn a_flat_sheet_is_exported_without_a_code() {
    let set = export_support::example_set();
    let mut session = export_support::example_session(&set);
    for q in QUESTIONS {
        session.set_interest(q.id, Some(Answer::Like), &set);
    }
    let two = json(&session, &set, 2);
    assert_eq!(two["summary"]["interests"]["reading"], "flat");
    assert_eq!(two["summary"]["interests"]["code"], Value::Null);
}

#[test]
fn a_session_without_answers_exports_no_interests() {
    let set = export_support::example_set();
    let two = json(&export_support::example_session(&set), &set, 2);
    assert!(two["summary"].get("interests").is_none() && two["session"].get("interests").is_none());
}

#[test]
fn the_interest_fields_are_documented_in_both_languages() {
    let doc = include_str!("../../docs/export-json.md");
    let (es, en) = doc.split_at(doc.find("\n# ").unwrap());
    for field in ["interests", "exploratory", "answered", "reading", "scores", "code"] {
        assert!(es.contains(&format!("`{field}`")), "{field} in Spanish");
        assert!(en.contains(&format!("`{field}`")), "{field} in English");
    }
}
