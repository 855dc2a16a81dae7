//! `v`: the whole text of the selected item, in a popup between the header and the footer — every
//! gendered form of an occupation's name, its codes, level, description and source; a function or
//! competency with its occupation; a program with all its details. Word-wrapped; when it does not fit it
//! scrolls as the `?` help does, and says on its border that there is more.

use super::detail::level_meaning;
use super::layout::centered;
use super::list::wrap;
use super::regions::Regions;
use super::{Ui, padded, popup, programs, source_line};
use crate::app::{Area, DetailTab, FullText, GapRow, Overlay, Pane, Workspace};
use crate::catalog::{Link, Occupation, Program, first_form, forms};
use crate::i18n::fill;
use crate::session::{GapItem, MarkKind};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::Line;
use ratatui::widgets::Paragraph;

/// The popup's widest; narrower screens get their whole width.
const WIDTH: u16 = 90;

/// What the popup says: its kind (for the title) and its paragraphs, each in its own style.
struct Content {
    kind: &'static str,
    paragraphs: Vec<(String, Style)>,
}

pub fn draw(
    model: &Ui,
    ws: &Workspace,
    full: &FullText,
    frame: &mut Frame,
    area: Rect,
    regions: &mut Regions,
) {
    let Some(content) = content(model, ws, full.under.as_deref()) else { return };
    let s = model.lang.strings();
    // Between the header and the footer: the footer says how to scroll and close it.
    let body = Rect { y: area.y + 1, height: area.height.saturating_sub(3), ..area };
    let outer = if area.width.saturating_sub(WIDTH) <= 4 { area.width } else { WIDTH };
    let room = usize::from(outer.saturating_sub(4));
    let mut lines: Vec<Line<'static>> = Vec::new();
    for (i, (text, style)) in content.paragraphs.into_iter().enumerate() {
        // A blank line after the name(s), which are the first paragraphs in the title's style.
        if i > 0 && style != model.theme.title && lines.last().is_some_and(|l| l.style == model.theme.title) {
            lines.push(Line::default());
        }
        lines.extend(wrap(&text, room, usize::MAX).into_iter().map(|l| Line::styled(l, style)));
    }
    let height = u16::try_from(lines.len() + 2).unwrap_or(body.height).clamp(8.min(body.height), body.height);
    let shown = usize::from(height.saturating_sub(2));
    let scroll_room = lines.len().saturating_sub(shown);
    let offset = full.scroll.offset.min(scroll_room);
    let rect = centered(body, outer, height);
    // Anywhere else a click closes it; recorded first, so the popup drawn over it takes its own clicks.
    regions.record(Area::FullTextOutside, area, None);
    let title = fill(s.full_title, &[("kind", &content.kind)]);
    let inner = padded(popup(model, frame, rect, title));
    let visible: Vec<Line> = lines.into_iter().skip(offset).take(shown).collect();
    frame.render_widget(Paragraph::new(visible), inner);
    super::scroll_marks(model, frame, inner, offset, scroll_room);
    regions.record(Area::FullText, rect, None);
    regions.help_room = Some(scroll_room);
}

/// What is selected where `v` was pressed: in the view under the popup, or in the focused pane.
fn content(model: &Ui, ws: &Workspace, under: Option<&Overlay>) -> Option<Content> {
    let set = &model.catalog;
    let s = model.lang.strings();
    match under {
        Some(Overlay::BestFit(view)) => {
            let fits = ws.best_fits(set);
            Some(occupation(model, fits.rows.get(view.selected)?.occupation))
        }
        Some(Overlay::Experience(panel)) => {
            let job = ws.session.past_jobs.get(panel.job)?;
            let mut content = match set.occupation(&job.occupation) {
                Some(o) => occupation(model, o),
                None => Content {
                    kind: s.kind_occupation,
                    paragraphs: vec![(job.occupation_text.clone(), model.theme.title)],
                },
            };
            content.paragraphs.insert(0, (fill(s.full_job, &[("title", &job.title)]), model.theme.key));
            Some(content)
        }
        Some(Overlay::Gap(view)) => {
            let occupation = set.occupation(&view.occupation)?;
            match view.current()? {
                GapRow::Item(item) => Some(gap_item(model, ws, item, occupation)),
                GapRow::Program(p) => Some(program(model, ws, set.program(&p.id)?, occupation)),
            }
        }
        Some(_) => None,
        None => match ws.focus {
            Pane::Sectors => sector(model, ws),
            Pane::Occupations => Some(occupation(model, ws.current_occupation(set)?)),
            Pane::Detail => Some(occupation(model, ws.related(set).get(ws.related).copied()?)),
            Pane::Functions => detail_row(model, ws),
            Pane::Programs => {
                let o = ws.current_occupation(set)?;
                Some(program(model, ws, set.programs_for(&o.id).get(ws.program).copied()?, o))
            }
        },
    }
}

fn sector(model: &Ui, ws: &Workspace) -> Option<Content> {
    let t = &model.theme;
    let sector = model.catalog.sectors().nth(ws.sector)?;
    let mut paragraphs = vec![(sector.name.clone(), t.title)];
    if !sector.summary.is_empty() {
        paragraphs.push((sector.summary.clone(), t.base));
    }
    for category in &sector.categories {
        paragraphs.push((format!("{} {}", category.code, category.name), t.base));
    }
    paragraphs.extend(source_line(model, &sector.source).map(|l| (l, t.dim)));
    Some(Content { kind: model.lang.strings().kind_sector, paragraphs })
}

/// Every form of the name as DANE writes it, one a line; then codes, level, sector, the interest profile
/// (derived from O*NET), the other names it goes by, the description and the source.
fn occupation(model: &Ui, o: &Occupation) -> Content {
    let s = model.lang.strings();
    let t = &model.theme;
    let mut paragraphs: Vec<(String, Style)> = forms(&o.title).map(|f| (f.to_string(), t.title)).collect();
    let codes: Vec<String> = o.codes.iter().map(|c| format!("{} {}", c.system, c.code)).collect();
    if !codes.is_empty() {
        paragraphs.push((format!("{}: {}", s.codes_label, codes.join(", ")), t.base));
    }
    if let Some(meaning) = level_meaning(model.lang, o.level) {
        paragraphs.push((fill(s.detail_level, &[("level", &o.level), ("meaning", &meaning)]), t.base));
    }
    if let Some(sector) = model.catalog.sector(&o.sector) {
        paragraphs.push((format!("{}: {}", capitalized(s.kind_sector), sector.name), t.base));
    }
    // Derived from O*NET, and saying so; how it was reached in the dim style of a source.
    for (i, line) in
        super::occupation_interests::full(model.lang, o.interests.as_ref()).into_iter().enumerate()
    {
        paragraphs.push((line, if i == 0 { t.base } else { t.dim }));
    }
    if !o.alt_titles.is_empty() {
        let titles: Vec<&str> = o.alt_titles.iter().map(|a| a.title.as_str()).collect();
        paragraphs.push((fill(s.full_alt_titles, &[("titles", &titles.join(", "))]), t.dim));
    }
    if !o.description.is_empty() {
        paragraphs.push((o.description.clone(), t.base));
    }
    paragraphs.extend(source_line(model, &o.source).map(|l| (l, t.dim)));
    Content { kind: s.kind_occupation, paragraphs }
}

/// The selected function or competency: its whole text, whether optional, its mark, and its occupation.
fn detail_row(model: &Ui, ws: &Workspace) -> Option<Content> {
    let s = model.lang.strings();
    let t = &model.theme;
    let rows = ws.detail_rows(&model.catalog);
    let row = rows.get(ws.selected(Pane::Functions))?;
    let mut paragraphs = vec![(super::functions::full_text(model, ws, row), t.title)];
    if row.importance == crate::catalog::Importance::Optional {
        paragraphs.push((s.importance_optional.to_string(), t.dim));
    }
    paragraphs.push(mark(model, ws, row.kind, &row.id));
    paragraphs.extend(answered_no(model, ws, row.kind, &row.id));
    if let Some(o) = ws.current_occupation(&model.catalog) {
        paragraphs.push((fill(s.full_of_occupation, &[("name", &o.title)]), t.dim));
    }
    let kind = if ws.tab == DetailTab::Functions { s.kind_function } else { s.kind_competency };
    Some(Content { kind, paragraphs })
}

/// "Marca: ◐ en desarrollo": the item's mark as it is now.
fn mark(model: &Ui, ws: &Workspace, kind: MarkKind, id: &str) -> (String, Style) {
    let s = model.lang.strings();
    let level = ws.session.mark_of(kind, id);
    let (symbol, _) = super::functions::mark_symbol(model, level);
    let word = match level {
        Some(crate::session::MarkLevel::Has) => s.mark_has,
        Some(crate::session::MarkLevel::InDevelopment) => s.mark_developing,
        None => s.mark_none,
    };
    (fill(s.full_mark, &[("mark", &format!("{symbol} {word}"))]), model.theme.base)
}

/// "Respondió en el quiosco: Todavía no", for an item a kiosk visitor answered so (and nobody marked since).
fn answered_no(model: &Ui, ws: &Workspace, kind: MarkKind, id: &str) -> Option<(String, Style)> {
    let said = ws.session.is_answered_no(kind, id);
    said.then(|| (model.lang.strings().full_answered_no.to_string(), model.theme.base))
}

/// An item of the gap popup (`g`): its whole text, whether optional, its mark, and its occupation.
fn gap_item(model: &Ui, ws: &Workspace, item: &GapItem, o: &Occupation) -> Content {
    let s = model.lang.strings();
    let t = &model.theme;
    let mut paragraphs = vec![(item.text.clone(), t.title)];
    if item.importance == crate::catalog::Importance::Optional {
        paragraphs.push((s.importance_optional.to_string(), t.dim));
    }
    paragraphs.push(mark(model, ws, item.kind, &item.id));
    paragraphs.extend(answered_no(model, ws, item.kind, &item.id));
    paragraphs.push((fill(s.full_of_occupation, &[("name", &first_form(&o.title))]), t.dim));
    let kind = if item.kind == MarkKind::Function { s.kind_function } else { s.kind_competency };
    Content { kind, paragraphs }
}

/// A program, with all its details, as linked to occupation `o`.
fn program(model: &Ui, ws: &Workspace, p: &Program, o: &Occupation) -> Content {
    let s = model.lang.strings();
    let t = &model.theme;
    let mut paragraphs = vec![(p.name.clone(), t.title), (p.institution.clone(), t.base)];
    let level = if p.level.is_empty() { s.level_unknown } else { p.level.as_str() };
    let mut about: Vec<String> = vec![level.to_string()];
    about.extend(p.modality.map(|m| m.name(model.lang).to_string()));
    if p.link == Link::Inferred {
        about.push(s.link_inferred.to_string());
    }
    if ws.session.is_shortlisted(&p.id) {
        about.push(s.shortlisted.to_string());
    }
    paragraphs.push((about.join(" · "), t.base));
    paragraphs.extend(programs::long_details(p, model.lang).into_iter().map(|d| (d, t.base)));
    paragraphs.push((fill(s.full_of_occupation, &[("name", &first_form(&o.title))]), t.dim));
    paragraphs.extend(source_line(model, &p.source).map(|l| (l, t.dim)));
    Content { kind: s.kind_program, paragraphs }
}

/// "sector" → "Sector", for a label before a colon.
fn capitalized(word: &str) -> String {
    let mut chars = word.chars();
    chars.next().map(|c| c.to_uppercase().chain(chars).collect()).unwrap_or_default()
}
