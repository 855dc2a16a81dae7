//! `rumbo catalog import cuoc`: the committed catalog is what the workbook gives, byte for byte; the
//! spellings merged; a broken workbook refused at its sheet and cell.

use crate::common::{rumbo, stderr};
use crate::cuoc_book::Book;
use rumbo::catalog::import::{self, Expected, ImportProblem};
use rumbo::i18n::Lang;

const WORKBOOK: &str =
    concat!(env!("CARGO_MANIFEST_DIR"), "/assets/sources/PerfilesOcupacionales-Excel-CUOC-2025.xlsx");
const REGENERATE: &str = "cargo run --release -- catalog import cuoc \
     assets/sources/PerfilesOcupacionales-Excel-CUOC-2025.xlsx --interests assets/sources/onet-interests \
     -o assets/catalog/cuoc-2025.ron";

#[test]
fn cuoc_catalog_is_the_workbook_byte_for_byte() {
    let mut imported = import::cuoc(&std::fs::read(WORKBOOK).unwrap()).unwrap();
    import::attach(&mut imported.catalog, &crate::interests_data::tables());
    let fresh = import::to_ron(&imported.catalog).unwrap();
    let committed = std::fs::read_to_string(super::cuoc_catalog::CUOC_FILE).unwrap();
    if fresh != committed {
        let (n, (want, got)) = fresh
            .lines()
            .chain(std::iter::repeat("<end of file>"))
            .zip(committed.lines().chain(std::iter::repeat("<end of file>")))
            .enumerate()
            .find(|(_, (a, b))| a != b)
            .unwrap_or((0, ("(line ends differ)", "")));
        panic!(
            "assets/catalog/cuoc-2025.ron differs from the workbook's import at line {}:\n  \
             import:    {want}\n  committed: {got}\nRegenerate it with:\n  {REGENERATE}",
            n + 1
        );
    }
}

#[test]
fn cuoc_spellings_merged_by_id() {
    let imported = import::cuoc(&std::fs::read(WORKBOOK).unwrap()).unwrap();
    assert_eq!(imported.skill_spellings, 41);
    assert_eq!(imported.knowledge_spellings, 116);
    assert_eq!(imported.principal_area_spellings, 45);
    let c = &imported.catalog;
    let name = |id: &str| c.competencies.iter().find(|x| x.id == id).map(|x| x.name.clone());
    // The spelling most rows use wins ("Orientación al servicio" over "Orientación al Servicio").
    assert!(c.competencies.iter().any(|x| x.name == "Orientación al servicio"));
    assert!(!c.competencies.iter().any(|x| x.name == "Orientación al Servicio"));
    assert!(name("cuoc-destreza-15").is_some());
}

fn refused(book: &Book) -> (ImportProblem, String) {
    let problem = book.import().unwrap_err();
    let message = problem.message(Lang::Es);
    (problem, message)
}

#[test]
fn cuoc_small_workbook_is_cleaned() {
    let c = Book::valid().import().unwrap().catalog;
    let o = &c.occupations[0];
    assert_eq!((o.id.as_str(), o.title.as_str(), o.level), ("cuoc-52300", "Cajeros y taquilleros", 2));
    assert_eq!(
        o.functions.iter().map(|f| f.id.as_str()).collect::<Vec<_>>(),
        ["cuoc-52300-1", "cuoc-52300-2"]
    );
    assert!(o.functions[1].catch_all && !o.functions[0].catch_all);
    let codes: Vec<(&str, &str, bool)> =
        o.codes.iter().map(|c| (c.system.as_str(), c.code.as_str(), c.partial)).collect();
    assert_eq!(
        codes,
        [("CUOC", "52300", false), ("CIUO-08", "5230", false), ("CNO", "4225", false), ("CNO", "6611", true)]
    );
    assert_eq!(
        (o.sector.as_str(), o.secondary_sectors.as_slice()),
        ("cuoc-area-afde", &["cuoc-area-comp".to_string()][..])
    );
    assert_eq!(o.alt_titles[0].code, "52300.001");
}

#[test]
fn cuoc_missing_sheet_refused() {
    let mut book = Book::valid();
    book.sheets.retain(|s| s.0 != "Destrezas");
    let (problem, message) = refused(&book);
    assert_eq!(problem, ImportProblem::MissingSheet("Destrezas".into()));
    assert_eq!(message, "falta la hoja «Destrezas»");
}

#[test]
fn cuoc_missing_column_refused() {
    let mut book = Book::valid();
    book.sheets.iter_mut().find(|s| s.0 == "Funciones").unwrap().1[4] = "Otra cosa";
    let (_, message) = refused(&book);
    assert_eq!(message, "Funciones!A2:E2: falta la columna «Funciones de la Ocupación»");
}

#[test]
fn cuoc_malformed_rows_refused_with_their_cell() {
    let mut book = Book::valid();
    book.rows("Funciones")[1][4] = String::new();
    assert_eq!(refused(&book).1, "Funciones!E4: se esperaba un texto; dice «»");

    let mut book = Book::valid();
    book.rows("Nivel Competencia")[0][3] = "5".into();
    let (problem, message) = refused(&book);
    assert!(matches!(problem, ImportProblem::BadCell { expected: Expected::Level, .. }));
    assert_eq!(message, "Nivel Competencia!D3: se esperaba un nivel de competencia de 1 a 4; dice «5»");

    let mut book = Book::valid();
    book.rows("Funciones")[0][1] = "99999".into();
    assert!(refused(&book).1.starts_with("Funciones!B3: se esperaba el código de una ocupación"));

    let mut book = Book::valid();
    book.rows("Denominaciones")[0][3] = "52301.001".into();
    assert!(refused(&book).1.starts_with("Denominaciones!D3: se esperaba un código de denominación"));
}

#[test]
fn cuoc_star_agrees_with_dane_partial_column() {
    let mut book = Book::valid();
    book.rows("Equivalencias")[1][5] = "Denominaciones completas".into();
    assert_eq!(
        refused(&book).1,
        "Equivalencias!F4: se esperaba «Denominaciones parciales» (el código lleva *); dice «Denominaciones completas»"
    );
    let mut book = Book::valid();
    book.rows("Equivalencias")[0][3] = "Denominaciones parciales".into();
    assert!(refused(&book).1.starts_with("Equivalencias!D3: se esperaba «Denominaciones completas»"));
}

#[test]
fn cuoc_import_command_writes_the_catalog_and_refuses_a_broken_one() {
    let home = tempfile::tempdir().unwrap();
    let good = home.path().join("bien.xlsx");
    std::fs::write(&good, Book::valid().bytes()).unwrap();
    let out_file = home.path().join("cuoc.ron");
    let out = rumbo(
        home.path(),
        &["catalog", "import", "cuoc", good.to_str().unwrap(), "-o", out_file.to_str().unwrap()],
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let check = rumbo(home.path(), &["--no-builtin", "catalog", "check", out_file.to_str().unwrap()]);
    assert_eq!(check.status.code(), Some(0), "{}", stderr(&check));

    let mut book = Book::valid();
    book.rows("Funciones")[1][4] = String::new();
    let bad = home.path().join("mal.xlsx");
    std::fs::write(&bad, book.bytes()).unwrap();
    let out = rumbo(home.path(), &["catalog", "import", "cuoc", bad.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("Funciones!E4: se esperaba un texto"), "{}", stderr(&out));
}
