//! The summary as one self-contained HTML file: no scripts, no external resources, a print stylesheet
//! for A4 and Letter, and a layout that reads on a phone. Page 1 is the plan (`html_plan`); the details
//! follow.

use super::escape::html as h;
use super::html_plan;
use super::style::STYLE;
use super::summary::{self, ProgramSummary, Summary, catalog_line};
use crate::i18n::Lang;
use crate::session::MarkLevel;

/// The browser may load nothing and run nothing: only the stylesheet inside the file applies. A second
/// line of defence behind the escaping, should a text ever get through.
const CSP: &str = "default-src 'none'; style-src 'unsafe-inline'";

pub fn render(summary: &Summary) -> String {
    let s = summary.lang.strings();
    let mut b = String::new();
    let lang = if summary.lang == Lang::En { "en" } else { "es" };
    b.push_str(&format!(
        "<!DOCTYPE html>\n<html lang=\"{lang}\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <meta http-equiv=\"Content-Security-Policy\" content=\"{CSP}\">\n\
         <title>{} — {}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n",
        h(s.handout_title),
        h(&summary.alias)
    ));
    let overflow = html_plan::render(&mut b, summary);
    b.push_str("<section class=\"details\">\n");
    if overflow.header {
        // Page 1 cut a name or the office's details: here they are whole (the heading says whose plan).
        b.push_str(
            &html_plan::who_and_where(summary, None)
                .0
                .replacen("<h1>", "<h2>", 1)
                .replacen("</h1>", "</h2>", 1),
        );
    }
    if overflow.programs {
        b.push_str(&format!("<h2>{}</h2>\n<ul>\n", h(s.handout_details)));
        for p in &summary.shortlisted {
            let line = html_plan::details_line(summary.lang, p);
            let head = format!("<strong>{}</strong> — {}", h(&p.name), h(&p.institution));
            let level = html_plan::level_and_link(summary.lang, p);
            b.push_str(&format!("<li>{head}{level}<br>{}</li>\n", h(&line)));
        }
        b.push_str("</ul>\n");
    }
    if overflow.steps {
        b.push_str(&format!("<h2>{}</h2>\n<ol>\n", h(s.handout_all_steps)));
        for step in &summary.plan.steps {
            b.push_str(&format!(
                "<li>{}</li>\n",
                h(&html_plan::step_line(summary.lang, step, usize::MAX, usize::MAX).0)
            ));
        }
        if summary.plan.steps.is_empty() {
            summary.next_steps.iter().for_each(|t| b.push_str(&format!("<li>{}</li>\n", h(t))));
        }
        b.push_str("</ol>\n");
    }
    if let Some(likes) = &summary.likes {
        super::plan_likes::render(&mut b, likes, summary.lang);
    }
    if !summary.past_jobs.is_empty() {
        b.push_str(&format!("<h2>{}</h2>\n", h(s.export_experience)));
        let jobs = summary.past_jobs.iter();
        list(
            &mut b,
            "",
            jobs.map(|j| {
                format!(
                    "<strong>{}</strong> — {}",
                    h(&j.title),
                    h(&super::experience::past_job_line(summary.lang, j))
                )
            })
            .collect(),
        );
    }
    b.push_str(&format!("<h2>{}</h2>\n", h(s.export_occupations)));
    if summary.occupations.is_empty() {
        b.push_str(&format!("<p>{}</p>\n", h(s.export_no_occupations)));
    }
    for o in &summary.occupations {
        b.push_str("<section class=\"occupation\">\n");
        b.push_str(&format!(
            "<h3>{} <span class=\"fit\">— {}</span></h3>\n",
            h(&o.title),
            h(&summary::fit_line(summary.lang, o))
        ));
        if !o.codes_detail.is_empty() {
            let codes = summary::codes_text(summary.lang, &o.codes_detail);
            b.push_str(&format!("<p class=\"muted\">{}: {}</p>\n", h(s.export_codes), h(&codes)));
        }
        if let Some(source) = summary::source_line(summary.lang, &o.source) {
            b.push_str(&format!("<p class=\"muted\">{}</p>\n", h(&source)));
        }
        list(&mut b, s.export_has, o.has.iter().map(|t| h(t)).collect());
        list(&mut b, s.export_developing, o.developing.iter().map(|t| h(t)).collect());
        let missing = o
            .missing
            .iter()
            .map(|m| {
                if m.essential {
                    h(&m.text)
                } else {
                    format!("{} ({})", h(&m.text), h(s.importance_optional))
                }
            })
            .collect();
        list(&mut b, s.export_missing, missing);
        if let Some(note) = &o.note {
            b.push_str(&format!(
                "<p><strong>{}:</strong></p>\n<blockquote>{}</blockquote>\n",
                h(s.export_occupation_note),
                h(note)
            ));
        }
        b.push_str("</section>\n");
    }
    b.push_str(&format!("<h2>{}</h2>\n", h(s.export_competencies)));
    if summary.competencies.is_empty() {
        b.push_str(&format!("<p>{}</p>\n", h(s.export_no_competencies)));
    } else {
        b.push_str("<ul>\n");
        for c in &summary.competencies {
            let level = if c.level == MarkLevel::Has { s.mark_has } else { s.mark_developing };
            let origin = super::experience::origin_note(summary.lang, c)
                .map(|o| format!(" {}", h(&o)))
                .unwrap_or_default();
            b.push_str(&format!("<li>{} — {}{origin}</li>\n", h(&c.name), h(level)));
        }
        b.push_str("</ul>\n");
    }
    if !summary.not_yet.is_empty() {
        b.push_str(&format!("<h2>{}</h2>\n", h(s.export_not_yet)));
        list(&mut b, "", summary.not_yet.iter().map(|t| h(t)).collect());
    }
    programs(&mut b, s.export_recommended, &summary.recommended, summary);
    if let Some(notes) = &summary.notes {
        b.push_str(&format!("<h2>{}</h2>\n<blockquote>{}</blockquote>\n", h(s.export_notes), h(notes)));
    }
    if !summary.orphans.is_empty() {
        b.push_str(&format!("<h2>{}</h2>\n", h(s.export_orphans)));
        list(&mut b, "", summary.orphans.iter().map(|t| h(t)).collect());
    }
    b.push_str("<footer>\n");
    for c in &summary.catalogs {
        b.push_str(&format!("<p>{}</p>\n", h(&catalog_line(summary.lang, c))));
    }
    b.push_str(&format!(
        "<p><strong>{}</strong></p>\n</footer>\n</section>\n</body>\n</html>\n",
        h(s.export_rights)
    ));
    b
}

/// A titled list of already-escaped items; nothing when empty.
fn list(b: &mut String, title: &str, items: Vec<String>) {
    if items.is_empty() {
        return;
    }
    if !title.is_empty() {
        b.push_str(&format!("<p><strong>{}:</strong></p>\n", h(title)));
    }
    b.push_str("<ul>\n");
    for item in items {
        b.push_str(&format!("<li>{item}</li>\n"));
    }
    b.push_str("</ul>\n");
}

fn programs(b: &mut String, title: &str, list: &[ProgramSummary], summary: &Summary) {
    let s = summary.lang.strings();
    b.push_str(&format!("<h2>{}</h2>\n", h(title)));
    if list.is_empty() {
        b.push_str(&format!("<p>{}</p>\n", h(s.export_none)));
        return;
    }
    b.push_str("<ul>\n");
    for p in list {
        let mut line = format!("<strong>{}</strong> — {}", h(&p.name), h(&p.institution));
        if !p.level.is_empty() {
            line.push_str(&format!(" · {}", h(&p.level)));
        }
        if p.inferred {
            line.push_str(&format!(" · <span class=\"inferred\">{}</span>", h(s.link_inferred)));
        }
        b.push_str(&format!("<li>{line}</li>\n"));
    }
    b.push_str("</ul>\n");
}
