//! Page 1 of the HTML summary: the plan. Every text is cut to a length that keeps the page one page
//! (A4 and Letter, 10 pt); what was cut says "ver página 2", where the whole of it is.

use super::dates::in_words;
use super::escape::html as h;
use super::plan::{StepSummary, clip};
use super::summary::{ProgramSummary, Summary};
use crate::i18n::{Lang, fill};
use crate::session::Who;

/// How much of each text page 1 shows, in characters, and how many programs and steps: measured so that
/// a plan with every text at its longest still fits one A4 or Letter page at 10 pt
/// (tests/it/plan_print.rs, `a_plan_at_every_limit_still_fits_on_page_one`).
const HEADER: usize = 45;
const TITLE: usize = 70;
const NAME: usize = 70;
const INSTITUTION: usize = 30;
/// A strength or a thing to work on: one line of a half-width column.
const ITEM: usize = 52;
/// A goal's title in "no program for it": the sentence stays one line.
const NO_PROGRAM_TITLE: usize = 35;
const DETAILS: usize = 150;
const STEP: usize = 70;
const BRING: usize = 55;
/// A suggested step of a session without steps of its own: no date, no one, nothing to bring.
const SUGGESTED_STEP: usize = 140;
pub const PROGRAMS: usize = 3;
pub const STEPS: usize = 5;

/// What page 1 left for page 2.
#[derive(Default)]
pub struct Overflow {
    /// The alias, the counselor or a line of the office.
    pub header: bool,
    pub programs: bool,
    pub steps: bool,
}

pub fn render(b: &mut String, summary: &Summary) -> Overflow {
    let s = summary.lang.strings();
    let plan = &summary.plan;
    let mut overflow = Overflow::default();
    let see = format!(" <span class=\"see\">({})</span>", h(s.handout_see_page_2));
    let cut = |text: &str, max: usize| {
        let (text, cut) = clip(text, max);
        if cut { format!("{}{see}", h(&text)) } else { h(&text) }
    };
    b.push_str("<section class=\"plan\">\n<header>\n<div>\n");
    let (who, who_cut) = who_and_where(summary, Some(HEADER));
    overflow.header = who_cut;
    b.push_str(&who);
    b.push_str("</div>\n");
    if let Some(url) = qr_url(summary)
        && let Some(svg) = super::qr::svg(url)
    {
        b.push_str(&format!(
            "<figure class=\"qr\">{svg}<figcaption>{}</figcaption></figure>\n",
            h(&clip(url, 48).0)
        ));
    }
    b.push_str("</header>\n");

    if !plan.goals.is_empty() {
        let title = goals_heading(summary);
        b.push_str(&format!("<h2>{}</h2>\n<ul>\n", h(title)));
        for g in &plan.goals {
            b.push_str(&format!(
                "<li><strong>{}</strong>: {}.</li>\n",
                cut(&g.title, TITLE),
                h(&fit_words(summary.lang, g))
            ));
        }
        b.push_str(&format!("</ul>\n<p class=\"caveat\">{}</p>\n", h(s.handout_fit_not_chance)));
    }
    if !plan.strengths.is_empty() || !plan.work_on.is_empty() {
        // One line per item; a cut item ends in "…" and its list's heading says where the whole is
        // (the explored occupations, from page 2 on).
        let column = |title: &str, items: Vec<(String, &str)>| -> String {
            let mut cut_any = false;
            let lines: Vec<String> = items
                .iter()
                .map(|(text, tag)| {
                    // The tag ("(opcional)") shares the one line.
                    let (text, cut) = clip(text, ITEM.saturating_sub(tag.chars().count()));
                    cut_any |= cut;
                    format!("<li>{}{tag}</li>\n", h(&text))
                })
                .collect();
            let more = if cut_any { see.as_str() } else { "" };
            format!("<h2>{}{more}</h2>\n<ul>\n{}</ul>\n", h(title), lines.concat())
        };
        let optional = format!(" ({})", h(s.importance_optional));
        b.push_str("<div class=\"two\">\n<div>\n");
        if !plan.strengths.is_empty() {
            b.push_str(&column(
                s.handout_strengths,
                plan.strengths.iter().map(|t| (t.clone(), "")).collect(),
            ));
        }
        b.push_str("</div>\n<div>\n");
        if !plan.work_on.is_empty() {
            let items = plan
                .work_on
                .iter()
                .map(|m| (m.text.clone(), if m.essential { "" } else { optional.as_str() }));
            b.push_str(&column(s.handout_work_on, items.collect()));
        }
        b.push_str("</div>\n</div>\n");
    }

    // More than page 1 holds: its heading says where the rest is.
    let more_programs = summary.shortlisted.len() > PROGRAMS;
    let more = if more_programs { see.as_str() } else { "" };
    b.push_str(&format!("<h2>{}{more}</h2>\n", h(s.export_shortlisted)));
    if summary.shortlisted.is_empty() && plan.without_program.is_empty() {
        b.push_str(&format!("<p>{}</p>\n", h(s.export_none)));
    }
    if !summary.shortlisted.is_empty() {
        b.push_str("<ul>\n");
        for p in summary.shortlisted.iter().take(PROGRAMS) {
            let (name, name_cut) = clip(&p.name, NAME);
            let (inst, inst_cut) = clip(&p.institution, INSTITUTION);
            let (line, line_cut) = clip(&details_line(summary.lang, p), DETAILS);
            let mut item = format!("<strong>{}</strong> — {}", h(&name), h(&inst));
            item.push_str(&level_and_link(summary.lang, p));
            if !line.is_empty() {
                item.push_str(&format!("<br>{}", h(&line)));
            }
            if name_cut || inst_cut || line_cut {
                item.push_str(&see);
                overflow.programs = true;
            }
            b.push_str(&format!("<li>{item}</li>\n"));
        }
        overflow.programs |= more_programs;
        b.push_str("</ul>\n");
    }
    for title in &plan.without_program {
        b.push_str(&format!(
            "<p>{}</p>\n",
            h(&fill(s.handout_no_program, &[("title", &clip(title, NO_PROGRAM_TITLE).0)]))
        ));
    }

    let more_steps = if plan.steps.is_empty() { summary.next_steps.len() } else { plan.steps.len() } > STEPS;
    let more = if more_steps { see.as_str() } else { "" };
    b.push_str(&format!("<h2>{}{more}</h2>\n<ol>\n", h(s.export_next_steps)));
    if plan.steps.is_empty() {
        // A session without a plan of its own: the steps the summary always suggested.
        for step in summary.next_steps.iter().take(STEPS) {
            overflow.steps |= clip(step, SUGGESTED_STEP).1;
            b.push_str(&format!("<li>{}</li>\n", cut(step, SUGGESTED_STEP)));
        }
    } else {
        for step in plan.steps.iter().take(STEPS) {
            let (line, was_cut) = step_line(summary.lang, step, STEP, BRING);
            overflow.steps |= was_cut;
            b.push_str(&format!("<li>{}{}</li>\n", h(&line), if was_cut { see.as_str() } else { "" }));
        }
    }
    overflow.steps |= more_steps;
    b.push_str("</ol>\n");
    let follow = match plan.follow_up {
        Some(date) => format!("{}: {}", s.handout_follow_up, in_words(summary.lang, date)),
        None => format!("{}: {}", s.handout_follow_up, s.handout_follow_up_none),
    };
    b.push_str(&format!("<p class=\"follow\">{}</p>\n</section>\n", h(&follow)));
    overflow
}

/// "Su meta", "Sus metas", or "La ocupación que mejor encaja" when the session names no goal.
pub fn goals_heading(summary: &Summary) -> &'static str {
    let s = summary.lang.strings();
    match (summary.plan.goal_is_best_fit, summary.plan.goals.len()) {
        (true, _) => s.handout_goal_best,
        (false, 1) => s.handout_goals,
        (false, _) => s.handout_goals_two,
    }
}

/// The web address the QR code holds: the first chosen program's, else the office's — the first of
/// them a code can hold (a web address short enough to scan).
pub fn qr_url(summary: &Summary) -> Option<&str> {
    let program = summary.shortlisted.first().and_then(|p| p.url.as_deref());
    program.into_iter().chain(summary.office.website.as_deref()).find(|u| super::qr::encodable(u))
}

/// The heading, who and when, and the office block, each text cut to `max` (and saying so) when given;
/// and whether any was cut.
pub fn who_and_where(summary: &Summary, max: Option<usize>) -> (String, bool) {
    let s = summary.lang.strings();
    let see = format!(" <span class=\"see\">({})</span>", h(s.handout_see_page_2));
    let any_cut = std::cell::Cell::new(false);
    let cut = |text: &str| match max {
        Some(max) => {
            let (text, cut) = clip(text, max);
            any_cut.set(any_cut.get() || cut);
            h(&text)
        }
        None => h(text),
    };
    let mut b = format!("<h1>{} — {}</h1>\n", h(s.handout_title), cut(&summary.alias));
    let mut who = h(&fill(s.handout_when, &[("date", &summary.date_words)]));
    if !summary.counselor.is_empty() {
        who.push_str(&format!(" · {}: {}", h(s.export_counselor), cut(&summary.counselor)));
    }
    // One "ver página 2" for the whole block, after its last line.
    let office = !summary.office.is_empty();
    let more = if any_cut.get() && !office { see.as_str() } else { "" };
    b.push_str(&format!("<p>{who}{more}</p>\n"));
    if !summary.office.is_empty() {
        let o = &summary.office;
        let line = |parts: &[(Option<&str>, &Option<String>)]| -> Option<String> {
            let items: Vec<String> = parts
                .iter()
                .filter_map(|(label, v)| {
                    let v = cut(v.as_deref()?);
                    Some(label.map_or(v.clone(), |l| format!("{}: {v}", h(l))))
                })
                .collect();
            (!items.is_empty()).then(|| items.join(" · "))
        };
        let lines = [
            line(&[(None, &o.name), (None, &o.id)]),
            line(&[(None, &o.address), (Some(s.handout_phone), &o.phone)]),
            line(&[(Some(s.handout_hours), &o.hours), (Some(s.handout_front_desk), &o.front_desk)]),
            line(&[(Some(s.handout_web), &o.website), (Some(s.handout_email), &o.email)]),
        ];
        let lines: Vec<String> = lines.into_iter().flatten().collect();
        let more = if any_cut.get() { see.as_str() } else { "" };
        let lines = lines.join("<br>");
        b.push_str(&format!("<address><strong>{}:</strong> {lines}{more}</address>\n", h(s.handout_where)));
    }
    (b, any_cut.get())
}

/// "ya sabe hacer 7 de las 12 cosas que pide esta ocupación, y está aprendiendo 2 más"
pub fn fit_words(lang: Lang, g: &super::plan::GoalSummary) -> String {
    let s = lang.strings();
    let mut words = fill(s.handout_fit_words, &[("has", &g.has), ("total", &g.essential)]);
    if g.developing > 0 {
        words.push_str(&format!(" {}", fill(s.handout_fit_learning, &[("count", &g.developing)])));
    }
    words
}

/// " · Técnico laboral · <span class="inferred">relación inferida</span>": what follows a program's
/// institution, escaped.
pub fn level_and_link(lang: Lang, p: &ProgramSummary) -> String {
    let mut line = String::new();
    if !p.level.is_empty() {
        line.push_str(&format!(" · {}", h(&clip(&p.level, INSTITUTION).0)));
    }
    if p.inferred {
        line.push_str(&format!(" · <span class=\"inferred\">{}</span>", h(lang.strings().link_inferred)));
    }
    line
}

/// "Modalidad: presencial · Duración: 6 meses · …", the details a program has.
pub fn details_line(lang: Lang, p: &ProgramSummary) -> String {
    let s = lang.strings();
    let modality = p.modality.map(|m| {
        let name = match m {
            crate::catalog::Modality::Presencial => s.modality_presencial,
            crate::catalog::Modality::Virtual => s.modality_virtual,
            crate::catalog::Modality::Mixta => s.modality_mixta,
        };
        format!("{}: {name}", s.handout_modality)
    });
    // The same words as the programs pane.
    let parts = [
        (s.program_duration, &p.duration),
        (s.program_schedule, &p.schedule),
        (s.program_cost, &p.cost),
        (s.program_requirements, &p.requirements),
        (s.program_contact, &p.contact),
        (s.program_url, &p.url),
    ];
    let texts = parts.into_iter().filter_map(|(template, v)| Some(fill(template, &[("value", v.as_ref()?)])));
    modality.into_iter().chain(texts).collect::<Vec<_>>().join(" · ")
}

/// "15 de marzo de 2027 — Inscribirse en … (usted). Qué llevar: cédula, diploma.", the text cut to `max`
/// and what to bring to `bring_max`.
pub fn step_line(lang: Lang, step: &StepSummary, max: usize, bring_max: usize) -> (String, bool) {
    let s = lang.strings();
    let who = if step.who == Who::Orientador { s.handout_who_counselor } else { s.handout_who_person };
    let (text, text_cut) = clip(&step.text, max);
    let mut line = match step.date {
        Some(date) => format!("{} — {text} ({who})", in_words(lang, date)),
        None => format!("{text} ({who})"),
    };
    if step.done {
        line.push_str(&format!(" ✓ {}", s.handout_done));
    }
    let mut bring_cut = false;
    if !step.bring.is_empty() {
        let (bring, cut) = clip(&step.bring.join(", "), bring_max);
        bring_cut = cut;
        line.push_str(&format!(". {}: {bring}", s.handout_bring));
    }
    (line, text_cut || bring_cut)
}
