//! The summary as one self-contained HTML file: no scripts, no external resources, a print stylesheet
//! for A4 and Letter, and a layout that reads on a phone.

use super::escape::html as h;
use super::summary::{self, ProgramSummary, Summary, catalog_line};
use crate::i18n::Lang;
use crate::session::MarkLevel;

const STYLE: &str = "
:root { color-scheme: light; }
body { font-family: system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif; line-height: 1.45; color: #111;
       max-width: 46rem; margin: 0 auto; padding: 1rem; font-size: 1rem; }
h1 { font-size: 1.6rem; margin: 0 0 .5rem; }
h2 { font-size: 1.25rem; border-bottom: 2px solid #333; padding-bottom: .15rem; margin-top: 1.6rem; }
h3 { font-size: 1.05rem; margin-bottom: .25rem; }
dl.meta { display: grid; grid-template-columns: max-content 1fr; gap: .15rem .8rem; }
dl.meta dt { font-weight: 600; }
dl.meta dd { margin: 0; }
.fit { font-weight: 700; white-space: nowrap; }
.inferred { font-style: italic; color: #555; }
.muted { color: #555; }
blockquote { margin: .4rem 0; padding: .2rem .8rem; border-left: 4px solid #999; white-space: pre-wrap; }
section.occupation { break-inside: avoid; page-break-inside: avoid; }
footer { margin-top: 2rem; font-size: .9rem; color: #333; border-top: 1px solid #999; padding-top: .5rem; }
@media (max-width: 30rem) { body { padding: .6rem; font-size: 1.05rem; } dl.meta { grid-template-columns: 1fr; } }
@page { margin: 15mm; }
@media print {
  body { max-width: none; padding: 0; font-size: 11pt; color: #000; }
  h2 { break-after: avoid; page-break-after: avoid; }
  .inferred, .muted { color: #000; }
}
";

pub fn render(summary: &Summary) -> String {
    let s = summary.lang.strings();
    let mut b = String::new();
    let lang = if summary.lang == Lang::En { "en" } else { "es" };
    b.push_str(&format!(
        "<!DOCTYPE html>\n<html lang=\"{lang}\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <title>{} — {}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n",
        h(s.export_title),
        h(&summary.alias)
    ));
    b.push_str(&format!("<h1>{}</h1>\n<dl class=\"meta\">\n", h(s.export_title)));
    b.push_str(&format!("<dt>{}</dt><dd>{}</dd>\n", h(s.export_date), h(&summary.date)));
    b.push_str(&format!("<dt>{}</dt><dd>{}</dd>\n", h(s.export_alias), h(&summary.alias)));
    if !summary.counselor.is_empty() {
        b.push_str(&format!("<dt>{}</dt><dd>{}</dd>\n", h(s.export_counselor), h(&summary.counselor)));
    }
    b.push_str("</dl>\n");
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
    programs(&mut b, s.export_shortlisted, &summary.shortlisted, summary);
    programs(&mut b, s.export_recommended, &summary.recommended, summary);
    if let Some(notes) = &summary.notes {
        b.push_str(&format!("<h2>{}</h2>\n<blockquote>{}</blockquote>\n", h(s.export_notes), h(notes)));
    }
    if !summary.orphans.is_empty() {
        b.push_str(&format!("<h2>{}</h2>\n", h(s.export_orphans)));
        list(&mut b, "", summary.orphans.iter().map(|t| h(t)).collect());
    }
    b.push_str(&format!("<h2>{}</h2>\n<ol>\n", h(s.export_next_steps)));
    for step in &summary.next_steps {
        b.push_str(&format!("<li>{}</li>\n", h(step)));
    }
    b.push_str("</ol>\n<footer>\n");
    for c in &summary.catalogs {
        b.push_str(&format!("<p>{}</p>\n", h(&catalog_line(summary.lang, c))));
    }
    b.push_str(&format!("<p><strong>{}</strong></p>\n</footer>\n</body>\n</html>\n", h(s.export_rights)));
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
