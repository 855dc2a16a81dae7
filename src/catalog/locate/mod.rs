//! Finds where a value sits in a RON file, so semantic errors (duplicate ids, dangling references, bad
//! characters) can point at `FILE:LINE:COL` like syntax errors do. serde hands us values without spans,
//! so this walks the text once more with a small tokenizer; it runs only when there is a problem to report.

mod lexer;

use lexer::{Lexer, Tok};
use std::collections::HashMap;

/// 1-based line and column (in characters), as ron reports them.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub struct Pos {
    pub line: usize,
    pub col: usize,
}

impl Pos {
    /// The byte offset of this position in `text`, if it is inside it.
    pub fn offset_in(self, text: &str) -> Option<usize> {
        let line_start = if self.line <= 1 {
            0
        } else {
            text.match_indices('\n').nth(self.line - 2).map(|(i, _)| i + 1)?
        };
        let rest = &text[line_start..];
        rest.char_indices()
            .nth(self.col - 1)
            .map(|(i, _)| line_start + i)
            .or_else(|| (rest.chars().count() == self.col - 1).then_some(text.len()))
    }
}

/// Where every value of a RON document starts, by path: `occupations[2].functions[0].id`.
/// The document itself is the empty path.
pub struct Locations {
    map: HashMap<String, Pos>,
}

impl Locations {
    pub fn of(text: &str) -> Locations {
        let mut lexer = Lexer::new(text);
        let mut tokens = Vec::new();
        while let Some(t) = lexer.next_token() {
            tokens.push(t);
        }
        let mut walker = Walker { tokens, at: 0, depth: 0, map: HashMap::new() };
        walker.value(String::new());
        Locations { map: walker.map }
    }

    /// The position of `path` exactly, if the document has it.
    pub fn get(&self, path: &str) -> Option<Pos> {
        self.map.get(path).copied()
    }

    /// The position of `path`, or of its nearest enclosing value that was found.
    pub fn find(&self, path: &str) -> Pos {
        let mut path = path;
        loop {
            if let Some(pos) = self.map.get(path) {
                return *pos;
            }
            match path.rfind(['.', '[']) {
                Some(cut) => path = &path[..cut],
                None => return self.map.get("").copied().unwrap_or(Pos { line: 1, col: 1 }),
            }
        }
    }
}

/// Deeper than any catalog needs; stops a hostile file from exhausting the stack.
const MAX_DEPTH: usize = 256;

struct Walker {
    tokens: Vec<(Pos, Tok)>,
    at: usize,
    depth: usize,
    map: HashMap<String, Pos>,
}

impl Walker {
    fn peek(&self, ahead: usize) -> Option<&Tok> {
        self.tokens.get(self.at + ahead).map(|(_, t)| t)
    }

    fn value(&mut self, path: String) {
        let Some((pos, tok)) = self.tokens.get(self.at).cloned() else { return };
        self.map.entry(path.clone()).or_insert(pos);
        self.at += 1;
        if self.depth >= MAX_DEPTH {
            return;
        }
        self.depth += 1;
        match tok {
            Tok::Ident(_) if self.peek(0) == Some(&Tok::Open('(')) => {
                self.at += 1;
                self.fields_or_items(&path);
            }
            Tok::Open('(') => self.fields_or_items(&path),
            Tok::Open('[') => self.items(&path),
            Tok::Open(_) => self.map_entries(&path),
            _ => {}
        }
        self.depth -= 1;
    }

    fn join(path: &str, field: &str) -> String {
        if path.is_empty() { field.to_string() } else { format!("{path}.{field}") }
    }

    fn fields_or_items(&mut self, path: &str) {
        let named = matches!(self.peek(0), Some(Tok::Ident(_))) && self.peek(1) == Some(&Tok::Colon);
        if named {
            self.fields(path);
        } else {
            self.items(path);
        }
    }

    fn fields(&mut self, path: &str) {
        loop {
            match self.peek(0).cloned() {
                None => return,
                Some(Tok::Close) => {
                    self.at += 1;
                    return;
                }
                Some(Tok::Comma) => self.at += 1,
                Some(Tok::Ident(name)) if self.peek(1) == Some(&Tok::Colon) => {
                    self.at += 2;
                    self.value(Self::join(path, &name));
                }
                Some(_) => self.at += 1,
            }
        }
    }

    fn items(&mut self, path: &str) {
        let mut index = 0;
        loop {
            match self.peek(0) {
                None => return,
                Some(Tok::Close) => {
                    self.at += 1;
                    return;
                }
                Some(Tok::Comma) => self.at += 1,
                Some(_) => {
                    self.value(format!("{path}[{index}]"));
                    index += 1;
                }
            }
        }
    }

    fn map_entries(&mut self, path: &str) {
        loop {
            match self.peek(0).cloned() {
                None => return,
                Some(Tok::Close) => {
                    self.at += 1;
                    return;
                }
                Some(Tok::Comma) | Some(Tok::Colon) => self.at += 1,
                Some(Tok::Str(key)) | Some(Tok::Ident(key)) => {
                    self.at += 1;
                    if self.peek(0) == Some(&Tok::Colon) {
                        self.at += 1;
                        self.value(format!("{path}[{key:?}]"));
                    }
                }
                Some(_) => self.value(format!("{path}[?]")),
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const DOC: &str = r##"// comment (with parens
Catalog(
    format: 1, /* block /* nested */ ( */
    id: "a",
    occupations: [
        Occupation(id: "x", functions: [Function(id: "f1", text: "dice \"hola\" (sí)"), (id: r#"f2"#, text: "ñ")]),
    ],
    map: {"k": [1, 2]},
)"##;

    #[test]
    fn finds_fields_items_and_nested_values() {
        let l = Locations::of(DOC);
        assert_eq!(l.find(""), Pos { line: 2, col: 1 });
        assert_eq!(l.find("format"), Pos { line: 3, col: 13 });
        assert_eq!(l.find("id"), Pos { line: 4, col: 9 });
        assert_eq!(l.find("occupations[0]"), Pos { line: 6, col: 9 });
        assert_eq!(l.find("occupations[0].functions[0].text"), Pos { line: 6, col: 66 });
        assert_eq!(l.find("occupations[0].functions[1].id"), Pos { line: 6, col: 94 });
        assert_eq!(l.find("map[\"k\"][1]"), Pos { line: 8, col: 20 });
    }

    #[test]
    fn unknown_paths_fall_back_to_the_nearest_parent() {
        let l = Locations::of(DOC);
        assert_eq!(l.find("occupations[0].nothing[3]"), l.find("occupations[0]"));
        assert_eq!(l.find("zzz"), l.find(""));
    }
}
