//! An occupation's interest profile (RIASEC) in words, for the detail and the full text (`v`). The
//! profile is derived from O*NET by rumbo, never DANE's: every line that shows it says so.

use crate::catalog::{Basis, InterestProfile};
use crate::i18n::{Lang, fill};

/// One value to one decimal, half up (5.25 → 5.3; `{:.1}` alone would round it to even), as the
/// language writes a decimal: «5,3» in Spanish, "5.3" in English.
pub fn number(lang: Lang, value: f64) -> String {
    let text = format!("{:.1}", (value * 10.0).round() / 10.0);
    if lang == Lang::Es { text.replace('.', ",") } else { text }
}

/// «S 5,7 · I 5,3 · C 4,0», the `n` highest types, highest first.
fn types(lang: Lang, p: &InterestProfile, n: usize) -> String {
    let parts: Vec<String> =
        p.ranked().iter().take(n).map(|(l, v)| format!("{l} {}", number(lang, *v))).collect();
    parts.join(" · ")
}

/// «Intereses (derivado de O*NET): S 5,7 · I 5,3 · C 4,0 … (código SIC)»: the three highest, for the
/// occupation detail under the list.
pub fn compact(lang: Lang, p: &InterestProfile) -> String {
    let s = lang.strings();
    let code = fill(s.interests_code, &[("code", &p.code())]);
    format!("{}: {} … ({code})", s.interests_label, types(lang, p, 3))
}

/// The full text's paragraphs: all six values and the code, then how the profile was reached and the
/// O*NET occupations averaged; or «sin perfil de intereses».
pub fn full(lang: Lang, p: Option<&InterestProfile>) -> Vec<String> {
    let s = lang.strings();
    let Some(p) = p else { return vec![format!("{}: {}", s.interests_label, s.interests_none)] };
    let code = fill(s.interests_code, &[("code", &p.code())]);
    let basis = match &p.basis {
        Basis::Complete => s.interests_basis_complete.to_string(),
        Basis::Partial => s.interests_basis_partial.to_string(),
        Basis::ParentGroup(group) => fill(s.interests_basis_parent, &[("group", group)]),
        Basis::WiderGroup(group) => fill(s.interests_basis_wider, &[("group", group)]),
    };
    vec![
        format!("{}: {} ({code})", s.interests_label, types(lang, p, 6)),
        fill(s.interests_from, &[("basis", &basis), ("codes", &p.onet.join(", "))]),
    ]
}

#[cfg(test)]
mod tests {
    use super::*;

    fn nurse() -> InterestProfile {
        InterestProfile::new([3.48, 5.25, 1.69, 5.73, 2.3, 3.99], Basis::Partial, vec!["29-1141.00".into()])
    }

    #[test]
    fn compact_says_derived_and_gives_the_three_highest_and_the_code() {
        assert_eq!(
            compact(Lang::Es, &nurse()),
            "Intereses (derivado de O*NET): S 5,7 · I 5,3 · C 4,0 … (código SIC)"
        );
        assert_eq!(
            compact(Lang::En, &nurse()),
            "Interests (derived from O*NET): S 5.7 · I 5.3 · C 4.0 … (code SIC)"
        );
    }

    #[test]
    fn full_gives_all_six_how_it_was_reached_and_what_was_averaged() {
        let lines = full(Lang::Es, Some(&nurse()));
        assert_eq!(
            lines[0],
            "Intereses (derivado de O*NET): S 5,7 · I 5,3 · C 4,0 · R 3,5 · E 2,3 · A 1,7 (código SIC)"
        );
        assert_eq!(lines[1], "Por equivalencias parciales; promedio de O*NET 29-1141.00");
        assert_eq!(full(Lang::Es, None), ["Intereses (derivado de O*NET): sin perfil de intereses"]);
    }
}
