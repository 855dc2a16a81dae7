//! One catalog file: text → [`Catalog`], or every problem it has, each at its `FILE:LINE:COL`.

use super::interests::{NAMES, SCALE};
use super::limits;
use super::locate::{Locations, Pos};
use super::model::{Catalog, FORMAT};
use super::problem::{Problem, ProblemKind};
use crate::text;
use ron::error::{Error as RonError, SpannedError};
use serde::Deserialize;
use std::cell::OnceCell;

/// A catalog file's name (as the user gave it) and its text.
#[derive(Clone, Debug)]
pub struct SourceFile {
    pub name: String,
    pub text: String,
}

impl SourceFile {
    /// Decodes a file read from disk; a leading byte-order mark (Windows Notepad) is dropped.
    pub fn from_bytes(name: &str, bytes: Vec<u8>) -> Result<SourceFile, Problem> {
        let text = String::from_utf8(bytes).map_err(|_| Problem::in_file(name, ProblemKind::NotUtf8))?;
        let text = text.strip_prefix('\u{FEFF}').map(str::to_string).unwrap_or(text);
        Ok(SourceFile { name: name.to_string(), text })
    }
}

/// Reads only `format`, so a file from a newer rumbo is refused with "update rumbo" rather than with
/// whatever field this version does not know yet.
#[derive(Deserialize)]
#[serde(rename = "Catalog")]
struct FormatProbe {
    format: u64,
}

/// Lazily computed positions: only files with problems pay for the second pass over their text.
pub struct Located<'a> {
    name: &'a str,
    text: &'a str,
    locations: OnceCell<Locations>,
}

impl<'a> Located<'a> {
    pub fn new(file: &'a SourceFile) -> Self {
        Located::of(&file.name, &file.text)
    }

    /// The file named `name` whose text is `text`.
    pub fn of(name: &'a str, text: &'a str) -> Self {
        Located { name, text, locations: OnceCell::new() }
    }

    pub fn problem(&self, path: &str, kind: ProblemKind) -> Problem {
        let pos = self.locations.get_or_init(|| Locations::of(self.text)).find(path);
        Problem::at(self.name, pos, kind)
    }
}

/// Parses one file. Problems inside texts (bad ids, forbidden characters, empty names) still return the
/// catalog, so cross-file validation can report everything else in the same run; syntax errors do not.
pub fn parse(file: &SourceFile) -> Result<(Catalog, Vec<Problem>), Vec<Problem>> {
    let located = Located::new(file);
    let catalog = match ron::from_str::<Catalog>(&file.text) {
        Ok(catalog) => catalog,
        Err(error) => {
            if let Ok(probe) = ron::from_str::<FormatProbe>(&file.text)
                && probe.format > u64::from(FORMAT)
            {
                return Err(vec![located.problem("format", ProblemKind::NewerFormat(probe.format))]);
            }
            return Err(vec![syntax_problem(&file.name, &error)]);
        }
    };
    if catalog.format > FORMAT {
        return Err(vec![located.problem("format", ProblemKind::NewerFormat(catalog.format.into()))]);
    }
    if catalog.format == 0 {
        return Err(vec![located.problem("format", ProblemKind::BadFormat(0))]);
    }
    let mut problems = check_texts(&catalog, &located);
    problems.extend(super::formats::problems(&catalog, &located));
    Ok((catalog, problems))
}

fn syntax_problem(file: &str, error: &SpannedError) -> Problem {
    let pos = Pos { line: error.span.start.line.max(1), col: error.span.start.col.max(1) };
    let kind = match &error.code {
        RonError::NoSuchStructField { expected, found, .. } => ProblemKind::UnknownField {
            field: found.clone(),
            expected: expected.iter().map(|e| e.to_string()).collect(),
        },
        RonError::MissingStructField { field, .. } => ProblemKind::MissingField(field.to_string()),
        RonError::DuplicateStructField { field, .. } => ProblemKind::DuplicateField(field.to_string()),
        RonError::NoSuchEnumVariant { expected, found, .. } => ProblemKind::UnknownVariant {
            found: found.clone(),
            expected: expected.iter().map(|e| e.to_string()).collect(),
        },
        other => ProblemKind::Syntax(other.to_string()),
    };
    Problem::at(file, pos, kind)
}

/// Ids well formed, required texts present, no control, bidi or zero-width characters anywhere.
fn check_texts(catalog: &Catalog, located: &Located) -> Vec<Problem> {
    let mut problems = Vec::new();
    let mut visit = |path: &dyn Fn() -> String, field: &str, value: &str, rule: Rule| {
        let count = value.chars().count();
        if count > limits::TEXT_CHARS {
            let kind = ProblemKind::TextTooLong { field: field.to_string(), count };
            problems.push(located.problem(&path(), kind));
        } else if limits::is_title(field) && count > limits::TITLE_CHARS {
            let kind = ProblemKind::TitleTooLong { field: field.to_string(), count };
            problems.push(located.problem(&path(), kind));
        } else if let Some((_, c)) = text::first_forbidden(value) {
            let kind = ProblemKind::ForbiddenChar { code: text::codepoint(c), field: field.to_string() };
            problems.push(located.problem(&path(), kind));
        } else if rule == Rule::Id && !is_valid_id(value) {
            problems.push(located.problem(&path(), ProblemKind::BadId(value.to_string())));
        } else if rule == Rule::Required && value.trim().is_empty() {
            problems.push(located.problem(&path(), ProblemKind::EmptyText(field.to_string())));
        }
    };
    use Rule::{Free, Id, Required};
    visit(&|| "id".into(), "id", &catalog.id, Id);
    visit(&|| "title".into(), "title", &catalog.title, Required);
    visit(&|| "language".into(), "language", &catalog.language, Free);
    visit(&|| "version".into(), "version", &catalog.version, Free);
    for (i, s) in catalog.sources.iter().enumerate() {
        let p = |f: &str| format!("sources[{i}].{f}");
        visit(&|| p("id"), "id", &s.id, Id);
        visit(&|| p("title"), "title", &s.title, Required);
        visit(&|| p("publisher"), "publisher", &s.publisher, Free);
        visit(&|| p("note"), "note", &s.note, Free);
    }
    for (i, s) in catalog.sectors.iter().enumerate() {
        let p = |f: &str| format!("sectors[{i}].{f}");
        visit(&|| p("id"), "id", &s.id, Id);
        visit(&|| p("name"), "name", &s.name, Required);
        visit(&|| p("summary"), "summary", &s.summary, Free);
        visit(&|| p("source"), "source", &s.source, Free);
        for (j, c) in s.categories.iter().enumerate() {
            let p = |f: &str| format!("sectors[{i}].categories[{j}].{f}");
            visit(&|| p("code"), "code", &c.code, Free);
            visit(&|| p("name"), "name", &c.name, Required);
            for (k, a) in c.activities.iter().enumerate() {
                visit(&|| p(&format!("activities[{k}]")), "activities", a, Required);
            }
        }
    }
    for (i, c) in catalog.competencies.iter().enumerate() {
        let p = |f: &str| format!("competencies[{i}].{f}");
        visit(&|| p("id"), "id", &c.id, Id);
        visit(&|| p("name"), "name", &c.name, Required);
        visit(&|| p("description"), "description", &c.description, Free);
        for (j, same) in c.same_as.iter().enumerate() {
            visit(&|| p(&format!("same_as[{j}].competency")), "competency", &same.competency, Id);
        }
    }
    for (i, o) in catalog.occupations.iter().enumerate() {
        let p = |f: &str| format!("occupations[{i}].{f}");
        visit(&|| p("id"), "id", &o.id, Id);
        visit(&|| p("title"), "title", &o.title, Required);
        visit(&|| p("description"), "description", &o.description, Free);
        for (j, c) in o.codes.iter().enumerate() {
            visit(&|| p(&format!("codes[{j}].system")), "system", &c.system, Required);
            visit(&|| p(&format!("codes[{j}].code")), "code", &c.code, Required);
            visit(&|| p(&format!("codes[{j}].source")), "source", &c.source, Free);
        }
        for (j, f) in o.functions.iter().enumerate() {
            visit(&|| p(&format!("functions[{j}].id")), "id", &f.id, Id);
            visit(&|| p(&format!("functions[{j}].text")), "text", &f.text, Required);
        }
        for (j, t) in o.alt_titles.iter().enumerate() {
            visit(&|| p(&format!("alt_titles[{j}].code")), "code", &t.code, Free);
            visit(&|| p(&format!("alt_titles[{j}].title")), "title", &t.title, Required);
        }
    }
    for (i, g) in catalog.programs.iter().enumerate() {
        let p = |f: &str| format!("programs[{i}].{f}");
        visit(&|| p("id"), "id", &g.id, Id);
        visit(&|| p("institution"), "institution", &g.institution, Required);
        visit(&|| p("name"), "name", &g.name, Required);
        visit(&|| p("level"), "level", &g.level, Free);
        for (field, value) in g.detail_texts() {
            if let Some(value) = value {
                visit(&|| p(field), field, value, Free);
            }
        }
    }
    // A program's web page may become a link and a QR code on the printed plan: http(s) only.
    for (i, g) in catalog.programs.iter().enumerate() {
        if let Some(url) = &g.url
            && text::first_forbidden(url).is_none()
            && !text::is_web_address(url)
        {
            let kind = ProblemKind::BadUrl { field: "url".to_string(), url: url.clone() };
            problems.push(located.problem(&format!("programs[{i}].url"), kind));
        }
    }
    for (i, o) in catalog.occupations.iter().enumerate() {
        if o.level > 4 {
            problems
                .push(located.problem(&format!("occupations[{i}].level"), ProblemKind::BadLevel(o.level)));
        }
        // On O*NET's scale, or ranking by correlation would be comparing something else.
        let values = o.interests.as_ref().map(|p| p.values());
        let off =
            values.and_then(|v| NAMES.into_iter().zip(v).find(|(_, v)| !(SCALE.0..=SCALE.1).contains(v)));
        if let Some((field, found)) = off {
            let kind = ProblemKind::BadInterest { field: field.to_string(), found: found.to_string() };
            problems.push(located.problem(&format!("occupations[{i}].interests.{field}"), kind));
        }
    }
    problems
}

#[derive(Clone, Copy, PartialEq)]
enum Rule {
    Id,
    Required,
    Free,
}

/// `[a-z0-9][a-z0-9-]*`
pub fn is_valid_id(id: &str) -> bool {
    let mut chars = id.chars();
    chars.next().is_some_and(|c| c.is_ascii_lowercase() || c.is_ascii_digit())
        && chars.all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_follow_the_pattern() {
        for good in ["a", "bpo", "asc-01", "9x", "a-"] {
            assert!(is_valid_id(good), "{good}");
        }
        for bad in ["", "-a", "A", "técnico", "a_b", "a b"] {
            assert!(!is_valid_id(bad), "{bad}");
        }
    }
}
