//! The results: the five occupations that fit best (the best-fit view's ranking, `session::best_fits`)
//! and, for the one chosen, what to learn next: the important items still missing and the courses.

use super::super::list::{clip, wrap};
use super::super::regions::Regions;
use super::super::{Ui, keys};
use super::bar;
use super::start::list_rows;
use crate::app::Workspace;
use crate::app::kiosk_visit::{BEST, Step, Target, Visit};
use crate::catalog::Importance;
use crate::i18n::fill;
use crate::session::{BestFilter, best_fits, gap};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::Paragraph;

/// The most missing items and courses listed (the rest are counted).
const MISSING: usize = 4;
const PROGRAMS: usize = 3;

pub fn draw(model: &Ui, ws: &Workspace, visit: &Visit, frame: &mut Frame, area: Rect, regions: &mut Regions) {
    let s = model.lang.strings();
    let t = &model.theme;
    let (inner, keys_at) = bar::screen(model, ws, visit.saved, frame, area, s.kiosk_results_title);
    let targets = [None, Some(Target::Back), Some(Target::Finish)];
    bar::draw(model, frame, keys_at, &bar::buttons(keys::FOOTER_KIOSK_RESULTS, &targets), regions);
    let room = usize::from(inner.width);
    let fits = best_fits(&ws.session, &model.catalog, &BestFilter::default());
    let best: Vec<_> = fits.rows.iter().take(BEST).collect();
    if best.is_empty() {
        let lines: Vec<Line> = wrap(s.kiosk_results_none, room, 3).into_iter().map(Line::raw).collect();
        frame.render_widget(Paragraph::new(lines), inner);
        return;
    }
    frame.render_widget(
        Paragraph::new(Line::styled(clip(s.kiosk_results_best, room), t.title)),
        line(inner, 0),
    );
    let selected = match visit.step {
        Step::Results(at) => at.min(best.len() - 1),
        _ => 0,
    };
    let rows: Vec<String> = best
        .iter()
        .map(|row| {
            clip(&format!("{:>3} %  {}", row.standing.percent, row.occupation.title), room.saturating_sub(1))
        })
        .collect();
    let shown = u16::try_from(rows.len()).unwrap_or(0);
    list_rows(model, frame, Rect { y: inner.y + 1, height: shown, ..inner }, &rows, selected, regions);
    let chosen = best[selected].occupation;
    let mut lines = vec![Line::default()];
    let Some(gap) = gap(&ws.session, &model.catalog, &chosen.id) else { return };
    let missing: Vec<_> = gap.missing.iter().filter(|i| i.importance == Importance::Essential).collect();
    if missing.is_empty() {
        lines.extend(wrap(s.kiosk_results_all_done, room, 2).into_iter().map(|l| Line::styled(l, t.ok)));
    } else {
        let learn = fill(s.kiosk_results_learn, &[("title", &chosen.title)]);
        lines.push(Line::styled(clip(&learn, room), t.title));
        for item in missing.iter().take(MISSING) {
            lines.push(Line::raw(clip(&format!(" - {}", item.text), room)));
        }
        if missing.len() > MISSING {
            let more = fill(s.kiosk_results_more, &[("count", &(missing.len() - MISSING))]);
            lines.push(Line::styled(format!("   {more}"), t.dim));
        }
    }
    lines.push(Line::default());
    if gap.programs.is_empty() {
        lines.extend(wrap(s.kiosk_results_no_programs, room, 2).into_iter().map(|l| Line::styled(l, t.dim)));
    } else {
        lines.push(Line::styled(clip(s.kiosk_results_programs, room), t.title));
        for program in gap.programs.iter().take(PROGRAMS) {
            lines.push(Line::raw(clip(&format!(" - {} ({})", program.name, program.institution), room)));
        }
    }
    let y = inner.y + 1 + shown;
    frame.render_widget(Paragraph::new(lines), Rect { y, height: inner.bottom().saturating_sub(y), ..inner });
}

fn line(inner: Rect, y: u16) -> Rect {
    Rect { y: (inner.y + y).min(inner.bottom().saturating_sub(1)), height: 1, ..inner }
}
