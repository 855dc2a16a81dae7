//! The start screen "Sesiones": alias, last seen, best-fitting occupation and its fit, newest first; on
//! the list's top border, where the cursor is among the sessions shown ("↑ 7/15 ↓").

use super::Ui;
use super::list::{clip, draw_rows, width};
use super::local_time;
use crate::i18n::fill;
use ratatui::Frame;
use ratatui::layout::{Alignment, Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph};

const ALIAS: usize = 22;
const DATE: usize = 17;
const FIT: usize = 7;
/// Issue 13: the follow-up date (AAAA-MM-DD) and a space; the heading may be clipped to it.
const FOLLOW: usize = 12;
/// The most lines a notice or a confirmation under the list may take.
const MESSAGE_LINES: usize = 4;

pub fn draw(model: &Ui, frame: &mut Frame, area: Rect) {
    let s = model.lang.strings();
    let t = &model.theme;
    let list = &model.sessions;
    // The message under the list (delete confirmation, notice) gets the lines it needs, up to four, so a
    // long problem (a path, then what is wrong) is read to its end.
    let message = match (&list.confirm_delete, &list.notice) {
        (Some(id), _) => {
            let alias = list.rows.iter().find(|r| &r.id == id).map_or(id.as_str(), |r| r.alias.as_str());
            Some((fill(s.sessions_confirm_delete, &[("alias", &alias)]), t.warning))
        }
        (None, Some(notice)) => Some((super::failure::notice(notice, model.lang), t.error)),
        // Office mode: the selected session is open at another desk; where, and that it opens read-only.
        _ => held_detail(list, s).map(|text| (text, t.warning)),
    };
    let message_width = usize::from(area.width.saturating_sub(2));
    let message_lines = message
        .as_ref()
        .map(|(text, _)| super::list::wrap(text, message_width, MESSAGE_LINES))
        .unwrap_or_default();
    let message_height = u16::try_from(message_lines.len().max(2)).unwrap_or(2);
    let [title, body, notice, footer] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Min(3),
        Constraint::Length(message_height),
        Constraint::Length(1),
    ])
    .areas(area);
    let mut heading = vec![Span::styled(format!(" rumbo · {} ", s.sessions_title), t.title)];
    // Issue 13: which office this computer serves (config.ron's `office:`), lightly.
    if let Some(office) = model.office.name.as_ref().or(model.office.id.as_ref()) {
        heading.push(Span::styled(format!("· {office} "), t.dim));
    }
    // Office mode without the server: the list is what this desk has cached.
    if model.office_offline {
        heading.push(Span::styled(format!("· {} ", s.sessions_cached_here), t.warning));
    }
    if list.filtering || !list.filter.is_empty() {
        heading.push(Span::styled(fill(s.sessions_filter, &[("filter", &list.filter)]), t.key));
        if list.filtering {
            heading.push(Span::styled("▏", t.key));
        }
    }
    frame.render_widget(Paragraph::new(Line::from(heading)), title);
    // On the right of the title: why nothing can be written, or why something is not saved.
    if let Some(state) = super::quit::title_state(model) {
        frame.render_widget(Paragraph::new(Line::from(state)).alignment(Alignment::Right), title);
    }

    let block = Block::default().borders(Borders::ALL).border_style(t.border_focused);
    let inner = block.inner(body);
    frame.render_widget(block, body);
    let room = usize::from(inner.width);
    // The follow-up column only when a session has a date: the occupation keeps its room otherwise.
    let follow_width = if list.rows.iter().any(|r| r.follow_up.is_some()) { FOLLOW } else { 0 };
    let best_width = room.saturating_sub(ALIAS + DATE + follow_width + FIT + 1);
    let header = format!(
        " {:ALIAS$}{:DATE$}{:follow_width$}{:best_width$}{:>FIT$}",
        clip(s.sessions_col_alias, ALIAS - 1),
        s.sessions_col_date,
        clip(s.sessions_col_follow_up, follow_width.saturating_sub(1)),
        clip(s.sessions_col_best, best_width.saturating_sub(1)),
        s.sessions_col_fit
    );
    frame.render_widget(
        Paragraph::new(Line::styled(clip(&header, room), t.title)),
        Rect { height: 1, ..inner },
    );
    let rows_area = Rect { y: inner.y + 1, height: inner.height.saturating_sub(1), ..inner };
    let visible = list.visible();
    if !list.loaded {
        frame.render_widget(Paragraph::new(format!(" {}", s.sessions_loading)).style(t.dim), rows_area);
    } else if visible.is_empty() {
        frame.render_widget(Paragraph::new(format!(" {}", s.sessions_empty)).style(t.dim), rows_area);
    }
    let rows = visible
        .iter()
        .map(|&i| {
            let r = &list.rows[i];
            let alias = pad(&clip(&r.alias, ALIAS - 1), ALIAS);
            // Open at another desk: its mark where the row's margin is (the detail line says where).
            let (margin, margin_style) = match list.open_at(&r.id) {
                Some(_) => (s.sessions_held_mark, t.warning),
                None => (" ", t.base),
            };
            if let Some(problem) = &r.problem {
                return vec![Line::from(vec![
                    Span::raw(format!(" {alias}")),
                    Span::styled(
                        clip(
                            &super::failure::row_problem(problem, model.lang),
                            room.saturating_sub(ALIAS + 1),
                        ),
                        t.error,
                    ),
                ])];
            }
            let date = pad(&r.updated.map(|ts| local_time(model, ts)).unwrap_or_default(), DATE);
            // A session whose latest changes are only in memory says so where its date would be.
            let (date, date_style) =
                if r.unsaved { (pad(s.sessions_unsaved_mark, DATE), t.error) } else { (date, t.base) };
            let (best, fit, fit_style) = match &r.best {
                Some((title, percent)) => {
                    let title = crate::catalog::first_form(title);
                    let style = super::fit::percent_style(t, *percent);
                    (clip(title, best_width.saturating_sub(1)), format!("{percent}%"), style)
                }
                None => (String::new(), String::new(), t.base),
            };
            // Due today or before: in the warning colour, so the counselor sees whom to call.
            let follow = r.follow_up.map(|d| d.to_string()).unwrap_or_default();
            let due = r.follow_up.is_some_and(|d| d <= model.now.to_zoned(model.tz.clone()).date());
            vec![Line::from(vec![
                Span::styled(margin, margin_style),
                Span::raw(alias),
                Span::styled(date, date_style),
                Span::styled(pad(&follow, follow_width), if due { t.warning } else { t.base }),
                Span::raw(pad(&best, best_width)),
                Span::styled(format!("{fit:>FIT$}"), fit_style),
            ])]
        })
        .collect();
    let selected = (!visible.is_empty()).then_some(list.selected);
    let shown = usize::from(rows_area.height);
    let position = selected.and_then(|i| super::list::position(i, visible.len(), shown));
    super::border_position(model, frame, body, position);
    draw_rows(frame, rows_area, rows, selected, t.selected, 1);

    if let Some((_, style)) = message {
        let lines: Vec<Line> =
            message_lines.into_iter().map(|l| Line::from(Span::styled(l, style))).collect();
        frame.render_widget(Paragraph::new(lines), super::padded(notice));
    }
    let (keymap, lang) = (&model.keymap, model.lang);
    let retry: &[super::keys::Entry] = if model.unsaved.is_empty() { &[] } else { super::keys::FOOTER_RETRY };
    let entries = [retry, super::keys::FOOTER_SESSIONS].concat();
    let keys =
        format!(" {}", super::keys::footer_within(keymap, &entries, lang, usize::from(footer.width) - 1));
    let keys = clip(&keys, usize::from(footer.width));
    frame.render_widget(Paragraph::new(Line::styled(keys, t.key)), footer);
    if let Some(prompt) = &list.quit_prompt {
        super::quit::draw(model, prompt, frame, area);
    }
}

/// "◆ Marta: abierta en ESCRITORIO-3 (aquí, solo lectura)" for the selected row, if another desk holds it.
fn held_detail(list: &crate::app::SessionsScreen, s: &crate::i18n::Strings) -> Option<String> {
    let row = list.visible().get(list.selected).map(|&i| &list.rows[i])?;
    let desk = list.open_at(&row.id)?;
    Some(fill(s.sessions_held_detail, &[("alias", &row.alias), ("desk", &desk)]))
}

fn pad(text: &str, to: usize) -> String {
    format!("{text}{}", " ".repeat(to.saturating_sub(width(text))))
}
