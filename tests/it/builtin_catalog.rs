//! The BPO catalog of Bogotá compiled into rumbo, checked against what the seeds say.
#![allow(clippy::unwrap_used, clippy::expect_used)] // tests fail loudly by design

use rumbo::catalog::{BUILTIN_TEXT, Catalog, Importance, Link, builtin_file, load_files};
use std::collections::HashSet;

fn builtin() -> Catalog {
    let mut loaded = load_files(vec![builtin_file()]).expect("the built-in catalog is valid");
    assert_eq!(loaded.len(), 1);
    loaded.remove(0).catalog
}

#[test]
fn six_occupations_85_functions_8_programs() {
    let c = builtin();
    assert_eq!(c.occupations.len(), 6);
    assert_eq!(c.function_count(), 85);
    assert_eq!(c.programs.len(), 8);
    let per: Vec<usize> = c.occupations.iter().map(|o| o.functions.len()).collect();
    assert_eq!(per, [15, 8, 20, 17, 13, 12]);
}

#[test]
fn each_occupation_has_its_cno_code() {
    let c = builtin();
    // Titles follow the seed's own list of profiles ("Vendedores de Ventas Técnicas"), in sentence case.
    let codes: Vec<(&str, &str)> = c
        .occupations
        .iter()
        .map(|o| {
            let cno: Vec<_> = o.codes.iter().filter(|code| code.system == "CNO").collect();
            assert_eq!(cno.len(), 1, "{}", o.id);
            // Neither seed gives the codes: they name the source that says how they were matched.
            assert_eq!(cno[0].source, "cno-por-nombre", "{}", o.id);
            (o.title.as_str(), cno[0].code.as_str())
        })
        .collect();
    assert_eq!(
        codes,
        [
            ("Supervisores, empleados de información y servicio al cliente", "1213"),
            ("Auxiliares de información y servicio al cliente", "1353"),
            ("Técnicos de sistemas", "2281"),
            ("Vendedores de ventas técnicas", "6233"),
            ("Vendedores de ventas no técnicas", "6311"),
            ("Mercaderistas e impulsadores", "6322"),
        ]
    );
}

#[test]
fn no_function_is_repeated_within_an_occupation() {
    for o in builtin().occupations {
        let mut seen = HashSet::new();
        for f in &o.functions {
            assert!(seen.insert(f.text.trim().to_lowercase()), "{} repeats «{}»", o.id, f.text);
        }
    }
}

#[test]
fn every_inferred_link_is_marked_inferred() {
    // The seed's program→profile table lost its marks, so every link is rumbo's inference.
    for p in builtin().programs {
        assert_eq!(p.link, Link::Inferred, "{}", p.id);
        assert!(!p.occupations.is_empty(), "{}", p.id);
        assert!(!p.institution.is_empty() && !p.name.is_empty());
    }
    // Eight program links, six occupations' competency needs, four shared skills: each says why.
    assert!(BUILTIN_TEXT.matches("// inferido").count() >= 8 + 6 + 4, "each inference says why");
}

#[test]
fn competencies_are_linked_and_english_is_optional() {
    let c = builtin();
    assert_eq!(c.competencies.len(), 7);
    for o in &c.occupations {
        // The seed names the competencies for the six profiles as a group: each link is an inference.
        assert_eq!(o.competencies.len(), 7, "{}", o.id);
        assert!(o.competencies.iter().all(|n| n.link == Link::Inferred), "{}", o.id);
        let english = o.competencies.iter().find(|n| n.competency == "ingles").expect("ingles linked");
        assert_eq!(english.importance, Importance::Optional);
        assert!(o.competencies.iter().any(|n| n.competency == "interaccion-social"));
    }
}

#[test]
fn every_item_names_a_source_and_accents_are_restored() {
    let c = builtin();
    let sources: Vec<&str> = c.sources.iter().map(|s| s.id.as_str()).collect();
    assert_eq!(sources, ["pactos-bpo", "proveedores-bpo", "cno-por-nombre", "dane-equivalencias"]);
    let matched = &c.sources[2].note;
    assert!(matched.contains("Ninguna de las dos fuentes da un código"), "{matched}");
    for code in c.occupations.iter().flat_map(|o| &o.codes) {
        let want = if code.system == "CNO" { "cno-por-nombre" } else { "dane-equivalencias" };
        assert_eq!(code.source, want, "{code:?}");
    }
    assert!(c.sectors.iter().all(|s| !s.source.is_empty()));
    assert!(c.occupations.iter().all(|o| o.source == "pactos-bpo"));
    assert!(c.competencies.iter().all(|x| !x.source.is_empty()));
    assert!(c.programs.iter().all(|p| p.source == "pactos-bpo"));
    let sector = &c.sectors[0];
    assert!(sector.summary.contains("externalización"), "{}", sector.summary);
    assert_eq!(sector.categories.iter().map(|x| x.code.as_str()).collect::<Vec<_>>(), ["CRM", "ERM", "HRM"]);
    // The accent-less seed shows lost letters as '?': none may survive outside the real question.
    let stray: Vec<&str> = BUILTIN_TEXT.lines().filter(|l| l.contains('?') && !l.contains('¿')).collect();
    assert!(stray.is_empty(), "{stray:?}");
    for f in c.occupations.iter().flat_map(|o| &o.functions) {
        assert!(
            !f.text.contains("ALCALDÍA") && !f.text.contains("Pactos por"),
            "page-break junk: {}",
            f.text
        );
    }
}
