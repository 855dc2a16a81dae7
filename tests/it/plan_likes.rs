//! Issue 16 in the plan the person takes home: «Lo que le gusta hacer» with the six scores as an inline
//! SVG chart, the code with the types' names, the top suggestions in words, the exploratory line and
//! O*NET's credit (Spanish and the English original); none of it without answers; the JSON's credit;
//! printed by headless Chromium, page 1 still the plan and the section readable after it.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use crate::likes_support::{answer_all, social_first, with_profiles};
use crate::plan_support::{GOAL, GOAL_2, plan_set, render, typical};
use crate::print_support::{Paper, print};
use rumbo::catalog::{CatalogSet, ONET_CREDIT};
use rumbo::export::Format;
use rumbo::i18n::Lang;
use rumbo::session::{SUGGESTED, Session, suggest};
use std::sync::OnceLock;

/// The plan's catalog with a profile on every occupation.
fn set() -> &'static CatalogSet {
    static SET: OnceLock<CatalogSet> = OnceLock::new();
    SET.get_or_init(|| with_profiles(plan_set()))
}

/// The typical plan's session, every question answered: Social first, then Hands-on, then Organised.
fn liking() -> Session {
    let mut session = typical();
    answer_all(&mut session, set(), social_first);
    session
}

/// The likes section of an HTML plan, from its opening tag to its end.
fn section(html: &str) -> &str {
    let start = html.find("<section class=\"likes\">").unwrap_or_else(|| panic!("no likes section:\n{html}"));
    let end = html[start..].find("</section>").unwrap() + start + "</section>".len();
    &html[start..end]
}

#[test]
fn the_plan_shows_the_chart_the_code_the_suggestions_the_caveat_and_the_credit() {
    let session = liking();
    let html = render(&session, set(), Lang::Es, Format::Html);
    let likes = section(&html);
    assert!(likes.contains("<h2>Lo que le gusta hacer</h2>"), "{likes}");
    assert!(likes.contains("Su código: SRC (Social, Práctico, Organizado)"), "{likes}");
    // An inline SVG: six rows, a bar per type over the whole scale, the scores written; no script.
    assert!(likes.contains("<svg xmlns=\"http://www.w3.org/2000/svg\""), "{likes}");
    assert_eq!(likes.matches("fill=\"#444\"").count(), 6, "{likes}");
    assert!(likes.contains(">Social (S)</text>") && likes.contains(">7,0</text>"), "{likes}");
    assert!(!html.contains("<script"), "no script anywhere");
    // The top suggestions: name, their code, how closely in words — never a raw correlation.
    let suggested = suggest(&session, set(), SUGGESTED);
    assert_eq!(suggested.len(), SUGGESTED);
    let top = suggested[0].occupation;
    let code = top.interests.as_ref().unwrap().code();
    assert!(likes.contains(&format!("<strong>{}</strong> ({code}) — va muy bien", top.title)), "{likes}");
    assert!(!likes.contains(&format!("{:.2}", suggested[0].correlation)), "{likes}");
    assert!(likes.contains("Exploratorio, no es una prueba validada."), "{likes}");
    assert!(likes.contains("Este producto incluye información de la base de datos O*NET 30.2"), "{likes}");
    // As HTML escapes it (`/` too, so the file holds no `//`).
    let credit = ONET_CREDIT.replace('/', "&#47;");
    assert!(likes.contains(&credit), "the English original kept:\n{likes}");
    insta::assert_snapshot!("plan_likes_section_es", likes);
    // In English, the credit once: the original.
    let html = render(&session, set(), Lang::En, Format::Html);
    let likes = section(&html);
    assert!(likes.contains("Your code: SRC (Social, Hands-on, Organised)"), "{likes}");
    assert_eq!(likes.matches("O*NET 30.2").count(), 1, "{likes}");
    insta::assert_snapshot!("plan_likes_section_en", likes);
}

#[test]
fn without_answers_there_is_no_section_and_a_flat_sheet_suggests_nothing() {
    let html = render(&typical(), set(), Lang::Es, Format::Html);
    assert!(!html.contains("class=\"likes\"") && !html.contains("O*NET"), "nothing to credit");
    let mut flat = typical();
    answer_all(&mut flat, set(), |_| '3');
    let html = render(&flat, set(), Lang::Es, Format::Html);
    let likes = section(&html);
    assert!(likes.contains("Sus respuestas salieron todas iguales"), "{likes}");
    assert!(!likes.contains("<ol>") && !likes.contains("Su código"), "{likes}");
}

#[test]
fn the_json_carries_the_credit_with_the_scores() {
    let json = |session: &Session| -> serde_json::Value {
        serde_json::from_str(&render(session, set(), Lang::Es, Format::Json)).unwrap()
    };
    let value = json(&liking());
    assert_eq!(value["summary"]["interests"]["credit"], ONET_CREDIT);
    assert_eq!(value["summary"]["interests"]["code"], "SRC");
    assert!(json(&typical())["summary"].get("interests").is_none());
}

#[test]
fn printed_page_one_is_still_the_plan_and_the_likes_follow_readable() {
    let session = liking();
    let html = render(&session, set(), Lang::Es, Format::Html);
    for paper in [Paper::A4, Paper::Letter] {
        let Some(pdf) = print(&html, paper) else { return };
        let one = pdf.page_words(1);
        for id in [GOAL, GOAL_2] {
            let title = &set().occupation(id).unwrap().title;
            assert!(one.contains(title.as_str()), "`{title}` is not on page 1:\n{one}");
        }
        assert!(!one.contains("Lo que le gusta hacer"), "page 1 stays the plan:\n{one}");
        pdf.assert_no_blank_page();
        let all: String = (2..=pdf.pages).map(|n| pdf.page_words(n)).collect::<Vec<_>>().join(" ");
        // The chart's words are text the PDF carries (printed, not a picture), at 10 pt or more.
        for words in ["Lo que le gusta hacer", "Social (S)", "Práctico (R)", "7,0", "Su código: SRC"] {
            assert!(all.contains(words), "`{words}` not printed:\n{all}");
        }
        assert!(all.contains("Exploratorio, no es una prueba validada."), "{all}");
        assert!(
            all.contains("USDOL/ETA has not approved, endorsed, or tested these modifications."),
            "{all}"
        );
        let small: Vec<_> = pdf
            .words()
            .into_iter()
            .filter(|w| w.page > 1 && w.y_max - w.y_min < 11.0)
            .filter(|w| ["Social", "Práctico", "Organizado", "7,0"].contains(&w.text.as_str()))
            .collect();
        assert!(small.is_empty(), "chart words under 10 pt: {small:?}");
    }
}
