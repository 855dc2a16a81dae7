//! Issue 16: snapshots of «¿Qué le gusta hacer?» at the kiosk (insta + `TestBackend`), at 80×24 and
//! 120×40, in Spanish and English, in the style of `ui_kiosk`: a question with its answer given, the
//! results (three types, the bars, the occupations that go with them) and a flat sheet asked again.
//!
//! Regenerate with `INSTA_UPDATE=always cargo test --test it ui_kiosk_likes`, then read every changed
//! `.snap` as a visitor would.
#![allow(clippy::unwrap_used, clippy::expect_used)] // tests fail loudly by design

use crate::likes_support::{profiled, social_first};
use crate::ui_kiosk::{kiosk_model, press, render, workspace};
use crossterm::event::KeyCode;
use rumbo::app::Model;
use rumbo::app::kiosk_visit::Step;
use rumbo::i18n::Lang;
use rumbo::interests::{QUESTIONS, Riasec};

const SIZES: [(u16, u16); 2] = [(80, 24), (120, 40)];

/// A saved visit on the profiled catalog, on the likes' first question.
fn likes(m: &mut Model) {
    let (set, index) = profiled();
    m.catalog = set;
    m.index = index;
    workspace(m);
    press(m, KeyCode::Down);
    press(m, KeyCode::Down);
    press(m, KeyCode::Enter);
}

fn answer(m: &mut Model, n: usize, sheet: fn(Riasec) -> char) {
    for _ in 0..n {
        let at = m.kiosk.as_ref().unwrap().visit.likes.unwrap().at;
        press(m, KeyCode::Char(sheet(QUESTIONS[at].kind)));
    }
}

/// Twelve answered, then back to the twelfth: «12/48» and the answer given.
fn question(m: &mut Model) {
    likes(m);
    answer(m, 12, social_first);
    press(m, KeyCode::Backspace);
}

fn results(m: &mut Model) {
    likes(m);
    answer(m, 12, social_first);
    press(m, KeyCode::Tab);
    assert_eq!(m.kiosk.as_ref().unwrap().visit.step, Step::LikesResults(0));
}

fn flat(m: &mut Model) {
    likes(m);
    answer(m, 12, |_| '3');
    press(m, KeyCode::Tab);
}

fn snap(name: &str, build: fn(&mut Model)) {
    for lang in [Lang::Es, Lang::En] {
        for (width, height) in SIZES {
            let mut model = kiosk_model(lang);
            model.size = (width, height);
            build(&mut model);
            let terminal = render(&mut model, width, height);
            let code = if lang == Lang::Es { "es" } else { "en" };
            insta::assert_snapshot!(format!("{name}__{code}_{width}x{height}"), terminal.backend());
        }
    }
}

#[test]
fn kiosk_likes_question() {
    snap("kiosk_likes_question", question);
}

#[test]
fn kiosk_likes_results() {
    snap("kiosk_likes_results", results);
}

#[test]
fn kiosk_likes_flat() {
    snap("kiosk_likes_flat", flat);
}
