//! The layers, checked on the sources: `app` (the model and `update`) knows nothing of `ui` (the view),
//! and the modules of `app/update` import each other without a circle.

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::{Path, PathBuf};

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

fn sources(under: &str) -> Vec<(PathBuf, String)> {
    let mut files = Vec::new();
    rust_files(&Path::new(env!("CARGO_MANIFEST_DIR")).join(under), &mut files);
    assert!(!files.is_empty(), "no sources under {under}");
    files.into_iter().map(|p| (p.clone(), fs::read_to_string(&p).unwrap())).collect()
}

/// Lines that are code (comments may well speak of the view).
fn code_lines(text: &str) -> impl Iterator<Item = (usize, &str)> {
    text.lines().enumerate().filter(|(_, l)| !l.trim_start().starts_with("//")).map(|(i, l)| (i + 1, l))
}

#[test]
fn src_app_names_nothing_of_src_ui() {
    let mut found = Vec::new();
    for (path, text) in sources("src/app") {
        for (line, code) in code_lines(&text) {
            if code.contains("crate::ui") || code.contains("rumbo::ui") || code.contains("super::super::ui") {
                found.push(format!("{}:{line}: {}", path.display(), code.trim()));
            }
        }
    }
    assert!(found.is_empty(), "src/app must not depend on src/ui:\n{}", found.join("\n"));
}

/// Errors and notices are kept typed in the model and put into words where they are shown (`ui`): no
/// string of the language is looked up under src/app.
#[test]
fn src_app_puts_nothing_into_words() {
    let mut found = Vec::new();
    for (path, text) in sources("src/app") {
        for (line, code) in code_lines(&text) {
            if code.contains(".strings()") || code.contains("i18n::fill") {
                found.push(format!("{}:{line}: {}", path.display(), code.trim()));
            }
        }
    }
    assert!(found.is_empty(), "translated in src/app, not where shown:\n{}", found.join("\n"));
}

#[test]
fn the_modules_of_app_update_import_each_other_without_a_circle() {
    let files = sources("src/app/update");
    let names: BTreeSet<String> =
        files.iter().map(|(p, _)| p.file_stem().unwrap().to_string_lossy().into_owned()).collect();
    // Module → the sibling modules it names (`super::x`, or `use super::{x, …}`).
    let mut edges: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for (path, text) in &files {
        let from = path.file_stem().unwrap().to_string_lossy().into_owned();
        if from == "mod" {
            continue;
        }
        let code: String = code_lines(text).map(|(_, l)| format!("{l}\n")).collect();
        for name in &names {
            let named = [format!("super::{name}::"), format!("super::{name};"), format!("super::{{{name}")]
                .iter()
                .any(|p| code.contains(p.as_str()))
                || code.split("use super::{").skip(1).any(|rest| {
                    rest.split('}')
                        .next()
                        .unwrap_or("")
                        .split(',')
                        .any(|item| item.trim().split("::").next() == Some(name))
                });
            if named && *name != from && name != "mod" {
                edges.entry(from.clone()).or_default().insert(name.clone());
            }
        }
    }
    // A depth-first walk finds any way back to where it started.
    fn reaches(
        edges: &BTreeMap<String, BTreeSet<String>>,
        from: &str,
        to: &str,
        seen: &mut BTreeSet<String>,
    ) -> bool {
        edges
            .get(from)
            .into_iter()
            .flatten()
            .any(|next| next == to || (seen.insert(next.clone()) && reaches(edges, next, to, seen)))
    }
    let circles: Vec<&String> =
        edges.keys().filter(|m| reaches(&edges, m, m, &mut BTreeSet::new())).collect();
    assert!(circles.is_empty(), "modules in an import circle: {circles:?} (imports: {edges:?})");
    // The walk does see imports: workspace uses the overlays.
    assert!(edges.get("workspace").is_some_and(|e| e.contains("overlays")), "{edges:?}");
}

/// A gendered name ("Cajeros … / Cajeras …") is cut to its first form by one helper,
/// `catalog::first_form` (`Occupation::list_title`), not by a `split(" / ")` of each view's own.
#[test]
fn the_first_gendered_form_is_cut_in_one_place() {
    let mut found = Vec::new();
    for (path, text) in sources("src") {
        if path.ends_with("catalog/names.rs") {
            continue;
        }
        for (line, code) in code_lines(&text) {
            if code.contains("split(\" / \")") || code.contains("split_once(\" / \")") {
                found.push(format!("{}:{line}: {}", path.display(), code.trim()));
            }
        }
    }
    assert!(found.is_empty(), "use catalog::first_form or Occupation::list_title:\n{}", found.join("\n"));
}
