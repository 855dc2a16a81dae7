use super::class::*;
use super::*;
use nucleo_matcher::pattern::{Atom, AtomKind, CaseMatching, Normalization};
use nucleo_matcher::{Config, Matcher, Utf32Str};
use proptest::prelude::*;

fn nucleo(text: &str, word: &str) -> Option<u32> {
    let atom = Atom::new(word, CaseMatching::Respect, Normalization::Never, AtomKind::Fuzzy, false);
    let chars: Vec<char> = text.chars().collect();
    let haystack = if text.is_ascii() { Utf32Str::Ascii(text.as_bytes()) } else { Utf32Str::Unicode(&chars) };
    atom.score(haystack, &mut Matcher::new(Config::DEFAULT)).map(u32::from)
}

fn bound(text: &str, word: &str) -> u32 {
    let mut scratch = Scratch::default();
    let word_chars: Vec<char> = word.chars().collect();
    let needle = Needle::new(&word_chars).unwrap();
    let text_chars: Vec<char> = text.chars().collect();
    let plain = most_by_rows(&text_chars, &word_chars);
    let fast = if text.is_ascii() {
        most_ascii(text.as_bytes(), &needle, &mut scratch)
    } else {
        most_chars(&text_chars, &needle, &mut scratch)
    };
    assert_eq!(fast, plain, "{word:?} in {text:?}");
    fast
}

fn check(text: &str, word: &str) -> Result<(), TestCaseError> {
    if let Some(score) = nucleo(text, word) {
        let most = bound(text, word);
        prop_assert!(score <= most, "{word:?} in {text:?}: nucleo {score}, bound {most}");
        prop_assert!(most <= most_anywhere(word.chars().count()), "{word:?} in {text:?}");
    }
    Ok(())
}

#[test]
fn the_tables_say_what_the_rules_say() {
    for b in 0..=255u8 {
        assert_eq!(b.class(), ascii_class_by_match(b), "{b}");
        assert_eq!(char::from(b).class(), if b < 128 { b.class() } else { char::from(b).class() });
    }
}

#[test]
fn the_bound_is_reached_by_a_word_start_and_is_close_otherwise() {
    for (text, word) in [
        ("mantenimiento de equipos", "mant"),
        ("el mantenimiento", "mant"),
        ("tecnicos de sistemas", "sistemas"),
        ("a", "a"),
    ] {
        assert_eq!(nucleo(text, word), Some(bound(text, word)), "{word} in {text}");
        assert_eq!(bound(text, word), most_anywhere(word.len()), "{word} in {text}");
    }
    // Letters scattered inside words score far less than the most anywhere.
    let (text, word) = ("programas de comercio internacional", "coci");
    let score = nucleo(text, word).unwrap();
    assert!(score <= bound(text, word));
    assert!(bound(text, word) + 15 < most_anywhere(4), "{}", bound(text, word));
}

#[test]
fn catalog_like_texts() {
    let texts = [
        "sena — gestion comercial y telemarketing en contact center",
        "recuperar cartera en contact center bpo o inhouse, de acuerdo con normas legales.",
        "tecnico laboral en atencion en call center",
        "uniminuto — tecnica profesional en manejo de voz y datos para bpo",
        "ingles (bilinguismo)",
        "a/b:c;d|e f-g_h 1a2b3c αβγ ñandú — ok",
    ];
    let words =
        ["sena", "cc", "ca", "center", "tec", "en", "(b", "b:", "1a", "a2", "3c", "αβ", "—", "o", "cartera"];
    for text in texts {
        for word in words {
            check(text, word).unwrap();
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn nucleo_never_scores_above_the_bound(
        text in "[abcde 0-9/,:;|()A-C\\-_.ñé—]{0,40}",
        word in "[abcde0-9/(\\-A-Cñ—]{1,6}",
    ) {
        check(&text, &word)?;
    }

    /// What lets a search start from the losses of the key before (see `Matched`).
    #[test]
    fn a_longer_word_never_loses_less(
        text in "[abcde 0-9/,(\\-A-Cñ—]{0,40}",
        word in "[abcde0-9/(\\-A-Cñ—]{1,5}",
        more in "[abcde0-9/(\\-A-Cñ—]",
    ) {
        let longer = format!("{word}{more}");
        if nucleo(&text, &longer).is_some() {
            let lost = |w: &str| most_anywhere(w.chars().count()) - bound(&text, w);
            prop_assert!(lost(&longer) >= lost(&word), "{word:?}/{longer:?} in {text:?}");
        }
    }

    #[test]
    fn long_texts_and_repeated_letters(text in "[ab ]{20,120}", word in "[ab]{1,8}") {
        check(&text, &word)?;
    }
}
