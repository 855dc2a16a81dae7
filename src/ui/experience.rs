//! The Experiencia panel (`l`): the job title typed and the occupations it names, the past jobs, and
//! what the selected job gave (its destrezas and conocimientos, marked, each saying which job it came
//! from) and offers (its functions, to mark). Fits 80×24: every part keeps at least a few rows; each
//! says at the right of its heading where its cursor is ("↑ 7/15 ↓").

use super::Ui;
use super::functions::mark_symbol;
use super::layout::offset;
use super::list::{clip, clip_spans, draw_rows};
use super::regions::{Regions, Rows};
use crate::app::{Area, ExperienceField, ExperiencePanel, Workspace};
use crate::catalog::first_form;
use crate::i18n::fill;
use crate::session::MarkKind;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

pub fn draw(
    model: &Ui,
    ws: &Workspace,
    panel: &ExperiencePanel,
    frame: &mut Frame,
    area: Rect,
    regions: &mut Regions,
) {
    let s = model.lang.strings();
    let t = &model.theme;
    let inner = super::large_panel(model, frame, area, s.experience_title);
    let tall = inner.height >= 30;
    let [query, results, jobs_title, jobs, items_title, items, hint] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Length(if tall { 8 } else { 5 }),
        Constraint::Length(1),
        Constraint::Length(if tall { 5 } else { 3 }),
        Constraint::Length(1),
        Constraint::Min(3),
        Constraint::Length(1),
    ])
    .areas(inner);
    let heading = |field: ExperienceField| if panel.field == field { t.border_focused } else { t.title };
    let set = &model.catalog;

    let prompt = Line::from(vec![
        Span::styled(format!(" {}: ", s.experience_job_title), heading(ExperienceField::Search)),
        Span::raw(panel.query.clone()),
        Span::styled(if panel.field == ExperienceField::Search { "▏" } else { "" }, t.key),
    ]);
    frame.render_widget(Paragraph::new(prompt), query);
    let room = usize::from(results.width);
    let rows: Vec<Vec<Line<'static>>> = if panel.results.is_empty() {
        let hint = if panel.query.trim().is_empty() {
            s.experience_type_hint.to_string()
        } else {
            fill(s.search_no_results, &[("query", &panel.query)])
        };
        vec![vec![Line::styled(clip(&format!("   {hint}"), room), t.dim)]]
    } else {
        panel
            .results
            .iter()
            .map(|m| {
                let occupation = set.occupation(&m.occupation);
                let name = occupation.map(|o| o.list_title()).unwrap_or_default();
                let code =
                    occupation.and_then(|o| o.codes.first()).map(|c| format!(" ({} {})", c.system, c.code));
                let context = if m.own {
                    code.unwrap_or_default()
                } else {
                    format!(" — {name}{}", code.unwrap_or_default())
                };
                vec![clip_spans(
                    vec![Span::raw(format!("   {}", first_form(&m.title))), Span::styled(context, t.dim)],
                    room,
                )]
            })
            .collect()
    };
    let chosen = (!panel.results.is_empty()).then_some(panel.result);
    let shown = List { field: ExperienceField::Search, area: results, heading: query };
    list(model, panel, frame, regions, shown, rows, chosen);

    let title = fill(s.experience_jobs, &[("count", &ws.session.past_jobs.len())]);
    frame.render_widget(
        Paragraph::new(Line::styled(format!(" {title}"), heading(ExperienceField::Jobs))),
        jobs_title,
    );
    let room = usize::from(jobs.width);
    let rows: Vec<Vec<Line<'static>>> = if ws.session.past_jobs.is_empty() {
        vec![vec![Line::styled(clip(&format!("   {}", s.experience_no_jobs), room), t.dim)]]
    } else {
        ws.session
            .past_jobs
            .iter()
            .map(|j| {
                let occupation = set.occupation(&j.occupation);
                let name = first_form(occupation.map_or(j.occupation_text.as_str(), |o| o.title.as_str()));
                let code =
                    occupation.and_then(|o| o.codes.first()).map(|c| format!(" ({} {})", c.system, c.code));
                let context = format!(" — {name}{}", code.unwrap_or_default());
                vec![clip_spans(
                    vec![Span::raw(format!("   {}", first_form(&j.title))), Span::styled(context, t.dim)],
                    room,
                )]
            })
            .collect()
    };
    let chosen = (!ws.session.past_jobs.is_empty()).then_some(panel.job);
    list(
        model,
        panel,
        frame,
        regions,
        List { field: ExperienceField::Jobs, area: jobs, heading: jobs_title },
        rows,
        chosen,
    );

    let job = ws.session.past_jobs.get(panel.job);
    let title =
        job.map(|j| fill(s.experience_items, &[("title", &first_form(&j.title))])).unwrap_or_default();
    let room = usize::from(items.width);
    let rows: Vec<Vec<Line<'static>>> = panel
        .items(&ws.session, set)
        .into_iter()
        .map(|row| {
            let (symbol, style) = mark_symbol(model, row.level);
            let kind = match (row.kind, set.competency(&row.id).map(|c| c.kind)) {
                (MarkKind::Function, _) => s.kind_function,
                (_, Some(crate::catalog::CompetencyKind::Knowledge)) => s.experience_knowledge,
                _ => s.experience_skill,
            };
            let mut spans = vec![
                Span::styled(format!(" {symbol} "), style),
                Span::styled(format!("{:<13}", clip(kind, 12)), t.dim),
                Span::raw(row.text.clone()),
            ];
            if !row.from.is_empty() {
                let from = fill(
                    s.export_from,
                    &[("jobs", &row.from.iter().map(|f| first_form(f)).collect::<Vec<_>>().join(", "))],
                );
                spans.push(Span::styled(format!(" · {from}"), t.dim));
            }
            vec![clip_spans(spans, room)]
        })
        .collect();
    let chosen = (!rows.is_empty()).then_some(panel.item);
    let shown = List { field: ExperienceField::Items, area: items, heading: items_title };
    // The heading gives way to the position, cut with `…`, when both do not fit.
    let taken = list(model, panel, frame, regions, shown, rows, chosen);
    let title_room = items_title.width.saturating_sub(taken + u16::from(taken > 0));
    let title = clip(&format!(" {title}"), usize::from(title_room));
    let at = Rect { width: title_room, ..items_title };
    frame.render_widget(Paragraph::new(Line::styled(title, heading(ExperienceField::Items))), at);

    let entries = match panel.field {
        ExperienceField::Search => super::keys::FOOTER_EXPERIENCE_SEARCH,
        ExperienceField::Jobs => super::keys::FOOTER_EXPERIENCE_JOBS,
        ExperienceField::Items => super::keys::FOOTER_EXPERIENCE_ITEMS,
    };
    let keys = super::keys::footer_within(&model.keymap, entries, model.lang, usize::from(hint.width) - 1);
    frame.render_widget(
        Paragraph::new(Line::styled(clip(&format!(" {keys}"), usize::from(hint.width)), t.key)),
        hint,
    );
}

/// One part of the panel: its field, its rows' area and the line above them.
struct List {
    field: ExperienceField,
    area: Rect,
    heading: Rect,
}

/// Draws one part's rows, records them for the mouse, and says at the right of its heading line where its
/// cursor is ("↑ 7/15 ↓"), as the panes say it on their borders; returns the cells that took.
fn list(
    model: &Ui,
    panel: &ExperiencePanel,
    frame: &mut Frame,
    regions: &mut Regions,
    part: List,
    rows: Vec<Vec<Line<'static>>>,
    selected: Option<usize>,
) -> u16 {
    let t = &model.theme;
    let focused = panel.field == part.field;
    let visible = usize::from(part.area.height);
    let first = offset(selected.unwrap_or(0), visible);
    regions.record(Area::Experience(part.field), part.area, Some(Rows { rect: part.area, first, lines: 1 }));
    let style = if focused { t.selected } else { t.selected_unfocused };
    let mut taken = 0;
    if let Some(at) = selected.and_then(|i| super::list::position(i, rows.len(), visible)) {
        taken = u16::try_from(super::list::width(&at)).unwrap_or(0).min(part.heading.width);
        let rect = Rect { x: part.heading.right().saturating_sub(taken), width: taken, ..part.heading };
        let at_style = if focused { t.border_focused } else { t.dim };
        frame.render_widget(Paragraph::new(Line::styled(at, at_style)), rect);
    }
    draw_rows(frame, part.area, rows, selected, style, 1);
    taken
}
