//! The best-fit view (`m`): the occupations of every sector that fit the person best, two lines each —
//! title and percentage, then its parts ("funciones 4/9 · destrezas 3/5 · conocimientos 1/4"), its
//! competency level and its sector. One held only through shared competencies says so first, and its
//! percentage is bracketed, as in the Ocupaciones pane.

use super::Ui;
use super::keys::{self, FOOTER_BEST_FIT};
use super::layout::{centered, offset};
use super::list::{clip, draw_rows, width, wrap};
use super::popup;
use super::regions::{Regions, Rows};
use crate::app::{Area, BestFitView, Workspace};
use crate::i18n::{Strings, fill};
use crate::session::BestFit;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

/// Lines each occupation takes.
const ROW_LINES: u16 = 2;

pub fn draw(
    model: &Ui,
    ws: &Workspace,
    view: &BestFitView,
    frame: &mut Frame,
    area: Rect,
    regions: &mut Regions,
) {
    let s = model.lang.strings();
    let t = &model.theme;
    let set = &model.catalog;
    let width = (area.width * 9 / 10).max(76);
    let height = (area.height * 4 / 5).max(20);
    let inner = popup(model, frame, centered(area, width, height), s.best_title.to_string());
    let [filters, count, list, hint] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Length(1),
        Constraint::Min(1),
        Constraint::Length(1),
    ])
    .areas(inner);
    let room = usize::from(inner.width);

    let level = ws.best_filter.level.map_or_else(|| s.best_level_all.to_string(), |l| l.to_string());
    let sector =
        ws.best_filter.sector.as_deref().and_then(|id| set.sector(id)).map_or(s.best_sector_all, |x| &x.name);
    let filtered = fill(s.best_filters, &[("level", &level), ("sector", &sector)]);
    frame.render_widget(Paragraph::new(Line::styled(clip(&format!(" {filtered}"), room), t.title)), filters);

    let fits = ws.best_fits(set);
    let counted = fill(s.best_count, &[("shown", &fits.rows.len()), ("admitted", &fits.admitted)]);
    frame.render_widget(Paragraph::new(Line::styled(clip(&format!(" {counted}"), room), t.dim)), count);

    if fits.rows.is_empty() {
        let lines: Vec<Line> = wrap(s.best_none, room.saturating_sub(2), usize::from(list.height))
            .into_iter()
            .map(|l| Line::styled(format!(" {l}"), t.dim))
            .collect();
        frame.render_widget(Paragraph::new(lines), list);
    } else {
        let visible = usize::from(list.height / ROW_LINES);
        regions.record(
            Area::BestFit,
            list,
            Some(Rows { rect: list, first: offset(view.selected, visible), lines: ROW_LINES }),
        );
        let rows = fits.rows.iter().enumerate().map(|(i, row)| lines(model, s, i, row, room)).collect();
        draw_rows(frame, list, rows, Some(view.selected), t.selected, ROW_LINES);
    }
    let footer = keys::footer_within(&model.keymap, FOOTER_BEST_FIT, model.lang, room.saturating_sub(1));
    frame.render_widget(Paragraph::new(Line::styled(clip(&format!(" {footer}"), room), t.key)), hint);
}

/// ` 1. Cajeros de comercio, taquilleros…      47%` and, under it, the parts, level and sector.
fn lines(model: &Ui, s: &Strings, i: usize, row: &BestFit, room: usize) -> Vec<Line<'static>> {
    let t = &model.theme;
    let p = row.standing.percent;
    let style = super::fit::style(t, &row.standing);
    let percent =
        if row.standing.shared_only() { format!("{:>6} ", format!("({p}%)")) } else { format!("{p:>5}% ") };
    let lead = format!(" {:>3}. ", i + 1);
    // Lists show the first gendered form of a CUOC title ("Cajeros … / Cajeras …").
    // Told apart from every other loaded occupation at this width (`names`).
    let title_room = room.saturating_sub(width(&percent) + width(&lead));
    let title = super::names::occupation_label(&model.catalog, &row.occupation.title, title_room);
    let name = format!("{lead}{title}");
    let gap = room.saturating_sub(width(&name) + width(&percent));
    let first = Line::from(vec![Span::raw(name), Span::raw(" ".repeat(gap)), Span::styled(percent, style)]);

    let indent = " ".repeat(width(&lead));
    // Where the line is short, an occupation held only through shared competencies drops "funciones 0/N"
    // (what "solo competencias compartidas" already says) rather than cut its other parts.
    let mut about = parts(s, row, true);
    if row.standing.shared_only() && width(&indent) + width(&about.join(" · ")) > room {
        about = parts(s, row, false);
    }
    if row.occupation.level > 0 {
        about.push(fill(s.best_level, &[("level", &row.occupation.level)]));
    }
    if let Some(sector) = model.catalog.sector(&row.occupation.sector) {
        about.push(sector.name.clone());
    }
    let second = Line::styled(clip(&format!("{indent}{}", about.join(" · ")), room), t.dim);
    vec![first, second]
}

/// "funciones 6/8", "destrezas 3/7", "conocimientos 0/4", led by "solo competencias compartidas" when no
/// function is held; parts the occupation does not have are left out.
fn parts(s: &Strings, row: &BestFit, functions: bool) -> Vec<String> {
    let mut about: Vec<String> = Vec::new();
    if row.standing.shared_only() {
        about.push(s.fit_shared_only.to_string());
    }
    about.extend(super::fit::parts(s, &row.parts, functions));
    about
}
