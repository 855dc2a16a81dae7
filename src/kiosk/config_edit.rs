//! Changes one setting of config.ron in place, keeping every other byte — comments, order, spacing — as
//! the office's IT staff wrote it.

use crate::catalog::locate::Locations;
use crate::config::{Config, ConfigError};
use std::path::Path;

/// `text` with `kiosk.admin_pin` set to `hash`: the value replaced if present, the key added otherwise.
pub fn set_admin_pin(text: &str, hash: &str, file: &Path) -> Result<String, ConfigError> {
    let before = Config::parse(text, file)?;
    let literal = ron::to_string(hash).map_err(|e| ConfigError {
        file: file.into(),
        pos: None,
        message: e.to_string(),
    })?;
    let locations = Locations::of(text);
    let edited = if text.trim().is_empty() {
        format!("Config(\n    kiosk: Kiosk(admin_pin: {literal}),\n)\n")
    } else if let Some(at) = locations.get("kiosk.admin_pin").and_then(|p| p.offset_in(text)) {
        let end = at + string_literal_len(&text[at..]);
        format!("{}{literal}{}", &text[..at], &text[end..])
    } else if let Some(at) = locations.get("kiosk").and_then(|p| p.offset_in(text)) {
        insert_after_paren(text, at, &format!("admin_pin: {literal}, "))
    } else if let Some(at) = locations.get("").and_then(|p| p.offset_in(text)) {
        insert_after_paren(text, at, &format!("\n    kiosk: Kiosk(admin_pin: {literal}),"))
    } else {
        text.to_string()
    };
    let after = Config::parse(&edited, file)?;
    // Nothing but the PIN may differ.
    let mut expected = before;
    expected.kiosk.admin_pin = hash.to_string();
    if after != expected {
        return Err(ConfigError {
            file: file.into(),
            pos: None,
            message: "config.ron could not be edited in place".into(),
        });
    }
    Ok(edited)
}

/// Inserts `insert` right after the first `(` at or after byte `at`.
fn insert_after_paren(text: &str, at: usize, insert: &str) -> String {
    match text[at..].find('(') {
        Some(i) => {
            let cut = at + i + 1;
            format!("{}{insert}{}", &text[..cut], &text[cut..])
        }
        None => text.to_string(),
    }
}

/// The length in bytes of the string literal `text` starts with (`"…"` with escapes, or `r#"…"#`).
fn string_literal_len(text: &str) -> usize {
    let hashes = text.strip_prefix('r').map(|rest| rest.chars().take_while(|c| *c == '#').count());
    if let Some(hashes) = hashes {
        let close = format!("\"{}", "#".repeat(hashes));
        let open = 1 + hashes + 1;
        return text[open..].find(&close).map_or(text.len(), |i| open + i + close.len());
    }
    let mut escaped = false;
    for (i, c) in text.char_indices().skip(1) {
        match c {
            _ if escaped => escaped = false,
            '\\' => escaped = true,
            '"' => return i + 1,
            _ => {}
        }
    }
    text.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    const FILE: &str = "config.ron";

    #[test]
    fn replaces_the_pin_and_keeps_everything_else() {
        let text = "// oficina Kennedy\nConfig(\n    kiosk: Kiosk(enabled: true, admin_pin: \"$argon2id$viejo\", idle_seconds: 120),\n    retention_days: 90, // días\n)\n";
        let edited = set_admin_pin(text, "$argon2id$nuevo", Path::new(FILE)).unwrap();
        assert_eq!(edited, text.replace("$argon2id$viejo", "$argon2id$nuevo"));
    }

    #[test]
    fn adds_the_pin_where_it_is_missing() {
        let text = "Config(\n    kiosk: Kiosk(enabled: true),\n    retention_days: 90,\n)\n";
        let edited = set_admin_pin(text, "$h", Path::new(FILE)).unwrap();
        assert_eq!(
            edited,
            "Config(\n    kiosk: Kiosk(admin_pin: \"$h\", enabled: true),\n    retention_days: 90,\n)\n"
        );
        let text = "Config(retention_days: 30)";
        let edited = set_admin_pin(text, "$h", Path::new(FILE)).unwrap();
        let c = Config::parse(&edited, Path::new(FILE)).unwrap();
        assert_eq!((c.retention_days, c.kiosk.admin_pin.as_str()), (30, "$h"));
        let edited = set_admin_pin("", "$h", Path::new(FILE)).unwrap();
        assert_eq!(Config::parse(&edited, Path::new(FILE)).unwrap().kiosk.admin_pin, "$h");
    }

    #[test]
    fn a_broken_file_is_not_touched() {
        let e = set_admin_pin("Config(kiosk: (enabld: true))", "$h", Path::new(FILE)).unwrap_err();
        assert!(e.pos.is_some());
    }
}
