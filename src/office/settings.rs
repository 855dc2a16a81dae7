//! `store:` and `desk:` in config.ron. The URL is kept in a [`DbUrl`], which prints as `<oculta>`: it names
//! the server and the user, and `{:?}` of the config must never put those in a log (a password in it is
//! refused outright, see [`super::conninfo`]).

use serde::{Deserialize, Serialize};

/// Where sessions are kept: files on this computer (the default), or the office's PostgreSQL.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub enum Store {
    #[default]
    Local,
    Postgres {
        url: DbUrl,
    },
}

impl Store {
    pub fn is_local(&self) -> bool {
        matches!(self, Store::Local)
    }
}

/// A PostgreSQL URL (`postgresql://rumbo@servidor/rumbo?sslmode=verify-full`). No `Display`; `Debug` hides
/// it; only [`DbUrl::expose`] gives the text, for the connection itself.
#[derive(Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct DbUrl(String);

impl DbUrl {
    pub fn new(url: impl Into<String>) -> DbUrl {
        DbUrl(url.into())
    }

    /// The URL itself: for [`super::conninfo::ConnInfo::parse`] only, never for a message.
    pub fn expose(&self) -> &str {
        &self.0
    }
}

impl std::fmt::Debug for DbUrl {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("DbUrl(<oculta>)")
    }
}

/// This workstation's name for "abierta en ESCRITORIO-3": `desk:` if given, else the host name. Control,
/// bidi and zero-width characters are stripped: the name reaches other desks' screens.
pub fn desk_name(configured: Option<&str>) -> String {
    configured.map(clean).filter(|d| !d.is_empty()).or_else(host_name).unwrap_or_else(|| "?".to_string())
}

fn clean(text: &str) -> String {
    crate::text::sanitize_line(text).trim().to_string()
}

/// The computer's name, from the environment (`COMPUTERNAME` on Windows, `HOSTNAME`) or, on Linux, the
/// kernel's; no system call crate needed.
fn host_name() -> Option<String> {
    let from_env = ["COMPUTERNAME", "HOSTNAME"].iter().find_map(|k| std::env::var(k).ok());
    from_env
        .or_else(|| std::fs::read_to_string("/proc/sys/kernel/hostname").ok())
        .or_else(|| std::fs::read_to_string("/etc/hostname").ok())
        .map(|h| clean(&h))
        .filter(|h| !h.is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_url_never_shows_in_debug() {
        let store = Store::Postgres { url: DbUrl::new("postgresql://rumbo@servidor-secreto/rumbo") };
        let shown = format!("{store:?} {store:#?}");
        assert!(!shown.contains("servidor-secreto"), "{shown}");
        assert!(shown.contains("<oculta>"), "{shown}");
    }

    #[test]
    fn the_desk_is_the_given_name_or_the_host_name() {
        assert_eq!(desk_name(Some(" ESCRITORIO-3 ")), "ESCRITORIO-3");
        assert_eq!(desk_name(Some("ESCRI\u{202E}TORIO-3\u{7}")), "ESCRITORIO-3");
        let host = desk_name(None);
        assert!(!host.is_empty() && host != "?", "this machine has a name: {host}");
        assert_eq!(desk_name(Some("  ")), host);
    }
}
