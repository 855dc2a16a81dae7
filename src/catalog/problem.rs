//! A problem found in a catalog file, placed at `FILE:LINE:COL` and worded in the user's language.

use super::ItemKind;
use super::locate::Pos;
use crate::i18n::{Lang, fill};

#[derive(Clone, Debug, PartialEq)]
pub enum ProblemKind {
    Syntax(String),
    UnknownField {
        field: String,
        expected: Vec<String>,
    },
    MissingField(String),
    DuplicateField(String),
    UnknownVariant {
        found: String,
        expected: Vec<String>,
    },
    Expected(String),
    NewerFormat(u64),
    BadFormat(u64),
    /// An occupation's competency level outside 0–4 (format 2).
    BadLevel(u8),
    /// A format-2 field in a file that says `format: 1`: the field's name.
    NeedsFormat2(String),
    /// A format-3 field (a program's details) in a file that says `format: 1` or `2`.
    NeedsFormat3(String),
    NeedsFormat4(String),
    /// An interest value off O*NET's 1–7 scale: the field and what it says.
    BadInterest {
        field: String,
        found: String,
    },
    /// A program's `url` that is not `http://` or `https://`: the field and the text.
    BadUrl {
        field: String,
        url: String,
    },
    BadId(String),
    /// `other` is where the first definition is, as `FILE:LINE:COL`.
    DuplicateId {
        kind: ItemKind,
        id: String,
        other: String,
    },
    Dangling {
        kind: ItemKind,
        id: String,
    },
    ForbiddenChar {
        code: String,
        field: String,
    },
    EmptyText(String),
    /// A title (or name) longer than [`super::limits::TITLE_CHARS`].
    TitleTooLong {
        field: String,
        count: usize,
    },
    /// Any text longer than [`super::limits::TEXT_CHARS`].
    TextTooLong {
        field: String,
        count: usize,
    },
    /// A file larger than [`super::limits::FILE_BYTES`].
    FileTooLarge(u64),
    Io(String),
    NotUtf8,
    NoCatalogs,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Problem {
    /// The file as the user named it (or `builtin:NAME` for the catalog compiled into rumbo).
    pub file: String,
    pub pos: Option<Pos>,
    pub kind: ProblemKind,
}

impl Problem {
    pub fn at(file: &str, pos: Pos, kind: ProblemKind) -> Problem {
        Problem { file: file.to_string(), pos: Some(pos), kind }
    }

    pub fn in_file(file: &str, kind: ProblemKind) -> Problem {
        Problem { file: file.to_string(), pos: None, kind }
    }

    pub fn message(&self, lang: Lang) -> String {
        let s = lang.strings();
        match &self.kind {
            ProblemKind::Syntax(detail) => fill(s.problem_syntax, &[("detail", detail)]),
            ProblemKind::UnknownField { field, expected } => {
                fill(s.problem_unknown_field, &[("field", field), ("expected", &expected.join(", "))])
            }
            ProblemKind::MissingField(field) => fill(s.problem_missing_field, &[("field", field)]),
            ProblemKind::DuplicateField(field) => fill(s.problem_duplicate_field, &[("field", field)]),
            ProblemKind::UnknownVariant { found, expected } => {
                fill(s.problem_unknown_variant, &[("found", found), ("expected", &expected.join(", "))])
            }
            ProblemKind::Expected(detail) => fill(s.problem_expected, &[("detail", detail)]),
            ProblemKind::NeedsFormat2(field) => fill(s.problem_needs_format_2, &[("field", field)]),
            ProblemKind::NeedsFormat3(field) => fill(s.problem_needs_format_3, &[("field", field)]),
            ProblemKind::NeedsFormat4(field) => fill(s.problem_needs_format_4, &[("field", field)]),
            ProblemKind::BadInterest { field, found } => {
                fill(s.problem_bad_interest, &[("field", field), ("found", found)])
            }
            ProblemKind::BadUrl { field, url } => fill(s.problem_bad_url, &[("field", field), ("url", url)]),
            ProblemKind::BadLevel(found) => fill(s.problem_bad_level, &[("found", found)]),
            ProblemKind::NewerFormat(found) => {
                fill(s.problem_newer_format, &[("found", found), ("known", &super::FORMAT)])
            }
            ProblemKind::BadFormat(found) => {
                fill(s.problem_bad_format, &[("found", found), ("known", &super::FORMAT)])
            }
            ProblemKind::BadId(id) => fill(s.problem_bad_id, &[("id", id)]),
            ProblemKind::DuplicateId { kind, id, other } => {
                fill(s.problem_duplicate_id, &[("kind", &kind.name(lang)), ("id", id), ("other", other)])
            }
            ProblemKind::Dangling { kind, id } => {
                fill(s.problem_dangling, &[("kind", &capitalize(kind.name(lang))), ("id", id)])
            }
            ProblemKind::ForbiddenChar { code, field } => {
                fill(s.problem_forbidden_char, &[("code", code), ("field", field)])
            }
            ProblemKind::EmptyText(field) => fill(s.problem_empty_text, &[("field", field)]),
            ProblemKind::TitleTooLong { field, count } => fill(
                s.problem_title_too_long,
                &[("field", field), ("count", count), ("max", &super::limits::TITLE_CHARS)],
            ),
            ProblemKind::TextTooLong { field, count } => fill(
                s.problem_text_too_long,
                &[("field", field), ("count", count), ("max", &super::limits::TEXT_CHARS)],
            ),
            ProblemKind::FileTooLarge(size) => {
                fill(s.problem_file_too_large, &[("size", size), ("max", &super::limits::FILE_BYTES)])
            }
            ProblemKind::Io(detail) => fill(s.problem_io, &[("detail", detail)]),
            ProblemKind::NotUtf8 => s.problem_not_utf8.to_string(),
            ProblemKind::NoCatalogs => s.problem_no_catalogs.to_string(),
        }
    }

    /// `FILE:LINE:COL: message` (or `FILE: message` when there is no place to point at).
    pub fn render(&self, lang: Lang) -> String {
        match self.pos {
            Some(pos) => format!("{}:{}:{}: {}", self.file, pos.line, pos.col, self.message(lang)),
            None if self.file.is_empty() => self.message(lang),
            None => format!("{}: {}", self.file, self.message(lang)),
        }
    }

    /// The `FILE:LINE:COL` of this problem, for messages that point at another one.
    pub fn place(&self) -> String {
        match self.pos {
            Some(pos) => format!("{}:{}:{}", self.file, pos.line, pos.col),
            None => self.file.clone(),
        }
    }
}

fn capitalize(text: &str) -> String {
    let mut chars = text.chars();
    chars.next().map_or_else(String::new, |first| first.to_uppercase().chain(chars).collect())
}
