//! The password, found as libpq finds it: `PGPASSWORD`, else the first matching line of the password file
//! (`PGPASSFILE`, else `~/.pgpass`, on Windows `%APPDATA%\postgresql\pgpass.conf`). The `postgres` crate
//! reads neither (rust-postgres issue #729), and IT staff set up every other PostgreSQL tool this way, so
//! rumbo follows libpq to the letter: `hostname:port:database:username:password`, `*` matches anything,
//! `\:` and `\\` are a literal `:` and `\`, `#` starts a comment, the first matching line wins. On Unix a file
//! that the group or others may read is refused (libpq ignores it with a warning; rumbo says so and stops,
//! naming the file, rather than fail later with a puzzling "password authentication failed").
//!
//! The parsing and matching are pure; [`find`] reads the one file.

use std::path::{Path, PathBuf};

/// Whose defaults apply: libpq looks in different places on Windows. A value, not `cfg!`, so that both
/// platforms' rules are tested everywhere.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Platform {
    Unix,
    Windows,
}

impl Platform {
    /// The platform this rumbo was built for.
    pub fn current() -> Platform {
        if cfg!(windows) { Platform::Windows } else { Platform::Unix }
    }
}

impl Default for Platform {
    fn default() -> Platform {
        Platform::current()
    }
}

/// Where to look, as the environment says (built by hand in tests, which share one process environment).
#[derive(Clone, Default, PartialEq, Eq)]
pub struct Sources {
    /// `PGPASSWORD`.
    pub password: Option<String>,
    /// `PGPASSFILE`.
    pub passfile: Option<PathBuf>,
    /// The home folder (`~/.pgpass`).
    pub home: Option<PathBuf>,
    /// `%APPDATA%` (Windows only).
    pub appdata: Option<PathBuf>,
    /// `PGSSLROOTCERT`: the CA certificate, when the URL gives no `sslrootcert=`.
    pub root_cert: Option<PathBuf>,
    /// Whose default places apply.
    pub platform: Platform,
}

// The password must never reach a log through `{:?}`.
impl std::fmt::Debug for Sources {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Sources")
            .field("password", &self.password.as_ref().map(|_| "<oculta>"))
            .field("passfile", &self.passfile)
            .field("home", &self.home)
            .field("appdata", &self.appdata)
            .field("root_cert", &self.root_cert)
            .field("platform", &self.platform)
            .finish()
    }
}

impl Sources {
    /// What this process's environment says.
    pub fn from_env() -> Sources {
        let home = directories::BaseDirs::new().map(|d| d.home_dir().to_path_buf());
        Sources::from_vars(|k| std::env::var_os(k), home, Platform::current())
    }

    /// What an environment (`var`), home folder and platform say: the pure part of [`from_env`](Self::from_env).
    /// An empty variable counts as unset, as in libpq.
    pub fn from_vars(
        var: impl Fn(&str) -> Option<std::ffi::OsString>,
        home: Option<PathBuf>,
        platform: Platform,
    ) -> Sources {
        let non_empty = |k: &str| var(k).filter(|v| !v.is_empty());
        Sources {
            password: non_empty("PGPASSWORD").and_then(|v| v.into_string().ok()),
            passfile: non_empty("PGPASSFILE").map(PathBuf::from),
            home,
            appdata: non_empty("APPDATA").map(PathBuf::from),
            root_cert: non_empty("PGSSLROOTCERT").map(PathBuf::from),
            platform,
        }
    }

    /// The password file libpq would read: `PGPASSFILE`, else the platform's default (`~/.pgpass`;
    /// `%APPDATA%\postgresql\pgpass.conf` on Windows).
    pub fn file(&self) -> Option<PathBuf> {
        if let Some(file) = &self.passfile {
            return Some(file.clone());
        }
        match self.platform {
            Platform::Windows => self.appdata.as_ref().map(|d| d.join("postgresql").join("pgpass.conf")),
            Platform::Unix => self.home.as_ref().map(|h| h.join(".pgpass")),
        }
    }

    /// The CA certificate libpq would use: `sslrootcert=` in the URL (`given`), else `PGSSLROOTCERT`, else
    /// the platform's default (`~/.postgresql/root.crt`; `%APPDATA%\postgresql\root.crt` on Windows).
    pub fn root_cert_file(&self, given: Option<&Path>) -> Option<PathBuf> {
        if let Some(file) = given.or(self.root_cert.as_deref()) {
            return Some(file.to_path_buf());
        }
        match self.platform {
            Platform::Windows => self.appdata.as_ref().map(|d| d.join("postgresql").join("root.crt")),
            Platform::Unix => self.home.as_ref().map(|h| h.join(".postgresql").join("root.crt")),
        }
    }
}

/// What a connection asks the password for. A Unix-socket host is looked up as `localhost`, as libpq does.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Target<'a> {
    pub host: &'a str,
    pub port: u16,
    pub database: &'a str,
    pub user: &'a str,
}

#[derive(Debug, PartialEq, Eq, thiserror::Error)]
pub enum PgpassError {
    #[error(
        "{}: the password file may be read by other users (mode {mode:04o}); allow only its owner: chmod 0600 {}",
        file.display(), file.display()
    )]
    TooOpen { file: PathBuf, mode: u32 },
    #[error("{}: the password file cannot be read: {message}", file.display())]
    Unreadable { file: PathBuf, message: String },
}

/// `PGPASSWORD`, else the password file's first matching line; `Ok(None)` when neither gives one.
pub fn find(sources: &Sources, target: &Target) -> Result<Option<String>, PgpassError> {
    if let Some(password) = &sources.password {
        return Ok(Some(password.clone()));
    }
    let Some(file) = sources.file() else { return Ok(None) };
    let text = match std::fs::read(&file) {
        Ok(bytes) => bytes,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        Err(e) => return Err(PgpassError::Unreadable { file, message: e.to_string() }),
    };
    check_private(&file)?;
    Ok(lookup(&String::from_utf8_lossy(&text), target))
}

/// On Unix, refuses a file with any group or other permission bit, as libpq does.
#[cfg(unix)]
fn check_private(file: &Path) -> Result<(), PgpassError> {
    use std::os::unix::fs::PermissionsExt;
    let meta = std::fs::metadata(file)
        .map_err(|e| PgpassError::Unreadable { file: file.to_path_buf(), message: e.to_string() })?;
    let mode = meta.permissions().mode() & 0o7777;
    if mode & 0o077 != 0 {
        return Err(PgpassError::TooOpen { file: file.to_path_buf(), mode });
    }
    Ok(())
}

#[cfg(not(unix))]
fn check_private(_file: &Path) -> Result<(), PgpassError> {
    Ok(())
}

/// The password of the first line of `text` that matches `target`.
pub fn lookup(text: &str, target: &Target) -> Option<String> {
    let host = if target.host.starts_with('/') || target.host.is_empty() { "localhost" } else { target.host };
    let port = target.port.to_string();
    let wanted = [host, port.as_str(), target.database, target.user];
    text.lines().filter_map(parse_line).find_map(|line| {
        let matches = line.fields.iter().zip(wanted).all(|(field, value)| field.matches(value));
        matches.then_some(line.password)
    })
}

/// One of the first four fields of a line: `*` (unescaped, alone) or a literal.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Field {
    Any,
    Exact(String),
}

impl Field {
    fn matches(&self, value: &str) -> bool {
        match self {
            Field::Any => true,
            Field::Exact(text) => text == value,
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Line {
    pub fields: [Field; 4],
    pub password: String,
}

/// A line split at its unescaped colons; `None` for a comment, a blank line or one with fewer than five
/// fields (libpq skips those too). Anything after the password's own unescaped colon is ignored.
pub fn parse_line(line: &str) -> Option<Line> {
    let line = line.strip_suffix('\r').unwrap_or(line);
    if line.starts_with('#') || line.trim().is_empty() {
        return None;
    }
    // (text, was it a lone unescaped `*`)
    let mut parts: Vec<(String, bool)> = Vec::with_capacity(5);
    let mut current = String::new();
    let mut escaped_any = false;
    let mut chars = line.chars();
    while let Some(c) = chars.next() {
        match c {
            '\\' => match chars.next() {
                Some(next) => {
                    current.push(next);
                    escaped_any = true;
                }
                None => current.push('\\'),
            },
            ':' => {
                parts.push((std::mem::take(&mut current), !escaped_any));
                escaped_any = false;
                if parts.len() == 5 {
                    break;
                }
            }
            c => current.push(c),
        }
    }
    if parts.len() < 5 {
        parts.push((current, !escaped_any));
    }
    if parts.len() < 5 {
        return None;
    }
    let field = |(text, plain): &(String, bool)| {
        if *plain && text == "*" { Field::Any } else { Field::Exact(text.clone()) }
    };
    Some(Line {
        fields: [field(&parts[0]), field(&parts[1]), field(&parts[2]), field(&parts[3])],
        password: parts[4].0.clone(),
    })
}

#[cfg(test)]
#[path = "pgpass_tests.rs"]
mod tests;
