//! Text hygiene shared by everything that takes text in (catalogs, paste, loaded sessions) or writes it out
//! (exports): control, bidi and zero-width characters are never let through, and search works on an
//! accent- and case-folded copy.

/// True for characters that must never reach the screen or a file: C0/C1 controls (but tab and newline,
/// which stay legal in multi-line text), bidi embeddings/overrides/isolates and marks, zero-width
/// characters, the BOM and other invisible formatting characters an attacker or a bad paste could carry.
pub fn is_forbidden(c: char) -> bool {
    if c == '\n' || c == '\t' {
        return false;
    }
    c.is_control()
        || matches!(c,
            '\u{200B}'..='\u{200F}'   // zero-width space/joiners, LRM, RLM
            | '\u{202A}'..='\u{202E}' // bidi embeddings and overrides
            | '\u{2060}'..='\u{2064}' // word joiner, invisible operators
            | '\u{2066}'..='\u{2069}' // bidi isolates
            | '\u{061C}'              // arabic letter mark
            | '\u{00AD}'              // soft hyphen
            | '\u{180E}'              // mongolian vowel separator
            | '\u{FEFF}'              // BOM / zero-width no-break space
            | '\u{FFF9}'..='\u{FFFB}' // interlinear annotations
            | '\u{034F}'              // combining grapheme joiner
            | '\u{2028}' | '\u{2029}' // line and paragraph separators
            | '\u{E0000}'..='\u{E007F}' // invisible tag characters
        )
}

/// The first forbidden character in `text`, with its 0-based char offset, so a message can say where.
pub fn first_forbidden(text: &str) -> Option<(usize, char)> {
    text.chars().enumerate().find(|(_, c)| is_forbidden(*c))
}

/// Removes every forbidden character, and terminal escape sequences whole (a pasted `ESC[31m` leaves no
/// `[31m` behind); `\r\n` and lone `\r` become `\n` so pasted Windows text keeps its lines.
pub fn sanitize(text: &str) -> String {
    let unified = text.replace("\r\n", "\n").replace('\r', "\n");
    let chars: Vec<char> = unified.chars().collect();
    let mut out = String::with_capacity(unified.len());
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if c == '\u{1b}' || c == '\u{9b}' {
            i += escape_len(&chars[i..]);
            continue;
        }
        if !is_forbidden(c) {
            out.push(c);
        }
        i += 1;
    }
    out
}

/// How many chars the escape sequence at the start of `s` takes (`s[0]` is ESC or the C1 CSI). An
/// unterminated sequence counts as its introducer only, so no real text after it is lost.
fn escape_len(s: &[char]) -> usize {
    let (body, start) = match (s[0], s.get(1)) {
        ('\u{9b}', _) => ('[', 1),
        (_, Some(&c)) => (c, 2),
        (_, None) => return 1,
    };
    match body {
        // CSI: parameters and intermediates, then one final byte.
        '[' => s[start..]
            .iter()
            .position(|c| ('\u{40}'..='\u{7e}').contains(c))
            .filter(|&p| s[start..start + p].iter().all(|c| ('\u{20}'..='\u{3f}').contains(c)))
            .map_or(start, |p| start + p + 1),
        // OSC, DCS, SOS, PM, APC: up to BEL or ESC \.
        ']' | 'P' | 'X' | '^' | '_' => (start..s.len())
            .find(|&k| s[k] == '\u{7}' || (s[k] == '\u{1b}' && s.get(k + 1) == Some(&'\\')))
            .map_or(start, |k| if s[k] == '\u{7}' { k + 1 } else { k + 2 }),
        // Any other two-character escape (ESC c, ESC 7, …).
        c if ('\u{20}'..='\u{7e}').contains(&c) => 2,
        _ => 1,
    }
}

/// Like [`sanitize`], for one-line fields: newlines and tabs become spaces.
pub fn sanitize_line(text: &str) -> String {
    sanitize(text).chars().map(|c| if c == '\n' || c == '\t' { ' ' } else { c }).collect()
}

/// Accent- and case-folds one character, always to exactly one character, so positions in the folded copy
/// are positions in the original (needed to highlight matched letters).
pub fn fold_char(c: char) -> char {
    nucleo_matcher::chars::to_lower_case(nucleo_matcher::chars::normalize(c))
}

/// The folded copy of `text`, char for char.
pub fn fold(text: &str) -> String {
    text.chars().map(fold_char).collect()
}

/// `true` for a web address a plan may link to: `http://` or `https://` (any case) and something after.
pub fn is_web_address(text: &str) -> bool {
    let lower = text.trim().to_ascii_lowercase();
    ["http://", "https://"]
        .iter()
        .any(|scheme| lower.strip_prefix(scheme).is_some_and(|rest| !rest.trim().is_empty()))
        && !text.trim().contains(char::is_whitespace)
}

/// The `U+XXXX` name of a character, for messages.
pub fn codepoint(c: char) -> String {
    format!("U+{:04X}", u32::from(c))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn forbidden_characters_are_caught() {
        for c in ['\u{1b}', '\u{7}', '\u{202E}', '\u{200B}', '\u{2066}', '\u{FEFF}', '\u{85}'] {
            assert!(is_forbidden(c), "{}", codepoint(c));
        }
        for c in ['a', 'ñ', 'É', '\n', '\t', ' ', '€', '中'] {
            assert!(!is_forbidden(c), "{}", codepoint(c));
        }
    }

    #[test]
    fn sanitize_strips_and_keeps_lines() {
        assert_eq!(sanitize("a\u{1b}[31mb\r\nc\u{202E}d\u{200B}"), "ab\ncd");
        assert_eq!(sanitize("x\u{1b}]0;titulo\u{7}y\u{1b}]8;;http://a\u{1b}\\z"), "xyz");
        assert_eq!(sanitize("fin\u{1b}"), "fin");
        assert_eq!(sanitize("\u{1b}[1ñandú"), "1ñandú", "an invalid sequence drops only its introducer");
        assert_eq!(sanitize("a\u{E0041}\u{2028}b"), "ab");
        assert_eq!(sanitize_line("uno\ndos\ttres"), "uno dos tres");
        assert_eq!(first_forbidden("ab\u{7}c"), Some((2, '\u{7}')));
        assert_eq!(first_forbidden("técnico"), None);
    }

    #[test]
    fn folding_is_one_to_one_and_strips_accents() {
        assert_eq!(fold("Técnicos de Sistemas ÑANDÚ"), "tecnicos de sistemas nandu");
        let s = "Orientación al logro";
        assert_eq!(fold(s).chars().count(), s.chars().count());
    }
}
