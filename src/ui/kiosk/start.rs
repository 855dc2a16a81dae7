//! Where a visit starts: "¿En qué ha trabajado?" (a job title typed and chosen), "Explorar por sector"
//! (a sector chosen) — either gives the occupations the questions go through — or, issue 16, "¿Qué le
//! gusta hacer?" (the activities the visitor likes, then the occupations that go with them).

use super::super::layout::offset;
use super::super::list::{clip, wrap};
use super::super::regions::{Regions, Rows};
use super::super::{Ui, keys};
use super::bar;
use crate::app::kiosk_visit::{Step, Target, Visit};
use crate::app::{Area, Workspace};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

pub fn draw(model: &Ui, ws: &Workspace, visit: &Visit, frame: &mut Frame, area: Rect, regions: &mut Regions) {
    let s = model.lang.strings();
    let (title, entries): (&str, &'static [keys::Entry]) = match &visit.step {
        Step::Title(_) => (s.kiosk_start_by_title, keys::FOOTER_KIOSK_TITLE),
        Step::Sector(_) => (s.kiosk_sector_title, keys::FOOTER_KIOSK_LIST),
        _ => (s.kiosk_start_title, keys::FOOTER_KIOSK_START),
    };
    let (inner, keys_at) = bar::screen(model, ws, visit.saved, frame, area, title);
    match &visit.step {
        Step::Title(search) => {
            let t = &model.theme;
            let room = usize::from(inner.width);
            frame.render_widget(Paragraph::new(Line::styled(s.kiosk_title_prompt, t.title)), line(inner, 0));
            let typed = Line::styled(format!(" {}_ ", search.query), t.selected);
            frame.render_widget(Paragraph::new(typed), line(inner, 1));
            let rows: Vec<Line<'static>> =
                search.matches.iter().map(|m| Line::raw(clip(&m.title, room))).collect();
            let list = Rect { y: inner.y + 3, height: inner.height.saturating_sub(5), ..inner };
            list_rows(model, frame, (inner, list), &rows, search.selected, regions);
            let said = if search.nothing {
                Some((s.kiosk_title_pick, t.error))
            } else if rows.is_empty() && !search.query.trim().is_empty() {
                Some((s.kiosk_title_none, t.warning))
            } else {
                None
            };
            if let Some((text, style)) = said {
                let at = line(inner, inner.height.saturating_sub(1));
                frame.render_widget(Paragraph::new(Line::styled(clip(text, room), style)), at);
            }
            let targets = [None, Some(Target::Row), Some(Target::Back)];
            bar::draw(model, frame, keys_at, &bar::buttons(entries, &targets), regions);
        }
        Step::Sector(selected) => {
            let room = usize::from(inner.width);
            let rows: Vec<Line<'static>> =
                model.catalog.sectors().map(|sector| Line::raw(clip(&sector.name, room))).collect();
            list_rows(model, frame, (inner, inner), &rows, *selected, regions);
            let targets = [None, Some(Target::Row), Some(Target::Back), Some(Target::Finish)];
            bar::draw(model, frame, keys_at, &bar::buttons(entries, &targets), regions);
        }
        _ => {
            choices(model, visit.start_row, frame, inner, regions);
            let targets = [None, Some(Target::Row), Some(Target::Finish)];
            bar::draw(model, frame, keys_at, &bar::buttons(entries, &targets), regions);
        }
    }
}

/// The ways to start, three lines each (the choice, what it does, a blank line).
fn choices(model: &Ui, selected: usize, frame: &mut Frame, inner: Rect, regions: &mut Regions) {
    let s = model.lang.strings();
    let t = &model.theme;
    let room = usize::from(inner.width);
    let list = Rect { y: inner.y + 1, height: inner.height.saturating_sub(1).min(9), ..inner };
    let mut lines = Vec::new();
    for (i, (name, hint)) in [
        (s.kiosk_start_by_title, s.kiosk_start_by_title_hint),
        (s.kiosk_start_by_sector, s.kiosk_start_by_sector_hint),
        (s.kiosk_start_by_likes, s.kiosk_start_by_likes_hint),
    ]
    .into_iter()
    .enumerate()
    {
        let style = if i == selected { t.selected } else { t.title };
        lines.push(Line::styled(clip(&format!(" {name} "), room), style));
        lines.extend(
            wrap(hint, room.saturating_sub(2), 1).into_iter().map(|l| Line::styled(format!("  {l}"), t.dim)),
        );
        lines.push(Line::default());
    }
    frame.render_widget(Paragraph::new(lines), list);
    regions.record(Area::Kiosk(Target::Row), list, Some(Rows { rect: list, first: 0, lines: 3 }));
}

/// A list of one-line rows in `area`, the selected one highlighted and kept in sight; each row takes a
/// click. The screen's box (whose inside, as [`bar::screen`] returns it, is `inner`) says on its top
/// border where the selection is ("↑ 7/15 ↓"), as the counselor's panes do.
pub fn list_rows(
    model: &Ui,
    frame: &mut Frame,
    (inner, area): (Rect, Rect),
    rows: &[Line<'static>],
    selected: usize,
    regions: &mut Regions,
) {
    let t = &model.theme;
    let visible = usize::from(area.height);
    let first = offset(selected, visible);
    let position = super::super::list::position(selected, rows.len(), visible);
    super::super::border_position(model, frame, bar::outer(inner), position);
    let lines: Vec<Line> = rows
        .iter()
        .enumerate()
        .skip(first)
        .take(visible)
        .map(|(i, row)| {
            let mut line = Line::from([vec![Span::raw(" ")], row.spans.clone()].concat()).style(t.base);
            if i == selected {
                // Over every span: a fit's own colour would otherwise stay on the highlight.
                for span in &mut line.spans {
                    span.style = span.style.patch(t.selected);
                }
            }
            line
        })
        .collect();
    let shown = u16::try_from(lines.len()).unwrap_or(area.height).min(area.height);
    frame.render_widget(Paragraph::new(lines), area);
    let rect = Rect { height: shown, ..area };
    regions.record(Area::Kiosk(Target::Row), rect, Some(Rows { rect, first, lines: 1 }));
}

fn line(inner: Rect, y: u16) -> Rect {
    Rect { y: (inner.y + y).min(inner.bottom().saturating_sub(1)), height: 1, ..inner }
}
