//! Issue 14, the Linux console, through the real binary in a terminal (tmux): `TERM=linux` in rumbo's
//! environment, or `--glyphs basico` under any other TERM, and every character on screen is one
//! Debian's `Lat15-Fixed16` console font carries — marks, the search's cursor and all.
#![allow(clippy::unwrap_used, clippy::expect_used)] // tests fail loudly by design

use crate::console_glyphs::{FONT, font_chars};
use crate::e2e_tmux_support::{Env, Rumbo};
use std::collections::BTreeSet;

/// Characters on `screen` the font lacks, each with its line.
fn not_in_font(screen: &str, font: &BTreeSet<char>) -> Vec<String> {
    let mut out = Vec::new();
    for (n, line) in screen.lines().enumerate() {
        for c in line.chars().filter(|&c| c != ' ' && !font.contains(&c)) {
            out.push(format!("line {}: {c:?} in {line:?}", n + 1));
        }
    }
    out
}

/// A session, a function marked en desarrollo and one la tiene, then the search with a query: the screens
/// where ◐, ○, ● and the cursor ▏ would be drawn.
fn screens(app: &Rumbo) -> Vec<String> {
    let mut screens = Vec::new();
    app.new_session("Marisol", "Luz");
    screens.push(app.screen());
    app.keys(&["Tab", "Down", "Enter"]);
    app.wait_for("Espacio marcar");
    app.keys(&["Space"]);
    // en desarrollo, drawn as the console's half-shade on the row and in the legend.
    screens.push(app.wait_screen("a row marked ▒", |s| s.lines().any(|l| l.contains("┃ ▒ "))));
    app.keys(&["Down", "Space", "Space"]);
    screens.push(app.wait_screen("a row marked ●", |s| s.lines().any(|l| l.contains("┃ ● "))));
    app.keys(&["/"]);
    app.wait_for("Buscar en el catálogo");
    app.type_text("cartera");
    screens.push(app.wait_for("/ cartera_"));
    screens
}

#[test]
fn term_linux_and_glyphs_basico_draw_only_what_the_console_font_carries() {
    let Some(font) = font_chars(FONT) else { return };
    let runs: [(&[&str], &[&str]); 2] = [
        (&["TERM=linux"], &["--builtin", "bpo-bogota"]),
        (&[], &["--glyphs", "basico", "--builtin", "bpo-bogota"]),
    ];
    for (extra, args) in runs {
        let Some(env) = Env::new() else { return };
        let app = env.start_with(extra, args);
        let screens = screens(&app);
        for screen in &screens {
            let bad = not_in_font(screen, &font);
            assert!(bad.is_empty(), "{extra:?} {args:?}: not in {FONT}:\n{}\n{screen}", bad.join("\n"));
        }
        assert!(!screens.concat().contains('◐'));
    }
}
