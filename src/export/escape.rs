//! Making text inert in each format: a note can never become a link, a heading, markup or a script.

use crate::text::sanitize;

/// HTML text and attribute values.
pub fn html(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in sanitize(text).chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// Markdown inline text (one line). Characters that start inline constructs (emphasis, code, links,
/// images, raw HTML, entities, tables, strike-through, autolinks) are backslash-escaped everywhere; those
/// that only matter at the start of a line (headings, quotes, lists, thematic breaks) are escaped there.
pub fn markdown(text: &str) -> String {
    let text = sanitize(text).replace(['\n', '\t'], " ");
    let mut out = String::with_capacity(text.len() + 8);
    for (i, c) in text.chars().enumerate() {
        // Parentheses need no escape: with `[` and `]` escaped they can never close a link.
        let inline =
            matches!(c, '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '!' | '|' | '~' | '&' | ':');
        let at_start = i == 0 && matches!(c, '#' | '+' | '-' | '=' | '.');
        if inline || at_start {
            out.push('\\');
        }
        out.push(c);
    }
    // "1. x" at the start would become an ordered list; "www.x" an autolink in GitHub's dialect.
    let mut out = escape_list_number(&out);
    while let Some(at) = out.to_ascii_lowercase().find("www.") {
        out.replace_range(at + 3..at + 4, "\\.");
    }
    out
}

fn escape_list_number(text: &str) -> String {
    let digits = text.chars().take_while(char::is_ascii_digit).count();
    match text[digits..].chars().next() {
        Some('.' | ')') if digits > 0 => format!("{}\\{}", &text[..digits], &text[digits..]),
        _ => text.to_string(),
    }
}

/// Multi-line Markdown: each line escaped on its own and kept as a line (hard break).
pub fn markdown_block(text: &str) -> Vec<String> {
    sanitize(text).lines().map(|l| markdown(l.trim_end())).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn html_is_escaped_and_cleaned() {
        assert_eq!(html("<script>alert(1)</script>"), "&lt;script&gt;alert(1)&lt;/script&gt;");
        assert_eq!(html("a\u{1b}[31mb\u{202E}c"), "a[31mbc");
        assert_eq!(html("\"'&"), "&quot;&#39;&amp;");
    }

    #[test]
    fn markdown_cannot_link_or_head() {
        assert_eq!(markdown("[x](javascript:alert(1))"), "\\[x\\](javascript\\:alert(1))");
        assert_eq!(markdown("# título"), "\\# título");
        assert_eq!(markdown("1. uno"), "1\\. uno");
        assert_eq!(markdown("ver www.ejemplo.com"), "ver www\\.ejemplo.com");
        assert_eq!(markdown("<b>hola</b>"), "\\<b\\>hola\\</b\\>");
        assert_eq!(markdown("Técnicos de sistemas."), "Técnicos de sistemas.");
    }
}
