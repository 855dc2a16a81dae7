//! Failures travel as typed values — from the runtime through `Msg` into the model — and are put into
//! words only when drawn, in the language of that moment.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use crate::keyflow_support::{App, render};
use rumbo::app::{Failure, Model, Msg, Notice, Overlay};
use rumbo::i18n::{Lang, fill};
use rumbo::session::StoreError;
use std::sync::Arc;

fn flat(model: &Model) -> String {
    render(model).join(" ").replace(['║', '│', '┃'], " ").split_whitespace().collect::<Vec<_>>().join(" ")
}

fn words(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[test]
fn a_session_that_cannot_be_opened_is_said_in_the_language_it_is_shown_in() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = App::start(dir.path());
    app.model.size = (120, 30);
    app.send(Msg::OpenFailed(StoreError::NotFound { id: "a1b2c3".into() }.into()));
    let Some(Notice::OpenFailed(Failure::Store(error))) = &app.model.sessions.notice else {
        panic!("{:?}", app.model.sessions.notice)
    };
    assert!(matches!(**error, StoreError::NotFound { .. }), "the error itself, not its text");
    for lang in [Lang::Es, Lang::En] {
        app.model.lang = lang;
        let said = fill(lang.strings().store_not_found, &[("id", &"a1b2c3")]);
        assert!(flat(&app.model).contains(&words(&said)), "{lang:?}: {}", flat(&app.model));
    }
}

#[test]
fn an_export_that_fails_says_why_in_each_language() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = App::start(dir.path());
    app.new_session("Ana", None, true);
    app.model.size = (120, 40);
    app.char('e');
    let denied = std::io::Error::from(std::io::ErrorKind::PermissionDenied);
    app.send(Msg::Exported(Err(Failure::Export(Arc::new(denied)))));
    let Some(Overlay::Export(dialog)) = &app.ws().overlay else { panic!("the export dialog") };
    assert!(matches!(dialog.outcome, Some(Err(Failure::Export(_)))), "{dialog:?}");
    for lang in [Lang::Es, Lang::En] {
        app.model.lang = lang;
        let detail = std::io::Error::from(std::io::ErrorKind::PermissionDenied);
        let said = fill(lang.strings().export_failed, &[("detail", &detail)]);
        assert!(flat(&app.model).contains(&words(&said)), "{lang:?}: {}", flat(&app.model));
    }
}
