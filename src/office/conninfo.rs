//! The connection URL, read as libpq reads it, into what [`super::connect`] needs. tokio-postgres parses
//! the URL itself but knows only `sslmode=disable|prefer|require`; libpq's `verify-ca` and `verify-full`
//! (what an office should use) and `sslrootcert` are taken out here and carried out by [`super::tls`].
//!
//! A password written in the URL is refused: config.ron is read by every tool and person at the desk, and
//! the password belongs in `PGPASSWORD` or the pgpass file ([`super::pgpass`]). Errors never quote the URL.

use std::path::PathBuf;
use std::str::FromStr;
use std::time::Duration;

/// libpq's `sslmode` values (its default is `prefer`).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum TlsMode {
    Disable,
    #[default]
    Prefer,
    /// Encrypts, verifies nothing (a self-signed server certificate is accepted).
    Require,
    /// Verifies the certificate chain, not the host name.
    VerifyCa,
    /// Verifies the chain and that the certificate names the host connected to.
    VerifyFull,
}

impl TlsMode {
    pub fn parse(text: &str) -> Option<TlsMode> {
        Some(match text {
            "disable" => TlsMode::Disable,
            "allow" | "prefer" => TlsMode::Prefer,
            "require" => TlsMode::Require,
            "verify-ca" => TlsMode::VerifyCa,
            "verify-full" => TlsMode::VerifyFull,
            _ => return None,
        })
    }

    pub fn name(self) -> &'static str {
        match self {
            TlsMode::Disable => "disable",
            TlsMode::Prefer => "prefer",
            TlsMode::Require => "require",
            TlsMode::VerifyCa => "verify-ca",
            TlsMode::VerifyFull => "verify-full",
        }
    }
}

/// What a URL says: the client config (no password yet), the TLS mode and the CA certificate to verify with.
#[derive(Clone)]
pub struct ConnInfo {
    pub config: postgres::Config,
    pub tls: TlsMode,
    /// `sslrootcert=…`; else libpq's default file is used (see [`super::pgpass::Sources::root_cert_file`]).
    pub root_cert: Option<PathBuf>,
}

// `postgres::Config`'s own Debug would print the host and user; redact like [`super::DbUrl`].
impl std::fmt::Debug for ConnInfo {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ConnInfo").field("tls", &self.tls).finish_non_exhaustive()
    }
}

#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum UrlError {
    #[error(
        "the address must start with postgresql:// (postgresql://USUARIO@SERVIDOR/BASE?sslmode=verify-full)"
    )]
    NotAUrl,
    #[error(
        "the address carries a password: remove it, and give it in PGPASSWORD or the pgpass file (docs/office.md)"
    )]
    HasPassword,
    #[error("sslmode: use disable, prefer, require, verify-ca or verify-full")]
    BadSslMode,
    #[error("the address names no server (postgresql://USUARIO@SERVIDOR/BASE)")]
    NoHost,
    #[error("the address names no user (postgresql://USUARIO@SERVIDOR/BASE)")]
    NoUser,
    /// tokio-postgres's own words (they name an option, never its value).
    #[error("the address cannot be read: {0}")]
    Invalid(String),
}

impl ConnInfo {
    pub fn parse(url: &str) -> Result<ConnInfo, UrlError> {
        let url = url.trim();
        if !(url.starts_with("postgresql://") || url.starts_with("postgres://")) {
            return Err(UrlError::NotAUrl);
        }
        let (base, query) = url.split_once('?').unwrap_or((url, ""));
        let mut tls = TlsMode::default();
        let mut root_cert = None;
        let mut kept = Vec::new();
        for pair in query.split('&').filter(|p| !p.is_empty()) {
            let (key, value) = pair.split_once('=').unwrap_or((pair, ""));
            match key {
                "sslmode" => tls = TlsMode::parse(&percent_decode(value)).ok_or(UrlError::BadSslMode)?,
                "sslrootcert" => root_cert = Some(PathBuf::from(percent_decode(value))),
                "password" => return Err(UrlError::HasPassword),
                _ => kept.push(pair),
            }
        }
        let rebuilt = if kept.is_empty() { base.to_string() } else { format!("{base}?{}", kept.join("&")) };
        let mut config =
            postgres::Config::from_str(&rebuilt).map_err(|e| UrlError::Invalid(e.to_string()))?;
        if config.get_password().is_some() {
            return Err(UrlError::HasPassword);
        }
        if config.get_hosts().is_empty() {
            return Err(UrlError::NoHost);
        }
        if config.get_user().is_none() {
            return Err(UrlError::NoUser);
        }
        // A dead server or a cable pulled out must not hang a desk; keepalives also free a dead
        // workstation's session locks within minutes (issue 15, "one writer per session").
        if config.get_connect_timeout().is_none() {
            config.connect_timeout(Duration::from_secs(10));
        }
        config.keepalives(true).keepalives_idle(Duration::from_secs(60));
        config.application_name("rumbo");
        Ok(ConnInfo { config, tls, root_cert })
    }

    /// The first host: a name, an address, or a Unix-socket folder (shown as `localhost` for pgpass).
    pub fn host(&self) -> String {
        match self.config.get_hosts().first() {
            Some(postgres::config::Host::Tcp(name)) => name.clone(),
            #[cfg(unix)]
            Some(postgres::config::Host::Unix(path)) => path.to_string_lossy().into_owned(),
            None => String::new(),
        }
    }

    pub fn is_socket(&self) -> bool {
        !matches!(self.config.get_hosts().first(), Some(postgres::config::Host::Tcp(_)))
    }

    pub fn port(&self) -> u16 {
        self.config.get_ports().first().copied().unwrap_or(5432)
    }

    pub fn user(&self) -> &str {
        self.config.get_user().unwrap_or_default()
    }

    /// The database: the URL's, else (as the server does) the user's name.
    pub fn database(&self) -> &str {
        self.config.get_dbname().unwrap_or_else(|| self.user())
    }
}

fn percent_decode(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = |b: u8| (b as char).to_digit(16);
        match (bytes[i], bytes.get(i + 1).copied().and_then(hex), bytes.get(i + 2).copied().and_then(hex)) {
            (b'%', Some(h), Some(l)) => {
                out.push((h * 16 + l) as u8);
                i += 3;
            }
            (b, _, _) => {
                out.push(b);
                i += 1;
            }
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_documented_url_reads_with_verify_full() {
        let info = ConnInfo::parse("postgresql://rumbo@servidor/rumbo?sslmode=verify-full").unwrap();
        assert_eq!(info.tls, TlsMode::VerifyFull);
        assert_eq!(
            (info.host().as_str(), info.port(), info.user(), info.database()),
            ("servidor", 5432, "rumbo", "rumbo")
        );
        assert!(!info.is_socket());
        // A dead desk frees what it held within minutes; a dead server does not hang a desk.
        assert!(info.config.get_keepalives());
        assert_eq!(info.config.get_keepalives_idle(), Duration::from_secs(60));
        assert_eq!(info.config.get_connect_timeout(), Some(&Duration::from_secs(10)));
    }

    #[test]
    fn every_sslmode_and_sslrootcert_are_read_and_other_options_kept() {
        for (text, mode) in [
            ("disable", TlsMode::Disable),
            ("prefer", TlsMode::Prefer),
            ("require", TlsMode::Require),
            ("verify-ca", TlsMode::VerifyCa),
            ("verify-full", TlsMode::VerifyFull),
        ] {
            let url = format!(
                "postgres://u@h:6543/db?sslmode={text}&sslrootcert=%2Fetc%2Fca%20x.pem&connect_timeout=3"
            );
            let info = ConnInfo::parse(&url).unwrap();
            assert_eq!((info.tls, info.tls.name()), (mode, text));
            assert_eq!(info.root_cert, Some(PathBuf::from("/etc/ca x.pem")));
            assert_eq!(info.config.get_connect_timeout(), Some(&Duration::from_secs(3)));
            assert_eq!((info.port(), info.database()), (6543, "db"));
        }
        assert_eq!(ConnInfo::parse("postgresql://u@h").unwrap().tls, TlsMode::Prefer, "libpq's default");
    }

    #[test]
    fn a_password_in_the_url_is_refused_and_never_quoted() {
        for url in ["postgresql://u:s3creto@h/db", "postgresql://u@h/db?password=s3creto"] {
            let e = ConnInfo::parse(url).unwrap_err();
            assert_eq!(e, UrlError::HasPassword);
            assert!(!e.to_string().contains("s3creto"));
        }
    }

    #[test]
    fn bad_urls_are_refused_with_their_reason() {
        assert_eq!(ConnInfo::parse("servidor/rumbo").unwrap_err(), UrlError::NotAUrl);
        assert_eq!(ConnInfo::parse("postgresql://u@h?sslmode=verify").unwrap_err(), UrlError::BadSslMode);
        assert_eq!(ConnInfo::parse("postgresql:///db?user=u").unwrap_err(), UrlError::NoHost);
        assert_eq!(ConnInfo::parse("postgresql://h/db").unwrap_err(), UrlError::NoUser);
        let e = ConnInfo::parse("postgresql://u@h/db?port=cinco").unwrap_err();
        assert!(matches!(e, UrlError::Invalid(_)), "{e:?}");
        assert!(!format!("{:?}", ConnInfo::parse("postgresql://u@oculto/db").unwrap()).contains("oculto"));
    }
}
