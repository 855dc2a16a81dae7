//! `rumbo office init|check|import`, on the server config.ron's `store: Postgres(url: …)` names (password from
//! `PGPASSWORD` or pgpass). `init` creates or migrates the office's schema ([`crate::office::migrate`]), run by
//! IT with a role that may create roles and tables, and again after every desk is upgraded. `check` gives
//! one plain verdict per line ([`crate::office::check`]); it exits 1 when any line fails.

use super::args::OfficeCommand;
use super::sessions::fail;
use super::{EXIT_FAILURE, GlobalArgs, dirs};
use crate::config::Config;
use crate::i18n::{Lang, Strings, fill};
use crate::office::check::{self, Detail, Level, Part, Verdict};
use crate::office::pgpass::Sources;
use crate::office::store::OfficeStore;
use crate::office::{ConnInfo, Store, import, migrate};
use crate::session::SessionStore;
use std::io::Write;
use std::process::ExitCode;
use std::time::Instant;

pub fn run(global: &GlobalArgs, lang: Lang, command: &OfficeCommand) -> ExitCode {
    let s = lang.strings();
    let config = match dirs::config_dir(global).map(|d| Config::load(&d)).transpose() {
        Ok(config) => config.unwrap_or_default(),
        Err(e) => return fail(lang, &fill(s.config_invalid, &[("detail", &e)])),
    };
    let (Store::Postgres { url }, Some(office_id)) = (&config.store, &config.office.id) else {
        return fail(lang, s.office_not_postgres);
    };
    // Config::load has checked the URL already; this cannot fail, but must not panic either.
    let info = match ConnInfo::parse(url.expose()) {
        Ok(info) => info,
        Err(e) => return fail(lang, &fill(s.config_invalid, &[("detail", &e)])),
    };
    let start = Instant::now();
    let connected = crate::office::connect(&info, &Sources::from_env());
    let connect_time = start.elapsed();
    let mut client = match (connected, command) {
        (Ok(client), _) => client,
        (Err(e), OfficeCommand::Check) => {
            print_line(s, Level::Failure, Part::Connection, &e.to_string());
            return ExitCode::from(EXIT_FAILURE);
        }
        (Err(e), OfficeCommand::Init | OfficeCommand::Import) => {
            return fail(lang, &fill(s.office_connect_failed, &[("detail", &e)]));
        }
    };
    match command {
        OfficeCommand::Init => init(lang, &mut client),
        OfficeCommand::Import => import(global, lang, client, office_id, &config.desk_name()),
        OfficeCommand::Check => {
            let facts = check::gather(&mut client, info.tls);
            report(s, &check::verdicts(&facts, connect_time, office_id))
        }
    }
}

fn init(lang: Lang, client: &mut postgres::Client) -> ExitCode {
    let s = lang.strings();
    match migrate::migrate(client) {
        Ok(done) => {
            let text = match done.applied.last() {
                Some(version) => fill(s.office_init_done, &[("version", version), ("found", &done.found)]),
                None => fill(s.office_init_current, &[("version", &done.found)]),
            };
            let _ = writeln!(std::io::stdout(), "{text}");
            ExitCode::SUCCESS
        }
        Err(e) => fail(lang, &e.to_string()),
    }
}

fn import(
    global: &GlobalArgs,
    lang: Lang,
    client: postgres::Client,
    office_id: &str,
    desk: &str,
) -> ExitCode {
    let s = lang.strings();
    let Some(data_dir) = dirs::data_dir(global) else { return fail(lang, s.data_dir_unavailable) };
    let local = match SessionStore::open(&data_dir) {
        Ok(local) => local,
        Err(e) => return fail(lang, &e.message(lang)),
    };
    // Sessions deleted at another desk are not brought back: their marks go first, as at every connection.
    let done = OfficeStore::on(client, office_id, desk).and_then(|mut server| {
        super::reach::report_marks(lang, &crate::office::marks::apply(&local, &mut server)?);
        import::import(&local, &mut server)
    });
    let done = match done {
        Ok(done) => done,
        Err(e) => return fail(lang, &e.message(lang)),
    };
    let mut out = std::io::stdout().lock();
    for id in &done.clashes {
        let _ = writeln!(out, "{}", fill(s.office_import_clash, &[("id", id)]));
    }
    for (id, why) in &done.failed {
        let _ = writeln!(out, "{}", fill(s.office_import_failed, &[("id", id), ("detail", why)]));
    }
    let counts = [
        ("copied", done.copied.len()),
        ("already", done.already.len()),
        ("clashes", done.clashes.len()),
        ("failed", done.failed.len()),
    ];
    let counts: Vec<(&str, &dyn std::fmt::Display)> = counts.iter().map(|(k, v)| (*k, v as _)).collect();
    let _ = writeln!(out, "{}", fill(s.office_imported, &counts));
    if done.complete() { ExitCode::SUCCESS } else { ExitCode::from(EXIT_FAILURE) }
}

fn report(s: &Strings, verdicts: &[Verdict]) -> ExitCode {
    for v in verdicts {
        print_line(s, v.level, v.part, &words(s, &v.detail));
    }
    if verdicts.iter().any(|v| v.level == Level::Failure) {
        ExitCode::from(EXIT_FAILURE)
    } else {
        ExitCode::SUCCESS
    }
}

fn print_line(s: &Strings, level: Level, part: Part, detail: &str) {
    let level = match level {
        Level::Ok => s.office_level_ok,
        Level::Warning => s.office_level_warning,
        Level::Failure => s.office_level_failure,
    };
    let part = match part {
        Part::Connection => s.office_part_connection,
        Part::Tls => s.office_part_tls,
        Part::ServerVersion => s.office_part_version,
        Part::Schema => s.office_part_schema,
        Part::Permissions => s.office_part_permissions,
        Part::ClockSkew => s.office_part_clock,
        Part::RoundTrip => s.office_part_round_trip,
    };
    let level = format!("{level:<5}");
    let _ = writeln!(
        std::io::stdout(),
        "{}",
        fill(s.office_check_line, &[("level", &level), ("part", &part), ("detail", &detail)])
    );
}

fn words(s: &Strings, detail: &Detail) -> String {
    match detail {
        Detail::Millis(ms) => fill(s.office_millis, &[("ms", &format!("{ms:.2}"))]),
        Detail::Seconds(secs) => fill(s.office_seconds, &[("seconds", &format!("{secs:+.1}"))]),
        Detail::NotEncrypted => s.office_tls_none.to_string(),
        Detail::Verified => s.office_tls_verified.to_string(),
        Detail::NotVerified(mode) => fill(s.office_tls_unverified, &[("mode", &mode.name())]),
        Detail::Server { version, too_old: false } => version.clone(),
        Detail::Server { version, too_old: true } => fill(s.office_server_old, &[("version", version)]),
        Detail::NoSchema => s.office_schema_none.to_string(),
        Detail::SchemaNewer { found, known } => {
            fill(s.office_schema_newer, &[("found", found), ("known", known)])
        }
        Detail::SchemaOlder { found, known } => {
            fill(s.office_schema_older, &[("found", found), ("known", known)])
        }
        Detail::SchemaCurrent(version) => fill(s.office_schema_current, &[("version", version)]),
        Detail::NoRole => s.office_roles_none.to_string(),
        Detail::Roles { roles, office } => fill(s.office_roles, &[("roles", roles), ("office", office)]),
        Detail::OfficeMismatch { roles, server, config } => {
            fill(s.office_roles_mismatch, &[("roles", roles), ("server", server), ("config", config)])
        }
        Detail::NoOffice { roles } => fill(s.office_roles_no_office, &[("roles", roles)]),
        Detail::Error(why) => why.clone(),
    }
}
