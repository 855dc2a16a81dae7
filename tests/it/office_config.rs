//! `store:` and `desk:` in config.ron (issue 15): `Local` by default, `Postgres(url: …)` only with
//! `office.id`, a bad value refused at its FILE:LINE:COL, and the URL never in a message or `{:?}`.
#![allow(clippy::unwrap_used)]

use rumbo::config::Config;
use rumbo::office::{DbUrl, Store};
use std::path::Path;

const URL: &str = "postgresql://rumbo@servidor/rumbo?sslmode=verify-full";

fn parse(text: &str) -> Result<Config, String> {
    Config::parse(text, Path::new("config.ron")).map_err(|e| e.to_string())
}

#[test]
fn the_store_is_local_by_default_and_postgres_when_written() {
    let c = parse("()").unwrap();
    assert_eq!(c.store, Store::Local);
    assert_eq!(parse("Config(store: Local)").unwrap().store, Store::Local);
    let c = parse(&format!("Config(\n  store: Postgres(url: \"{URL}\"),\n  office: (id: \"kennedy-1\"),\n  desk: \"ESCRITORIO-3\",\n)")).unwrap();
    assert_eq!(c.store, Store::Postgres { url: DbUrl::new(URL) });
    assert_eq!(c.desk_name(), "ESCRITORIO-3");
    assert!(!parse("()").unwrap().desk_name().is_empty(), "the host name by default");
}

#[test]
fn postgres_without_office_id_is_refused_at_the_store() {
    let e = parse(&format!("Config(\n  store: Postgres(url: \"{URL}\"),\n)")).unwrap_err();
    assert!(e.starts_with("config.ron:2:10: store: Postgres needs office.id"), "{e}");
}

#[test]
fn a_bad_store_is_refused_where_it_is_written() {
    let e = parse("Config(\n  store: Postgress(url: \"x\"),\n)").unwrap_err();
    assert!(e.starts_with("config.ron:2:"), "{e}");
    assert!(e.contains("Postgress"), "{e}");
    let e = parse("Config(\n  store: Postgres(uri: \"x\"),\n)").unwrap_err();
    assert!(e.starts_with("config.ron:2:"), "{e}");
    let e = parse("Config(office: (id: \"k\"),\n  store: Postgres(url: \"servidor/rumbo\"),\n)").unwrap_err();
    assert!(e.starts_with("config.ron:2:"), "{e}");
    assert!(e.contains("postgresql://"), "{e}");
    let e =
        parse("Config(office: (id: \"k\"),\n  store: Postgres(url: \"postgresql://u@h?sslmode=verify\"),\n)")
            .unwrap_err();
    assert!(e.contains("verify-full"), "{e}");
}

#[test]
fn the_url_and_its_password_never_appear_in_a_message_or_debug() {
    let secret_url = "postgresql://rumbo:Cl4ve-secreta@servidor-oculto/rumbo";
    let e = parse(&format!("Config(office: (id: \"k\"),\n  store: Postgres(url: \"{secret_url}\"),\n)"))
        .unwrap_err();
    assert!(e.contains("PGPASSWORD"), "{e}");
    assert!(!e.contains("Cl4ve") && !e.contains("servidor-oculto"), "{e}");
    let c =
        parse("Config(office: (id: \"k\"), store: Postgres(url: \"postgresql://rumbo@servidor-oculto/r\"))")
            .unwrap();
    let shown = format!("{c:?} {c:#?}");
    assert!(!shown.contains("servidor-oculto"), "{shown}");
    // Wrong shapes of the value: ron's words, not the text.
    for bad in [format!("store: \"{secret_url}\""), format!("store: Postgres(\"{secret_url}\")")] {
        let e = parse(&format!("Config(office: (id: \"k\"), {bad})")).unwrap_err();
        assert!(e.starts_with("config.ron:1:"), "{e}");
        assert!(!e.contains("Cl4ve") && !e.contains("servidor-oculto"), "{e}");
    }
}

#[test]
fn docs_config_md_documents_store_and_desk() {
    let doc = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/docs/config.md")).unwrap();
    for row in ["| `store` | `Local` |", "| `desk` | (el nombre del equipo) |"] {
        assert!(doc.contains(row), "docs/config.md lacks the row starting {row}");
    }
    assert!(doc.contains("## Modo oficina (`store:`)"));
}

#[test]
fn docs_office_md_names_the_roles_office_init_creates() {
    let doc = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/docs/office.md")).unwrap();
    let sql = include_str!("../../src/office/migrations/0001_sessions.sql");
    for role in ["rumbo_counselor", "rumbo_kiosk", "rumbo_coordinator"] {
        assert!(sql.contains(&format!("CREATE ROLE {role} NOLOGIN")), "{role}");
        assert!(doc.contains(&format!("| `{role}` |")), "docs/office.md lacks the row of {role}");
    }
    assert!(doc.contains("INSERT INTO rumbo.members") && doc.contains("rumbo office check"));
}
