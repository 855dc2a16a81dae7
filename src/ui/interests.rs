//! «¿Qué le gusta hacer?» (`u`, issue 16), the questions: one activity at a time for the counselor to read
//! out, the five answers as buttons (keys 1–5, or a click; the one given before is marked ●), Atrás,
//! Saltar and Saltar el resto, and «12/48» on the border. The results are `interests_results`.

use super::Ui;
use super::keys::{self, FOOTER_INTERESTS_QUESTION};
use super::layout::centered;
use super::list::{clip, width, wrap};
use super::popup;
use super::regions::Regions;
use crate::app::{Area, InterestsPanel, InterestsTarget, Workspace};
use crate::i18n::interest_answers;
use crate::interests::Answer;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

/// The popup over the workspace: nine tenths of the width, four fifths of the height, at least 76×20.
pub fn frame_area(area: Rect) -> Rect {
    centered(area, (area.width * 9 / 10).max(76), (area.height * 4 / 5).max(20))
}

pub fn draw(
    model: &Ui,
    ws: &Workspace,
    panel: &InterestsPanel,
    frame: &mut Frame,
    area: Rect,
    regions: &mut Regions,
) {
    if panel.showing_results() {
        return super::interests_results::draw(model, ws, panel, frame, area, regions);
    }
    let s = model.lang.strings();
    let t = &model.theme;
    let inner = popup(model, frame, frame_area(area), s.interests_title.to_string());
    let (at, total) = panel.quiz.progress();
    super::border_position(model, frame, super::outer(inner), Some(format!(" {at}/{total} ")));
    let Some(question) = panel.quiz.question() else { return };
    let room = usize::from(inner.width).saturating_sub(2);
    let [note, _, ask, text, _, answers, _, steps, _, hint] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Length(1),
        Constraint::Length(1),
        Constraint::Length(2),
        Constraint::Length(1),
        Constraint::Length(5),
        Constraint::Length(1),
        Constraint::Length(1),
        Constraint::Min(0),
        Constraint::Length(1),
    ])
    .areas(inner);
    let line = |text: &str, style| Paragraph::new(Line::styled(format!(" {}", clip(text, room)), style));
    frame.render_widget(line(s.interests_disclaimer, t.dim), note);
    // A read-only session (open at another desk, written by a newer rumbo) takes no answer: said where
    // the counselor looks, not only in the header.
    match ws.is_read_only() {
        true => frame.render_widget(line(s.interests_read_only, t.warning), ask),
        false => frame.render_widget(line(s.interests_ask, t.dim), ask),
    }
    let lines: Vec<Line> = wrap(question.text(model.lang), room, 2)
        .into_iter()
        .map(|l| Line::styled(format!(" {l}"), t.title))
        .collect();
    frame.render_widget(Paragraph::new(lines), text);

    // The five answers, one a line: the whole line is its button.
    let given = ws.session.interest_answer(question.id);
    let names = interest_answers(s);
    for (i, answer) in Answer::ALL.into_iter().enumerate() {
        let rect = Rect { y: answers.y + i as u16, height: 1, ..answers };
        if rect.y >= answers.bottom() {
            break;
        }
        let chosen = given == Some(answer);
        let mark = if chosen { "●" } else { " " };
        let label = format!("  [{}] {} {}", answer.value(), mark, names[i]);
        let style = if chosen { t.selected } else { t.base };
        frame.render_widget(Paragraph::new(Line::styled(clip(&label, room + 1), style)), rect);
        regions.record(Area::Interests(InterestsTarget::Answer(answer)), rect, None);
    }

    // Atrás · Saltar · Saltar el resto, each its own button.
    let mut x = steps.x + 2;
    let mut spans = vec![Span::raw("  ")];
    for (label, target) in [
        (s.interests_back, InterestsTarget::Back),
        (s.interests_skip, InterestsTarget::Skip),
        (s.interests_skip_rest, InterestsTarget::SkipRest),
    ] {
        let button = format!("[{label}]");
        let w = width(&button) as u16;
        if x + w > steps.right() {
            break;
        }
        regions.record(Area::Interests(target), Rect { x, y: steps.y, width: w, height: 1 }, None);
        spans.push(Span::styled(button, t.key));
        spans.push(Span::raw("  "));
        x += w + 2;
    }
    frame.render_widget(Paragraph::new(Line::from(spans)), steps);
    let footer = keys::footer_within(&model.keymap, FOOTER_INTERESTS_QUESTION, model.lang, room);
    frame.render_widget(Paragraph::new(Line::styled(clip(&format!(" {footer}"), room + 1), t.key)), hint);
}
