//! The plan printed by the real browser (headless Chromium) on A4 and Letter, read back with poppler:
//! page 1 is the plan (goal, steps, follow-up date), a typical session's plan fits on it, no page is
//! blank, a hostile session stays inert and cannot push the plan off page 1, text is 10 pt or more,
//! and on a phone-wide page every word stays inside the page.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use crate::plan_support::{
    FOLLOW_UP_EN, FOLLOW_UP_ES, GOAL, GOAL_2, PROGRAMS, hostile, long_office, plan_set, render, render_for,
    typical,
};
use crate::print_support::{Paper, Pdf, print};
use rumbo::catalog::CatalogSet;
use rumbo::export::Format;
use rumbo::i18n::Lang;
use rumbo::session::Session;

fn printed(session: &Session, set: &CatalogSet, lang: Lang, paper: Paper) -> Option<Pdf> {
    print(&render(session, set, lang, Format::Html), paper)
}

fn title(set: &CatalogSet, id: &str) -> String {
    set.occupation(id).unwrap().title.clone()
}

/// Page 1 holds what the person acts on; the explored occupations come after it.
fn assert_page_one_is_the_plan(pdf: &Pdf, session: &Session, set: &CatalogSet, lang: Lang) {
    let one = pdf.page_words(1);
    let s = lang.strings();
    let follow_up = if lang == Lang::En { FOLLOW_UP_EN } else { FOLLOW_UP_ES };
    let mut expected = vec![
        s.handout_title.to_string(),
        title(set, GOAL),
        title(set, GOAL_2),
        format!("{}: {follow_up}", s.handout_follow_up),
        "Agencia Pública de Empleo — Kennedy".to_string(),
    ];
    expected.extend(session.steps.iter().skip(1).map(|step| step.text.clone()));
    for id in PROGRAMS {
        expected.push(set.program(id).unwrap().name.chars().take(40).collect());
    }
    for text in &expected {
        assert!(one.contains(text.as_str()), "`{text}` is not on page 1:\n{one}");
    }
    assert!(!one.contains(s.export_occupations), "the explored occupations start on page 2:\n{one}");
    pdf.assert_no_blank_page();
}

#[test]
fn a_typical_plan_fits_on_page_one_on_a4_and_letter() {
    let (session, set) = (typical(), plan_set());
    for paper in [Paper::A4, Paper::Letter] {
        let Some(pdf) = printed(&session, set, Lang::Es, paper) else { return };
        assert_page_one_is_the_plan(&pdf, &session, set, Lang::Es);
        let one = pdf.page_words(1);
        // Every step with its date in words and what to bring; the fit in plain words, and what it is not.
        for text in [
            "5 de marzo de 2027 — Inscribirse en Telemercadeo",
            "Qué llevar: Documento de identidad, Diploma de bachiller",
            "ya sabe hacer 4 de las 14 cosas que pide esta ocupación",
            "no es la probabilidad de que lo contraten",
        ] {
            assert!(one.contains(text), "`{text}` on page 1 ({paper:?}):\n{one}");
        }
        // The details follow: the occupations, then the sources and rights at the end.
        let two = pdf.page_words(2);
        assert!(two.contains("Ocupaciones exploradas"), "{two}");
        let last = pdf.page_words(pdf.pages);
        assert!(last.contains("Ley 1581 de 2012"), "{last}");
        assert!(pdf.pages <= 4, "{paper:?}: {} pages", pdf.pages);
    }
}

#[test]
fn the_english_plan_on_letter() {
    let (session, set) = (typical(), plan_set());
    let Some(pdf) = printed(&session, set, Lang::En, Paper::Letter) else { return };
    let size = pdf.page_size();
    assert!((size.0 - 612.0).abs() < 1.0 && (size.1 - 792.0).abs() < 1.0, "Letter: {size:?}");
    assert_page_one_is_the_plan(&pdf, &session, set, Lang::En);
    assert!(pdf.page_words(1).contains("5 March 2027 — Inscribirse"), "{}", pdf.page_words(1));
}

#[test]
fn no_word_on_page_one_is_smaller_than_10_points() {
    let (session, set) = (typical(), plan_set());
    let Some(pdf) = printed(&session, set, Lang::Es, Paper::A4) else { return };
    let size = pdf.page_size();
    assert!((size.0 - 595.0).abs() < 1.0 && (size.1 - 842.0).abs() < 1.0, "A4: {size:?}");
    // A word's box is its font's ascent plus descent: 11.1 pt and more for 10 pt text in the fonts the
    // stylesheet names (Liberation Sans, DejaVu Sans); 9.5 pt text would be 10.6.
    let words = pdf.words();
    let small: Vec<_> = words.iter().filter(|w| w.page == 1 && w.y_max - w.y_min < 11.0).collect();
    assert!(small.is_empty(), "words under 10 pt on page 1: {small:?}");
    assert!(words.iter().filter(|w| w.page == 1).count() > 200);
}

#[test]
fn a_hostile_session_stays_inert_and_the_plan_stays_on_page_one() {
    let (session, set) = hostile();
    let html = render_for(&session, &set, Lang::Es, Format::Html, &long_office());
    for paper in [Paper::A4, Paper::Letter] {
        let Some(pdf) = print(&html, paper) else { return };
        assert_page_one_is_the_plan(&pdf, &session, &set, Lang::Es);
        let one = pdf.page_words(1);
        // The script is text on the page, not a program the browser ran; the escapes are gone.
        assert!(one.contains("<script>alert(1)</script>"), "{one}");
        assert!(one.contains("Luz <b onmouseover=alert(1)>Gómez</b>"), "{one}");
        let all: String = (1..=pdf.pages).map(|n| pdf.page_words(n)).collect::<Vec<_>>().join(" ");
        for gone in ["[31m", "[2J", "]8;;", "\u{202E}", "\u{1b}"] {
            assert!(!all.contains(gone), "{gone:?} printed ({paper:?})");
        }
        // What page 1 cut is there in full later: the long note, the long program name.
        assert!(all.contains("Nota <script>x</script> larga"), "the note is printed");
        assert!(one.contains("ver página 2"), "{one}");
        assert!(pdf.pages >= 3, "{paper:?}: the 10,000-character notes take pages of their own");
        // The office's long address is cut on page 1 and whole on page 2.
        assert!(!one.contains("fin de la dirección") && pdf.page_words(2).contains("fin de la dirección"));
    }
}

#[test]
fn on_a_phone_wide_page_every_word_stays_inside() {
    let (hostile_session, hostile_set) = hostile();
    let cases = [(typical(), plan_set()), (hostile_session, &hostile_set)];
    for (session, set) in cases {
        let Some(pdf) = printed(&session, set, Lang::Es, Paper::Phone) else { return };
        let (width, _) = pdf.page_size();
        assert!((width - 292.5).abs() < 1.0, "390 CSS px is 292.5 pt: {width}");
        let words = pdf.words();
        assert!(words.len() > 300, "{} words", words.len());
        for w in &words {
            let inside = w.x_min >= -0.5
                && w.x_max <= w.page_width + 0.5
                && w.y_min >= -0.5
                && w.y_max <= w.page_height + 0.5;
            assert!(inside, "word outside its page: {w:?}");
        }
        pdf.assert_no_blank_page();
    }
}

/// The explored occupations follow the plan each where it fits: no page of the details ends early to keep
/// an occupation whole (the old stylesheet did, and left page 1 blank). Every page between page 1 and the
/// last is filled to its foot.
#[test]
fn each_occupation_starts_where_it_fits() {
    let mut session = typical();
    let set = plan_set();
    session.explored =
        set.occupations().map(|o| o.id.clone()).filter(|id| !session.goals.contains(id)).collect();
    for paper in [Paper::A4, Paper::Letter] {
        let Some(pdf) = printed(&session, set, Lang::Es, paper) else { return };
        pdf.assert_no_blank_page();
        assert!(pdf.pages >= 4, "{paper:?}: {} pages", pdf.pages);
        let words = pdf.words();
        for page in 2..pdf.pages {
            let on_page: Vec<_> = words.iter().filter(|w| w.page == page).collect();
            let height = on_page[0].page_height;
            let lowest = on_page.iter().map(|w| w.y_max).fold(0.0, f64::max);
            // The bottom margin is 12 mm (34 pt); a line or two more may stay free where a heading would
            // otherwise be left alone at the foot.
            assert!(
                lowest > height - 34.0 - 60.0,
                "{paper:?}: page {page} ends at {lowest:.0} of {height:.0} pt"
            );
        }
    }
}

/// Every text at its longest and every list at its fullest: page 1 still holds the goals, the steps and
/// the follow-up date, on A4 and on Letter, in both languages; what was cut is whole from page 2 on.
#[test]
fn a_plan_at_every_limit_still_fits_on_page_one() {
    let (session, set, office) = crate::plan_support::at_every_limit();
    for (lang, paper) in [(Lang::Es, Paper::Letter), (Lang::En, Paper::Letter), (Lang::Es, Paper::A4)] {
        let Some(pdf) = print(&render_for(&session, &set, lang, Format::Html, &office), paper) else {
            return;
        };
        let one = pdf.page_words(1);
        let s = lang.strings();
        let follow_up = if lang == Lang::En { FOLLOW_UP_EN } else { FOLLOW_UP_ES };
        for text in [s.handout_goals_two, s.export_next_steps, "Segundo paso", s.handout_see_page_2] {
            assert!(one.contains(text), "{lang:?} {paper:?}: `{text}` not on page 1:\n{one}");
        }
        assert!(
            one.contains(&format!("{}: {follow_up}", s.handout_follow_up)),
            "{lang:?} {paper:?}: follow-up not on page 1:\n{one}"
        );
        let ask = if lang == Lang::En {
            "ask at the employment office"
        } else {
            "pregunte en la oficina de empleo"
        };
        assert!(one.contains(ask), "{one}");
        pdf.assert_no_blank_page();
    }
    // Without steps of its own, the plan suggests them (one per chosen program, each naming it).
    let mut suggested = session.clone();
    suggested.steps.clear();
    let Some(pdf) = print(&render_for(&suggested, &set, Lang::Es, Format::Html, &office), Paper::Letter)
    else {
        return;
    };
    let one = pdf.page_words(1);
    assert!(one.contains(&format!("Seguimiento: {FOLLOW_UP_ES}")), "{one}");
    assert!(one.matches("Averiguar fechas").count() >= 4, "{one}");
}
