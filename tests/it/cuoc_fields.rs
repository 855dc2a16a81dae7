//! Ten CUOC occupations across the major groups, field by field: the committed catalog against the
//! workbook read here directly with calamine (not through the importer).

use super::cuoc_catalog::CUOC_FILE;
use calamine::{Data, Reader, Xlsx};
use rumbo::catalog::{Occupation, SourceFile, load_files};
use std::collections::BTreeSet;

const CODES: [&str; 10] =
    ["01100", "11120", "21430", "26212", "33220", "42110", "52300", "72120", "83210", "96291"];

/// Rows of a sheet from row 3, each cell as text with `_x000D_` and runs of white space reduced (the
/// importer's documented rules 1–3, restated).
fn rows(book: &mut Xlsx<std::io::BufReader<std::fs::File>>, sheet: &str) -> Vec<Vec<String>> {
    let range = book.worksheet_range(sheet).unwrap();
    range
        .rows()
        .skip(2)
        .map(|row| {
            row.iter()
                .map(|c| match c {
                    Data::String(s) => s
                        .replace("_x000D_", " ")
                        .replace('\u{200B}', "")
                        .split_whitespace()
                        .collect::<Vec<_>>()
                        .join(" "),
                    Data::Empty => String::new(),
                    other => other.to_string(),
                })
                .collect()
        })
        .collect()
}

#[test]
fn cuoc_ten_occupations_match_the_workbook() {
    let path =
        concat!(env!("CARGO_MANIFEST_DIR"), "/assets/sources/PerfilesOcupacionales-Excel-CUOC-2025.xlsx");
    let mut book: Xlsx<_> = calamine::open_workbook(path).unwrap();
    let text = std::fs::read_to_string(CUOC_FILE).unwrap();
    let loaded = load_files(vec![SourceFile { name: "cuoc-2025.ron".into(), text }]).unwrap();
    let catalog = &loaded[0].catalog;
    let descr = rows(&mut book, "Descripción");
    let funcs = rows(&mut book, "Funciones");
    let titles = rows(&mut book, "Denominaciones");
    let levels = rows(&mut book, "Nivel Competencia");
    let skills = rows(&mut book, "Destrezas");
    let knowledge = rows(&mut book, "Conocimientos");
    let related = rows(&mut book, "Ocupaciones Afines");
    let principal = rows(&mut book, "Área Cual. Principal");
    for code in CODES {
        let o: &Occupation = catalog.occupations.iter().find(|o| o.id == format!("cuoc-{code}")).unwrap();
        let of = |sheet: &[Vec<String>]| -> Vec<Vec<String>> {
            sheet.iter().filter(|r| r[1] == code).cloned().collect()
        };
        let d = &of(&descr)[0];
        assert_eq!((&o.title, &o.description), (&d[2], &d[3]), "{code}");
        let mut f = of(&funcs);
        f.sort_by_key(|r| r[3].parse::<u32>().unwrap());
        let want: Vec<&str> = f.iter().map(|r| r[4].as_str()).collect();
        assert_eq!(o.functions.iter().map(|x| x.text.as_str()).collect::<Vec<_>>(), want, "{code}");
        let t: BTreeSet<(String, String)> =
            of(&titles).iter().map(|r| (r[3].clone(), r[4].clone())).collect();
        let got: BTreeSet<(String, String)> =
            o.alt_titles.iter().map(|a| (a.code.clone(), a.title.clone())).collect();
        assert_eq!(got, t, "{code}");
        assert_eq!(o.level.to_string(), of(&levels)[0][3], "{code}");
        let ids = |sheet: &[Vec<String>], prefix: &str| -> BTreeSet<String> {
            of(sheet).iter().map(|r| format!("{prefix}{}", r[3])).collect()
        };
        let mut needs = ids(&skills, "cuoc-destreza-");
        needs.extend(ids(&knowledge, "cuoc-conocimiento-"));
        assert_eq!(
            o.competencies.iter().map(|n| n.competency.clone()).collect::<BTreeSet<_>>(),
            needs,
            "{code}"
        );
        assert_eq!(o.related.iter().cloned().collect::<BTreeSet<_>>(), ids(&related, "cuoc-"), "{code}");
        assert_eq!(o.sector, format!("cuoc-area-{}", of(&principal)[0][3].to_lowercase()), "{code}");
    }
}
