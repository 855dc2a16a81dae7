//! The administrator's PIN is checked (argon2, slow on purpose) on a worker thread: the runner returns at
//! once, the prompt says "comprobando…" until the answer comes back through the loop's channel.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use crate::keyflow_support::{new_model, render};
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use rumbo::app::kiosk::{AdminKey, KioskState};
use rumbo::app::{Model, Msg, Screen};
use rumbo::i18n::Lang;
use rumbo::runtime::Runner;
use rumbo::runtime::events::Incoming;
use std::sync::mpsc::{self, Receiver};
use std::time::Duration;

const PIN: &str = "482193";

fn key(code: KeyCode) -> Msg {
    Msg::Key(KeyEvent::new(code, KeyModifiers::NONE))
}

fn send(runner: &mut Runner, model: &mut Model, msg: Msg) {
    runner.dispatch(model, vec![msg]);
}

fn type_pin(runner: &mut Runner, model: &mut Model, pin: &str) {
    for c in pin.chars() {
        send(runner, model, key(KeyCode::Char(c)));
    }
    send(runner, model, key(KeyCode::Enter));
}

fn flat(model: &Model) -> String {
    render(model).join(" ").replace(['║', '│'], " ").split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The answer the worker sends back, as the loop would receive it.
fn answer(rx: &Receiver<Incoming>) -> Msg {
    match rx.recv_timeout(Duration::from_secs(30)).expect("the check answers") {
        Incoming::Answer(msg) => msg,
        other => panic!("{other:?}"),
    }
}

#[test]
fn the_pin_is_checked_off_the_loop_and_the_prompt_says_comprobando_meanwhile() {
    let dir = tempfile::tempdir().unwrap();
    let mut model = new_model();
    let now = jiff::Timestamp::now();
    let admin = AdminKey::parse("ctrl+alt+a").unwrap();
    model.kiosk = Some(KioskState::new(300, admin, rumbo::kiosk::pin::hash(PIN).unwrap(), now));
    model.screen = Screen::Welcome;
    let mut runner = Runner::new(dir.path()).unwrap();
    let (tx, rx) = mpsc::channel();
    runner.answer_through(tx);
    runner.start(&mut model);
    let admin_key = Msg::Key(KeyEvent::new(KeyCode::Char('a'), KeyModifiers::CONTROL | KeyModifiers::ALT));
    send(&mut runner, &mut model, admin_key);

    // A wrong PIN: the runner is back before the check is done, and the prompt says it is checking.
    type_pin(&mut runner, &mut model, "000000");
    assert!(model.kiosk.as_ref().unwrap().checking, "the check is still running");
    assert!(flat(&model).contains("comprobando…"), "{}", flat(&model));
    model.lang = Lang::En;
    assert!(flat(&model).contains("checking…"), "{}", flat(&model));
    model.lang = Lang::Es;
    let wrong = answer(&rx);
    assert!(matches!(wrong, Msg::PinChecked(false)), "{wrong:?}");
    send(&mut runner, &mut model, wrong);
    assert!(!model.kiosk.as_ref().unwrap().checking);
    let text = flat(&model);
    assert!(text.contains("PIN incorrecto.") && !text.contains("comprobando"), "{text}");

    // The right one: checking, then the answer ends rumbo.
    type_pin(&mut runner, &mut model, PIN);
    assert!(flat(&model).contains("comprobando…"));
    assert!(!runner.wants_quit(), "nothing decided before the answer");
    let right = answer(&rx);
    assert!(matches!(right, Msg::PinChecked(true)), "{right:?}");
    send(&mut runner, &mut model, right);
    assert!(runner.wants_quit());
}

#[test]
fn without_a_channel_the_runner_checks_in_place_as_tests_drive_it() {
    let dir = tempfile::tempdir().unwrap();
    let mut model = new_model();
    let admin = AdminKey::parse("ctrl+alt+a").unwrap();
    let hash = rumbo::kiosk::pin::hash(PIN).unwrap();
    model.kiosk = Some(KioskState::new(300, admin, hash, jiff::Timestamp::now()));
    model.screen = Screen::Welcome;
    let mut runner = Runner::new(dir.path()).unwrap();
    let admin_key = Msg::Key(KeyEvent::new(KeyCode::Char('a'), KeyModifiers::CONTROL | KeyModifiers::ALT));
    send(&mut runner, &mut model, admin_key);
    type_pin(&mut runner, &mut model, PIN);
    assert!(runner.wants_quit());
}
