//! Building the index: every item indexed, the same index however it is built (in the background, on
//! several cores) and however the text is folded.

use super::*;

#[test]
fn indexes_every_item_of_the_builtin_catalog() {
    let loaded = load_files(vec![builtin_file()]).unwrap();
    let set = CatalogSet::new(loaded.into_iter().map(|l| l.catalog).collect());
    let functions: usize = set.occupations().map(|o| o.functions.len()).sum();
    let expected = set.sectors().count()
        + set.occupations().count()
        + functions
        + set.competencies().count()
        + set.programs().count();
    assert_eq!(INDEX.len(), expected);
    assert!(!INDEX.is_empty());
    let item = |kind, id: &str| INDEX.items().iter().find(|i| i.kind == kind && i.id == id).unwrap().clone();
    assert_eq!(item(ItemKind::Occupation, "tecnico-sistemas").text, "Técnicos de sistemas");
    assert_eq!(item(ItemKind::Competency, "trabajo-en-equipo").text, "Trabajo en equipo");
    let function = item(ItemKind::Function, "vnt-13");
    assert_eq!(function.text, "Recuperar cartera vencida.");
    let owner = set.occupation(&function.occupation.as_ref().unwrap().0).unwrap();
    assert_eq!(function.occupation, Some((owner.id.clone(), owner.title.clone())));
    assert_eq!(
        item(ItemKind::Program, "sena-telemarketing").text,
        "SENA — Gestión comercial y Telemarketing en Contact Center"
    );
    assert!(INDEX.items().iter().all(|i| (i.kind == ItemKind::Function) == i.occupation.is_some()));
    assert!(Index::new(&CatalogSet::default()).is_empty());
}

/// The built-in catalog many times over (ids made unique), some texts decomposed.
fn many_catalogs(copies: usize) -> CatalogSet {
    let loaded = load_files(vec![builtin_file()]).unwrap();
    let base = loaded.into_iter().next().unwrap().catalog;
    let mut catalog = base.clone();
    for n in 1..copies {
        for occupation in &base.occupations {
            let mut copy = occupation.clone();
            copy.id = format!("{}-{n}", copy.id);
            for function in &mut copy.functions {
                function.id = format!("{}-{n}", function.id);
                if n % 7 == 0 {
                    function.text = function.text.replacen('e', "e\u{301}", 1);
                }
            }
            catalog.occupations.push(copy);
        }
    }
    CatalogSet::new(vec![catalog])
}

#[test]
fn an_index_built_in_the_background_is_the_same() {
    let set = Arc::new(many_catalogs(3));
    let now = SearchIndex::new(&set);
    let later = SearchIndex::in_background(set.clone());
    assert_eq!(later.len(), now.len());
    assert_eq!(format!("{:?}", later.built()), format!("{:?}", now.built()));
    for query in ["tecnico", "sena agente", "cartera"] {
        assert_eq!(later.search(query, None, Some(20)), now.search(query, None, Some(20)));
    }
    assert_eq!(later.items(), now.items());
}

#[test]
fn building_on_several_cores_gives_what_one_core_gives() {
    let set = many_catalogs(300);
    let sources = Index::sources(&set);
    assert!(sources.len() > 3 * 4 * BLOCK, "{}", sources.len());
    let one = Index::from_sources(&sources, 1);
    for item in (0..one.len()).map(|n| one.item(n)).filter(|item| item.kind == ItemKind::Function) {
        let (id, title) = item.occupation.unwrap();
        let occupation = set.occupation(id).unwrap();
        assert_eq!(title, occupation.title);
        assert!(occupation.functions.iter().any(|f| f.id == item.id && f.text == item.text));
    }
    for threads in [2, 3] {
        assert_eq!(format!("{:?}", Index::from_sources(&sources, threads)), format!("{one:?}"));
    }
}

#[test]
fn every_way_of_folding_gives_the_same_haystack() {
    let texts =
        ["Técnicos de sistemas", "plain ascii text", "ÑANDÚ — Ⅻ İstanbul ß", "SENA — Gestión", "中文"];
    for (i, text) in texts.into_iter().enumerate() {
        let title_start = [0, 3, 7, 7, 99][i];
        let mut fast = Index::default();
        fast.push(ItemKind::Program, "x", text.to_string(), title_start);
        let mut slow = Index::default();
        let ((ascii, start_at, len, start), _) =
            fold_decomposed(&mut slow.ascii, &mut slow.unicode, text, title_start);
        let entry = &fast.entries[0];
        assert_eq!(
            (entry.ascii, entry.start as usize, entry.len as usize, entry.title_start as usize),
            (ascii, start_at, len, start),
            "{text}"
        );
        assert_eq!((&fast.ascii, &fast.unicode), (&slow.ascii, &slow.unicode), "{text}");
    }
}

#[test]
fn the_ascii_fast_path_folds_like_text_fold_char() {
    for c in (0u8..=127).map(char::from) {
        assert_eq!(fold_char(c), text::fold_char(c), "{c:?}");
    }
    for c in ['É', 'ñ', 'Ñ', 'ü', 'Ⅻ', 'İ', 'ß', '中'].into_iter().chain('\u{80}'..'\u{400}') {
        assert_eq!(fold_char(c), text::fold_char(c), "{c:?}");
    }
}
