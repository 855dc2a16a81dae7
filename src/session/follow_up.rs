//! Issue 13: which sessions are due for their follow-up, and what is still pending in them. Pure: the
//! caller says which day it is (in the office's time zone).

use super::model::Session;
use super::plan::{Step, StepStatus};
use jiff::civil::Date;

/// True when the session's follow-up date is `day` or earlier (an overdue follow-up is still due).
pub fn is_due(session: &Session, day: Date) -> bool {
    session.follow_up.is_some_and(|date| date <= day)
}

/// The sessions due by `day`, earliest follow-up first (then by alias, then by id: a stable order).
pub fn due_by<'a>(sessions: impl IntoIterator<Item = &'a Session>, day: Date) -> Vec<&'a Session> {
    let mut due: Vec<&Session> = sessions.into_iter().filter(|s| is_due(s, day)).collect();
    due.sort_by(|a, b| (a.follow_up, &a.alias, &a.id).cmp(&(b.follow_up, &b.alias, &b.id)));
    due
}

/// The steps of the plan not done yet, in the plan's order.
pub fn pending_steps(session: &Session) -> impl Iterator<Item = &Step> {
    session.steps.iter().filter(|step| step.status == StepStatus::Pendiente)
}

/// The short code a session goes by at the desk (the kiosk prints it): its id's first six characters,
/// in capitals. `rumbo export`, `rumbo sessions show` and `/` on the start screen accept it, typed as
/// people type it ([`super::typed_code`]).
pub fn desk_code(session: &Session) -> String {
    session.id.chars().take(6).collect::<String>().to_uppercase()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::session::{StepKind, Who};

    fn session(id: &str, alias: &str, follow_up: Option<&str>) -> Session {
        let set = crate::catalog::CatalogSet::new(Vec::new());
        let mut s = Session::new(alias, "", jiff::Timestamp::UNIX_EPOCH, &set).unwrap();
        s.id = id.to_string();
        s.follow_up = follow_up.map(|d| d.parse().unwrap());
        s
    }

    #[test]
    fn due_includes_overdue_and_the_day_itself_but_not_later_or_none() {
        let day: Date = "2027-03-15".parse().unwrap();
        let all = [
            session("c", "Carla", Some("2027-03-16")),
            session("b", "Beto", Some("2027-03-15")),
            session("a", "Ana", Some("2027-01-02")),
            session("d", "Dora", None),
        ];
        let due: Vec<&str> = due_by(&all, day).iter().map(|s| s.alias.as_str()).collect();
        assert_eq!(due, ["Ana", "Beto"]);
    }

    #[test]
    fn pending_steps_leave_out_the_done_ones() {
        let mut s = session("abcdefgh", "Ana", Some("2027-03-15"));
        let step = |text: &str, status| Step {
            text: text.into(),
            who: Who::Persona,
            date: None,
            status,
            bring: Vec::new(),
            kind: StepKind::Own,
        };
        s.steps = vec![step("uno", StepStatus::Hecho), step("dos", StepStatus::Pendiente)];
        let pending: Vec<&str> = pending_steps(&s).map(|st| st.text.as_str()).collect();
        assert_eq!(pending, ["dos"]);
        assert_eq!(desk_code(&s), "ABCDEF");
    }
}
