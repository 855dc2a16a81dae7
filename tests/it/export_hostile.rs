//! A session whose alias, notes and saved texts try to become a script, a link, an image, a heading or a
//! terminal escape must come out inert in Markdown, HTML and JSON alike.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use crate::export_support;

use export_support::{HOSTILE_ALIAS, HOSTILE_NOTES, HOSTILE_VISIBLE, hostile, set};
use proptest::prelude::*;
use rumbo::export::{Format, NotesChoice, render};
use rumbo::i18n::Lang;
use rumbo::session::Session;
use rumbo::text::is_forbidden;

fn export(session: &Session, format: Format) -> String {
    render(session, set(), Lang::Es, format, NotesChoice::All, &jiff::tz::TimeZone::UTC)
}

/// No control, bidi or zero-width character anywhere (newlines are the only control allowed).
fn assert_clean(text: &str, what: &str) {
    if let Some((i, c)) = text.char_indices().find(|&(_, c)| c != '\n' && is_forbidden(c)) {
        panic!("{what}: U+{:04X} at byte {i}:\n{text}", u32::from(c));
    }
}

/// Whether the character at byte `at` is preceded by an odd number of backslashes (escaped).
fn escaped(text: &str, at: usize) -> bool {
    text[..at].chars().rev().take_while(|&c| c == '\\').count() % 2 == 1
}

/// Characters the template never writes, so none may appear unescaped anywhere.
const NEVER_BARE: [char; 6] = ['[', ']', '<', '`', '|', '~'];

/// Characters the template writes itself (bold, italics, quotes) but person text may not.
const NEVER_BARE_IN_PERSON_TEXT: [char; 10] = ['[', ']', '<', '>', '`', '*', '_', '|', '~', '&'];

fn assert_escaped(text: &str, chars: &[char]) {
    for (at, c) in text.char_indices() {
        let entity = c == '&' && text[at + 1..].starts_with(|n: char| n.is_ascii_alphanumeric() || n == '#');
        if chars.contains(&c) && (c != '&' || entity) {
            let before: String =
                text[..at].chars().rev().take(30).collect::<Vec<_>>().into_iter().rev().collect();
            assert!(escaped(text, at), "unescaped {c:?} at byte {at}: …{before}{c}…");
        }
    }
}

/// The parts of a Markdown summary that hold person text: quoted notes, the alias and the counselor.
fn person_text(md: &str) -> Vec<&str> {
    let s = Lang::Es.strings();
    let alias = format!("- **{}:** ", s.export_alias);
    let counselor = format!("- **{}:** ", s.export_counselor);
    md.lines()
        .filter_map(|l| {
            l.strip_prefix("> ").or_else(|| l.strip_prefix(&alias)).or_else(|| l.strip_prefix(&counselor))
        })
        .collect()
}

/// Whether some `scheme://` or `//host` survives unescaped (GitHub or markdown-it would link it).
fn bare_url(md: &str) -> bool {
    md.match_indices("://").any(|(at, _)| !escaped(md, at))
        || md.match_indices("//").any(|(at, _)| !escaped(md, at))
}

/// Markdown structure that only the template may produce: for every line, what a renderer would take as
/// the start of a block, with the block-quote markers the template adds taken off.
fn check_markdown(md: &str) {
    assert_clean(md, "markdown");
    assert_escaped(md, &NEVER_BARE);
    for text in person_text(md) {
        assert_escaped(text, &NEVER_BARE_IN_PERSON_TEXT);
    }
    assert!(!bare_url(md), "an autolink survived:\n{md}");
    assert!(!md.to_ascii_lowercase().contains("www."), "a www. autolink survived:\n{md}");
    let s = Lang::Es.strings();
    let sections = [
        s.export_occupations,
        s.export_competencies,
        s.export_shortlisted,
        s.export_recommended,
        s.export_notes,
        s.export_next_steps,
        s.export_orphans,
    ];
    let mut quoted_lines = 0;
    for line in md.lines() {
        if let Some(inside) = line.strip_prefix('>') {
            // A quoted line holds person text only: no block construct may start it.
            quoted_lines += 1;
            let inside = inside.strip_prefix(' ').unwrap_or(inside);
            let first = inside.chars().next();
            assert!(!inside.starts_with(' '), "indented text in a quote could become code: {line:?}");
            assert!(
                !matches!(first, Some('#' | '-' | '+' | '*' | '>' | '=' | '|' | '<' | '[')),
                "a quoted line starts a block: {line:?}"
            );
            let digits = inside.chars().take_while(char::is_ascii_digit).count();
            assert!(
                digits == 0 || !matches!(inside[digits..].chars().next(), Some('.' | ')')),
                "a quoted line starts a list: {line:?}"
            );
        } else if line.starts_with('#') {
            let ok = line == format!("# {}", s.handout_title)
                || line == format!("## {}", s.handout_goals)
                || line == format!("## {}", s.handout_goals_two)
                || line == format!("## {}", s.handout_goal_best)
                || sections.iter().any(|name| line == format!("## {name}"))
                || line.starts_with("### Auxiliares de información y servicio al cliente — ");
            assert!(ok, "a heading the template did not write: {line:?}");
        }
    }
    assert!(quoted_lines >= 2 * 10, "both notes are quoted line by line:\n{md}");
}

/// Turns the escapes of the HTML writer back into the characters a browser shows.
fn unescape_html(text: &str) -> String {
    text.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&#47;", "/")
        .replace("&#61;", "=")
        .replace("&amp;", "&")
}

/// Every tag of the document: its name and its attribute text.
fn tags(html: &str) -> Vec<(String, String)> {
    let mut found = Vec::new();
    let mut rest = html;
    while let Some(start) = rest.find('<') {
        let end = start + rest[start..].find('>').expect("every tag closes");
        let inner = rest[start + 1..end].trim_start_matches('/');
        let (name, attrs) = inner.split_once(' ').unwrap_or((inner, ""));
        found.push((name.to_ascii_lowercase(), attrs.to_string()));
        rest = &rest[end + 1..];
    }
    found
}

fn check_html(html: &str) {
    assert_clean(html, "html");
    let lower = html.to_ascii_lowercase();
    // The plan's QR code is the one drawing allowed: an inline `<svg class="qr">` of rectangles.
    assert!(lower.matches("<svg").count() == lower.matches("<svg class=\"qr\" ").count());
    assert!(lower.matches("<svg").count() <= 1, "one QR code at most");
    for banned in [
        "<script",
        "<img",
        "<a ",
        "<iframe",
        "<link",
        "<object",
        "<use",
        "<image",
        "<foreignobject",
        "xmlns",
        "<form",
        "onerror=",
        "onmouseover=",
        "src=",
        "href=",
        "http://",
        "https://",
        "//",
        "url(",
        "@import",
        "<base",
    ] {
        assert!(!lower.contains(banned), "`{banned}` in the HTML:\n{html}");
    }
    let allowed_tags = [
        "!doctype",
        "html",
        "head",
        "meta",
        "title",
        "style",
        "body",
        "h1",
        "h2",
        "h3",
        "dl",
        "dt",
        "dd",
        "section",
        "p",
        "span",
        "ul",
        "ol",
        "li",
        "strong",
        "blockquote",
        "footer",
        "header",
        "address",
        "figure",
        "figcaption",
        "div",
        "br",
        "svg",
        "rect",
        "path",
    ];
    let allowed_attrs =
        ["", "html", "lang=\"es\"", "class=\"meta\"", "class=\"occupation\"", "class=\"fit\""];
    let more_attrs = ["class=\"muted\"", "class=\"inferred\"", "charset=\"utf-8\""];
    let plan_attrs =
        ["class=\"plan\"", "class=\"details\"", "class=\"two\"", "class=\"see\"", "class=\"caveat\""];
    let plan_attrs = [plan_attrs.as_slice(), &["class=\"follow\"", "class=\"qr\""]].concat();
    // The QR code's drawing: numbers, a path of moves and lines, two colours; nothing that can point.
    let drawing = |name: &str, attrs: &str| {
        let prefix = match name {
            "svg" => "class=\"qr\" viewBox=\"0 0 ",
            "rect" => "width=\"",
            "path" => "fill=\"#000\" d=\"M",
            _ => return false,
        };
        attrs.starts_with(prefix) && attrs.chars().all(|c| c.is_ascii_alphanumeric() || " =\"#-".contains(c))
    };
    let viewport = "name=\"viewport\" content=\"width=device-width, initial-scale=1\"";
    let csp =
        "http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\"";
    for (name, attrs) in tags(html) {
        assert!(allowed_tags.contains(&name.as_str()), "tag <{name}> in the HTML");
        assert!(
            allowed_attrs.contains(&attrs.as_str())
                || more_attrs.contains(&attrs.as_str())
                || plan_attrs.contains(&attrs.as_str())
                || drawing(&name, &attrs)
                || attrs == viewport
                || attrs == csp,
            "attributes `{attrs}` on <{name}>"
        );
    }
    // Self-contained and readable anywhere: the phone's viewport and a print stylesheet.
    assert!(html.contains(&format!("<meta {viewport}>")));
    // Nothing loads and nothing runs, whatever a text might hold.
    assert!(html.contains(&format!("<meta {csp}>")));
    assert!(html.contains("@media print") && html.contains("@page"));
}

#[test]
fn markdown_is_inert() {
    let md = export(&hostile(), Format::Markdown);
    check_markdown(&md);
    // The person's words are all still there, readable once the escapes are taken off.
    let shown = md.replace('\\', "");
    for text in HOSTILE_VISIBLE {
        assert!(shown.contains(text), "`{text}` lost from\n{md}");
    }
    assert!(md.contains("\\<script\\>alert(1)\\</script\\>"), "{md}");
    assert!(shown.contains("Nota roja con invertido y ceroancho"), "{md}");
}

#[test]
fn html_is_inert() {
    let html = export(&hostile(), Format::Html);
    check_html(&html);
    assert!(html.contains("<title>Plan de trabajo — &lt;script&gt;alert(1)&lt;&#47;script&gt;</title>"));
    let shown = unescape_html(&html);
    for text in HOSTILE_VISIBLE {
        assert!(shown.contains(text), "`{text}` lost from\n{html}");
    }
    assert!(shown.contains(HOSTILE_ALIAS));
}

/// Every string of a JSON value, keys included.
fn strings(value: &serde_json::Value, out: &mut Vec<String>) {
    match value {
        serde_json::Value::String(s) => out.push(s.clone()),
        serde_json::Value::Array(items) => items.iter().for_each(|v| strings(v, out)),
        serde_json::Value::Object(map) => {
            for (k, v) in map {
                out.push(k.clone());
                strings(v, out);
            }
        }
        _ => {}
    }
}

#[test]
fn json_is_clean_data() {
    let text = export(&hostile(), Format::Json);
    let value: serde_json::Value = serde_json::from_str(&text).unwrap();
    assert_eq!(value["schema"], rumbo::export::SCHEMA);
    let mut all = Vec::new();
    strings(&value, &mut all);
    for s in &all {
        if let Some(c) = s.chars().find(|&c| c != '\n' && is_forbidden(c)) {
            panic!("U+{:04X} in JSON string {s:?}", u32::from(c));
        }
    }
    assert!(
        !text.contains("\\u001b") && !text.contains("\\u0007"),
        "escaped controls still carried:\n{text}"
    );
    // JSON is data, not markup: the alias is kept as typed, only cleaned.
    assert_eq!(value["session"]["alias"], HOSTILE_ALIAS);
    assert_eq!(value["summary"]["alias"], HOSTILE_ALIAS);
    let notes = value["session"]["notes"].as_str().unwrap();
    assert!(
        notes.contains("[x](javascript:alert(1))") && notes.contains("Nota roja con invertido y ceroancho")
    );
    // The saved texts that no person typed are cleaned all the same.
    assert_eq!(value["session"]["shortlist"][0]["text"], "<script>");
    assert_eq!(value["session"]["consent"]["text_version"], "v1");
}

#[test]
fn every_format_of_an_ordinary_session_passes_the_same_checks() {
    // The checks are not so strict that the real template fails them.
    let s = export_support::session();
    check_html(&export(&s, Format::Html));
    let md = export(&s, Format::Markdown);
    assert_clean(&md, "markdown");
    assert!(!bare_url(&md));
}

#[test]
fn file_names_of_hostile_aliases_are_plain() {
    let name = rumbo::export::default_name(&hostile(), Format::Html, &jiff::tz::TimeZone::UTC);
    assert_eq!(name, "rumbo-2026-03-02-script-alert-1-script-h0st1l.html");
    let mut s = hostile();
    s.alias = "../../etc/passwd\u{202E}".into();
    let name = rumbo::export::default_name(&s, Format::Markdown, &jiff::tz::TimeZone::UTC);
    assert_eq!(name, "rumbo-2026-03-02-etc-passwd-h0st1l.md");
}

#[test]
fn notes_left_out_are_left_out_of_every_format() {
    let s = hostile();
    for format in [Format::Markdown, Format::Html, Format::Json] {
        let none = render(&s, set(), Lang::Es, format, NotesChoice::None, &jiff::tz::TimeZone::UTC);
        assert!(!none.contains("javascript"), "{format:?} with --notes none:\n{none}");
        let occupations =
            render(&s, set(), Lang::Es, format, NotesChoice::Occupations, &jiff::tz::TimeZone::UTC);
        // The occupation note (the same hostile text) is in; the session notes' heading is not.
        assert!(occupations.contains("javascript"), "{format:?}");
        assert!(!occupations.contains(Lang::Es.strings().export_notes), "{format:?}");
    }
    let json: serde_json::Value = serde_json::from_str(&render(
        &s,
        set(),
        Lang::Es,
        Format::Json,
        NotesChoice::Occupations,
        &jiff::tz::TimeZone::UTC,
    ))
    .unwrap();
    assert_eq!(json["notes_included"], "occupations");
    assert_eq!(json["session"]["notes"], "");
    assert!(json["summary"]["notes"].is_null());
    assert!(json["session"]["occupation_notes"]["auxiliar-servicio-cliente"].is_string());
    assert_eq!(HOSTILE_NOTES.lines().count(), 11);
}

/// Text made mostly of what Markdown and HTML treat specially, plus invisible characters.
fn nasty_text() -> impl Strategy<Value = String> {
    let pieces = prop::sample::select(vec![
        "[",
        "]",
        "(",
        ")",
        "!",
        "#",
        "# ",
        "   # ",
        "<",
        ">",
        "&",
        "&amp;",
        "&#60;",
        "*",
        "_",
        "`",
        "~~~",
        "|",
        "\\",
        ":",
        "://",
        "http://x",
        "www.",
        "mailto:",
        "1. ",
        "2) ",
        "- ",
        "+ ",
        "=",
        "---",
        "\n",
        "\n   ",
        "\t",
        "\u{1b}",
        "\u{1b}[31m",
        "\u{202E}",
        "\u{200B}",
        "\u{7}",
        "src=x",
        "onerror=",
        "//",
        "a",
        "ñ",
        " ",
        "javascript:",
        "<img ",
        "<script>",
    ]);
    prop::collection::vec(pieces, 0..40).prop_map(|v| v.concat())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn no_text_escapes_any_format(notes in nasty_text(), alias in nasty_text()) {
        let mut s = export_support::session();
        s.alias = alias;
        s.notes = notes.clone();
        s.occupation_notes.insert("auxiliar-servicio-cliente".into(), notes);
        let md = export(&s, Format::Markdown);
        assert_escaped(&md, &NEVER_BARE);
        for text in person_text(&md) {
            assert_escaped(text, &NEVER_BARE_IN_PERSON_TEXT);
        }
        prop_assert!(!bare_url(&md), "{}", md);
        for line in md.lines().filter_map(|l| l.strip_prefix("> ")) {
            prop_assert!(!line.starts_with([' ', '#', '-', '+', '=', '>']), "{:?}", line);
        }
        assert_clean(&md, "markdown");
        check_html(&export(&s, Format::Html));
        let json: serde_json::Value = serde_json::from_str(&export(&s, Format::Json)).unwrap();
        let mut all = Vec::new();
        strings(&json, &mut all);
        prop_assert!(all.iter().all(|s| !s.chars().any(|c| c != '\n' && is_forbidden(c))));
    }
}

/// The plan's page 1 with an office, a QR code and programs with details: the same checks, and the
/// hostile plan's texts (a 2,000-character program name and address, a 10,000-character note, a
/// script, escapes, an override) come out inert.
#[test]
fn the_plan_is_inert_too() {
    use crate::plan_support;
    let typical =
        plan_support::render(&plan_support::typical(), plan_support::plan_set(), Lang::Es, Format::Html);
    check_html(&typical);
    assert!(typical.contains("<svg class=\"qr\" "), "the typical plan has its QR code");
    let (session, set) = plan_support::hostile();
    for format in [Format::Html, Format::Markdown] {
        let text = plan_support::render(&session, &set, Lang::Es, format);
        if format == Format::Html {
            check_html(&text);
            // The 2,000-character address is too long for a code: the office's is drawn instead.
            assert_eq!(text.matches("<svg class=\"qr\" ").count(), 1);
        } else {
            assert_clean(&text, "markdown");
            assert!(!bare_url(&text), "{text}");
            assert_escaped(&text, &NEVER_BARE);
        }
    }
}
