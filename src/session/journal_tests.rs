#![allow(clippy::unwrap_used)]

use super::journal::{self, Edit, NoteRef, Replayed};
use super::model::{Focus, MarkKind, Session};
use jiff::Timestamp;

fn at(text: &str) -> Timestamp {
    text.parse().unwrap()
}

fn session() -> Session {
    let set = crate::catalog::CatalogSet::new(Vec::new());
    Session::new("Ana", "Luz", at("2026-01-10T09:00:00Z"), &set).unwrap()
}

/// `edit` applied to a copy of `s`, stamped a second later.
fn changed(s: &Session, edit: impl FnOnce(&mut Session)) -> Session {
    let mut next = s.clone();
    edit(&mut next);
    next.touch(next.updated.checked_add(jiff::SignedDuration::from_secs(1)).unwrap());
    next
}

/// Header plus one record per step, as the runtime appends them.
fn journal_of(states: &[Session]) -> Vec<u8> {
    let mut bytes = journal::header(&states[0]);
    for pair in states.windows(2) {
        bytes.extend(journal::record(&pair[0], &pair[1]).unwrap());
    }
    bytes
}

#[test]
fn every_kind_of_edit_replays_to_the_same_session() {
    let s0 = session();
    let s1 = changed(&s0, |s| s.set_notes("Le interesa la tarde."));
    let s2 = changed(&s1, |s| s.set_notes("Le interesa mucho la tarde.\nTiene hijos."));
    let s3 = changed(&s2, |s| {
        s.cycle_mark(MarkKind::Function, "f1", "Uno", Some("o1"));
        s.cycle_mark(MarkKind::Competency, "c1", "Comp", None);
    });
    let s4 = changed(&s3, |s| {
        s.cycle_mark(MarkKind::Function, "f1", "Uno", Some("o1"));
        s.cycle_mark(MarkKind::Competency, "c1", "Comp", None);
        s.cycle_mark(MarkKind::Competency, "c1", "Comp", None);
        s.toggle_shortlist("p1", "SENA — Programa");
        s.set_occupation_note("o1", "arregla computadores");
        s.focus = Focus { sector: Some("bpo".into()), occupation: Some("o1".into()) };
    });
    let s5 = changed(&s4, |s| {
        s.set_occupation_note("o1", "");
        s.set_notes("ñandú 🦆 — fin");
    });
    let states = [s0.clone(), s1, s2, s3, s4, s5.clone()];
    let mut replayed = s0;
    assert_eq!(
        journal::replay(&mut replayed, &journal_of(&states)),
        Replayed::Applied { records: 5, torn: false }
    );
    assert_eq!(replayed, s5);
}

#[test]
fn a_keystroke_in_a_full_note_writes_a_few_bytes() {
    let long: String = "ab cd é\n".chars().cycle().take(63_999).collect();
    let s0 = changed(&session(), |s| s.set_notes(&long));
    let typed: String = long.chars().take(30_000).chain(['x']).chain(long.chars().skip(30_000)).collect();
    let s1 = changed(&s0, |s| s.set_notes(&typed));
    let line = journal::record(&s0, &s1).unwrap();
    assert!(line.len() < 200, "{} bytes: {}", line.len(), String::from_utf8_lossy(&line));
    assert_eq!(
        journal::diff(&s0, &s1),
        [Edit::Splice { note: NoteRef::Session, at: 30_000, remove: 0, insert: "x".into() }]
    );
    let mut replayed = s0.clone();
    journal::replay(&mut replayed, &journal_of(&[s0, s1.clone()]));
    assert_eq!(replayed, s1);
}

#[test]
fn a_torn_last_line_is_ignored_and_the_rest_kept() {
    let s0 = session();
    let s1 = changed(&s0, |s| s.set_notes("uno"));
    let s2 = changed(&s1, |s| s.set_notes("uno dos"));
    let mut bytes = journal_of(&[s0.clone(), s1.clone(), s2]);
    // The kill came in the middle of the last line: every cut of it keeps the first record.
    let last_start = bytes[..bytes.len() - 1].iter().rposition(|&b| b == b'\n').unwrap() + 1;
    for cut in last_start + 1..bytes.len() - 1 {
        let mut replayed = s0.clone();
        let outcome = journal::replay(&mut replayed, &bytes[..cut]);
        assert_eq!(outcome, Replayed::Applied { records: 1, torn: true }, "cut at {cut}");
        assert_eq!(replayed, s1, "cut at {cut}");
    }
    bytes.truncate(last_start);
    let mut replayed = s0.clone();
    assert_eq!(journal::replay(&mut replayed, &bytes), Replayed::Applied { records: 1, torn: false });
}

#[test]
fn a_journal_already_folded_into_the_file_is_stale() {
    let s0 = session();
    let s1 = changed(&s0, |s| s.set_notes("uno"));
    let bytes = journal_of(&[s0, s1.clone()]);
    // The save of s1 landed, the journal was not removed yet: replaying it again would double the text.
    let mut file = s1.clone();
    assert_eq!(journal::replay(&mut file, &bytes), Replayed::Stale);
    assert_eq!(file, s1);
    let mut other = session();
    other.id = "otra".into();
    assert_eq!(journal::replay(&mut other, &bytes), Replayed::Stale);
    assert_eq!(journal::replay(&mut other, b""), Replayed::Nothing);
}

#[test]
fn replayed_text_is_cleaned_like_a_loaded_file() {
    let s0 = session();
    let s1 = changed(&s0, |s| s.notes = "a\u{202e}b\u{7}c".into());
    let mut replayed = s0.clone();
    journal::replay(&mut replayed, &journal_of(&[s0, s1]));
    assert_eq!(replayed.notes, crate::text::sanitize("a\u{202e}b\u{7}c"));
}
