//! Issue 16 in the plan the person takes home: «Lo que le gusta hacer» — the six scores as an inline SVG
//! bar chart (no script; bars outlined and scores written, so it reads printed in black and white), the
//! three-letter code with the types' names, the occupations that go with it (name, their own code, how
//! closely in words — never a raw r), the one line that says it is exploratory, and O*NET's credit
//! (in Spanish where the plan is, the English original kept: the licence's words are those).
//!
//! On page 2, with the details: page 1 holds what the person acts on and is measured to fit one page.

use super::escape::html as h;
use crate::catalog::{CatalogSet, ONET_CREDIT};
use crate::i18n::{Lang, Strings, fill};
use crate::interests::{Reading, Riasec};
use crate::session::Session;
use crate::session::{Closeness, SUGGESTED, suggest, top_types};

/// What the plan says of the person's likes.
#[derive(Clone, Debug, PartialEq)]
pub struct LikesPlan {
    /// R, I, A, S, E, C on 1–7; `None` for a type with no answer.
    pub scores: [Option<f64>; 6],
    pub reading: Reading,
    pub answered: usize,
    pub suggested: Vec<LikedSummary>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct LikedSummary {
    pub title: String,
    /// The occupation's own three-letter code (from its derived profile).
    pub code: String,
    pub closeness: Closeness,
}

/// The section's data; `None` when the person answered no question.
pub fn likes_plan(session: &Session, set: &CatalogSet) -> Option<LikesPlan> {
    if session.interests.is_empty() {
        return None;
    }
    let scores = session.interest_scores();
    let suggested = suggest(session, set, SUGGESTED)
        .into_iter()
        .map(|l| LikedSummary {
            title: crate::text::sanitize_line(&l.occupation.title),
            code: l.occupation.interests.as_ref().map(|p| p.code()).unwrap_or_default(),
            closeness: Closeness::of(l.correlation),
        })
        .collect();
    Some(LikesPlan {
        scores: std::array::from_fn(|i| (scores.answered[i] > 0).then_some(scores.values[i])),
        reading: session.interest_reading(),
        answered: scores.answered.iter().sum(),
        suggested,
    })
}

/// The section, into `b`.
pub fn render(b: &mut String, likes: &LikesPlan, lang: Lang) {
    let s = lang.strings();
    b.push_str(&format!("<section class=\"likes\">\n<h2>{}</h2>\n", h(s.plan_likes_title)));
    match &likes.reading {
        Reading::Ready { code } => {
            let names: Vec<&str> = top_types(code).into_iter().map(|t| type_name(s, t)).collect();
            let line = fill(s.plan_likes_code, &[("code", code), ("names", &names.join(", "))]);
            b.push_str(&format!("<p><strong>{}</strong></p>\n", h(&line)));
        }
        Reading::Flat => b.push_str(&format!("<p>{}</p>\n", h(s.plan_likes_flat))),
        Reading::TooFew { .. } => {
            let line = fill(s.plan_likes_too_few, &[("answered", &likes.answered)]);
            b.push_str(&format!("<p>{}</p>\n", h(&line)));
        }
    }
    b.push_str(&chart(likes, lang));
    if !likes.suggested.is_empty() {
        b.push_str(&format!("<h3>{}</h3>\n<ol>\n", h(s.plan_likes_suggested)));
        for l in &likes.suggested {
            let words = closeness_words(s, l.closeness);
            b.push_str(&format!(
                "<li><strong>{}</strong> ({}) — {}</li>\n",
                h(&l.title),
                h(&l.code),
                h(words)
            ));
        }
        b.push_str("</ol>\n");
    }
    b.push_str(&format!("<p class=\"caveat\">{}</p>\n", h(s.plan_likes_exploratory)));
    // O*NET's licence asks for its credit wherever its data is used; the suggestions come from it.
    b.push_str("<p class=\"muted credit\">");
    if s.plan_likes_credit != ONET_CREDIT {
        b.push_str(&format!("{}<br>", h(s.plan_likes_credit)));
    }
    b.push_str(&format!("<span lang=\"en\">{}</span></p>\n</section>\n", h(ONET_CREDIT)));
}

/// Row height, label width and bar length of the chart, in SVG units (= CSS px: 14 px is 10.5 pt).
const ROW: f64 = 26.0;
const LABEL: f64 = 150.0;
const BAR: f64 = 270.0;

/// The six scores as horizontal bars over the whole 1–7 scale, each bar outlined and its score written
/// beside it; the three types liked most in bold.
fn chart(likes: &LikesPlan, lang: Lang) -> String {
    let s = lang.strings();
    let top = match &likes.reading {
        Reading::Ready { code } => top_types(code),
        _ => Vec::new(),
    };
    let width = LABEL + BAR + 50.0;
    let height = ROW * 6.0 + 4.0;
    let mut svg = format!(
        "<figure class=\"chart\"><svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {width} {height}\" \
         width=\"{width}\" height=\"{height}\" role=\"img\" aria-label=\"{}\" font-size=\"14\" \
         font-family=\"Liberation Sans, Arial, sans-serif\">\n<title>{}</title>\n",
        h(s.plan_likes_chart),
        h(s.plan_likes_chart)
    );
    for kind in Riasec::ALL {
        let y = ROW * kind.index() as f64 + 2.0;
        let weight = if top.contains(&kind) { " font-weight=\"700\"" } else { "" };
        let label = format!("{} ({})", type_name(s, kind), kind.letter());
        svg.push_str(&format!(
            "<text x=\"0\" y=\"{}\"{weight}>{}</text>\n<rect x=\"{LABEL}\" y=\"{}\" width=\"{BAR}\" \
             height=\"{}\" fill=\"#fff\" stroke=\"#777\"/>\n",
            y + 17.0,
            h(&label),
            y + 4.0,
            ROW - 8.0
        ));
        let Some(value) = likes.scores[kind.index()] else { continue };
        let long = ((value - 1.0) / 6.0).clamp(0.0, 1.0) * BAR;
        let text = format!("{value:.1}");
        let text = if lang == Lang::Es { text.replace('.', ",") } else { text };
        svg.push_str(&format!(
            "<rect x=\"{LABEL}\" y=\"{}\" width=\"{long:.1}\" height=\"{}\" fill=\"#444\" stroke=\"#000\"/>\n\
             <text x=\"{:.1}\" y=\"{}\">{}</text>\n",
            y + 4.0,
            ROW - 8.0,
            LABEL + BAR + 6.0,
            y + 17.0,
            h(&text)
        ));
    }
    svg.push_str(&format!(
        "</svg><figcaption class=\"muted\">{}</figcaption></figure>\n",
        h(s.plan_likes_chart)
    ));
    svg
}

fn type_name(s: &Strings, kind: Riasec) -> &'static str {
    match kind {
        Riasec::Realistic => s.likes_type_r,
        Riasec::Investigative => s.likes_type_i,
        Riasec::Artistic => s.likes_type_a,
        Riasec::Social => s.likes_type_s,
        Riasec::Enterprising => s.likes_type_e,
        Riasec::Conventional => s.likes_type_c,
    }
}

fn closeness_words(s: &Strings, c: Closeness) -> &'static str {
    match c {
        Closeness::Much => s.kiosk_likes_much,
        Closeness::Quite => s.kiosk_likes_quite,
        Closeness::Some => s.kiosk_likes_some,
        Closeness::Little => s.kiosk_likes_little,
    }
}
