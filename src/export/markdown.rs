//! The summary as Markdown: readable as plain text, safe when rendered.

use super::dates::in_words;
use super::escape::{markdown as md, markdown_block};
use super::html_plan::{details_line, fit_words, step_line};
use super::summary::{self, ProgramSummary, Summary, catalog_line};
use crate::i18n::fill;
use crate::session::MarkLevel;

pub fn render(summary: &Summary) -> String {
    let s = summary.lang.strings();
    let mut out = Vec::new();
    let mut push = |line: String| out.push(line);
    plan(&mut push, summary);
    push("---".to_string());
    push(String::new());
    if !summary.past_jobs.is_empty() {
        push(format!("## {}", s.export_experience));
        push(String::new());
        for j in &summary.past_jobs {
            push(format!(
                "- **{}** — {}",
                md(&j.title),
                md(&super::experience::past_job_line(summary.lang, j))
            ));
        }
        push(String::new());
    }
    push(format!("## {}", s.export_occupations));
    push(String::new());
    if summary.occupations.is_empty() {
        push(s.export_no_occupations.to_string());
        push(String::new());
    }
    for o in &summary.occupations {
        push(format!("### {} — {}", md(&o.title), summary::fit_line(summary.lang, o)));
        push(String::new());
        if !o.codes_detail.is_empty() {
            let codes = summary::codes_text(summary.lang, &o.codes_detail);
            push(format!("{}: {}", s.export_codes, md(&codes)));
            push(String::new());
        }
        if let Some(source) = summary::source_line(summary.lang, &o.source) {
            push(md(&source));
            push(String::new());
        }
        section(&mut push, s.export_has, o.has.iter().map(|t| md(t)).collect());
        section(&mut push, s.export_developing, o.developing.iter().map(|t| md(t)).collect());
        let missing = o
            .missing
            .iter()
            .map(|m| {
                if m.essential { md(&m.text) } else { format!("{} ({})", md(&m.text), s.importance_optional) }
            })
            .collect();
        section(&mut push, s.export_missing, missing);
        if let Some(note) = &o.note {
            push(format!("**{}:**", s.export_occupation_note));
            push(String::new());
            quote(&mut push, note);
        }
    }
    push(format!("## {}", s.export_competencies));
    push(String::new());
    if summary.competencies.is_empty() {
        push(s.export_no_competencies.to_string());
    }
    for c in &summary.competencies {
        let level = if c.level == MarkLevel::Has { s.mark_has } else { s.mark_developing };
        let origin = super::experience::origin_note(summary.lang, c)
            .map(|o| format!(" {}", md(&o)))
            .unwrap_or_default();
        push(format!("- {} — {level}{origin}", md(&c.name)));
    }
    push(String::new());
    if !summary.not_yet.is_empty() {
        push(format!("## {}", s.export_not_yet));
        push(String::new());
        summary.not_yet.iter().for_each(|t| push(format!("- {}", md(t))));
        push(String::new());
    }
    programs(&mut push, s.export_recommended, &summary.recommended, summary);
    if let Some(notes) = &summary.notes {
        push(format!("## {}", s.export_notes));
        push(String::new());
        quote(&mut push, notes);
    }
    if !summary.orphans.is_empty() {
        section(&mut push, s.export_orphans, summary.orphans.iter().map(|t| md(t)).collect());
    }
    push("---".to_string());
    push(String::new());
    for c in &summary.catalogs {
        push(md(&catalog_line(summary.lang, c)));
        push(String::new());
    }
    push(md(s.export_rights));
    push(String::new());
    out.join("\n")
}

/// The plan first, as on the printed page 1; Markdown has no pages, so nothing is cut.
fn plan(push: &mut impl FnMut(String), summary: &Summary) {
    let s = summary.lang.strings();
    let plan = &summary.plan;
    push(format!("# {}", md(s.handout_title)));
    push(String::new());
    push(format!("- **{}:** {}", s.export_date, md(&summary.date_words)));
    push(format!("- **{}:** {}", s.export_alias, md(&summary.alias)));
    if !summary.counselor.is_empty() {
        push(format!("- **{}:** {}", s.export_counselor, md(&summary.counselor)));
    }
    if !summary.office.is_empty() {
        let o = &summary.office;
        let fields = [
            (None, &o.name),
            (None, &o.id),
            (None, &o.address),
            (Some(s.handout_phone), &o.phone),
            (Some(s.handout_hours), &o.hours),
            (Some(s.handout_front_desk), &o.front_desk),
            (Some(s.handout_web), &o.website),
            (Some(s.handout_email), &o.email),
        ];
        let parts: Vec<String> = fields
            .iter()
            .filter_map(|(label, v)| {
                let v = md(v.as_deref()?);
                Some(label.map_or(v.clone(), |l| format!("{l}: {v}")))
            })
            .collect();
        push(format!("- **{}:** {}", s.handout_where, parts.join(" · ")));
    }
    push(String::new());
    if !plan.goals.is_empty() {
        push(format!("## {}", super::html_plan::goals_heading(summary)));
        push(String::new());
        for g in &plan.goals {
            push(format!("- **{}**: {}.", md(&g.title), md(&fit_words(summary.lang, g))));
        }
        push(String::new());
        push(format!("_{}_", md(s.handout_fit_not_chance)));
        push(String::new());
    }
    section(push, s.handout_strengths, plan.strengths.iter().map(|t| md(t)).collect());
    let work_on =
        plan.work_on
            .iter()
            .map(|m| {
                if m.essential { md(&m.text) } else { format!("{} ({})", md(&m.text), s.importance_optional) }
            })
            .collect();
    section(push, s.handout_work_on, work_on);
    push(format!("## {}", s.export_shortlisted));
    push(String::new());
    if summary.shortlisted.is_empty() && plan.without_program.is_empty() {
        push(s.export_none.to_string());
    }
    for p in &summary.shortlisted {
        let mut head = format!("- **{}** — {}", md(&p.name), md(&p.institution));
        if !p.level.is_empty() {
            head.push_str(&format!(" · {}", md(&p.level)));
        }
        if p.inferred {
            head.push_str(&format!(" · _{}_", s.link_inferred));
        }
        push(head);
        let line = details_line(summary.lang, p);
        if !line.is_empty() {
            push(format!("  {}", md(&line)));
        }
    }
    push(String::new());
    for title in &plan.without_program {
        push(md(&fill(s.handout_no_program, &[("title", title)])));
        push(String::new());
    }
    push(format!("## {}", s.export_next_steps));
    push(String::new());
    let steps: Vec<String> = if plan.steps.is_empty() {
        summary.next_steps.clone()
    } else {
        plan.steps.iter().map(|step| step_line(summary.lang, step, usize::MAX, usize::MAX).0).collect()
    };
    for (n, step) in steps.iter().enumerate() {
        push(format!("{}. {}", n + 1, md(step)));
    }
    push(String::new());
    let follow = plan.follow_up.map_or(s.handout_follow_up_none.to_string(), |d| in_words(summary.lang, d));
    push(format!("**{}:** {}", s.handout_follow_up, md(&follow)));
    push(String::new());
}

/// A note as a block quote, one paragraph per line: the lines the counselor typed stay lines when rendered.
fn quote(push: &mut impl FnMut(String), text: &str) {
    for (i, line) in markdown_block(text).into_iter().enumerate() {
        if i > 0 {
            push(">".to_string());
        }
        push(format!("> {line}"));
    }
    push(String::new());
}

fn section(push: &mut impl FnMut(String), title: &str, items: Vec<String>) {
    if items.is_empty() {
        return;
    }
    push(format!("**{title}:**"));
    push(String::new());
    for item in items {
        push(format!("- {item}"));
    }
    push(String::new());
}

fn programs(push: &mut impl FnMut(String), title: &str, list: &[ProgramSummary], summary: &Summary) {
    let s = summary.lang.strings();
    push(format!("## {title}"));
    push(String::new());
    if list.is_empty() {
        push(s.export_none.to_string());
    }
    for p in list {
        let mut line = format!("- **{}** — {}", md(&p.name), md(&p.institution));
        if !p.level.is_empty() {
            line.push_str(&format!(" · {}", md(&p.level)));
        }
        if p.inferred {
            line.push_str(&format!(" · _{}_", s.link_inferred));
        }
        push(line);
    }
    push(String::new());
}
