//! `rumbo kiosk set-pin`: asks for the PIN twice on a terminal (without showing it), or reads it from
//! standard input when that is not a terminal (one line; a second line, if given, must match), and
//! stores only its argon2 hash in config.ron. A new PIN needs 6 characters and must not be trivial
//! (`pin::is_trivial`); setting one clears the lock that wrong PINs left (`kiosk-pin.ron`).

use super::sessions::fail;
use super::{GlobalArgs, dirs};
use crate::config::FILE_NAME;
use crate::i18n::{Lang, fill};
use crate::kiosk::{config_edit, lock_file, pin};
use crossterm::event::{Event, KeyCode, KeyEventKind, KeyModifiers, read};
use crossterm::terminal::{disable_raw_mode, enable_raw_mode};
use std::io::{BufRead, IsTerminal, Write};
use std::process::ExitCode;

pub fn set_pin(global: &GlobalArgs, lang: Lang) -> ExitCode {
    let s = lang.strings();
    let Some(dir) = dirs::config_dir(global) else { return fail(lang, s.config_dir_unknown) };
    let entered = if std::io::stdin().is_terminal() { ask_twice(lang) } else { read_piped(lang) };
    let pin = match entered {
        Ok(pin) => pin,
        Err(code) => return code,
    };
    let hash = match pin::hash(&pin) {
        Ok(hash) => hash,
        Err(pin::PinError::TooShort) => return fail(lang, s.pin_too_short),
        Err(pin::PinError::Forbidden) => return fail(lang, s.pin_forbidden),
        Err(pin::PinError::Trivial) => return fail(lang, s.pin_trivial),
        Err(pin::PinError::Hash(e)) => return fail(lang, &e),
    };
    let file = dir.join(FILE_NAME);
    let text = match std::fs::read_to_string(&file) {
        Ok(text) => text,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => String::new(),
        Err(e) => return fail(lang, &format!("{}: {e}", file.display())),
    };
    let edited = match config_edit::set_admin_pin(&text, &hash, &file) {
        Ok(edited) => edited,
        Err(e) => return fail(lang, &fill(s.config_invalid, &[("detail", &e)])),
    };
    let private = crate::private_fs::Mode::Private;
    let written = crate::private_fs::create_dir_all(&dir, private)
        .and_then(|()| crate::private_fs::write_atomic(&file, edited.as_bytes(), private));
    if let Err(e) = written {
        return fail(lang, &format!("{}: {e}", file.display()));
    }
    let _ = writeln!(std::io::stdout(), "{}", fill(s.pin_saved, &[("path", &file.display())]));
    // A new PIN starts with no wrong tries against it: the lock left by guesses goes.
    if let Some(data) = dirs::data_dir(global)
        && let Err(e) = lock_file::clear(&data)
    {
        return fail(lang, &format!("{}: {e}", lock_file::path(&data).display()));
    }
    ExitCode::SUCCESS
}

fn read_piped(lang: Lang) -> Result<String, ExitCode> {
    // Blanks around a piped PIN come from `echo` and scripts, and could never be typed at the prompt.
    let mut lines = std::io::stdin().lock().lines().map_while(Result::ok);
    let first = lines.next().unwrap_or_default().trim().to_string();
    match lines.next() {
        Some(second) if second.trim() != first => Err(fail(lang, lang.strings().pin_mismatch)),
        _ => Ok(first),
    }
}

fn ask_twice(lang: Lang) -> Result<String, ExitCode> {
    let s = lang.strings();
    let first = ask(s.pin_prompt).ok_or_else(|| fail(lang, s.pin_cancelled))?;
    let second = ask(s.pin_again).ok_or_else(|| fail(lang, s.pin_cancelled))?;
    if first == second { Ok(first) } else { Err(fail(lang, s.pin_mismatch)) }
}

/// Reads one line without echo; `None` on Esc, Ctrl+C or a terminal error. Ctrl+U starts it again.
fn ask(prompt: &str) -> Option<String> {
    let mut err = std::io::stderr();
    let _ = write!(err, "{prompt}");
    let _ = err.flush();
    enable_raw_mode().ok()?;
    let mut pin = String::new();
    let result = loop {
        match read() {
            Ok(Event::Key(key)) if key.kind != KeyEventKind::Release => match key.code {
                KeyCode::Enter => break Some(pin),
                KeyCode::Esc => break None,
                KeyCode::Char('c') if key.modifiers.contains(KeyModifiers::CONTROL) => break None,
                KeyCode::Char('u') if key.modifiers.contains(KeyModifiers::CONTROL) => pin.clear(),
                KeyCode::Backspace => {
                    pin.pop();
                }
                // Ctrl+D, Alt+x…: not characters of the PIN (before, Ctrl+D added a "d" nobody could see).
                KeyCode::Char(_) if key.modifiers.intersects(KeyModifiers::CONTROL | KeyModifiers::ALT) => {}
                KeyCode::Char(c) => pin.push(c),
                _ => {}
            },
            Ok(_) => {}
            Err(_) => break None,
        }
    };
    let _ = disable_raw_mode();
    let _ = writeln!(err);
    result
}
