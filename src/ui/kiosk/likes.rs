//! Issue 16: «¿Qué le gusta hacer?», one everyday activity at a time — «¿Le gusta hacer esto?», the
//! activity in full, the five answers as buttons one a line (the one given shows chosen), where the
//! visitor is («12/48») and the one line that says it is exploratory.

use super::super::list::{clip, wrap};
use super::super::regions::Regions;
use super::super::{Ui, keys};
use super::bar;
use crate::app::Workspace;
use crate::app::kiosk_visit::{Target, Visit};
use crate::i18n::fill;
use crate::interests::Answer;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

pub fn draw(model: &Ui, ws: &Workspace, visit: &Visit, frame: &mut Frame, area: Rect, regions: &mut Regions) {
    let s = model.lang.strings();
    let t = &model.theme;
    let (inner, keys_at) = bar::screen(model, ws, visit.saved, frame, area, s.kiosk_start_by_likes);
    let targets = [Some(Target::Back), Some(Target::SkipRest), Some(Target::Finish)];
    bar::draw(model, frame, keys_at, &bar::buttons(keys::FOOTER_KIOSK_LIKES, &targets), regions);
    let Some(likes) = &visit.likes else { return };
    let Some(question) = likes.question() else { return };
    let room = usize::from(inner.width);
    let mut lines = vec![Line::styled(clip(s.kiosk_likes_question, room), t.title), Line::default()];
    // The whole activity, never cut: a visitor answers what they read.
    lines.extend(wrap(question.text(model.lang), room, 4).into_iter().map(Line::raw));
    lines.push(Line::default());
    let used = u16::try_from(lines.len()).unwrap_or(inner.height).min(inner.height);
    frame.render_widget(Paragraph::new(lines), inner);
    // One button a line: five answers side by side would wrap at 80 columns and read as a scale of keys.
    let given = ws.session.interest_answer(question.id);
    for (i, (entry, answer)) in keys::FOOTER_KIOSK_LIKES_ANSWERS.iter().zip(Answer::ALL).enumerate() {
        let y = inner.y + used + u16::try_from(i).unwrap_or(0);
        if y >= inner.bottom().saturating_sub(2) {
            break;
        }
        let button = bar::Button { entry, target: Some(Target::Like(answer)), chosen: given == Some(answer) };
        bar::draw(model, frame, Rect { y, height: 1, ..inner }, &[button], regions);
    }
    let exploratory = Rect { y: inner.bottom().saturating_sub(2), height: 1, ..inner };
    frame.render_widget(
        Paragraph::new(Line::styled(clip(s.kiosk_likes_exploratory, room), t.dim)),
        exploratory,
    );
    // Where the visitor is: «12/48», and the answer already given to this one.
    let (at, total) = likes.progress();
    let progress = fill(s.kiosk_question_progress, &[("at", &at), ("total", &total)]);
    let mut said = vec![Span::styled(progress, t.title)];
    if let Some(answer) = given {
        let word = model.lang.label(keys::FOOTER_KIOSK_LIKES_ANSWERS[usize::from(answer.value() - 1)].1);
        said.push(Span::styled(format!("   {}", fill(s.kiosk_answer_given, &[("answer", &word)])), t.dim));
    }
    let bottom = Rect { y: inner.bottom().saturating_sub(1), height: 1, ..inner };
    frame.render_widget(Paragraph::new(Line::from(said)), bottom);
}
