//! The BPO catalog joined to the CUOC (issue 12): its CUOC codes are what DANE's Equivalencias give
//! for its CNO codes, read from the workbook here rather than trusted from the file.

use rumbo::catalog::{Catalog, Code, builtin_file, import, load_files};

const WORKBOOK: &str =
    concat!(env!("CARGO_MANIFEST_DIR"), "/assets/sources/PerfilesOcupacionales-Excel-CUOC-2025.xlsx");

fn bpo() -> Catalog {
    load_files(vec![builtin_file()]).unwrap_or_else(|p| panic!("{p:?}")).remove(0).catalog
}

/// The `codes:` line of an occupation as the catalog should write it.
fn codes_line(cno: &Code, cuoc: &[Code]) -> String {
    let mut parts =
        vec![format!("Code(system: \"CNO\", code: \"{}\", source: \"{}\")", cno.code, cno.source)];
    for c in cuoc {
        let partial = if c.partial { ", partial: true" } else { "" };
        parts.push(format!(
            "Code(system: \"CUOC\", code: \"{}\"{partial}, source: \"dane-equivalencias\")",
            c.code
        ));
    }
    format!("codes: [{}],", parts.join(", "))
}

#[test]
fn bpo_cuoc_codes_are_the_workbooks_equivalences() {
    let table = import::cno_to_cuoc(&std::fs::read(WORKBOOK).unwrap()).unwrap();
    let mut wrong = Vec::new();
    for o in bpo().occupations {
        let cno: Vec<&Code> = o.codes.iter().filter(|c| c.system == "CNO").collect();
        assert_eq!(cno.len(), 1, "{}: one CNO code", o.id);
        let want = table.get(&cno[0].code).cloned().unwrap_or_default();
        assert!(!want.is_empty(), "{}: DANE gives no CUOC occupation for CNO {}", o.id, cno[0].code);
        let got: Vec<(&str, bool)> =
            o.codes.iter().filter(|c| c.system == "CUOC").map(|c| (c.code.as_str(), c.partial)).collect();
        let wanted: Vec<(&str, bool)> = want.iter().map(|c| (c.code.as_str(), c.partial)).collect();
        if got != wanted {
            wrong.push(format!("{}:\n    {}", o.id, codes_line(cno[0], &want)));
        }
    }
    assert!(
        wrong.is_empty(),
        "the BPO catalog's CUOC codes differ from DANE's Equivalencias; write these in \
         assets/catalog/bpo-bogota.ron:\n{}",
        wrong.join("\n")
    );
}
