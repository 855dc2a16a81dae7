//! The occupation detail under the occupations list: the whole name as DANE writes it, the fit and its
//! parts (in its band's colour, "solo competencias compartidas" when only those make it), the competency level in plain words, the codes, the
//! interest profile derived from O*NET (when it has one) and the description, and the source on its bottom border. Focused (`afines`, or a click), it lists the related occupations, each with
//! the person's fit, and Enter goes to the chosen one.

use super::Ui;
use super::layout::{WorkspaceAreas, inset};
use super::list::{clip, draw_rows, width, wrap_paragraphs};
use super::{keys, padded, selection};
use crate::app::keymap::Action;
use crate::app::{Pane, Workspace};
use crate::catalog::{Occupation, short_source};
use crate::i18n::{Lang, fill};
use crate::session::{parts_of, standings};
use ratatui::Frame;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{BorderType, Paragraph};

pub fn draw(model: &Ui, ws: &Workspace, frame: &mut Frame, areas: &WorkspaceAreas) {
    let s = model.lang.strings();
    let area = areas.occupation_detail;
    let focused = ws.focus == Pane::Detail;
    let mut block = super::pane_block(model, Line::default(), focused);
    if !focused {
        // Unfocused it looks as it always did: a plain box under the list, no title.
        block = block.border_type(BorderType::Plain).border_style(model.theme.border);
    } else {
        block = block.title(Line::from(format!(" {} ", s.pane_detail)));
        // Where the selection is among the related occupations, as the list panes say it.
        let related = ws.related(&model.catalog).len();
        if let Some(at) = super::list::position(ws.related, related, areas.visible_rows(Pane::Detail)) {
            block = block.title(Line::styled(at, model.theme.border_focused).right_aligned());
        }
    }
    let Some(o) = ws.current_occupation(&model.catalog) else {
        frame.render_widget(block, area);
        return;
    };
    // The source on the bottom border, where it takes no line from the text: always in sight.
    if let Some(source) = model.catalog.source(&o.source) {
        let said = fill(s.detail_source, &[("source", &short_source(source))]);
        let room = usize::from(area.width.saturating_sub(4));
        block = block.title_bottom(Line::styled(format!(" {} ", clip(&said, room)), model.theme.dim));
    }
    frame.render_widget(block, area);
    let inner = padded(inset(area));
    let room = usize::from(inner.width);
    if !focused {
        let lines = wrap_paragraphs(paragraphs(model, ws, o, true), room, usize::from(inner.height));
        frame.render_widget(Paragraph::new(lines), inner);
        return;
    }
    // Focused: the name, level and source on the first lines, then the related occupations.
    let head = ratatui::layout::Rect { height: areas.detail_head_lines(), ..inner };
    let lines = wrap_paragraphs(paragraphs(model, ws, o, false), room, usize::from(head.height));
    frame.render_widget(Paragraph::new(lines), head);
    let heading = ratatui::layout::Rect { y: head.y + head.height, height: 1, ..inner };
    frame.render_widget(
        Paragraph::new(Line::styled(clip(s.detail_related, room), model.theme.title)),
        heading,
    );
    let list = areas.list(Pane::Detail);
    let related = ws.related(&model.catalog);
    if related.is_empty() {
        let none = Line::styled(clip(&format!(" {}", s.detail_related_none), room), model.theme.dim);
        frame.render_widget(Paragraph::new(none), list);
        return;
    }
    let rows = related_rows(model, ws, &related, usize::from(list.width));
    draw_rows(frame, list, rows, Some(ws.related), selection(model, ws, Pane::Detail), 1);
}

/// What the detail says of `o`, one paragraph each; `whole` adds the codes, the description and
/// how many related occupations there are (the unfocused detail).
fn paragraphs(model: &Ui, ws: &Workspace, o: &Occupation, whole: bool) -> Vec<(String, Style)> {
    let s = model.lang.strings();
    let t = &model.theme;
    // The full name first, as DANE writes it: the list shows only its first form. Focused, the
    // related occupations need the room: the first form, as the list has it.
    let name = if whole { o.title.clone() } else { o.list_title().to_string() };
    let mut out = vec![(name, t.title)];
    // Listed here from a complementary area: say where the occupation is placed.
    let here = model.catalog.sectors().nth(ws.sector).map(|s| s.id.as_str());
    if Some(o.sector.as_str()) != here
        && let Some(principal) = model.catalog.sector(&o.sector)
    {
        out.push((fill(s.complementary_detail, &[("sector", &principal.name)]), t.dim));
    }
    // The fit with its parts, in its band's colour (what it means is in the `?` help).
    if let Some(standing) = standings(&ws.session, &[o]).first() {
        let parts = parts_of(&ws.session, &model.catalog, o);
        out.push((super::fit::summary(s, standing, &parts), super::fit::style(t, standing)));
    }
    if let Some(meaning) = level_meaning(model.lang, o.level) {
        out.push((fill(s.detail_level, &[("level", &o.level), ("meaning", &meaning)]), t.base));
    }
    if !whole {
        return out;
    }
    let codes: Vec<String> = o
        .codes
        .iter()
        .map(|c| {
            let partial = if c.partial { format!(" ({})", s.code_partial) } else { String::new() };
            format!("{} {}{partial}", c.system, c.code)
        })
        .collect();
    if !codes.is_empty() {
        out.push((format!("{}: {}", s.codes_label, codes.join(", ")), t.base));
    }
    if let Some(line) = equivalents_line(model, ws, o) {
        out.push((line, t.inferred));
    }
    let related = ws.related(&model.catalog).len();
    if related > 0 {
        let key = keys::footer_keys(&model.keymap, &[Action::FocusDetail], model.lang);
        out.push((fill(s.detail_related_count, &[("count", &related), ("key", &key)]), t.key));
    }
    // Derived from O*NET, not DANE's (the line says so); the whole profile is in the full text (`v`).
    // After the lines that say where `c` and the related occupations go, which the pane must show.
    if let Some(profile) = &o.interests {
        out.push((super::occupation_interests::compact(model.lang, profile), t.inferred));
    }
    out.push((o.description.clone(), t.dim));
    out
}

/// A CUOC competency level in plain words; `None` for 0 (not given) or anything else.
pub fn level_meaning(lang: Lang, level: u8) -> Option<&'static str> {
    let s = lang.strings();
    match level {
        1 => Some(s.level_1),
        2 => Some(s.level_2),
        3 => Some(s.level_3),
        4 => Some(s.level_4),
        _ => None,
    }
}

/// Each related occupation by the first form of its name, with the person's fit as the
/// occupations list shows it (in brackets when only shared competencies make it).
fn related_rows(model: &Ui, ws: &Workspace, related: &[&Occupation], room: usize) -> Vec<Vec<Line<'static>>> {
    standings(&ws.session, related)
        .into_iter()
        .zip(related)
        .map(|(standing, o)| {
            let p = standing.percent;
            let (percent, style) = if standing.shared_only() {
                (format!("{:>5} ", format!("({p}%)")), super::fit::style(model.theme, &standing))
            } else {
                (format!("{p:>3}% "), super::fit::style(model.theme, &standing))
            };
            let room_left = room.saturating_sub(width(&percent) + 2);
            let name = format!(" {}", super::names::occupation_label(&model.catalog, &o.title, room_left));
            let gap = room.saturating_sub(width(&name) + width(&percent));
            vec![Line::from(vec![Span::raw(name), Span::raw(" ".repeat(gap)), Span::styled(percent, style)])]
        })
        .collect()
}

/// What `c` does here, in plain words: go to the CUOC equivalents (and back), or why it cannot.
fn equivalents_line(model: &Ui, ws: &Workspace, o: &Occupation) -> Option<String> {
    let s = model.lang.strings();
    let set = &model.catalog;
    let key = |action| keys::footer_keys(&model.keymap, &[action], model.lang);
    if let Some(jump) = ws.cuoc_jump.as_ref().filter(|j| j.to == o.id) {
        let from = set.occupation(&jump.from)?;
        let total = set.cuoc_equivalents(from).iter().filter(|(_, o)| o.is_some()).count();
        let values: [(&str, &dyn std::fmt::Display); 5] = [
            ("n", &(jump.index + 1)),
            ("total", &total),
            ("from", &from.title),
            ("next", &key(Action::CuocGo)),
            ("back", &key(Action::Back)),
        ];
        return Some(fill(s.cuoc_jumped, &values));
    }
    let equivalents = set.cuoc_equivalents(o);
    if equivalents.is_empty() {
        return None;
    }
    let loaded = equivalents.iter().filter(|(_, o)| o.is_some()).count();
    if loaded == 0 {
        return Some(s.cuoc_not_loaded.to_string());
    }
    let values: [(&str, &dyn std::fmt::Display); 2] = [("key", &key(Action::CuocGo)), ("count", &loaded)];
    Some(fill(s.cuoc_go, &values))
}
