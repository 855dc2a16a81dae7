//! «¿Qué le gusta hacer?» (issue 16), the results: the six scores as a bar chart (R I A S E C, with the
//! Spanish names where there is room), the three-letter code, and the occupations whose interest profile
//! is most alike, each with its fit from the marks — «le gustaría» and «ya sabe» side by side — under
//! the competency-level and sector filters. A sheet that cannot be read (too few answers, or flat) says
//! so and ranks nothing.

use super::Ui;
use super::interests::frame_area;
use super::keys::{self, FOOTER_INTERESTS_RESULTS, FOOTER_INTERESTS_UNREAD};
use super::layout::offset;
use super::list::{clip, draw_rows, width, wrap};
use super::popup;
use super::regions::{Regions, Rows};
use crate::app::{Area, InterestsPanel, InterestsTarget, Workspace};
use crate::i18n::{fill, riasec_names};
use crate::interests::{MIN_PER_TYPE, QUESTIONS, Reading, Riasec};
use crate::session::Suggested;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Bar, BarChart, BarGroup, Paragraph};

/// Lines the chart takes: bars, their values inside, their labels.
const CHART_LINES: u16 = 7;

pub fn draw(
    model: &Ui,
    ws: &Workspace,
    panel: &InterestsPanel,
    frame: &mut Frame,
    area: Rect,
    regions: &mut Regions,
) {
    let s = model.lang.strings();
    let t = &model.theme;
    let inner = popup(model, frame, frame_area(area), s.interests_results_title.to_string());
    let room = usize::from(inner.width).saturating_sub(1);
    let [note, code, chart, filters, list, hint] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Length(1),
        Constraint::Length(CHART_LINES),
        Constraint::Length(1),
        Constraint::Min(1),
        Constraint::Length(1),
    ])
    .areas(inner);
    let line = |text: &str, style| Paragraph::new(Line::styled(clip(&format!(" {text}"), room), style));
    frame.render_widget(line(s.interests_disclaimer, t.dim), note);

    let scores = ws.session.interest_scores();
    let answered = fill(
        s.interests_answered,
        &[("answered", &scores.answered.iter().sum::<usize>()), ("total", &QUESTIONS.len())],
    );
    let reading = ws.session.interest_reading();
    let head = match &reading {
        Reading::Ready { code } => {
            let names = riasec_names(s);
            let named: Vec<&str> = code
                .chars()
                .filter_map(|c| Riasec::ALL.iter().find(|t| t.letter() == c).map(|t| names[t.index()]))
                .collect();
            let code = fill(s.interests_results_code, &[("code", code), ("names", &named.join(", "))]);
            format!("{code} · {answered}")
        }
        _ => answered,
    };
    frame.render_widget(line(&head, t.title), code);
    draw_chart(model, &scores.values, &scores.answered, frame, super::padded(chart));

    let text_room = room.saturating_sub(1);
    let message = match &reading {
        Reading::Ready { .. } => None,
        Reading::Flat => Some(s.interests_flat.to_string()),
        Reading::TooFew { short } => {
            let names = riasec_names(s);
            let types: Vec<&str> = short.iter().map(|t| names[t.index()]).collect();
            Some(fill(s.interests_too_few, &[("min", &MIN_PER_TYPE), ("types", &types.join(", "))]))
        }
    };
    let unread = message.is_some();
    if let Some(message) = message {
        // Nothing is ranked: say why, and how to go on (back to the questions).
        let mut lines: Vec<Line> = wrap(&message, text_room, usize::from(list.height).saturating_sub(2))
            .into_iter()
            .map(|l| Line::styled(format!(" {l}"), t.warning))
            .collect();
        lines.push(Line::raw(""));
        let button = format!("[{}]", s.interests_questions);
        let at = Rect {
            x: inner.x + 1,
            y: filters.y + lines.len() as u16,
            width: width(&button) as u16,
            height: 1,
        };
        lines.push(Line::styled(format!(" {button}"), t.key));
        regions.record(Area::Interests(InterestsTarget::Questions), at.intersection(inner), None);
        frame.render_widget(Paragraph::new(lines), filters.union(list));
    } else {
        let level = ws.interest_filter.level.map_or_else(|| s.best_level_all.to_string(), |l| l.to_string());
        let sector = ws
            .interest_filter
            .sector
            .as_deref()
            .and_then(|id| model.catalog.sector(id))
            .map_or(s.best_sector_all, |x| &x.name);
        let filtered = fill(s.best_filters, &[("level", &level), ("sector", &sector)]);
        frame.render_widget(line(&filtered, t.dim), filters);
        draw_list(model, ws, panel, frame, (list, super::outer(inner)), regions);
    }
    super::border_note(model, frame, inner, s.interests_source);
    let entries = if unread { FOOTER_INTERESTS_UNREAD } else { FOOTER_INTERESTS_RESULTS };
    let footer = keys::footer_within(&model.keymap, entries, model.lang, room);
    frame.render_widget(Paragraph::new(Line::styled(clip(&format!(" {footer}"), room), t.key)), hint);
}

/// The six scores (1–7) as bars, the score written in each, labelled R I A S E C or, where a bar is wide
/// enough, by its name. A type without an answer has no bar and no value.
fn draw_chart(model: &Ui, values: &[f64; 6], answered: &[usize; 6], frame: &mut Frame, area: Rect) {
    let s = model.lang.strings();
    let names = riasec_names(s);
    let gap = 2u16;
    let bar_width = (area.width.saturating_sub(gap * 5) / 6).clamp(1, 16);
    let named = names.iter().all(|n| width(n) <= usize::from(bar_width));
    let decimal = |v: f64| {
        let text = format!("{v:.1}");
        if model.lang == crate::i18n::Lang::Es { text.replace('.', ",") } else { text }
    };
    let bars: Vec<Bar> = Riasec::ALL
        .into_iter()
        .map(|t| {
            let i = t.index();
            let label = if named { names[i].to_string() } else { t.letter().to_string() };
            let (value, text) = if answered[i] > 0 {
                ((values[i] * 10.0).round() as u64, decimal(values[i]))
            } else {
                (0, String::new())
            };
            Bar::default()
                .value(value)
                .text_value(text)
                .label(Line::from(label))
                .style(model.theme.has)
                .value_style(model.theme.selected)
        })
        .collect();
    let chart = BarChart::default()
        .data(BarGroup::default().bars(&bars))
        .bar_width(bar_width)
        .bar_gap(gap)
        .max(70)
        .bar_set(ratatui::symbols::bar::THREE_LEVELS)
        .label_style(model.theme.title);
    let used = bar_width * 6 + gap * 5;
    let left = area.x + area.width.saturating_sub(used) / 2;
    frame.render_widget(chart, Rect { x: left, width: used.min(area.width), ..area });
}

/// The suggestions: a header, then one line each — rank, title, correlation («le gustaría») and fit
/// («ya sabe», in its band's colour).
fn draw_list(
    model: &Ui,
    ws: &Workspace,
    panel: &InterestsPanel,
    frame: &mut Frame,
    (area, popup_box): (Rect, Rect),
    regions: &mut Regions,
) {
    let s = model.lang.strings();
    let t = &model.theme;
    let rows = ws.interest_suggestions(&model.catalog);
    let room = usize::from(area.width);
    if rows.is_empty() {
        let lines: Vec<Line> =
            wrap(s.interests_results_none, room.saturating_sub(2), usize::from(area.height))
                .into_iter()
                .map(|l| Line::styled(format!(" {l}"), t.dim))
                .collect();
        frame.render_widget(Paragraph::new(lines), area);
        return;
    }
    let [header, list] = Layout::vertical([Constraint::Length(1), Constraint::Min(0)]).areas(area);
    let columns = format!("{:>13} {:>13} ", s.interests_col_likes, s.interests_col_knows);
    let counted = fill(s.interests_count, &[("shown", &rows.len())]);
    let lead = clip(&format!(" {counted}"), room.saturating_sub(width(&columns)));
    let gap = room.saturating_sub(width(&lead) + width(&columns));
    frame.render_widget(
        Paragraph::new(Line::styled(format!("{lead}{}{columns}", " ".repeat(gap)), t.dim)),
        header,
    );
    let visible = usize::from(list.height);
    // Where the selection is, "↑ 7/15 ↓", at the right of the popup's top border.
    let position = super::list::position(panel.selected, rows.len(), visible);
    super::border_position(model, frame, popup_box, position);
    regions.record(
        Area::Interests(InterestsTarget::Suggestions),
        list,
        Some(Rows { rect: list, first: offset(panel.selected, visible), lines: 1 }),
    );
    let lines = rows.iter().enumerate().map(|(i, row)| vec![row_line(model, i, row, room)]).collect();
    draw_rows(frame, list, lines, Some(panel.selected), t.selected, 1);
}

/// `  1. Soldadores…      0,93     47% `
fn row_line(model: &Ui, i: usize, row: &Suggested, room: usize) -> Line<'static> {
    let r = format!("{:.2}", row.correlation);
    let r = if model.lang == crate::i18n::Lang::Es { r.replace('.', ",") } else { r };
    let p = row.standing.percent;
    let fit = if row.standing.shared_only() { format!("({p}%)") } else { format!("{p}%") };
    let likes = format!("{r:>13} ");
    let knows = format!("{fit:>13} ");
    let lead = format!(" {:>3}. ", i + 1);
    let title_room = room.saturating_sub(width(&lead) + width(&likes) + width(&knows));
    let title = super::names::occupation_label(&model.catalog, &row.occupation.title, title_room);
    let name = format!("{lead}{title}");
    let gap = room.saturating_sub(width(&name) + width(&likes) + width(&knows));
    Line::from(vec![
        Span::raw(name),
        Span::raw(" ".repeat(gap)),
        Span::raw(likes),
        Span::styled(knows, super::fit::style(model.theme, &row.standing)),
    ])
}
