//! One occupation at a time, one question at a time: "¿Sabe hacer esto?", the item in full, the three
//! answers as buttons (the one given shows chosen), and where the visitor is ("4/18").

use super::super::list::{clip, wrap};
use super::super::regions::Regions;
use super::super::{Ui, keys};
use super::bar;
use crate::app::Workspace;
use crate::app::kiosk_visit::{Answer, Target, Visit};
use crate::i18n::fill;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::Paragraph;

pub fn draw(model: &Ui, ws: &Workspace, visit: &Visit, frame: &mut Frame, area: Rect, regions: &mut Regions) {
    let s = model.lang.strings();
    let t = &model.theme;
    let (inner, keys_at) = bar::screen(model, ws, visit.saved, frame, area, s.kiosk_question_title);
    let Some(walk) = &visit.walk else { return };
    let Some(question) = walk.current() else { return };
    let room = usize::from(inner.width);
    let title = model.catalog.occupation(&question.occupation).map_or("", |o| o.title.as_str());
    let n = walk.occupation + 1;
    let total = walk.occupations.len();
    let heading = fill(s.kiosk_question_occupation, &[("n", &n), ("total", &total), ("title", &title)]);
    let mut lines: Vec<Line> = wrap(&heading, room, 2).into_iter().map(|l| Line::styled(l, t.dim)).collect();
    lines.push(Line::default());
    lines.push(Line::styled(s.kiosk_question_title, t.title));
    lines.push(Line::default());
    // The whole item, never cut: a visitor answers what they read.
    lines.extend(wrap(&question.text, room, 7).into_iter().map(Line::raw));
    let weight = if question.essential { s.kiosk_question_essential } else { s.kiosk_question_optional };
    lines.push(Line::styled(clip(weight, room), t.dim));
    lines.push(Line::default());
    let used = u16::try_from(lines.len()).unwrap_or(inner.height).min(inner.height);
    frame.render_widget(Paragraph::new(lines), inner);
    let given = Answer::of(&ws.session, question);
    let answers = [Answer::Yes, Answer::Learning, Answer::NotYet];
    let targets: Vec<Option<Target>> = answers.iter().map(|a| Some(Target::Answer(*a))).collect();
    let mut buttons = bar::buttons(keys::FOOTER_KIOSK_ANSWERS, &targets);
    buttons
        .iter_mut()
        .for_each(|b| b.chosen = b.target.is_some_and(|t| Some(t) == given.map(Target::Answer)));
    let at = Rect { y: inner.y + used, height: 2.min(inner.height.saturating_sub(used)), ..inner };
    bar::draw(model, frame, at, &buttons, regions);
    // Where the visitor is: "4/18" of this occupation's questions.
    let progress = fill(s.kiosk_question_progress, &[("at", &(walk.at + 1)), ("total", &walk.items.len())]);
    let bottom = Rect { y: inner.bottom().saturating_sub(1), height: 1, ..inner };
    let mut said = vec![ratatui::text::Span::styled(progress, t.title)];
    if let Some(answer) = given {
        let word = match answer {
            Answer::Yes => s.kiosk_answer_yes,
            Answer::Learning => s.kiosk_answer_learning,
            Answer::NotYet => s.kiosk_answer_no,
        };
        said.push(ratatui::text::Span::styled(
            format!("   {}", fill(s.kiosk_answer_given, &[("answer", &word)])),
            t.dim,
        ));
    }
    frame.render_widget(Paragraph::new(Line::from(said)), bottom);
    let targets = [Some(Target::Back), Some(Target::Skip), Some(Target::Results), Some(Target::Finish)];
    bar::draw(model, frame, keys_at, &bar::buttons(keys::FOOTER_KIOSK_QUESTION, &targets), regions);
}
