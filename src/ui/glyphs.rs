//! The characters rumbo draws, and what stands in for them on the Linux console.
//!
//! The kiosk runs on `tty1` with `TERM=linux`, where Debian's console fonts (`Lat15-*`, `Uni2-*`,
//! `Uni3-*`) carry Latin-1, box drawing and a few shapes, but no ◐, ○, ▏ or ✓: those show as blots.
//! With [`Glyphs::Basico`] (chosen by `TERM=linux` or `--glyphs basico`) every finished frame goes through
//! [`console_safe`], so *everything* drawn — marks, cursors, borders, translated texts, catalog data and
//! screens added later — is made of characters those fonts carry. Doing it on the frame rather than at
//! each call site keeps a mark and its legend alike, and no new screen can forget it.
//!
//! For new code: never rely on a non-ASCII symbol reaching the console as is. Use one from [`CONSOLE`] or
//! one with an entry in [`FALLBACKS`]; if you need a new symbol, add its console stand-in here (one
//! column wide, like the symbol). The test `console_glyphs::every_symbol_in_the_source_reads_on_the_console`
//! fails on a symbol in `ui/` or `i18n/` that would otherwise become "?".

use ratatui::buffer::Buffer;

/// Which characters the screen may use: every one (`completo`), or only those the Linux console's
/// fonts carry (`basico`).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Glyphs {
    #[default]
    Completo,
    Basico,
}

impl Glyphs {
    /// `--glyphs` wins; without it, the Linux console (`TERM=linux`, as on the kiosk's tty1) gets
    /// `basico` and every other terminal `completo`.
    pub fn choose(flag: Option<Glyphs>, term: Option<&str>) -> Glyphs {
        match (flag, term) {
            (Some(glyphs), _) => glyphs,
            (None, Some(term)) if term == "linux" || term.starts_with("linux-") => Glyphs::Basico,
            (None, _) => Glyphs::Completo,
        }
    }
}

/// The symbols rumbo draws that the console fonts lack, each with a stand-in they carry that reads the
/// same way: the marks keep their order (● full, ▒ half, - nothing), the text cursor becomes the
/// console's own underscore, a check becomes the ballot box with a check (drawn as ✓-like "v" in
/// `Lat15-Fixed16`).
pub const FALLBACKS: &[(char, char)] = &[
    ('◐', '▒'), // mark: en desarrollo
    ('○', '-'), // mark: none (not '·': the legend separates its parts with '·')
    ('▏', '_'), // text cursor
    ('✓', '☑'), // chosen, shortlisted
    ('✔', '☑'),
    ('★', '*'), // the plan's goal
    ('☆', '*'),
    ('◆', '♦'),
    ('◇', '♦'),
    ('□', '☐'),
    ('▪', '■'),
    ('►', '▶'),
    ('◄', '◀'),
    ('⋯', '…'),
    ('⋮', ':'),
    ('▓', '▒'),
    ('▌', '█'),
    ('▐', '█'),
    ('▀', '█'),
    ('▄', '█'),
    ('▕', '|'),
    ('▁', '_'),
    ('√', '☑'),
];

/// What stands in for a character the fonts lack and [`FALLBACKS`] does not know (wide CJK, emoji…).
pub const UNKNOWN: char = '?';

/// Beyond ASCII and Latin-1 (U+00A0–U+00FF, all carried): what `Lat15-Fixed16`, `Uni2-Fixed16` and
/// `Uni3-Fixed16` all carry and is worth drawing. Box drawing U+2500–U+257F is carried whole, apart.
/// Checked against the font files by the test `console_glyphs::the_console_set_is_in_the_font`.
pub const CONSOLE: &str = "ŒœŠšŸŽžƒ‐‑‒–—―‘’‚“”„†‡•…‰‹›€™←↑→↓−≈≠≤≥█░▒■▮▲▶▼◀●☐☑☒♦✗✘▴▸▾◂";

/// Whether the console fonts carry `c`.
pub fn on_console(c: char) -> bool {
    c.is_ascii_graphic()
        || c == ' '
        || ('\u{a0}'..='\u{ff}').contains(&c)
        || ('\u{2500}'..='\u{257f}').contains(&c)
        || CONSOLE.contains(c)
}

/// The character drawn on the console for `c`: itself, its stand-in, or [`UNKNOWN`].
pub fn console_char(c: char) -> char {
    if on_console(c) {
        return c;
    }
    FALLBACKS.iter().find(|(from, _)| *from == c).map_or(UNKNOWN, |(_, to)| *to)
}

/// Rewrites a drawn frame for the console: each cell's symbol becomes one character the fonts carry.
/// A cell holds one grapheme; its combining marks cannot be drawn there and are dropped. A wide
/// character's stand-in is one column wide: the cell after it, left blank by ratatui, stays blank.
pub fn console_safe(buffer: &mut Buffer) {
    for cell in &mut buffer.content {
        let symbol = cell.symbol();
        let mut chars = symbol.chars();
        let Some(first) = chars.next() else { continue };
        if chars.next().is_none() && on_console(first) {
            continue;
        }
        cell.set_char(console_char(first));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use ratatui::layout::Rect;

    #[test]
    fn term_linux_means_basico_unless_the_flag_says_otherwise() {
        assert_eq!(Glyphs::choose(None, Some("linux")), Glyphs::Basico);
        assert_eq!(Glyphs::choose(None, Some("linux-16color")), Glyphs::Basico);
        assert_eq!(Glyphs::choose(None, Some("xterm-256color")), Glyphs::Completo);
        assert_eq!(Glyphs::choose(None, None), Glyphs::Completo);
        assert_eq!(Glyphs::choose(Some(Glyphs::Basico), Some("xterm-256color")), Glyphs::Basico);
        assert_eq!(Glyphs::choose(Some(Glyphs::Basico), None), Glyphs::Basico);
        assert_eq!(Glyphs::choose(Some(Glyphs::Completo), Some("linux")), Glyphs::Completo);
    }

    #[test]
    fn every_stand_in_is_on_the_console_and_as_wide_as_its_symbol() {
        for &(from, to) in FALLBACKS {
            assert!(!on_console(from), "{from} is on the console already: no stand-in needed");
            assert!(on_console(to), "the stand-in for {from}, {to}, is not on the console");
            assert_eq!(crate::ui::list::width(&from.to_string()), crate::ui::list::width(&to.to_string()));
        }
    }

    #[test]
    fn a_frame_keeps_what_the_console_has_and_replaces_the_rest() {
        let mut buffer = Buffer::empty(Rect::new(0, 0, 12, 1));
        buffer.set_string(0, 0, "◐ó─●▏✓中e\u{301}", ratatui::style::Style::default());
        console_safe(&mut buffer);
        let text: String = buffer.content.iter().map(|c| c.symbol()).collect();
        assert_eq!(text, "▒ó─●_☑? e   ");
    }
}
