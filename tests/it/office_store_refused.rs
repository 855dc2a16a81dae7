//! Until a path works on the office's server, `store: Postgres` must not quietly keep sessions on this
//! computer: each such path refuses, naming config.ron. (No server needed: the refusal comes first.)
#![allow(clippy::unwrap_used)]

use crate::common::{rumbo, stderr};

fn postgres_home() -> tempfile::TempDir {
    let home = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(home.path().join("config")).unwrap();
    let config = "Config(\n  store: Postgres(url: \"postgresql://rumbo@servidor/rumbo?sslmode=verify-full\"),\n  \
                  office: (id: \"kennedy-1\"),\n)\n";
    std::fs::write(home.path().join("config/config.ron"), config).unwrap();
    home
}

#[test]
fn office_store_paths_not_yet_on_the_server_refuse_naming_config_ron() {
    let home = postgres_home();
    let file = std::fs::File::create(home.path().join("s.ron")).unwrap();
    drop(file);
    let import = home.path().join("s.ron").display().to_string();
    // `sessions list/show/delete/purge/due` and `export` work on the server (office_sessions_cli.rs).
    // The app works on the server too (office_app.rs); only `sessions import` does not yet.
    let refused: [&[&str]; 1] = [&["sessions", "import", &import]];
    for args in refused {
        let out = rumbo(home.path(), args);
        assert_eq!(out.status.code(), Some(1), "{args:?}: {}", stderr(&out));
        let err = stderr(&out);
        assert!(
            err.contains("config.ron dice store: Postgres") && err.contains("store: Local"),
            "{args:?}: {err}"
        );
        assert!(!home.path().join("data/sessions").exists(), "{args:?}: nothing saved locally");
    }
}
