//! Kiosk to desk (issue 15): the code a kiosk visitor is given ([`desk_code`](super::desk_code), the id's
//! first six characters in capitals) typed back at a desk. People read it aloud, copy it from paper and
//! type it as they please, so case, spaces and dashes do not count.

/// Letters in a desk code.
pub const CODE_LEN: usize = 6;

/// The code in `text` as an id's first letters (lowercase), when `text` is shaped like one: six letters
/// or digits once spaces and dashes are dropped. `None` for anything else (an alias being filtered for).
pub fn typed_code(text: &str) -> Option<String> {
    let code: String =
        text.chars().filter(|c| !c.is_whitespace() && *c != '-').map(|c| c.to_ascii_lowercase()).collect();
    (code.chars().count() == CODE_LEN && code.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit()))
        .then_some(code)
}

/// True when session `id` goes by `code` (as [`typed_code`] gives it).
pub fn has_code(id: &str, code: &str) -> bool {
    !code.is_empty() && id.starts_with(code)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_code_is_six_letters_in_any_case_with_spaces_and_dashes_ignored() {
        assert_eq!(typed_code("K7M2QX").as_deref(), Some("k7m2qx"));
        assert_eq!(typed_code(" k7m-2qx ").as_deref(), Some("k7m2qx"));
        assert_eq!(typed_code("K7M 2QX").as_deref(), Some("k7m2qx"));
        assert_eq!(typed_code("K7M2Q"), None);
        assert_eq!(typed_code("K7M2QXY"), None);
        assert_eq!(typed_code("K7M2Q!"), None);
        assert_eq!(typed_code("María"), None);
        assert!(has_code("k7m2qxabcdef", "k7m2qx"));
        assert!(!has_code("k7m2qyabcdef", "k7m2qx"));
        assert!(!has_code("k7m2qyabcdef", ""));
    }
}
