//! The cleaning rules of the importer (listed in `super`'s opening comment), each a small function.

/// Rules 1 to 3: `_x000D_` (a carriage return Excel stored as text) and zero-width or other
/// invisible characters a catalog may not hold go; every run of white space, line breaks included,
/// becomes one space; no space at either end.
pub fn text(raw: &str) -> String {
    let raw: String = raw
        .replace("_x000D_", " ")
        .chars()
        .filter(|c| c.is_whitespace() || !crate::text::is_forbidden(*c))
        .collect();
    let mut out = String::with_capacity(raw.len());
    for word in raw.split(char::is_whitespace).filter(|w| !w.is_empty()) {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}

/// Rules 4 and 5: a code cleaned like any text, kept as text (leading zeros stay), with a trailing `*`
/// (DANE's mark of a partial equivalence) split off. `None` if what is left is not all digits.
pub fn code(raw: &str) -> Option<(String, bool)> {
    let cleaned = text(raw);
    let (digits, partial) = match cleaned.strip_suffix('*') {
        Some(rest) => (rest.trim_end().to_string(), true),
        None => (cleaned, false),
    };
    (!digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit())).then_some((digits, partial))
}

/// Rule 6: the spellings of one item (a skill, a knowledge area, a qualification area) as rows give
/// them; the winner is the one most rows use, ties going to the one seen first.
#[derive(Debug, Default)]
pub struct Spellings {
    /// Each spelling with its count, in the order first seen.
    seen: Vec<(String, usize)>,
}

impl Spellings {
    pub fn add(&mut self, spelling: &str) {
        match self.seen.iter_mut().find(|(s, _)| s == spelling) {
            Some((_, n)) => *n += 1,
            None => self.seen.push((spelling.to_string(), 1)),
        }
    }

    /// The most used spelling; the first seen among equals (`max_by_key` keeps the last maximum,
    /// hence the reversed order).
    pub fn winner(&self) -> &str {
        self.seen.iter().rev().max_by_key(|(_, n)| *n).map(|(s, _)| s.as_str()).unwrap_or_default()
    }

    pub fn count(&self) -> usize {
        self.seen.len()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn carriage_returns_and_stray_spaces_go() {
        assert_eq!(text("Cajeros_x000D_\n  de   banco \n"), "Cajeros de banco");
        assert_eq!(text(" a\r\nb\t c "), "a b c");
        assert_eq!(text("rendimiento\u{200B} / Consultora"), "rendimiento / Consultora");
        assert_eq!(text("Desempeñar funciones afines."), "Desempeñar funciones afines.");
    }

    #[test]
    fn codes_stay_text_and_a_star_means_partial() {
        assert_eq!(code("4225_x000D_"), Some(("4225".into(), false)));
        assert_eq!(code("0012*_x000D_"), Some(("0012".into(), true)));
        assert_eq!(code(" 01100 "), Some(("01100".into(), false)));
        assert_eq!(code("12a"), None);
        assert_eq!(code("*"), None);
        assert_eq!(code(""), None);
    }

    #[test]
    fn the_most_used_spelling_wins_and_ties_go_to_the_first() {
        let mut s = Spellings::default();
        for w in ["Orientación al Servicio", "Orientación al servicio", "Orientación al servicio"] {
            s.add(w);
        }
        assert_eq!((s.winner(), s.count()), ("Orientación al servicio", 2));
        let mut tie = Spellings::default();
        tie.add("Industria Química");
        tie.add("Industria química");
        assert_eq!(tie.winner(), "Industria Química");
    }
}
