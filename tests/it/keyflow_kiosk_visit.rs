//! Issue 14, a kiosk visitor's path key by key and click by click: welcome and language, alias and an
//! explicit consent choice, a job title or a sector, one question at a time, the results, "Terminar"
//! confirmed, the code and where to take it; the code in the header once saved; the idle summary.
#![allow(clippy::unwrap_used, clippy::expect_used)] // tests fail loudly by design

use crate::kiosk_visit_support::{Visitor, flat};
use crossterm::event::KeyCode;
use rumbo::app::Screen;
use rumbo::app::kiosk_visit::Step;

#[test]
fn scratch_print() {
    let dir = tempfile::tempdir().unwrap();
    let mut v = Visitor::start(dir.path());
    println!("{}", v.text());
    v.begin("Ana", true);
    println!("{}", v.text());
    v.by_title("vendedor");
    println!("{}", v.text());
    v.char('s');
    v.char('a');
    v.char('n');
    println!("{}", v.text());
    v.char('r');
    println!("{}", v.text());
    v.char('t');
    println!("{}", v.text());
    v.char('s');
    println!("{}", v.text());
    let _ = (flat(""), Screen::Welcome, Step::Start, KeyCode::Enter);
}
