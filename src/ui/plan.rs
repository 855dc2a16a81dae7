//! The plan panel (`p`): a tab line of its five parts, the rows of the part in focus, a message line
//! (a refusal, or the Ley 1581 reminder beside free text), the line being typed, and the keys. Fits
//! 80×24: the rows take what the fixed lines leave.

use super::Ui;
use super::layout::offset;
use super::list::{clip, clip_spans, draw_rows};
use super::regions::{Regions, Rows};
use crate::app::keymap::Action;
use crate::app::plan::{
    CONTACT_ROWS, ContactRow, EditTarget, PlanMessage, PlanPanel, PlanPart, ProfileRow, StepRow,
    profile_rows, step_rows,
};
use crate::app::{Area, Workspace};
use crate::i18n::{Lang, Strings, fill};
use crate::session::plan::{self, PlanError};
use crate::session::{Education, Jornada, LanguageLevel, Step, StepStatus, Who};
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

pub fn draw(
    model: &Ui,
    ws: &Workspace,
    panel: &PlanPanel,
    frame: &mut Frame,
    area: Rect,
    regions: &mut Regions,
) {
    let s = model.lang.strings();
    let t = &model.theme;
    let inner = super::large_panel(model, frame, area, s.plan_title);
    let detail_lines = if panel.part == PlanPart::Steps { 3 } else { 0 };
    let [tabs, header, rows_area, detail, message, typed, keys] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Length(2),
        Constraint::Min(3),
        Constraint::Length(detail_lines),
        Constraint::Length(1),
        Constraint::Length(1),
        Constraint::Length(2),
    ])
    .areas(inner);
    draw_tabs(model, panel, frame, tabs, regions);
    let room = usize::from(rows_area.width);
    let session = &ws.session;
    let key = |action: Action| super::keys::footer_keys(&model.keymap, &[action], model.lang);
    let header_text = match panel.part {
        PlanPart::Contact => s.plan_contact_note.to_string(),
        PlanPart::Goals => fill(
            s.plan_goals_header,
            &[
                ("count", &session.goals.len()),
                ("goal", &key(Action::Goal)),
                ("explored", &key(Action::AddExplored)),
            ],
        ),
        PlanPart::FollowUp => s.plan_follow_up_hint.to_string(),
        PlanPart::Profile | PlanPart::Steps => String::new(),
    };
    let header_lines: Vec<Line> =
        super::list::wrap(&header_text, usize::from(header.width).saturating_sub(2), 2)
            .into_iter()
            .map(|l| Line::styled(format!(" {l}"), t.dim))
            .collect();
    frame.render_widget(Paragraph::new(header_lines), header);

    let rows = part_rows(model, ws, panel, room);
    let rows = if rows.is_empty() {
        let empty = match panel.part {
            PlanPart::Goals => fill(
                s.plan_goals_empty,
                &[("goal", &key(Action::Goal)), ("explored", &key(Action::AddExplored))],
            ),
            _ => s.plan_steps_empty.to_string(),
        };
        vec![vec![Line::styled(clip(&format!("   {empty}"), room), t.dim)]]
    } else {
        rows
    };
    let chosen = (panel.len(session, &model.catalog, model.lang) > 0).then_some(panel.row());
    let first = offset(chosen.unwrap_or(0), usize::from(rows_area.height));
    regions.record(Area::Plan, rows_area, Some(Rows { rect: rows_area, first, lines: 1 }));
    draw_rows(frame, rows_area, rows, chosen, t.selected, 1);

    if panel.part == PlanPart::Steps {
        draw_step_detail(model, ws, panel, frame, detail);
    }
    let free_text = panel.edit.as_ref().is_some_and(|e| e.target.is_free_text());
    let line = match &panel.message {
        Some(m) => Line::styled(
            clip(&format!(" {}", message_text(m, model.lang)), usize::from(message.width)),
            t.warning,
        ),
        None if free_text || panel.part == PlanPart::Steps => {
            Line::styled(clip(&format!(" {}", s.plan_sensitive), usize::from(message.width)), t.dim)
        }
        None => Line::raw(""),
    };
    frame.render_widget(Paragraph::new(line), message);
    if let Some(edit) = &panel.edit {
        let prompt = match edit.target {
            EditTarget::Zones => s.plan_prompt_zones,
            EditTarget::NewLanguage => s.plan_prompt_language,
            EditTarget::Phone => s.plan_phone,
            EditTarget::Email => s.plan_email,
            EditTarget::StepText(_) | EditTarget::NewStep => s.plan_prompt_step,
            EditTarget::Bring(_) => s.plan_prompt_bring,
            EditTarget::StepDate(_) | EditTarget::FollowUp => s.plan_prompt_date,
        };
        // The end of a long line stays in sight: it is where the typing happens.
        let room = usize::from(typed.width).saturating_sub(super::list::width(prompt) + 5);
        let shown: String = {
            let chars: Vec<char> = edit.text.chars().collect();
            chars[chars.len().saturating_sub(room)..].iter().collect()
        };
        let line = Line::from(vec![
            Span::styled(format!(" {prompt}: "), t.border_focused),
            Span::raw(shown),
            Span::styled("▏", t.key),
        ]);
        frame.render_widget(Paragraph::new(line), typed);
    }
    let entries = match (&panel.edit, panel.part) {
        (Some(_), _) => super::keys::FOOTER_PLAN_EDIT,
        (None, PlanPart::Profile) => super::keys::FOOTER_PLAN_PROFILE,
        (None, PlanPart::Contact) => super::keys::FOOTER_PLAN_CONTACT,
        (None, PlanPart::Goals) => super::keys::FOOTER_PLAN_GOALS,
        (None, PlanPart::Steps) => super::keys::FOOTER_PLAN_STEPS,
        (None, PlanPart::FollowUp) => super::keys::FOOTER_PLAN_FOLLOW_UP,
    };
    let text = if ws.is_read_only() {
        s.keys_read_only.to_string()
    } else {
        super::keys::footer(&model.keymap, entries, model.lang)
    };
    // Two lines: the Plan de acción's keys do not fit one at 80 columns.
    let lines: Vec<Line> = super::list::wrap(&text, usize::from(keys.width).saturating_sub(2), 2)
        .into_iter()
        .map(|l| Line::styled(format!(" {l}"), t.key))
        .collect();
    frame.render_widget(Paragraph::new(lines), keys);
}

/// Under the steps: the selected one whole (its text, who, date and what to bring), wrapped.
fn draw_step_detail(model: &Ui, ws: &Workspace, panel: &PlanPanel, frame: &mut Frame, area: Rect) {
    let s = model.lang.strings();
    let t = &model.theme;
    let step = match step_rows(&ws.session, &model.catalog, model.lang).get(panel.row()) {
        Some(StepRow::Step(i)) => ws.session.steps.get(*i).cloned(),
        Some(StepRow::Suggested(step)) => Some(step.clone()),
        None => None,
    };
    let Some(step) = step else { return };
    let who = match step.who {
        Who::Persona => s.plan_who_persona,
        Who::Orientador => s.plan_who_orientador,
    };
    let status = match step.status {
        StepStatus::Pendiente => s.plan_status_pendiente,
        StepStatus::Hecho => s.plan_status_hecho,
    };
    let date = step.date.map_or(s.plan_no_date.to_string(), |d| d.to_string());
    let mut text = format!("{} — {who} · {date} · {status}", step.text);
    if !step.bring.is_empty() {
        text.push_str(&format!(" · {}", fill(s.plan_bring, &[("list", &step.bring.join(", "))])));
    }
    let lines: Vec<Line> =
        super::list::wrap(&text, usize::from(area.width).saturating_sub(4), usize::from(area.height))
            .into_iter()
            .map(|l| Line::styled(format!("   {l}"), t.dim))
            .collect();
    frame.render_widget(Paragraph::new(lines), area);
}

fn draw_tabs(model: &Ui, panel: &PlanPanel, frame: &mut Frame, area: Rect, regions: &mut Regions) {
    let s = model.lang.strings();
    let t = &model.theme;
    let mut spans = vec![Span::raw(" ")];
    let mut x = area.x + 1;
    for part in PlanPart::ALL {
        let name = format!(" {} ", part_name(s, part));
        let w = super::list::width(&name) as u16;
        let rect = Rect { x, y: area.y, width: w.min((area.x + area.width).saturating_sub(x)), height: 1 };
        regions.record(Area::PlanPart(part), rect, None);
        spans.push(Span::styled(name, if panel.part == part { t.selected } else { t.dim }));
        spans.push(Span::raw(" "));
        x = x.saturating_add(w + 1);
    }
    frame.render_widget(Paragraph::new(clip_spans(spans, usize::from(area.width))), area);
}

pub fn part_name(s: &Strings, part: PlanPart) -> &'static str {
    match part {
        PlanPart::Profile => s.plan_part_profile,
        PlanPart::Contact => s.plan_part_contact,
        PlanPart::Goals => s.plan_part_goals,
        PlanPart::Steps => s.plan_part_steps,
        PlanPart::FollowUp => s.plan_part_follow_up,
    }
}

fn part_rows(model: &Ui, ws: &Workspace, panel: &PlanPanel, room: usize) -> Vec<Vec<Line<'static>>> {
    let s = model.lang.strings();
    let t = &model.theme;
    let session = &ws.session;
    let field = |label: &str, value: String| {
        let set = !value.is_empty();
        let value = if set { value } else { s.plan_unset.to_string() };
        vec![clip_spans(
            vec![
                Span::styled(format!("   {:<23}", format!("{label}:")), t.dim),
                Span::styled(value, if set { t.base } else { t.dim }),
            ],
            room,
        )]
    };
    match panel.part {
        PlanPart::Profile => profile_rows(session)
            .into_iter()
            .map(|row| match row {
                ProfileRow::Education => field(
                    s.plan_education,
                    session.profile.education.map(|e| education(s, e).to_string()).unwrap_or_default(),
                ),
                ProfileRow::Jornada => field(
                    s.plan_jornada,
                    session.profile.jornada.map(|j| jornada(s, j).to_string()).unwrap_or_default(),
                ),
                ProfileRow::Zones => field(s.plan_zones, session.profile.zones.join(", ")),
                ProfileRow::Language(i) => {
                    let l = &session.profile.languages[i];
                    field(
                        &fill(s.plan_language_row, &[("language", &l.language)]),
                        level(s, l.level).to_string(),
                    )
                }
                ProfileRow::AddLanguage => {
                    vec![Line::styled(clip(&format!("   {}", s.plan_add_language), room), t.dim)]
                }
                ProfileRow::PlanLanguage => field(
                    s.plan_plan_language,
                    session
                        .profile
                        .plan_language
                        .map_or(s.plan_interface_language, |l| language(s, l))
                        .to_string(),
                ),
                ProfileRow::PastJobs => {
                    let jobs: Vec<&str> = session.past_jobs.iter().map(|j| j.title.as_str()).collect();
                    let jobs = if jobs.is_empty() {
                        String::new()
                    } else {
                        format!("{} ({})", jobs.join(", "), s.plan_past_jobs_hint)
                    };
                    field(s.plan_past_jobs, jobs)
                }
            })
            .collect(),
        PlanPart::Contact => CONTACT_ROWS
            .iter()
            .map(|row| match row {
                ContactRow::Consent => {
                    let ticked = if panel.consent_at.is_some() { "[x]" } else { "[ ]" };
                    vec![clip_spans(vec![Span::raw(format!("   {ticked} {}", s.plan_consent))], room)]
                }
                ContactRow::Phone => {
                    field(s.plan_phone, session.contact.as_ref().map(|c| c.phone.clone()).unwrap_or_default())
                }
                ContactRow::Email => {
                    field(s.plan_email, session.contact.as_ref().map(|c| c.email.clone()).unwrap_or_default())
                }
            })
            .collect(),
        PlanPart::Goals => plan::explored(session, &model.catalog)
            .iter()
            .map(|id| {
                let title = model.catalog.occupation(id).map(|o| o.title.clone()).unwrap_or_default();
                let (mark, word) =
                    if session.is_goal(id) { ("★", s.plan_goal) } else { ("·", s.plan_explored) };
                vec![clip_spans(
                    vec![Span::styled(format!("   {mark} {:<11}", word), t.key), Span::raw(title)],
                    room,
                )]
            })
            .collect(),
        PlanPart::Steps => step_rows(session, &model.catalog, model.lang)
            .into_iter()
            .map(|row| match row {
                StepRow::Step(i) => step_line(model, &session.steps[i], false, room),
                StepRow::Suggested(step) => step_line(model, &step, true, room),
            })
            .collect(),
        PlanPart::FollowUp => {
            vec![field(s.plan_follow_up, session.follow_up.map(|d| d.to_string()).unwrap_or_default())]
        }
    }
}

fn step_line(model: &Ui, step: &Step, suggested: bool, room: usize) -> Vec<Line<'static>> {
    let s = model.lang.strings();
    let t = &model.theme;
    let mark = match (suggested, step.status) {
        (true, _) => format!("   + {}: ", s.plan_suggested),
        (false, StepStatus::Pendiente) => "   ☐ ".to_string(),
        (false, StepStatus::Hecho) => "   ☑ ".to_string(),
    };
    let who = match step.who {
        Who::Persona => s.plan_who_persona,
        Who::Orientador => s.plan_who_orientador,
    };
    let date = step.date.map_or(s.plan_no_date.to_string(), |d| d.to_string());
    let mut spans = vec![
        Span::styled(mark, if suggested { t.dim } else { t.key }),
        Span::styled(step.text.clone(), if suggested { t.dim } else { t.base }),
        Span::styled(format!(" · {who} · {date}"), t.dim),
    ];
    if !step.bring.is_empty() {
        spans.push(Span::styled(
            format!(" · {}", fill(s.plan_bring, &[("list", &step.bring.join(", "))])),
            t.dim,
        ));
    }
    vec![clip_spans(spans, room)]
}

pub fn education(s: &Strings, e: Education) -> &'static str {
    match e {
        Education::Ninguno => s.education_ninguno,
        Education::Primaria => s.education_primaria,
        Education::Bachillerato => s.education_bachillerato,
        Education::TecnicoLaboral => s.education_tecnico_laboral,
        Education::TecnicoProfesional => s.education_tecnico_profesional,
        Education::Tecnologo => s.education_tecnologo,
        Education::Profesional => s.education_profesional,
        Education::Posgrado => s.education_posgrado,
    }
}

pub fn jornada(s: &Strings, j: Jornada) -> &'static str {
    match j {
        Jornada::Manana => s.jornada_manana,
        Jornada::Tarde => s.jornada_tarde,
        Jornada::Noche => s.jornada_noche,
        Jornada::Completa => s.jornada_completa,
        Jornada::Fines => s.jornada_fines,
    }
}

pub fn level(s: &Strings, l: LanguageLevel) -> &'static str {
    match l {
        LanguageLevel::Basico => s.level_basico,
        LanguageLevel::Intermedio => s.level_intermedio,
        LanguageLevel::Avanzado => s.level_avanzado,
    }
}

pub fn language(s: &Strings, l: Lang) -> &'static str {
    match l {
        Lang::Es => s.lang_es,
        Lang::En => s.lang_en,
    }
}

/// A refusal or notice of the panel in words.
pub fn message_text(message: &PlanMessage, lang: Lang) -> String {
    let s = lang.strings();
    match message {
        PlanMessage::NeedConsent => s.plan_need_consent.to_string(),
        PlanMessage::ReadOnly => s.plan_read_only.to_string(),
        PlanMessage::Refused(e) => match e {
            PlanError::GoalsFull => s.plan_error_goals_full.to_string(),
            PlanError::BadDate { text } => fill(s.plan_error_bad_date, &[("text", text)]),
            PlanError::ContactEmpty => s.plan_error_contact_empty.to_string(),
            PlanError::BadPhone { text } => fill(s.plan_error_bad_phone, &[("text", text)]),
            PlanError::BadEmail { text } => fill(s.plan_error_bad_email, &[("text", text)]),
            PlanError::EmptyStep => s.plan_error_empty_step.to_string(),
        },
    }
}
