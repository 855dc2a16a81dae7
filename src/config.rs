//! `config.ron` in the config dir: what an office's IT staff set once per computer. Every key may be left
//! out; an unknown key is an error (a typo must not silently leave a kiosk unlocked). Documented in
//! docs/config.md.

use crate::app::keymap::{Conflict, ConflictKind, KeyOverrides, Keymap};
use crate::catalog::locate::{Locations, Pos};
use crate::catalog::optional_text;
use crate::office::{ConnInfo, Store};
use crate::private_fs::Mode;
use serde::{Deserialize, Serialize};
use std::path::{Path, PathBuf};

pub const FILE_NAME: &str = "config.ron";

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Config {
    /// Where exports go; empty means the user's Documents folder / rumbo.
    pub export_dir: String,
    /// Sessions older than this many days are purged (1 to 3650).
    pub retention_days: u32,
    /// Mode of the summaries `e` and `rumbo export` write: "0600", "0640" or "0660" (ignored on Windows).
    pub export_permissions: String,
    pub kiosk: Kiosk,
    /// The point of service: shown on every plan and in the app's header.
    pub office: Office,
    /// Keys changed from the defaults, by action (`keys: (buscar: "ctrl+f")`); see docs/config.md.
    #[serde(skip_serializing_if = "is_default")]
    pub keys: KeyOverrides,
    /// Where sessions are kept: `Local` (this computer's files) or `Postgres(url: "…")`, the office's server.
    #[serde(skip_serializing_if = "Store::is_local")]
    pub store: Store,
    /// This workstation's name as the other desks see it ("abierta en ESCRITORIO-3"); empty: the host name.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub desk: String,
}

fn is_default(keys: &KeyOverrides) -> bool {
    *keys == KeyOverrides::default()
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Kiosk {
    pub enabled: bool,
    pub idle_seconds: u32,
    pub export_dir: String,
    /// An argon2 hash of the administrator's PIN, never the PIN itself.
    pub admin_pin: String,
    pub admin_key: String,
    /// Mode of the kiosk's summaries: group-readable by default, for the front desk.
    pub export_permissions: String,
}

/// The office (point of service) this computer belongs to. Every key may be left out; texts are
/// written plainly (`name: "…"`, no `Some(…)`), an empty one is "not given", and control, bidi and
/// zero-width characters are stripped when read (they would reach the screen and the printed plan).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Office {
    /// A short code for this point of service ("kennedy-1").
    #[serde(deserialize_with = "optional_text", skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    #[serde(deserialize_with = "optional_text", skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    #[serde(deserialize_with = "optional_text", skip_serializing_if = "Option::is_none")]
    pub address: Option<String>,
    #[serde(deserialize_with = "optional_text", skip_serializing_if = "Option::is_none")]
    pub phone: Option<String>,
    /// Opening hours, free text.
    #[serde(deserialize_with = "optional_text", skip_serializing_if = "Option::is_none")]
    pub hours: Option<String>,
    /// Only `http://` or `https://` (it may become the plan's QR code).
    #[serde(deserialize_with = "optional_text", skip_serializing_if = "Option::is_none")]
    pub website: Option<String>,
    #[serde(deserialize_with = "optional_text", skip_serializing_if = "Option::is_none")]
    pub email: Option<String>,
    /// Where people take a kiosk code ("Mostrador 2, primer piso").
    #[serde(deserialize_with = "optional_text", skip_serializing_if = "Option::is_none")]
    pub front_desk: Option<String>,
}

impl Office {
    /// Every key, by name, in the documented order.
    pub fn fields(&self) -> [(&'static str, &Option<String>); 8] {
        [
            ("id", &self.id),
            ("name", &self.name),
            ("address", &self.address),
            ("phone", &self.phone),
            ("hours", &self.hours),
            ("website", &self.website),
            ("email", &self.email),
            ("front_desk", &self.front_desk),
        ]
    }

    pub fn is_empty(&self) -> bool {
        self.fields().iter().all(|(_, v)| v.is_none())
    }

    fn fields_mut(&mut self) -> [&mut Option<String>; 8] {
        [
            &mut self.id,
            &mut self.name,
            &mut self.address,
            &mut self.phone,
            &mut self.hours,
            &mut self.website,
            &mut self.email,
            &mut self.front_desk,
        ]
    }

    /// A copy with what must never reach a screen or a file stripped (an `Office` built by hand, not read
    /// from config.ron, may carry it).
    pub fn sanitized(&self) -> Office {
        let mut office = self.clone();
        office.sanitize();
        office
    }

    /// Strips what must never reach a screen or a file; a text left empty is "not given".
    fn sanitize(&mut self) {
        for field in self.fields_mut() {
            if let Some(text) = field.take() {
                let clean = crate::text::sanitize_line(&text).trim().to_string();
                *field = (!clean.is_empty()).then_some(clean);
            }
        }
    }
}

impl Default for Config {
    fn default() -> Self {
        Config {
            export_dir: String::new(),
            retention_days: 180,
            export_permissions: "0600".to_string(),
            kiosk: Kiosk::default(),
            office: Office::default(),
            keys: KeyOverrides::default(),
            store: Store::Local,
            desk: String::new(),
        }
    }
}

impl Default for Kiosk {
    fn default() -> Self {
        Kiosk {
            enabled: false,
            idle_seconds: 300,
            export_dir: String::new(),
            admin_pin: String::new(),
            admin_key: "ctrl+alt+a".to_string(),
            export_permissions: "0640".to_string(),
        }
    }
}

/// A config file that does not parse: where, and what ron said.
#[derive(Clone, Debug, PartialEq)]
pub struct ConfigError {
    pub file: PathBuf,
    pub pos: Option<Pos>,
    pub message: String,
}

impl std::fmt::Display for ConfigError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self.pos {
            Some(p) => write!(f, "{}:{}:{}: {}", self.file.display(), p.line, p.col, self.message),
            None => write!(f, "{}: {}", self.file.display(), self.message),
        }
    }
}

impl Config {
    pub fn parse(text: &str, file: &Path) -> Result<Config, ConfigError> {
        let text = text.strip_prefix('\u{FEFF}').unwrap_or(text);
        // An empty file (created by hand, or by an installer) means every default.
        if text.trim().is_empty() {
            return Ok(Config::default());
        }
        let mut config = ron::from_str::<Config>(text).map_err(|e| ConfigError {
            file: file.to_path_buf(),
            pos: Some(Pos { line: e.span.start.line.max(1), col: e.span.start.col.max(1) }),
            message: e.code.to_string(),
        })?;
        config.office.sanitize();
        config.check(text, file)?;
        Ok(config)
    }

    /// Values serde accepts but rumbo must not: a retention that would purge the day's work (or never
    /// end), a file mode other than the three allowed. Pointed at where the value is written.
    fn check(&self, text: &str, file: &Path) -> Result<(), ConfigError> {
        let at = |key: &str, message: String| ConfigError {
            file: file.to_path_buf(),
            pos: Some(Locations::of(text).find(key)),
            message,
        };
        let (min, max) = (crate::session::MIN_DAYS, crate::session::MAX_DAYS);
        if !(min..=max).contains(&self.retention_days) {
            let message = format!(
                "retention_days: {} is outside the allowed range {min}–{max} (days)",
                self.retention_days
            );
            return Err(at("retention_days", message));
        }
        for (key, value) in [
            ("export_permissions", &self.export_permissions),
            ("kiosk.export_permissions", &self.kiosk.export_permissions),
        ] {
            if Mode::parse(value).is_none() {
                let allowed = Mode::ALLOWED.map(|m| format!("\"{m}\"")).join(", ");
                return Err(at(key, format!("{key}: \"{value}\" is not allowed; use one of {allowed}")));
            }
        }
        if let Some(website) = &self.office.website
            && !crate::text::is_web_address(website)
        {
            let message = format!(
                "office.website: \"{website}\" is not a web address; write it with http:// or https:// \
                 (\"https://…\")"
            );
            return Err(at("office.website", message));
        }
        self.check_store().map_err(|(key, message)| at(key, message))?;
        // Pointed at the key written for the action at fault.
        self.keymap().map(|_| ()).map_err(|c| {
            let name = c.action.name();
            at(&format!("keys.{name}"), format!("keys.{name}: {}", conflict_words(&c.kind, name)))
        })
    }

    /// `store: Postgres` needs the office every session belongs to, and an address rumbo can use; neither
    /// message quotes the URL (it must never reach a screen or a log).
    fn check_store(&self) -> Result<(), (&'static str, String)> {
        let Store::Postgres { url } = &self.store else { return Ok(()) };
        if self.office.id.is_none() {
            let message = "store: Postgres needs office.id, the office every session belongs to \
                           (office: (id: \"kennedy-1\"))";
            return Err(("store", message.to_string()));
        }
        ConnInfo::parse(url.expose()).map(|_| ()).map_err(|e| ("store.url", format!("store: {e}")))
    }

    /// This workstation's name: `desk:`, else the host name.
    pub fn desk_name(&self) -> String {
        crate::office::settings::desk_name(Some(&self.desk))
    }

    /// The keymap in force: the defaults with `keys:` over them, kept off the kiosk's `admin_key`.
    pub fn keymap(&self) -> Result<Keymap, Conflict> {
        let admin_key = crate::app::kiosk::AdminKey::parse(&self.kiosk.admin_key).map(|k| k.combo());
        Keymap::new(&self.keys, admin_key)
    }

    /// The mode of the summaries `e` and `rumbo export` write.
    pub fn export_mode(&self) -> Mode {
        Mode::parse(&self.export_permissions).unwrap_or_default()
    }

    /// The mode of the summaries the kiosk writes.
    pub fn kiosk_export_mode(&self) -> Mode {
        Mode::parse(&self.kiosk.export_permissions).unwrap_or_default()
    }

    /// Reads `<config_dir>/config.ron`; a missing file is the default configuration.
    pub fn load(config_dir: &Path) -> Result<Config, ConfigError> {
        let file = config_dir.join(FILE_NAME);
        match std::fs::read_to_string(&file) {
            Ok(text) => Config::parse(&text, &file),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(Config::default()),
            Err(e) => Err(ConfigError { file, pos: None, message: e.to_string() }),
        }
    }

    /// The folder exports go to: `export_dir`, else Documents/rumbo, else ~/rumbo, else the data dir's `exports`.
    pub fn export_dir(&self, fallback: &Path) -> PathBuf {
        if !self.export_dir.trim().is_empty() {
            return PathBuf::from(self.export_dir.trim());
        }
        // Documents/rumbo where the desktop names a Documents folder, else ~/rumbo: somewhere the counselor
        // can find, never hidden inside the data folder unless there is no home at all.
        directories::UserDirs::new()
            .map(|u| u.document_dir().unwrap_or(u.home_dir()).join("rumbo"))
            .unwrap_or_else(|| fallback.join("exports"))
    }
}

/// What is wrong with a key of `keys:`, for the error that points at it.
fn conflict_words(kind: &ConflictKind, name: &str) -> String {
    match kind {
        ConflictKind::NotAKey(text) => {
            format!("\"{text}\" is not a key (examples: \"ctrl+f\", \"s\", \"shift+tab\", \"f2\")")
        }
        ConflictKind::CtrlC => "ctrl+c is locked: it always leaves (and does nothing at a kiosk)".to_string(),
        ConflictKind::AdminKey(key) => format!("\"{key}\" is kiosk.admin_key, the administrator's way out"),
        ConflictKind::PlainWhileTyping(key) => format!(
            "\"{key}\" is a plain character, and {name} works where text is typed (search, notes, the new \
             session's fields): use a key with ctrl or alt, or a named key"
        ),
        ConflictKind::Shared(key, other) => {
            format!("\"{key}\" is also the key of {}, and both work in the same place", other.name())
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_key_may_be_left_out() {
        let c = Config::parse("()", Path::new("config.ron")).unwrap();
        assert_eq!(c, Config::default());
        let c =
            Config::parse("Config(kiosk: (enabled: true), retention_days: 30)", Path::new("c.ron")).unwrap();
        assert!(c.kiosk.enabled);
        assert_eq!((c.kiosk.idle_seconds, c.retention_days), (300, 30));
    }

    #[test]
    fn the_documented_example_parses() {
        let text = r#"Config(
    kiosk: Kiosk(enabled: false, idle_seconds: 300, export_dir: "/srv/rumbo/resumenes", admin_pin: "$argon2id$…", admin_key: "ctrl+alt+a"),
    retention_days: 180,
)"#;
        let c = Config::parse(text, Path::new("config.ron")).unwrap();
        assert_eq!(c.kiosk.export_dir, "/srv/rumbo/resumenes");
    }

    #[test]
    fn errors_name_the_place() {
        let e = Config::parse("Config(\n  retention_dias: 3,\n)", Path::new("config.ron")).unwrap_err();
        assert_eq!(e.pos, Some(Pos { line: 2, col: 3 }), "{e}");
        assert!(e.to_string().starts_with("config.ron:2:3: "), "{e}");
    }

    #[test]
    fn the_example_in_docs_config_md_parses() {
        let doc = include_str!("../docs/config.md");
        let start = doc.find("```ron\n").unwrap() + "```ron\n".len();
        let end = start + doc[start..].find("```").unwrap();
        let c = Config::parse(&doc[start..end], Path::new("config.ron")).unwrap();
        assert_eq!((c.export_mode(), c.kiosk_export_mode()), (Mode::Private, Mode::GroupRead));
    }

    #[test]
    fn retention_and_modes_are_refused_where_they_are_written() {
        let defaults = Config::default();
        assert_eq!((defaults.export_mode(), defaults.kiosk_export_mode()), (Mode::Private, Mode::GroupRead));
        let e = Config::parse("Config(\n  retention_days: 0,\n)", Path::new("c.ron")).unwrap_err();
        assert_eq!(e.pos, Some(Pos { line: 2, col: 19 }), "{e}");
        assert!(e.message.contains("1–3650"), "{e}");
        for ok in [1, 3650] {
            assert!(Config::parse(&format!("Config(retention_days: {ok})"), Path::new("c.ron")).is_ok());
        }
        let e =
            Config::parse("Config(kiosk: (export_permissions: \"0644\"))", Path::new("c.ron")).unwrap_err();
        assert_eq!(e.pos, Some(Pos { line: 1, col: 36 }), "{e}");
        assert!(e.message.contains("\"0600\", \"0640\", \"0660\""), "{e}");
    }

    #[test]
    fn the_office_is_read_with_every_key_optional_and_cleaned() {
        let text = "Config(office: (id: \"kennedy-1\", name: \"Agencia \u{202E}Kennedy\", website: \
                    \"https://kennedy.example.org\", front_desk: \"Mostrador 2, primer piso\", email: \"\"))";
        let c = Config::parse(text, Path::new("c.ron")).unwrap();
        assert_eq!(c.office.id.as_deref(), Some("kennedy-1"));
        assert_eq!(c.office.name.as_deref(), Some("Agencia Kennedy"), "the bidi override is stripped");
        assert_eq!(c.office.front_desk.as_deref(), Some("Mostrador 2, primer piso"));
        assert_eq!((c.office.email.as_deref(), c.office.phone.as_deref()), (None, None));
        assert!(!c.office.is_empty());
        assert!(Config::default().office.is_empty());
        assert_eq!(Config::parse("Config(office: ())", Path::new("c.ron")).unwrap(), Config::default());
    }

    #[test]
    fn a_bad_office_value_is_refused_where_it_is_written() {
        let e = Config::parse("Config(\n  office: (nombre: \"x\"),\n)", Path::new("c.ron")).unwrap_err();
        assert_eq!(e.pos, Some(Pos { line: 2, col: 12 }), "{e}");
        assert!(e.message.contains("nombre"), "{e}");
        let e = Config::parse("Config(office: (phone: 3001234567))", Path::new("c.ron")).unwrap_err();
        assert_eq!(e.pos.map(|p| p.line), Some(1), "{e}");
        assert!(e.to_string().starts_with("c.ron:1:"), "{e}");
        let e =
            Config::parse("Config(\n  office: (website: \"www.x.org\"),\n)", Path::new("c.ron")).unwrap_err();
        assert_eq!(e.pos, Some(Pos { line: 2, col: 21 }), "{e}");
        assert!(e.message.contains("http://"), "{e}");
    }
}
