//! The plan's QR code: the first program's or the office's web address, drawn as inline SVG (one path,
//! no namespace, no link, no external resource) so the HTML stays one self-contained, inert file.

use qrcode::{Color, EcLevel, QrCode};

/// Longer addresses make a code too dense to scan from paper; the address is printed in words anyway.
pub const MAX_URL_CHARS: usize = 300;

/// White modules around the code, as the standard asks.
const QUIET: usize = 4;

/// The code for `url` as an `<svg>` element of class `qr`; `None` for an address that is not
/// `http://` or `https://`, or too long to scan.
pub fn svg(url: &str) -> Option<String> {
    if !encodable(url) {
        return None;
    }
    let code = QrCode::with_error_correction_level(url.as_bytes(), EcLevel::M).ok()?;
    let width = code.width();
    let dark: Vec<bool> = code.to_colors().into_iter().map(|c| c == Color::Dark).collect();
    let mut path = String::new();
    for y in 0..width {
        let mut x = 0;
        while x < width {
            if !dark[y * width + x] {
                x += 1;
                continue;
            }
            let start = x;
            while x < width && dark[y * width + x] {
                x += 1;
            }
            // One rectangle per run of dark modules in a row.
            path.push_str(&format!("M{} {}h{}v1h-{}z", start + QUIET, y + QUIET, x - start, x - start));
        }
    }
    let size = width + 2 * QUIET;
    Some(format!(
        "<svg class=\"qr\" viewBox=\"0 0 {size} {size}\" role=\"img\" aria-hidden=\"true\" \
         shape-rendering=\"crispEdges\"><rect width=\"{size}\" height=\"{size}\" fill=\"#fff\"></rect>\
         <path fill=\"#000\" d=\"{path}\"></path></svg>"
    ))
}

/// Whether [`svg`] makes a code of `url`: a web address, short enough, in one piece.
pub fn encodable(url: &str) -> bool {
    let lower = url.to_ascii_lowercase();
    let web = lower.starts_with("http://") || lower.starts_with("https://");
    web && url.chars().count() <= MAX_URL_CHARS && !url.chars().any(char::is_whitespace)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_web_address_becomes_one_inert_svg() {
        let svg = svg("https://www.sena.edu.co/es-co/formacion").unwrap();
        assert!(svg.starts_with("<svg class=\"qr\" viewBox=\"0 0 "), "{svg}");
        // No namespace, no link, no script: nothing in it points anywhere.
        for banned in ["xmlns", "href", "http", "//", "<script", "url("] {
            assert!(!svg.contains(banned), "{banned} in {svg}");
        }
        assert_eq!(svg.matches("<path").count(), 1);
    }

    #[test]
    fn the_code_holds_the_address() {
        // The drawn modules are the encoder's: a version-N code is 17 + 4N modules wide.
        let url = "https://example.org/programa";
        let code = QrCode::with_error_correction_level(url.as_bytes(), EcLevel::M).unwrap();
        let size = code.width() + 2 * QUIET;
        assert!(svg(url).unwrap().contains(&format!("viewBox=\"0 0 {size} {size}\"")));
        let dark = code.to_colors().iter().filter(|c| **c == Color::Dark).count();
        let svg = svg(url).unwrap();
        let path = &svg[svg.find(" d=\"").unwrap() + 4..];
        let path = &path[..path.find('"').unwrap()];
        let drawn: usize = path
            .split('h')
            .skip(1)
            .step_by(2)
            .map(|run| run.split('v').next().unwrap().parse::<usize>().unwrap())
            .sum();
        assert_eq!(drawn, dark);
    }

    #[test]
    fn no_code_for_what_is_not_a_web_address_or_too_long() {
        assert_eq!(svg("javascript:alert(1)"), None);
        assert_eq!(svg("ftp://x.example"), None);
        assert_eq!(svg("https://x.example/a b"), None);
        assert_eq!(svg(&format!("https://x.example/{}", "a".repeat(MAX_URL_CHARS))), None);
        assert!(svg("HTTPS://X.EXAMPLE").is_some());
    }
}
