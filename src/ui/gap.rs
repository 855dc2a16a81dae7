//! The gap popup (`g`): what the person does not have yet for the focused occupation, essential first, and
//! the programs that address it.

use super::functions::mark_symbol;
use super::layout::centered;
use super::popup;
use crate::app::{Model, Workspace};
use crate::catalog::Importance;
use crate::i18n::fill;
use crate::session::{MarkLevel, gap};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Wrap};

pub fn draw(model: &Model, ws: &Workspace, frame: &mut Frame, area: Rect) {
    let s = model.lang.strings();
    let t = &model.theme;
    let Some(occupation) = ws.current_occupation(&model.catalog) else { return };
    let Some(gap) = gap(&ws.session, &model.catalog, &occupation.id) else { return };
    let width = (area.width * 4 / 5).max(76);
    let height = (area.height * 4 / 5).max(20);
    let title = fill(s.gap_title, &[("title", &occupation.title)]);
    let inner = popup(model, frame, centered(area, width, height), title);
    let mut lines = Vec::new();
    let optional = |i: Importance| {
        if i == Importance::Optional { format!(" ({})", s.importance_optional) } else { String::new() }
    };
    lines.push(Line::styled(s.gap_missing, t.title));
    if gap.missing.iter().all(|m| m.importance == Importance::Optional) {
        lines.push(Line::styled(format!("  {}", s.gap_nothing), t.ok));
    }
    let (none, none_style) = mark_symbol(model, None);
    for item in &gap.missing {
        lines.push(Line::from(vec![
            Span::styled(format!("  {none} "), none_style),
            Span::raw(item.text.clone()),
            Span::styled(optional(item.importance), t.dim),
        ]));
    }
    if !gap.developing.is_empty() {
        lines.push(Line::default());
        lines.push(Line::styled(s.gap_developing, t.title));
        let (half, half_style) = mark_symbol(model, Some(MarkLevel::InDevelopment));
        for item in &gap.developing {
            lines.push(Line::from(vec![
                Span::styled(format!("  {half} "), half_style),
                Span::raw(item.text.clone()),
            ]));
        }
    }
    lines.push(Line::default());
    lines.push(Line::styled(s.gap_programs, t.title));
    for p in &gap.programs {
        let level = if p.level.is_empty() { s.level_unknown } else { p.level.as_str() };
        let mut spans = vec![
            Span::styled(if p.shortlisted { "  ✓ " } else { "  · " }, t.has),
            Span::raw(format!("{} — {} ", p.institution, p.name)),
            Span::styled(format!("({level})"), t.dim),
        ];
        if p.inferred {
            spans.push(Span::styled(format!(" · {}", s.link_inferred), t.inferred));
        }
        lines.push(Line::from(spans));
    }
    if gap.programs.is_empty() {
        lines.push(Line::styled(format!("  {}", s.no_programs), t.dim));
    }
    lines.push(Line::default());
    lines.push(Line::styled(s.gap_hint, t.key));
    frame.render_widget(Paragraph::new(lines).wrap(Wrap { trim: false }), inner);
}
