//! Scrolling a popup of text that the view lays out (the `?` help, the full text of `v`): the model keeps
//! an offset, the view reports how far it can go.

use crate::app::keymap::Action;
use crate::app::model::HelpScroll;

/// Lines the help moves by PgUp/PgDn: most of the 19 it shows at 80×24, one kept in sight.
const HELP_PAGE: usize = 16;

/// The list keys, and the wheel, on the help: never past its last line (`max`, as last drawn). Before any
/// frame has drawn it, the room is not known: the view keeps within it, and `HelpRoom` clamps it after.
pub fn scroll_help(scroll: &mut HelpScroll, action: Option<Action>) {
    let max = scroll.max.unwrap_or(usize::MAX);
    scroll.offset = match action {
        Some(Action::Up) => scroll.offset.saturating_sub(1),
        Some(Action::Down) => scroll.offset.saturating_add(1),
        Some(Action::PageUp) => scroll.offset.saturating_sub(HELP_PAGE),
        Some(Action::PageDown) => scroll.offset.saturating_add(HELP_PAGE),
        Some(Action::First) => 0,
        Some(Action::Last) => max,
        _ => return,
    }
    .min(max);
}
