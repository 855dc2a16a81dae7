//! Colours and emphasis. Every style the UI uses comes from here, so `NO_COLOR` and the high-contrast theme
//! (`--theme alto-contraste`, for low vision) change the whole screen at once.

use super::glyphs::Glyphs;
use ratatui::style::{Color, Modifier, Style};

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum ThemeName {
    #[default]
    Normal,
    AltoContraste,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Theme {
    /// The characters drawn, beside the colours: `basico` on the Linux console (see [`Glyphs`]).
    pub glyphs: Glyphs,
    pub base: Style,
    pub title: Style,
    pub border: Style,
    pub border_focused: Style,
    pub selected: Style,
    pub selected_unfocused: Style,
    pub dim: Style,
    pub has: Style,
    pub developing: Style,
    pub inferred: Style,
    pub matched: Style,
    pub key: Style,
    pub warning: Style,
    pub error: Style,
    pub ok: Style,
    /// A fit percentage by band (see `ui::fit`): 0 %, low, middle, high. 0 % never looks like a good value.
    pub fit_none: Style,
    pub fit_low: Style,
    pub fit_middle: Style,
    pub fit_high: Style,
}

impl Theme {
    /// `no_color` (the `NO_COLOR` convention) wins over the theme: emphasis by modifiers only.
    pub fn new(name: ThemeName, no_color: bool) -> Theme {
        if no_color {
            return Theme::monochrome();
        }
        match name {
            ThemeName::Normal => Theme::normal(),
            ThemeName::AltoContraste => Theme::high_contrast(),
        }
    }

    /// The same colours with other characters (`--glyphs`, `TERM=linux`).
    pub fn with_glyphs(self, glyphs: Glyphs) -> Theme {
        Theme { glyphs, ..self }
    }

    fn normal() -> Theme {
        let plain = Style::default();
        Theme {
            glyphs: Glyphs::Completo,
            base: plain,
            title: plain.add_modifier(Modifier::BOLD),
            border: plain.fg(Color::DarkGray),
            border_focused: plain.fg(Color::Cyan).add_modifier(Modifier::BOLD),
            selected: plain.bg(Color::Cyan).fg(Color::Black),
            selected_unfocused: plain.bg(Color::DarkGray).fg(Color::White),
            dim: plain.fg(Color::Gray),
            has: plain.fg(Color::Green).add_modifier(Modifier::BOLD),
            developing: plain.fg(Color::Yellow),
            inferred: plain.fg(Color::Magenta).add_modifier(Modifier::ITALIC),
            matched: plain.fg(Color::Yellow).add_modifier(Modifier::BOLD | Modifier::UNDERLINED),
            key: plain.fg(Color::Cyan).add_modifier(Modifier::BOLD),
            warning: plain.fg(Color::Black).bg(Color::Yellow).add_modifier(Modifier::BOLD),
            error: plain.fg(Color::White).bg(Color::Red).add_modifier(Modifier::BOLD),
            ok: plain.fg(Color::Green),
            fit_none: plain.fg(Color::Gray),
            fit_low: plain.fg(Color::Yellow),
            fit_middle: plain.fg(Color::LightGreen),
            fit_high: plain.fg(Color::Green).add_modifier(Modifier::BOLD),
        }
    }

    fn high_contrast() -> Theme {
        let plain = Style::default().fg(Color::White).bg(Color::Black);
        let strong = plain.add_modifier(Modifier::BOLD);
        Theme {
            glyphs: Glyphs::Completo,
            base: plain,
            title: strong.fg(Color::Yellow),
            border: plain,
            border_focused: strong.fg(Color::Yellow),
            selected: strong.fg(Color::Black).bg(Color::Yellow),
            selected_unfocused: strong.fg(Color::Black).bg(Color::White),
            dim: plain,
            has: strong.fg(Color::LightGreen),
            developing: strong.fg(Color::LightYellow),
            inferred: strong.fg(Color::LightCyan),
            matched: strong.fg(Color::Yellow).add_modifier(Modifier::UNDERLINED),
            key: strong.fg(Color::Yellow),
            warning: strong.fg(Color::Black).bg(Color::Yellow),
            error: strong.fg(Color::White).bg(Color::Red),
            ok: strong.fg(Color::LightGreen),
            // White on black, not bold, for 0 %: readable, and unlike every coloured band.
            fit_none: plain,
            fit_low: strong.fg(Color::LightYellow),
            fit_middle: strong.fg(Color::LightCyan),
            fit_high: strong.fg(Color::LightGreen),
        }
    }

    fn monochrome() -> Theme {
        let plain = Style::default();
        let bold = plain.add_modifier(Modifier::BOLD);
        Theme {
            glyphs: Glyphs::Completo,
            base: plain,
            title: bold,
            border: plain,
            border_focused: bold,
            selected: plain.add_modifier(Modifier::REVERSED),
            selected_unfocused: plain.add_modifier(Modifier::UNDERLINED),
            dim: plain,
            has: bold,
            developing: plain,
            inferred: plain.add_modifier(Modifier::ITALIC),
            matched: bold.add_modifier(Modifier::UNDERLINED),
            key: bold,
            warning: bold.add_modifier(Modifier::REVERSED),
            error: bold.add_modifier(Modifier::REVERSED),
            ok: plain,
            // Without colour only the high band stands out; the number says the rest.
            fit_none: plain,
            fit_low: plain,
            fit_middle: plain,
            fit_high: bold,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_color_uses_no_colour_at_all() {
        let t = Theme::new(ThemeName::AltoContraste, true);
        for style in [
            t.base,
            t.title,
            t.border_focused,
            t.selected,
            t.has,
            t.developing,
            t.warning,
            t.error,
            t.fit_none,
            t.fit_low,
            t.fit_middle,
            t.fit_high,
        ] {
            assert_eq!((style.fg, style.bg), (None, None), "{style:?}");
        }
        assert_ne!(Theme::new(ThemeName::Normal, false), Theme::new(ThemeName::AltoContraste, false));
    }
}
