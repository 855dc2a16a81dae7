//! A kiosk on a data folder that fills up (a tmpfs in a private mount namespace, as in `e2e_savefail`):
//! the idle wipe still wipes the visitor, and the welcome screen then says the computer cannot save,
//! until the probe rumbo runs every 5 s finds space again.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::disallowed_methods)] // tests fail loudly by design

use crate::common::skip_or_fail;
use crate::e2e_savefail::{fill, mount_namespaces, start_on_tmpfs};
use crate::e2e_tmux_support::{Env, Rumbo};
use std::fs;
use std::thread::sleep;
use std::time::{Duration, Instant};

const CANNOT_SAVE: &str = "Este equipo no puede guardar: avise en el mostrador";
const WELCOME: &str = "Pulse Enter para comenzar";
const NOTE: &str = "vivo en Kennedy 5820";
/// The shortest idle time a kiosk takes.
const IDLE_SECONDS: u64 = 10;

/// Waits up to `limit` for `ok` to hold on the screen (longer than the support's usual ten seconds).
fn wait_long(app: &Rumbo, what: &str, limit: Duration, ok: impl Fn(&str) -> bool) -> (String, Duration) {
    let start = Instant::now();
    loop {
        let screen = app.screen();
        if ok(&screen) {
            return (screen, start.elapsed());
        }
        assert!(start.elapsed() < limit, "timed out waiting for {what}; the screen:\n{screen}");
        sleep(Duration::from_millis(50));
    }
}

#[test]
fn a_kiosk_wipes_a_visit_it_cannot_save_and_says_so_until_it_can_save_again() {
    let Some(env) = Env::new() else { return };
    if let Err(why) = mount_namespaces() {
        skip_or_fail(&why);
        return;
    }
    let hash = rumbo::kiosk::pin::hash("482193").unwrap();
    let config = format!(
        "Config(kiosk: Kiosk(enabled: true, idle_seconds: {IDLE_SECONDS}, export_dir: {}, admin_pin: {}))\n",
        ron::to_string(env.root().join("resumenes").to_str().unwrap()).unwrap(),
        ron::to_string(&hash).unwrap(),
    );
    fs::write(env.config().join("config.ron"), config).unwrap();
    let (app, keeper) = start_on_tmpfs(&env);
    app.wait_for(WELCOME);
    assert!(!app.screen().contains(CANNOT_SAVE));
    app.keys(&["Enter"]);
    app.wait_for("Antes de empezar");
    app.type_text("Valentina");
    app.wait_for(" Valentina_");
    app.keys(&["Enter"]);
    app.keys(&["s"]);
    app.wait_for("Eligió: guardar su visita.");
    app.keys(&["Enter"]);
    app.wait_screen("the visit, saved", |s| s.contains("rumbo · Valentina") && s.contains("Su código:"));
    let filler = fill(&keeper.inside(&env.data()));
    // A job title (NOTE: nothing to find, then back) and an answer: a change that cannot be saved.
    app.keys(&["Enter"]);
    app.type_text(NOTE);
    app.escape();
    app.keys(&["Enter"]);
    app.type_text("vendedor");
    app.wait_for(" vendedor_");
    app.keys(&["Enter"]);
    app.wait_for("¿Sabe hacer esto?");
    app.keys(&["s"]);
    app.wait_for("no se pudo guardar");
    // Nobody touches it: the idle time runs out and the visitor is wiped all the same.
    let limit = Duration::from_secs(IDLE_SECONDS + 10);
    let (screen, _) = wait_long(&app, "the welcome screen, saying it cannot save", limit, |s| {
        s.contains(WELCOME) && s.contains(CANNOT_SAVE)
    });
    assert!(!screen.contains(NOTE) && !screen.contains("Valentina"), "{screen}");
    assert!(!app.screen_and_history().contains(NOTE), "nothing of the visitor in the scroll-back");
    // Space freed, no key pressed: the next probe finds it, and the message goes.
    fs::remove_file(&filler).unwrap();
    let (_, took) = wait_long(&app, "the message to go", Duration::from_secs(10), |s| {
        s.contains(WELCOME) && !s.contains(CANNOT_SAVE)
    });
    println!("the kiosk could save again {took:?} after space was freed");
    assert!(took <= Duration::from_secs(7), "{took:?}");
}
