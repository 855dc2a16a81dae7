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
/// A name without an extension (`resumen`, `.oculto`) gets the number at the end (`resumen-2`).
pub fn unused_path(dir: &Path, name: &str) -> PathBuf {
    let (stem, ext) = match name.rsplit_once('.') {
        Some((stem, ext)) if !stem.is_empty() => (stem, format!(".{ext}")),
        _ => (name, String::new()),
    };
    let mut n = 1;
    loop {
        let candidate = if n == 1 { name.to_string() } else { format!("{stem}-{n}{ext}") };
        let path = dir.join(candidate);
        // Not `exists()`: that follows links, and a dangling link would be replaced.
        if std::fs::symlink_metadata(&path).is_err_and(|e| e.kind() == std::io::ErrorKind::NotFound) {
            return path;
        }
        n += 1;
    }
}

/// Whether `name` is an export of session `id` (`rumbo-<date>-<slug>-<short id>[-N].<ext>`) or the
/// temporary file of an interrupted one (`.<that name>.<random>`). Matched on the short id alone: the alias
/// and the date in the name may have been different when it was written.
pub fn is_export_of(name: &str, id: &str) -> bool {
    let short: String = id.chars().take(6).collect();
    let name = name.strip_prefix('.').unwrap_or(name);
    let Some((stem, _)) = name.strip_prefix("rumbo-").and_then(|rest| rest.split_once('.')) else {
        return false;
    };
    let ours = |stem: &str| !short.is_empty() && stem.ends_with(&format!("-{short}"));
    // `-N` of a numbered copy; a short id can be all digits too, so both readings are tried.
    let numbered = match stem.rsplit_once('-') {
        Some((before, n)) if !n.is_empty() && n.chars().all(|c| c.is_ascii_digit()) => Some(before),
        _ => None,
    };
    ours(stem) || numbered.is_some_and(ours)
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
        for name in [
            "rumbo-2026-03-02-ana-abcdef.md",
            "rumbo-2025-01-01-x-abcdef-12.html",
            ".rumbo-2026-03-02-ana-abcdef.json.Ab12Cd",
        ] {
            assert!(is_export_of(name, "abcdefghijkl"), "{name}");
        }
        assert!(is_export_of("rumbo-2026-03-02-ana-234567.md", "234567abcdef"));
        assert!(is_export_of("rumbo-2026-03-02-ana-234567-3.md", "234567abcdef"));
        for name in
            ["rumbo-2026-03-02-ana-abcdeg.md", "ana-abcdef.md", "rumbo-2026-03-02-xabcdef.md", "notas.md"]
        {
            assert!(!is_export_of(name, "abcdefghijkl"), "{name}");
        }
        for (name, second) in [("resumen", "resumen-2"), (".oculto", ".oculto-2"), ("a.b.html", "a.b-2.html")]
        {
            std::fs::write(dir.path().join(name), "x").unwrap();
            assert_eq!(unused_path(dir.path(), name).file_name().unwrap(), second);
        }
    }
}
