//! The tokens of a RON document, each with where it starts. Only what the locator needs: brackets,
//! separators, identifiers and strings (whose escapes it skips but need not decode); comments and
//! extension attributes are skipped.

use super::Pos;

#[derive(Clone, Debug, PartialEq)]
pub(super) enum Tok {
    Open(char),
    Close,
    Colon,
    Comma,
    Ident(String),
    Str(String),
    Other,
}

pub(super) struct Lexer<'a> {
    chars: std::iter::Peekable<std::str::Chars<'a>>,
    pos: Pos,
}

impl<'a> Lexer<'a> {
    pub(super) fn new(text: &'a str) -> Self {
        Lexer { chars: text.chars().peekable(), pos: Pos { line: 1, col: 1 } }
    }

    fn bump(&mut self) -> Option<char> {
        let c = self.chars.next()?;
        if c == '\n' {
            self.pos.line += 1;
            self.pos.col = 1;
        } else {
            self.pos.col += 1;
        }
        Some(c)
    }

    fn skip_trivia(&mut self) {
        loop {
            match self.chars.peek() {
                Some(c) if c.is_whitespace() => {
                    self.bump();
                }
                Some('/') => {
                    let mut ahead = self.chars.clone();
                    ahead.next();
                    match ahead.next() {
                        Some('/') => {
                            while let Some(c) = self.bump() {
                                if c == '\n' {
                                    break;
                                }
                            }
                        }
                        Some('*') => self.skip_block_comment(),
                        _ => return,
                    }
                }
                _ => return,
            }
        }
    }

    fn skip_block_comment(&mut self) {
        self.bump();
        self.bump();
        let mut depth = 1;
        while depth > 0 {
            match self.bump() {
                None => return,
                Some('*') if self.chars.peek() == Some(&'/') => {
                    self.bump();
                    depth -= 1;
                }
                Some('/') if self.chars.peek() == Some(&'*') => {
                    self.bump();
                    depth += 1;
                }
                _ => {}
            }
        }
    }

    fn quoted(&mut self) -> String {
        let mut out = String::new();
        while let Some(c) = self.bump() {
            match c {
                '"' => break,
                '\\' => {
                    if let Some(escaped) = self.bump() {
                        out.push('\\');
                        out.push(escaped);
                    }
                }
                c => out.push(c),
            }
        }
        out
    }

    /// `r"…"`, `r#"…"#`: the `r` and hashes are already consumed up to the opening quote.
    fn raw(&mut self, hashes: usize) -> String {
        let mut out = String::new();
        while let Some(c) = self.bump() {
            if c == '"' {
                let mut ahead = self.chars.clone();
                if (0..hashes).all(|_| ahead.next() == Some('#')) {
                    for _ in 0..hashes {
                        self.bump();
                    }
                    break;
                }
            }
            out.push(c);
        }
        out
    }

    pub(super) fn next_token(&mut self) -> Option<(Pos, Tok)> {
        self.skip_trivia();
        let start = self.pos;
        let c = self.bump()?;
        let tok = match c {
            '(' | '[' | '{' => Tok::Open(c),
            ')' | ']' | '}' => Tok::Close,
            ':' => Tok::Colon,
            ',' => Tok::Comma,
            '"' => Tok::Str(self.quoted()),
            '#' => {
                // `#![enable(…)]` extension attributes: skip to the closing bracket.
                let mut depth = 0;
                while let Some(c) = self.bump() {
                    match c {
                        '[' => depth += 1,
                        ']' if depth <= 1 => break,
                        ']' => depth -= 1,
                        _ => {}
                    }
                }
                Tok::Other
            }
            '\'' => {
                while let Some(c) = self.bump() {
                    if c == '\\' {
                        self.bump();
                    } else if c == '\'' {
                        break;
                    }
                }
                Tok::Other
            }
            c if c.is_alphanumeric() || c == '_' || c == '-' || c == '+' || c == '.' => {
                let mut word = String::from(c);
                while let Some(&n) = self.chars.peek() {
                    if n.is_alphanumeric() || n == '_' || n == '.' || n == '+' || n == '-' {
                        word.push(n);
                        self.bump();
                    } else {
                        break;
                    }
                }
                match (word.as_str(), self.chars.peek()) {
                    ("r" | "br", Some('"' | '#')) => {
                        let mut hashes = 0;
                        while self.chars.peek() == Some(&'#') {
                            self.bump();
                            hashes += 1;
                        }
                        self.bump();
                        Tok::Str(self.raw(hashes))
                    }
                    ("b", Some('"')) => {
                        self.bump();
                        Tok::Str(self.quoted())
                    }
                    ("r", _) | ("b", _) | ("br", _) => Tok::Ident(word),
                    _ => Tok::Ident(word.trim_start_matches("r#").to_string()),
                }
            }
            _ => Tok::Other,
        };
        Some((start, tok))
    }
}
