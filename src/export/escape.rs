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
            // Shown the same, but the file's text then holds no `src=`, `href=`, `onerror=` or `//` at all,
            // so nothing scanning it (or a careless edit of the template) can mistake a note for markup.
            '/' => out.push_str("&#47;"),
            '=' => out.push_str("&#61;"),
            c => out.push(c),
        }
    }
    out
}

/// Markdown inline text (one line). Characters that start inline constructs (emphasis, code, links,
/// raw HTML, tables, strike-through) are backslash-escaped everywhere; those that only matter at the start of
/// a line (headings, quotes, lists, thematic breaks) are escaped there, after leading blanks are dropped (up
/// to three spaces still let `#` start a heading). `!`, `&`, `:` and `/` are escaped only where they could
/// start something (an image, an entity, an `http://`, `//host` or `mailto:` autolink), so ordinary text
/// stays readable.
pub fn markdown(text: &str) -> String {
    let text = sanitize(text).replace(['\n', '\t'], " ");
    let text = text.trim_start();
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len() + 8);
    for (i, &c) in chars.iter().enumerate() {
        let next = chars.get(i + 1).copied();
        // Parentheses need no escape: with `[` and `]` escaped they can never close a link.
        let inline = match c {
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '|' | '~' => true,
            '!' => next == Some('['),
            '&' => next.is_some_and(|n| n.is_ascii_alphanumeric() || n == '#'),
            ':' => next == Some('/') || ends_with_scheme(&out),
            // `//host` is a link for some renderers (markdown-it's linkify).
            '/' => next == Some('/'),
            _ => false,
        };
        let at_start = i == 0 && matches!(c, '#' | '+' | '-' | '=' | '.' | ':');
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

/// GitHub's dialect links `mailto:` and `xmpp:` addresses without brackets or slashes.
fn ends_with_scheme(text: &str) -> bool {
    let lower = text.to_ascii_lowercase();
    lower.ends_with("mailto") || lower.ends_with("xmpp")
}

fn escape_list_number(text: &str) -> String {
    let digits = text.chars().take_while(char::is_ascii_digit).count();
    match text[digits..].chars().next() {
        Some('.' | ')') if digits > 0 => format!("{}\\{}", &text[..digits], &text[digits..]),
        _ => text.to_string(),
    }
}

/// Multi-line Markdown: each non-blank line escaped on its own. The caller keeps them apart (as
/// paragraphs), since consecutive lines would otherwise run together when rendered.
pub fn markdown_block(text: &str) -> Vec<String> {
    sanitize(text).lines().map(|l| markdown(l.trim_end())).filter(|l| !l.is_empty()).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn html_is_escaped_and_cleaned() {
        assert_eq!(html("<script>alert(1)</script>"), "&lt;script&gt;alert(1)&lt;&#47;script&gt;");
        assert_eq!(html("a\u{1b}[31mb\u{202E}c"), "abc");
        assert_eq!(html("\"'&"), "&quot;&#39;&amp;");
        assert_eq!(html("<img src=x>//"), "&lt;img src&#61;x&gt;&#47;&#47;");
    }

    #[test]
    fn markdown_cannot_link_or_head() {
        assert_eq!(markdown("[x](javascript:alert(1))"), "\\[x\\](javascript:alert(1))");
        assert_eq!(markdown("![img](http://x)"), "\\!\\[img\\](http\\:\\//x)");
        assert_eq!(markdown("ver //host y 1/2"), "ver \\//host y 1/2");
        assert_eq!(markdown("mailto:a@b.co"), "mailto\\:a@b.co");
        assert_eq!(markdown("# título"), "\\# título");
        assert_eq!(markdown("   # sangrado"), "\\# sangrado");
        assert_eq!(markdown("  2) dos"), "2\\) dos");
        assert_eq!(markdown("&amp; &#60; a & b"), "\\&amp; \\&#60; a & b");
        assert_eq!(markdown("Datos: ¡listo! 10:30"), "Datos: ¡listo! 10:30");
        assert_eq!(markdown("1. uno"), "1\\. uno");
        assert_eq!(markdown("ver www.ejemplo.com"), "ver www\\.ejemplo.com");
        assert_eq!(markdown("<b>hola</b>"), "\\<b\\>hola\\</b\\>");
        assert_eq!(markdown("Técnicos de sistemas."), "Técnicos de sistemas.");
    }
}
