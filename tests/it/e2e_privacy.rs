//! Issue 10 against the real binary in tmux: the start screen says how many sessions the purge at start
//! removed (and never which).
#![allow(clippy::unwrap_used, clippy::expect_used)]

use crate::e2e_tmux_support::Env;
use rumbo::catalog::{self, CatalogSet};
use rumbo::session::{Session, SessionStore};

/// A session last changed `days` ago, its file written then too.
fn saved_days_ago(env: &Env, alias: &str, days: i64) {
    let loaded = catalog::load_files(vec![catalog::builtin_file()]).unwrap();
    let set = CatalogSet::new(loaded.into_iter().map(|l| l.catalog).collect());
    let when = jiff::Timestamp::now() - jiff::SignedDuration::from_hours(24 * days);
    let mut session = Session::new(alias, "", when, &set).unwrap();
    session.updated = when;
    let store = SessionStore::open(&env.data()).unwrap();
    store.save(&session).unwrap();
    let file = std::fs::File::options().write(true).open(store.path_of(&session.id).unwrap()).unwrap();
    file.set_modified(when.into()).unwrap();
}

#[test]
fn the_start_screen_says_how_many_sessions_the_purge_at_start_removed() {
    let Some(env) = Env::new() else { return };
    std::fs::write(env.config().join("config.ron"), "Config(retention_days: 30)").unwrap();
    saved_days_ago(&env, "Antigua", 40);
    saved_days_ago(&env, "Vieja", 35);
    saved_days_ago(&env, "Reciente", 3);
    let app = env.start();
    // The notice wraps at 80 columns: compare words, not lines.
    let words = |screen: &str| screen.split_whitespace().collect::<Vec<_>>().join(" ");
    let expected = "Conservación: sesiones borradas al iniciar por llevar más de 30 días sin cambios: 2.";
    let screen = app.wait_screen("the purge count", |screen| words(screen).contains(expected));
    assert!(
        screen.contains("Reciente") && !screen.contains("Antigua") && !screen.contains("Vieja"),
        "{screen}"
    );
    assert_eq!(env.session_files().len(), 1);
}
