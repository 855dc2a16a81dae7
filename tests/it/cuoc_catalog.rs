//! The committed CUOC 2025 catalog against the numbers measured in DANE's workbook (issue 12): these
//! check the file, not the importer against itself.

use crate::common::{rumbo, stderr, stdout};
use rumbo::catalog::{Catalog, CompetencyKind, Link, SourceFile, load_files};
use std::collections::HashSet;
use std::sync::OnceLock;

pub const CUOC_FILE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/assets/catalog/cuoc-2025.ron");

fn cuoc() -> &'static Catalog {
    static CATALOG: OnceLock<Catalog> = OnceLock::new();
    CATALOG.get_or_init(|| {
        let text = std::fs::read_to_string(CUOC_FILE).unwrap();
        let file = SourceFile { name: "cuoc-2025.ron".into(), text };
        let mut loaded = load_files(vec![file]).unwrap_or_else(|p| panic!("{p:?}"));
        loaded.remove(0).catalog
    })
}

fn occupation(code: &str) -> &'static rumbo::catalog::Occupation {
    cuoc().occupations.iter().find(|o| o.id == format!("cuoc-{code}")).unwrap()
}

#[test]
fn cuoc_has_the_workbooks_numbers() {
    let c = cuoc();
    assert_eq!((c.format, c.id.as_str()), (4, "cuoc-2025"));
    assert_eq!(c.occupations.len(), 680);
    assert_eq!(c.function_count(), 7319);
    let titles: Vec<&str> =
        c.occupations.iter().flat_map(|o| &o.alt_titles).map(|t| t.title.as_str()).collect();
    assert_eq!(titles.len(), 14462);
    assert_eq!(titles.iter().filter(|t| t.contains(" / ")).count(), 12098);
    let kind = |k| c.competencies.iter().filter(|x| x.kind == k).count();
    assert_eq!((kind(CompetencyKind::Skill), kind(CompetencyKind::Knowledge)), (40, 104));
    assert_eq!(c.competencies.len(), 144);
    assert_eq!(c.sectors.len(), 26);
    let links: HashSet<(&str, &str)> = c
        .occupations
        .iter()
        .flat_map(|o| o.related.iter().map(move |r| (o.id.as_str(), r.as_str())))
        .collect();
    assert_eq!(links.len(), 3514);
    assert_eq!(links.iter().filter(|(a, b)| links.contains(&(*b, *a))).count(), 1368);
    let levels: HashSet<u8> = c.occupations.iter().map(|o| o.level).collect();
    assert_eq!(levels, HashSet::from([1, 2, 3, 4]));
}

#[test]
fn cuoc_ids_are_namespaced_and_stable() {
    let c = cuoc();
    assert!(c.occupations.iter().all(|o| o.id.starts_with("cuoc-")));
    assert!(c.sectors.iter().any(|s| s.id == "cuoc-area-afde"));
    assert!(c.competencies.iter().any(|x| x.id == "cuoc-destreza-15"));
    assert!(c.competencies.iter().any(|x| x.id == "cuoc-conocimiento-66"));
    let cashier = occupation("52300");
    assert!(cashier.title.starts_with("Cajeros"), "{}", cashier.title);
    assert_eq!(cashier.functions[0].id, "cuoc-52300-1");
    // Codes stay text: the leading zero of the armed forces' codes survives.
    assert_eq!(occupation("01100").codes[0].code, "01100");
    assert!(c.sources.iter().any(|s| s.id == "dane-cuoc-2025" && s.publisher.contains("DANE")));
}

#[test]
fn cuoc_functions_end_with_the_catch_all_kept_word_for_word() {
    for o in &cuoc().occupations {
        let last = o.functions.last().unwrap();
        assert_eq!((last.text.as_str(), last.catch_all), ("Desempeñar funciones afines.", true), "{}", o.id);
        assert!(o.functions[..o.functions.len() - 1].iter().all(|f| !f.catch_all), "{}", o.id);
    }
}

#[test]
fn cuoc_texts_are_clean() {
    let c = cuoc();
    let texts = c.occupations.iter().flat_map(|o| {
        [o.title.as_str(), o.description.as_str()]
            .into_iter()
            .chain(o.functions.iter().map(|f| f.text.as_str()))
            .chain(o.alt_titles.iter().map(|t| t.title.as_str()))
            .chain(o.codes.iter().map(|t| t.code.as_str()))
    });
    for t in texts {
        assert!(!t.contains("_x000D_") && !t.contains("  ") && !t.contains('\n'), "{t:?}");
        assert_eq!(t, t.trim());
    }
}

#[test]
fn cuoc_codes_say_complete_or_partial() {
    // 03100: CNO 1373* (written `1373*_x000D_`) is partial, 6366 complete; 12111: `0111_x000D_` complete.
    let codes = |code: &str| -> Vec<(String, String, bool)> {
        occupation(code).codes.iter().map(|c| (c.system.clone(), c.code.clone(), c.partial)).collect()
    };
    assert_eq!(
        codes("03100"),
        [("CUOC", "03100", false), ("CIUO-08", "0310", false), ("CNO", "1373", true), ("CNO", "6366", false)]
            .map(|(s, c, p)| (s.to_string(), c.to_string(), p))
    );
    assert!(codes("12111").contains(&("CNO".into(), "0111".into(), false)));
    let with = |system: &str| {
        cuoc().occupations.iter().filter(|o| o.codes.iter().any(|c| c.system == system)).count()
    };
    assert_eq!((with("CIUO-08"), with("CNO")), (677, 645));
}

#[test]
fn cuoc_sectors_place_and_list_occupations() {
    let c = cuoc();
    let sectors: HashSet<&str> = c.sectors.iter().map(|s| s.id.as_str()).collect();
    assert!(c.occupations.iter().all(|o| sectors.contains(o.sector.as_str())));
    assert!(c.occupations.iter().all(|o| !o.secondary_sectors.contains(&o.sector)));
    let secondary: usize = c.occupations.iter().map(|o| o.secondary_sectors.len()).sum();
    // 430 complementary rows, 12 of which (21430, 26212, …, 73330) repeat the principal area.
    assert_eq!(secondary, 418);
    assert!(c.occupations.iter().flat_map(|o| &o.competencies).all(|n| n.link == Link::Stated));
}

#[test]
fn cuoc_catalog_check_counts_it() {
    let home = tempfile::tempdir().unwrap();
    let out = rumbo(home.path(), &["--no-builtin", "catalog", "check", "--json", CUOC_FILE]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let json: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    let c = &json["catalogs"][0];
    assert_eq!(c["id"], "cuoc-2025");
    let n = |k: &str| c[k].as_u64().unwrap();
    assert_eq!(
        (n("sectors"), n("occupations"), n("functions"), n("competencies"), n("programs")),
        (26, 680, 7319, 144, 0)
    );
    // Loaded beside the built-in BPO catalog: no id collides.
    let both = rumbo(home.path(), &["--catalog", CUOC_FILE, "catalog", "check"]);
    assert_eq!(both.status.code(), Some(0), "{}", stderr(&both));
    assert!(stdout(&both).contains("cuoc-2025") && stdout(&both).contains("bpo-bogota"), "{}", stdout(&both));
}

#[test]
fn cuoc_loads_with_catalog_option_for_search() {
    let home = tempfile::tempdir().unwrap();
    let out = rumbo(home.path(), &["--catalog", CUOC_FILE, "search", "Cajeros de banco", "--json"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(stdout(&out).contains("cuoc-"), "{}", stdout(&out));
}
