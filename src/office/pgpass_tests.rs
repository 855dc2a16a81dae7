use super::*;
use proptest::prelude::*;

fn target<'a>(host: &'a str, port: u16, database: &'a str, user: &'a str) -> Target<'a> {
    Target { host, port, database, user }
}

#[test]
fn lines_match_field_by_field_with_wildcards_and_the_first_match_wins() {
    let file = "# oficina\n\
                servidor:5432:rumbo:escritorio3:primera\n\
                servidor:5432:rumbo:escritorio3:segunda\n\
                *:*:*:kiosco:del-kiosco\n\
                servidor:*:rumbo:*:comodin\n";
    let cases: &[(Target, Option<&str>)] = &[
        (target("servidor", 5432, "rumbo", "escritorio3"), Some("primera")),
        (target("otro", 6000, "x", "kiosco"), Some("del-kiosco")),
        (target("servidor", 6000, "rumbo", "alguien"), Some("comodin")),
        (target("servidor", 5432, "otra", "alguien"), None),
        (target("SERVIDOR", 5432, "rumbo", "alguien"), None),
    ];
    for (t, want) in cases {
        assert_eq!(lookup(file, t).as_deref(), *want, "{t:?}");
    }
}

#[test]
fn escapes_are_literal_and_an_escaped_star_is_no_wildcard() {
    let file = "h\\:1:5432:d\\\\b:u:p\\:a\\\\ss:ignored\n\\*:5432:d:u:estrella\n";
    assert_eq!(lookup(file, &target("h:1", 5432, "d\\b", "u")).as_deref(), Some("p:a\\ss"));
    assert_eq!(lookup(file, &target("*", 5432, "d", "u")).as_deref(), Some("estrella"));
    assert_eq!(lookup(file, &target("servidor", 5432, "d", "u")), None, "\\* is a literal star");
}

#[test]
fn short_lines_comments_and_crlf_are_handled_as_libpq_does() {
    assert_eq!(parse_line("a:b:c:d"), None);
    assert_eq!(parse_line("#a:b:c:d:e"), None);
    assert_eq!(parse_line("   "), None);
    let line = parse_line("a:1:c:d:secreto\r").unwrap();
    assert_eq!(line.password, "secreto");
    assert_eq!(parse_line("a:1:c:d:").unwrap().password, "", "an empty password is a password");
}

#[test]
fn a_socket_host_is_looked_up_as_localhost() {
    let file = "localhost:5432:rumbo:ana:local\n";
    assert_eq!(lookup(file, &target("/run/postgresql", 5432, "rumbo", "ana")).as_deref(), Some("local"));
}

#[test]
fn pgpassword_wins_over_the_file_and_the_file_is_found_where_libpq_looks() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("pass");
    write_private(&file, "*:*:*:*:del-archivo\n");
    let t = target("servidor", 5432, "rumbo", "ana");
    let mut sources = Sources { passfile: Some(file.clone()), ..Sources::default() };
    assert_eq!(find(&sources, &t).unwrap().as_deref(), Some("del-archivo"));
    sources.password = Some("del-entorno".into());
    assert_eq!(find(&sources, &t).unwrap().as_deref(), Some("del-entorno"));
    let missing = Sources { passfile: Some(dir.path().join("no-existe")), ..Sources::default() };
    assert_eq!(find(&missing, &t), Ok(None));
    let home =
        Sources { home: Some(dir.path().into()), appdata: Some(dir.path().into()), ..Sources::default() };
    let expected = if Platform::current() == Platform::Windows {
        dir.path().join("postgresql").join("pgpass.conf")
    } else {
        dir.path().join(".pgpass")
    };
    assert_eq!(home.file(), Some(expected));
}

#[test]
fn the_password_never_shows_in_debug() {
    let sources = Sources { password: Some("s3creto".into()), ..Sources::default() };
    assert!(!format!("{sources:?}").contains("s3creto"));
}

#[cfg(unix)]
#[test]
fn a_file_others_may_read_is_refused_naming_it() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("pgpass");
    write_private(&file, "*:*:*:*:x\n");
    for mode in [0o640, 0o604, 0o620, 0o601] {
        std::fs::set_permissions(&file, std::fs::Permissions::from_mode(mode)).unwrap();
        let sources = Sources { passfile: Some(file.clone()), ..Sources::default() };
        let e = find(&sources, &target("h", 1, "d", "u")).unwrap_err();
        assert_eq!(e, PgpassError::TooOpen { file: file.clone(), mode });
        let text = e.to_string();
        assert!(text.starts_with(&format!("{}: ", file.display())), "{text}");
        assert!(text.contains("chmod 0600"), "{text}");
    }
    std::fs::set_permissions(&file, std::fs::Permissions::from_mode(0o400)).unwrap();
    let sources = Sources { passfile: Some(file.clone()), ..Sources::default() };
    assert_eq!(find(&sources, &target("h", 1, "d", "u")).unwrap().as_deref(), Some("x"));
}

fn write_private(file: &Path, text: &str) {
    std::fs::write(file, text).unwrap();
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(file, std::fs::Permissions::from_mode(0o600)).unwrap();
    }
}

/// Writes a field as a pgpass file must: `\` and `:` escaped.
fn escape(text: &str) -> String {
    text.replace('\\', "\\\\").replace(':', "\\:")
}

proptest! {
    /// Any five texts, escaped and joined, read back as themselves (a lone `*` aside, which is the wildcard).
    #[test]
    fn escaped_fields_read_back_exactly(fields in proptest::array::uniform5("[a-z*:\\\\ #]{0,6}")) {
        let line = fields.iter().map(|f| escape(f)).collect::<Vec<_>>().join(":");
        prop_assume!(!line.starts_with('#') && !line.trim().is_empty());
        let parsed = parse_line(&line).unwrap();
        for (field, text) in parsed.fields.iter().zip(&fields) {
            let want = if text == "*" { Field::Any } else { Field::Exact(text.clone()) };
            // An escaped star (`\*`) is never produced by `escape`, so a lone star here is the wildcard.
            prop_assert_eq!(field, &want);
        }
        prop_assert_eq!(&parsed.password, &fields[4]);
    }
}

/// An environment of `vars` only, as [`Sources::from_vars`] reads one.
fn env(platform: Platform, vars: &[(&str, &str)]) -> Sources {
    let vars: Vec<(String, String)> = vars.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect();
    let var = |k: &str| vars.iter().find(|(name, _)| name == k).map(|(_, v)| v.into());
    Sources::from_vars(var, Some(PathBuf::from("/home/ana")), platform)
}

#[test]
fn the_password_file_is_pgpassfile_then_the_platforms_default() {
    let appdata = ("APPDATA", r"C:\Users\ana\AppData\Roaming");
    let windows = env(Platform::Windows, &[appdata]);
    assert_eq!(windows.file(), Some(Path::new(appdata.1).join("postgresql").join("pgpass.conf")));
    assert_eq!(env(Platform::Unix, &[appdata]).file(), Some(PathBuf::from("/home/ana/.pgpass")));
    // No %APPDATA% on Windows: no default file (libpq does not fall back to the home folder there).
    assert_eq!(env(Platform::Windows, &[]).file(), None);
    for platform in [Platform::Unix, Platform::Windows] {
        let given = env(platform, &[appdata, ("PGPASSFILE", "/etc/rumbo/pgpass")]);
        assert_eq!(given.file(), Some(PathBuf::from("/etc/rumbo/pgpass")), "{platform:?}");
        // Empty counts as unset, as in libpq.
        let empty = env(platform, &[appdata, ("PGPASSFILE", ""), ("PGPASSWORD", "")]);
        assert_eq!(empty.file(), env(platform, &[appdata]).file(), "{platform:?}");
        assert_eq!(empty.password, None);
    }
    let password = env(Platform::Unix, &[("PGPASSWORD", "s3creto")]);
    assert_eq!(password.password.as_deref(), Some("s3creto"));
}

#[test]
fn the_root_certificate_is_the_urls_then_pgsslrootcert_then_the_platforms_default() {
    let appdata = ("APPDATA", r"C:\Users\ana\AppData\Roaming");
    let windows = env(Platform::Windows, &[appdata]);
    let default_windows = Path::new(appdata.1).join("postgresql").join("root.crt");
    assert_eq!(windows.root_cert_file(None), Some(default_windows));
    let unix = env(Platform::Unix, &[appdata]);
    assert_eq!(unix.root_cert_file(None), Some(PathBuf::from("/home/ana/.postgresql/root.crt")));
    assert_eq!(env(Platform::Windows, &[]).root_cert_file(None), None);
    let from_url = Path::new("/srv/ca-url.pem");
    for platform in [Platform::Unix, Platform::Windows] {
        let with_env = env(platform, &[appdata, ("PGSSLROOTCERT", "/srv/ca-env.pem")]);
        assert_eq!(with_env.root_cert_file(None), Some(PathBuf::from("/srv/ca-env.pem")), "{platform:?}");
        assert_eq!(with_env.root_cert_file(Some(from_url)), Some(from_url.to_path_buf()), "{platform:?}");
        let without = env(platform, &[appdata]);
        assert_eq!(without.root_cert_file(Some(from_url)), Some(from_url.to_path_buf()), "{platform:?}");
    }
}
