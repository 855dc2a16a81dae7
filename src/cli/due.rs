//! `rumbo sessions due [--before AAAA-MM-DD] [--json]` (issue 13): the sessions whose follow-up is due by
//! that day (default today, in this computer's time zone; overdue ones included), with alias, desk code,
//! the contact the person authorised and the steps still pending. JSON shape: README, «Seguimientos».

use super::EXIT_USAGE;
use crate::i18n::{Lang, fill};
use crate::session::{Listed, Session, Who, desk_code, due_by, parse_date, pending_steps};
use crate::text::sanitize_line;
use jiff::civil::Date;
use serde_json::json;
use std::collections::HashMap;
use std::io::Write;
use std::process::ExitCode;

pub fn run(
    lang: Lang,
    store: &mut crate::office::sessions::Sessions,
    before: Option<&str>,
    as_json: bool,
    all_offices: bool,
) -> ExitCode {
    let s = lang.strings();
    let today = jiff::Zoned::now().date();
    let day = match before.map(parse_date).transpose() {
        Ok(day) => day.unwrap_or(today),
        Err(_) => {
            let text = sanitize_line(before.unwrap_or_default());
            let _ = writeln!(
                std::io::stderr(),
                "{}: {}",
                s.error_prefix,
                fill(s.due_bad_date, &[("text", &text)])
            );
            return ExitCode::from(EXIT_USAGE);
        }
    };
    let listed = match super::all_offices::listed(lang, store, all_offices) {
        Ok(listed) => listed,
        Err(code) => return code,
    };
    // `--all-offices`: each session's office, for its column.
    let offices: HashMap<&str, &str> =
        listed.iter().filter_map(|(o, l)| Some((l.id(), o.as_deref()?))).collect();
    let width = super::all_offices::width(&listed);
    // A session that cannot be read may be due too: say so rather than leave it out in silence.
    for (_, entry) in &listed {
        let problem = match entry {
            Listed::Ok(_) => continue,
            Listed::Corrupt { id, path, line, col, message } => {
                let place = format!("{}:{line}:{col}", path.display());
                format!("{id}  {}", fill(s.sessions_corrupt, &[("place", &place), ("detail", message)]))
            }
            Listed::Unreadable { id, path, message } => format!(
                "{id}  {}",
                fill(s.sessions_unreadable, &[("place", &path.display()), ("detail", message)])
            ),
        };
        let _ = writeln!(std::io::stderr(), "{problem}");
    }
    let sessions = listed.iter().filter_map(|(_, entry)| match entry {
        Listed::Ok(session) => Some(session.as_ref()),
        _ => None,
    });
    let due = due_by(sessions, day);
    let mut out = std::io::stdout().lock();
    if as_json {
        let rows: Vec<_> = due
            .iter()
            .map(|session| {
                let mut row = row_json(session, today);
                if let (Some(office), Some(fields)) = (offices.get(session.id.as_str()), row.as_object_mut())
                {
                    fields.insert("office".into(), json!(office));
                }
                row
            })
            .collect();
        let _ = writeln!(out, "{}", json!({ "day": day.to_string(), "sessions": rows }));
        return ExitCode::SUCCESS;
    }
    if due.is_empty() {
        let _ = writeln!(out, "{}", fill(s.due_none, &[("date", &day)]));
    }
    for session in due {
        let office = super::all_offices::column(offices.get(session.id.as_str()).copied(), width);
        for (n, line) in lines(session, today, lang).into_iter().enumerate() {
            // The office heads the session's first line; its steps stay indented under it.
            let line = if n == 0 { format!("{office}{line}") } else { line };
            if writeln!(out, "{line}").is_err() {
                return ExitCode::SUCCESS;
            }
        }
    }
    ExitCode::SUCCESS
}

/// One session: its date (and "vencido" when past), code, alias and contact; then a line per pending step.
fn lines(session: &Session, today: Date, lang: Lang) -> Vec<String> {
    let s = lang.strings();
    let Some(date) = session.follow_up else { return Vec::new() };
    let overdue = if date < today { format!(" ({})", s.due_overdue) } else { String::new() };
    let contact = contact_text(session).unwrap_or_else(|| s.due_no_contact.to_string());
    let mut lines = vec![format!(
        "{date}{overdue}  {}  {}  {contact}",
        desk_code(session),
        sanitize_line(&session.alias)
    )];
    let pending: Vec<String> = pending_steps(session)
        .map(|step| {
            let who = match step.who {
                Who::Persona => s.due_who_persona,
                Who::Orientador => s.due_who_orientador,
            };
            let when = step.date.map(|d| format!(", {d}")).unwrap_or_default();
            format!("    - {} ({who}{when})", sanitize_line(&step.text))
        })
        .collect();
    if pending.is_empty() {
        lines.push(format!("    {}", s.due_no_pending));
    }
    lines.extend(pending);
    lines
}

/// The phone and e-mail the person authorised for the follow-up, as one line; `None` without consent.
fn contact_text(session: &Session) -> Option<String> {
    let c = session.contact.as_ref()?;
    let parts: Vec<String> =
        [&c.phone, &c.email].into_iter().map(|t| sanitize_line(t)).filter(|t| !t.trim().is_empty()).collect();
    (!parts.is_empty()).then(|| parts.join(" · "))
}

fn row_json(session: &Session, today: Date) -> serde_json::Value {
    let contact = session.contact.as_ref().map(|c| {
        json!({"phone": sanitize_line(&c.phone), "email": sanitize_line(&c.email), "consent_at": c.consent_at})
    });
    let pending: Vec<_> = pending_steps(session)
        .map(|step| {
            json!({
                "text": sanitize_line(&step.text),
                "who": step.who,
                "date": step.date.map(|d| d.to_string()),
                "bring": step.bring.iter().map(|b| sanitize_line(b)).collect::<Vec<_>>(),
            })
        })
        .collect();
    json!({
        "id": session.id,
        "code": desk_code(session),
        "alias": sanitize_line(&session.alias),
        "follow_up": session.follow_up.map(|d| d.to_string()),
        "overdue": session.follow_up.is_some_and(|d| d < today),
        "contact": contact,
        "pending": pending,
    })
}
