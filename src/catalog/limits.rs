//! How big a catalog may be. Far beyond any real one (ESCO, the largest classification rumbo is
//! sized for, has titles under 200 characters and descriptions under 3,000), and small enough that a
//! mistaken or hostile file is refused with its place instead of slowing every screen that shows it.

/// Characters (Unicode scalar values) in a title or name.
pub const TITLE_CHARS: usize = 500;
/// Characters in any text.
pub const TEXT_CHARS: usize = 20_000;
/// Bytes in a catalog file: 64 MB.
pub const FILE_BYTES: u64 = 64 * 1024 * 1024;

/// Whether `field` is a title: shown as a heading and in lists, one line.
pub fn is_title(field: &str) -> bool {
    matches!(field, "title" | "name")
}
