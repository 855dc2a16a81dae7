//! Snapshots of the best-fit view (`m`) with BPO and CUOC 2025 loaded, in Spanish and English, at 80×24
//! and 120×40: the cashier case, the same under both filters, and nothing marked yet.

use crate::best_fit::{cashier, cuoc_bpo, press, workspace};
use crossterm::event::KeyCode;
use rumbo::app::{Model, Screen};
use rumbo::i18n::Lang;
use rumbo::session::{BestFilter, Session};

fn snap(name: &str, build: fn(Lang, (u16, u16)) -> Model) {
    crate::ui_snapshots::snap_sized(&format!("best_fit_{name}"), build);
}

fn opened(session: Session, lang: Lang, size: (u16, u16)) -> Model {
    let mut model = workspace(session, lang, size);
    model.now = crate::ui_snapshots::now();
    press(&mut model, KeyCode::Char('m'));
    model
}

#[test]
fn best_fit_cashier() {
    snap("cashier", |lang, size| opened(cashier(&cuoc_bpo().0), lang, size));
}

#[test]
fn best_fit_filtered() {
    snap("filtered", |lang, size| {
        let mut model = opened(cashier(&cuoc_bpo().0), lang, size);
        if let Screen::Workspace(ws) = &mut model.screen {
            ws.best_filter = BestFilter { level: Some(2), sector: Some("cuoc-area-comp".into()) };
        }
        // The second row selected: the highlight moves off the first.
        press(&mut model, KeyCode::Down);
        model
    });
}

#[test]
fn best_fit_nothing_marked() {
    snap("nothing_marked", |lang, size| {
        let set = cuoc_bpo().0;
        opened(Session::new("Ana", "Luz", "2026-03-02T14:30:00Z".parse().unwrap(), &set).unwrap(), lang, size)
    });
}
