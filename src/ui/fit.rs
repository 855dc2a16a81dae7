//! A fit percentage as every view draws it: one style by band, so 0 % never wears the colour of a good
//! value, and the line that says what it counts. The bands (said in the `?` help): 0 %; low, 1–39 %;
//! middle, 40–69 %; high, 70–100 %. A fit made only of shared competencies stays dim (and bracketed
//! where it is listed), whatever its band: it says little of the occupation.

use super::theme::Theme;
use crate::i18n::{Strings, fill};
use crate::session::{Part, Parts, Standing};
use ratatui::style::Style;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Band {
    None,
    Low,
    Middle,
    High,
}

/// The lowest percentage of the middle band and of the high one.
pub const MIDDLE_FROM: u8 = 40;
pub const HIGH_FROM: u8 = 70;

pub fn band(percent: u8) -> Band {
    match percent {
        0 => Band::None,
        p if p < MIDDLE_FROM => Band::Low,
        p if p < HIGH_FROM => Band::Middle,
        _ => Band::High,
    }
}

/// The style of a bare percentage (the sessions list knows no more of it).
pub fn percent_style(theme: &Theme, percent: u8) -> Style {
    match band(percent) {
        Band::None => theme.fit_none,
        Band::Low => theme.fit_low,
        Band::Middle => theme.fit_middle,
        Band::High => theme.fit_high,
    }
}

/// The style of an occupation's fit wherever it is drawn.
pub fn style(theme: &Theme, standing: &Standing) -> Style {
    if standing.shared_only() { theme.dim } else { percent_style(theme, standing.percent) }
}

/// "funciones 6/8", "destrezas 3/7", "conocimientos 0/4": the parts an occupation has, each as held of
/// needed (essential items only, as the percentage counts them). `functions: false` leaves them out.
pub fn parts(s: &Strings, parts: &Parts, functions: bool) -> Vec<String> {
    let all = [
        (s.best_part_functions, parts.functions, functions),
        (s.best_part_skills, parts.skills, true),
        (s.best_part_knowledge, parts.knowledge, true),
        (s.best_part_competencies, parts.competencies, true),
    ];
    let shown = all.into_iter().filter(|(_, part, shown)| *shown && part.needed > 0);
    shown.map(|(text, part, _)| counted(text, part)).collect()
}

fn counted(text: &str, part: Part) -> String {
    fill(text, &[("held", &part.held), ("needed", &part.needed)])
}

/// "Ajuste: 47 % · funciones 4/9 · destrezas 3/5 · conocimientos 1/4", and "— solo competencias
/// compartidas" when only those make it: the fit in detail.
pub fn summary(s: &Strings, standing: &Standing, of: &Parts) -> String {
    let mut out = vec![fill(s.export_fit, &[("percent", &standing.percent)])];
    out.extend(parts(s, of, true));
    let line = out.join(" · ");
    if standing.shared_only() { format!("{line} — {}", s.fit_shared_only) } else { line }
}

/// The `?` help's line on the fit: what it counts, that it is no chance of being hired, and the bands.
pub fn help(s: &Strings) -> String {
    let values: [(&str, &dyn std::fmt::Display); 4] = [
        ("low_to", &(MIDDLE_FROM - 1)),
        ("middle", &MIDDLE_FROM),
        ("middle_to", &(HIGH_FROM - 1)),
        ("high", &HIGH_FROM),
    ];
    fill(s.fit_help, &values)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ui::theme::ThemeName;

    #[test]
    fn bands_meet_at_their_thresholds() {
        let cases = [(0, Band::None), (1, Band::Low), (39, Band::Low), (40, Band::Middle)];
        for (p, b) in cases.into_iter().chain([(69, Band::Middle), (70, Band::High), (100, Band::High)]) {
            assert_eq!(band(p), b, "{p} %");
        }
    }

    #[test]
    fn zero_is_never_styled_as_a_good_value_in_any_theme() {
        let colour = [Theme::new(ThemeName::Normal, false), Theme::new(ThemeName::AltoContraste, false)];
        for theme in colour.iter().chain([&Theme::new(ThemeName::Normal, true)]) {
            let zero = percent_style(theme, 0);
            assert_ne!(zero, percent_style(theme, HIGH_FROM), "0 % and high in {theme:?}");
            assert_ne!(zero, theme.has, "0 % is not drawn as a held item");
        }
        // With colour, every band has its own.
        for theme in &colour {
            let styles = [0, 1, MIDDLE_FROM, HIGH_FROM].map(|p| percent_style(theme, p));
            for (i, a) in styles.iter().enumerate() {
                assert!(styles[i + 1..].iter().all(|b| a != b), "bands alike in {theme:?}");
            }
        }
    }
}
