//! Export file names: `rumbo-<date>-<alias-slug>-<short id>.<ext>`, never overwriting an existing file.

use std::path::{Path, PathBuf};

/// Lowercase ASCII letters and digits joined by single hyphens; accents folded (`Ñandú` → `nandu`).
pub fn slug(text: &str) -> String {
    let folded = crate::text::fold(text);
    let mut out = String::new();
    for c in folded.chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_lowercase());
        } else if !out.ends_with('-') && !out.is_empty() {
            out.push('-');
        }
    }
    let out = out.trim_end_matches('-').chars().take(40).collect::<String>();
    let out = out.trim_end_matches('-').to_string();
    if out.is_empty() { "sesion".to_string() } else { out }
}

pub fn file_name(date: &str, alias: &str, id: &str, ext: &str) -> String {
    let short: String = id.chars().take(6).collect();
    format!("rumbo-{date}-{}-{short}.{ext}", slug(alias))
}

/// The first of `name`, `name-2`, `name-3`… that does not exist in `dir`.
pub fn unused_path(dir: &Path, name: &str) -> PathBuf {
    let (stem, ext) = name.rsplit_once('.').unwrap_or((name, ""));
    let mut n = 1;
    loop {
        let candidate = if n == 1 { name.to_string() } else { format!("{stem}-{n}.{ext}") };
        let path = dir.join(candidate);
        if !path.exists() {
            return path;
        }
        n += 1;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_safe_and_never_collide() {
        assert_eq!(slug("Ñandú Pérez"), "nandu-perez");
        assert_eq!(slug("<script>alert(1)</script>"), "script-alert-1-script");
        assert_eq!(slug("../../etc"), "etc");
        assert_eq!(slug("   "), "sesion");
        assert_eq!(file_name("2026-03-02", "Ana", "abcdefghijkl", "md"), "rumbo-2026-03-02-ana-abcdef.md");
        let dir = tempfile::tempdir().unwrap();
        let first = unused_path(dir.path(), "a.md");
        std::fs::write(&first, "x").unwrap();
        let second = unused_path(dir.path(), "a.md");
        assert_eq!(second.file_name().unwrap(), "a-2.md");
        std::fs::write(&second, "x").unwrap();
        assert_eq!(unused_path(dir.path(), "a.md").file_name().unwrap(), "a-3.md");
    }
}
