//! The example in docs/catalog-format.md is part of the contract: it must load as written.
#![allow(clippy::unwrap_used, clippy::expect_used)] // tests fail loudly by design

use rumbo::catalog::{Importance, Link, SourceFile, load_files};

#[test]
fn the_documented_example_loads_as_written() {
    let doc = include_str!("../../docs/catalog-format.md");
    let start = doc.find("```ron\n").expect("a ron block") + "```ron\n".len();
    let end = start + doc[start..].find("```").expect("block end");
    let file = SourceFile { name: "docs/catalog-format.md".into(), text: doc[start..end].to_string() };
    let loaded = load_files(vec![file]).unwrap_or_else(|p| panic!("{p:?}"));
    let c = &loaded[0].catalog;
    assert_eq!((c.id.as_str(), c.version.as_str()), ("bpo-bogota", "2026.1"));
    assert_eq!(c.occupations[0].functions[0].importance, Importance::Essential);
    assert_eq!(c.programs[0].link, Link::Inferred);
}

#[test]
fn the_documented_format_2_example_loads_as_written() {
    let doc = include_str!("../../docs/catalog-format.md");
    let blocks: Vec<&str> =
        doc.split("```ron\n").skip(1).map(|b| &b[..b.find("```").expect("block end")]).collect();
    assert_eq!(blocks.len(), 4, "a format-1, a format-2, a format-3 and a format-4 example");
    let file = SourceFile { name: "docs/catalog-format.md".into(), text: blocks[1].to_string() };
    let loaded = load_files(vec![file]).unwrap_or_else(|p| panic!("{p:?}"));
    let c = &loaded[0].catalog;
    let o = &c.occupations[0];
    assert_eq!((c.format, o.level, o.alt_titles.len(), o.related.len()), (2, 2, 1, 1));
    assert_eq!(o.secondary_sectors, ["cuoc-area-comp"]);
    assert!(o.codes[1].partial && !o.codes[0].partial);
    assert!(o.functions[1].catch_all);
    assert_eq!(o.competencies[0].link, Link::Stated);
    assert_eq!(c.competencies[1].kind, rumbo::catalog::CompetencyKind::Knowledge);
}

#[test]
fn the_documented_format_3_example_loads_as_written() {
    let doc = include_str!("../../docs/catalog-format.md");
    let blocks: Vec<&str> =
        doc.split("```ron\n").skip(1).map(|b| &b[..b.find("```").expect("block end")]).collect();
    let file = SourceFile { name: "docs/catalog-format.md".into(), text: blocks[2].to_string() };
    let loaded = load_files(vec![file]).unwrap_or_else(|p| panic!("{p:?}"));
    let c = &loaded[0].catalog;
    let p = &c.programs[0];
    assert_eq!((c.format, p.modality), (3, Some(rumbo::catalog::Modality::Presencial)));
    assert!(p.detail_texts().iter().all(|(_, v)| v.is_some()), "every detail in the example: {p:?}");
}
