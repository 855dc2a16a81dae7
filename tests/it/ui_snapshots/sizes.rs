//! Terminals below 80×24 get one message, whatever is on screen; no size at all makes the view panic.

use super::states::{self, ALL};
use super::{LANGS, lang_code, model, normal, render, screen_text};
use rumbo::i18n::Lang;

const TOO_SMALL: [(u16, u16); 4] = [(79, 24), (80, 23), (40, 10), (1, 1)];

fn message(lang: Lang) -> &'static str {
    lang.strings().too_small
}

#[test]
fn too_small_snapshots() {
    for lang in LANGS {
        for (width, height) in TOO_SMALL {
            let mut m = model(lang, normal());
            states::sessions_rows(&mut m);
            let terminal = render(&mut m, width, height);
            super::assert_screen(&format!("too_small__{}_{width}x{height}", lang_code(lang)), &terminal);
        }
    }
}

#[test]
fn every_screen_asks_for_a_bigger_window_below_80x24() {
    for lang in LANGS {
        for (name, build) in ALL {
            let mut m = model(lang, normal());
            build(&mut m);
            for (width, height) in [(79, 24), (80, 23), (40, 10)] {
                let text = screen_text(render(&mut m, width, height).backend().buffer());
                let flat = text.split_whitespace().collect::<Vec<_>>().join(" ");
                assert!(flat.contains(message(lang)), "{name} at {width}×{height}:\n{text}");
                assert_eq!(text.matches('│').count(), 0, "{name} at {width}×{height} drew a pane:\n{text}");
            }
        }
    }
}

#[test]
fn the_message_wraps_on_narrow_terminals_instead_of_being_cut() {
    let mut m = model(Lang::Es, normal());
    let text = screen_text(render(&mut m, 20, 10).backend().buffer());
    let flat = text.split_whitespace().collect::<Vec<_>>().join(" ");
    assert_eq!(flat, message(Lang::Es), "{text}");
}

#[test]
fn no_size_makes_any_screen_panic() {
    let widths = [1, 2, 5, 10, 20, 40, 79, 80, 100, 130];
    let heights = [1, 2, 5, 10, 23, 24, 40, 45];
    for lang in LANGS {
        for (name, build) in ALL {
            let mut m = model(lang, normal());
            build(&mut m);
            for width in widths {
                for height in heights {
                    let result = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
                        render(&mut m, width, height);
                    }));
                    assert!(result.is_ok(), "{name} panicked at {width}×{height} ({lang:?})");
                }
            }
        }
    }
}

/// Each screen at every size from 80×24 up fills the whole screen with its own frame: the right and
/// bottom edges are drawn, nothing is left over from a smaller layout.
#[test]
fn every_screen_reaches_the_edges_at_supported_sizes() {
    for (name, build) in ALL {
        let mut m = model(Lang::Es, normal());
        build(&mut m);
        for (width, height) in [(80, 24), (81, 25), (100, 30), (120, 40), (130, 45), (200, 60)] {
            let buffer = render(&mut m, width, height).backend().buffer().clone();
            let text = screen_text(&buffer);
            assert!(!text.contains(message(Lang::Es)), "{name} at {width}×{height} says too small");
            if name.starts_with("workspace") || name.starts_with("header") {
                // The panes' bottom border sits right above the two footer lines.
                let bottom = super::row_text(&buffer, height - 3);
                assert!(
                    bottom.starts_with('└') || bottom.starts_with('┗'),
                    "{name} {width}×{height}:\n{text}"
                );
                assert!(bottom.ends_with('┘') || bottom.ends_with('┛'), "{name} {width}×{height}:\n{text}");
            }
        }
    }
}
