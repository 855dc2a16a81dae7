//! The README's key tables are written from the keymap: this test fails when they are out of step, and
//! prints the text to paste between the markers.

use rumbo::i18n::Lang;

const MARKERS: [(Lang, &str, &str); 2] = [
    (Lang::Es, "<!-- teclas: generadas del keymap (test readme_keys) -->\n", "<!-- /teclas -->"),
    (Lang::En, "<!-- keys: generated from the keymap (test readme_keys) -->\n", "<!-- /keys -->"),
];

#[test]
fn the_readme_key_tables_are_the_keymaps() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/README.md");
    let readme = std::fs::read_to_string(path).unwrap_or_default();
    for (lang, start, end) in MARKERS {
        let expected = rumbo::ui::keys::readme(lang);
        let found =
            readme.split_once(start).and_then(|(_, rest)| rest.split_once(end)).map(|(inside, _)| inside);
        assert!(
            found == Some(expected.as_str()),
            "README.md's {lang:?} key table is out of step with the keymap (src/app/keymap, src/ui/keys). \
             Paste this between `{}` and `{end}`:\n\n{expected}",
            start.trim_end()
        );
    }
}
