//! Issue 16: what the visitor likes, in their words — the three kinds of activity they like most, each
//! with what it means; a bar for each of the six; the occupations that go with it, how closely in words
//! (never a number of correlation) and, when they said what they can do, «ya sabe 40 %»; and the way on:
//! the questions about the occupation highlighted. A flat sheet or too few answers: said kindly, the
//! questions offered again, nothing ranked.

use super::super::list::{clip, width, wrap};
use super::super::regions::Regions;
use super::super::{Ui, keys};
use super::bar;
use super::start::list_rows;
use crate::app::Workspace;
use crate::app::kiosk_visit::{Step, Target, Visit};
use crate::i18n::{Strings, fill};
use crate::interests::{Reading, Riasec};
use crate::session::{Closeness, SUGGESTED, suggest, top_types};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

/// The longest bar, in columns.
const BAR: usize = 36;

pub fn draw(model: &Ui, ws: &Workspace, visit: &Visit, frame: &mut Frame, area: Rect, regions: &mut Regions) {
    let s = model.lang.strings();
    let t = &model.theme;
    let (inner, keys_at) = bar::screen(model, ws, visit.saved, frame, area, s.kiosk_likes_results_title);
    let targets = [None, Some(Target::Back), Some(Target::Results), Some(Target::Finish)];
    bar::draw(model, frame, keys_at, &bar::buttons(keys::FOOTER_KIOSK_LIKES_RESULTS, &targets), regions);
    let room = usize::from(inner.width);
    let exploratory = Rect { y: inner.bottom().saturating_sub(1), height: 1, ..inner };
    frame.render_widget(
        Paragraph::new(Line::styled(clip(s.kiosk_likes_exploratory, room), t.dim)),
        exploratory,
    );
    let scores = ws.session.interest_scores();
    let code = match ws.session.interest_reading() {
        Reading::Ready { code } => code,
        reading => {
            // Nothing to rank: say why, kindly, and offer the questions again.
            let (text, again) = match reading {
                Reading::Flat => (s.kiosk_likes_flat, keys::FOOTER_KIOSK_LIKES_AGAIN),
                _ => (s.kiosk_likes_too_few, keys::FOOTER_KIOSK_LIKES_MORE),
            };
            let lines: Vec<Line> = wrap(text, room, 6).into_iter().map(Line::raw).collect();
            let used = u16::try_from(lines.len()).unwrap_or(0);
            frame.render_widget(Paragraph::new(lines), inner);
            let at = Rect { y: inner.y + used + 1, height: 1, ..inner };
            bar::draw(model, frame, at, &bar::buttons(again, &[Some(Target::Ask)]), regions);
            return;
        }
    };
    let top = top_types(&code);
    let mut lines = vec![Line::styled(clip(s.kiosk_likes_top, room), t.title)];
    for (i, kind) in top.iter().enumerate() {
        let (name, hint) = type_words(s, *kind);
        lines.push(Line::raw(clip(&format!(" {}. {name}: {hint}", i + 1), room)));
    }
    lines.push(Line::default());
    // A bar for each type, its length its score on 1–7; the three liked most stand out.
    let names: Vec<&str> = Riasec::ALL.iter().map(|k| type_words(s, *k).0).collect();
    let label = names.iter().map(|n| width(n)).max().unwrap_or(0) + 2;
    let long = BAR.min(room.saturating_sub(label + 1));
    for kind in Riasec::ALL {
        let value = scores.values[kind.index()];
        let filled = (((value - 1.0) / 6.0).clamp(0.0, 1.0) * long as f64).round() as usize;
        let style = if top.contains(&kind) { t.title } else { t.base };
        let name = type_words(s, kind).0;
        let pad = " ".repeat(label.saturating_sub(width(name) + 1));
        lines.push(Line::from(vec![
            Span::styled(format!(" {name}{pad}"), style),
            Span::styled("█".repeat(filled), t.has),
            Span::styled("░".repeat(long - filled), t.dim),
        ]));
    }
    lines.push(Line::default());
    let suggested = suggest(&ws.session, &model.catalog, SUGGESTED);
    if suggested.is_empty() {
        lines.extend(wrap(s.kiosk_likes_no_profiles, room, 2).into_iter().map(Line::raw));
        frame.render_widget(Paragraph::new(lines), inner);
        return;
    }
    lines.push(Line::styled(clip(s.kiosk_likes_suggested, room), t.title));
    let used = u16::try_from(lines.len()).unwrap_or(inner.height);
    frame.render_widget(Paragraph::new(lines), inner);
    let words = [s.kiosk_likes_much, s.kiosk_likes_quite, s.kiosk_likes_some, s.kiosk_likes_little];
    let column = words.iter().map(|w| width(w)).max().unwrap_or(0) + 2;
    let rows: Vec<Line<'static>> = suggested
        .iter()
        .map(|liked| {
            let word = words[Closeness::of(liked.correlation) as usize];
            let knows = liked
                .standing
                .as_ref()
                .map(|st| format!("  {}", fill(s.kiosk_likes_knows, &[("percent", &st.percent)])))
                .unwrap_or_default();
            let title = clip(&liked.occupation.title, room.saturating_sub(1 + column + width(&knows)));
            let pad = " ".repeat(column.saturating_sub(width(word)));
            Line::from(vec![
                Span::styled(format!("{word}{pad}"), t.ok),
                Span::raw(title),
                Span::styled(knows, t.dim),
            ])
        })
        .collect();
    let shown = u16::try_from(rows.len()).unwrap_or(0).min(inner.height.saturating_sub(used + 2));
    let list = Rect { y: inner.y + used, height: shown, ..inner };
    let selected = match visit.step {
        Step::LikesResults(at) => at.min(rows.len() - 1),
        _ => 0,
    };
    list_rows(model, frame, (inner, list), &rows, selected, regions);
    let at = Rect { y: list.bottom(), height: 1, ..inner };
    bar::draw(model, frame, at, &bar::buttons(keys::FOOTER_KIOSK_LIKES_ASK, &[Some(Target::Ask)]), regions);
}

/// A type's plain name and what it means.
pub fn type_words(s: &Strings, kind: Riasec) -> (&'static str, &'static str) {
    match kind {
        Riasec::Realistic => (s.likes_type_r, s.likes_hint_r),
        Riasec::Investigative => (s.likes_type_i, s.likes_hint_i),
        Riasec::Artistic => (s.likes_type_a, s.likes_hint_a),
        Riasec::Social => (s.likes_type_s, s.likes_hint_s),
        Riasec::Enterprising => (s.likes_type_e, s.likes_hint_e),
        Riasec::Conventional => (s.likes_type_c, s.likes_hint_c),
    }
}
