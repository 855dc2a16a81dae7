//! `rumbo catalog import cuoc`: DANE's CUOC 2025 workbook → a catalog of format 2.
//!
//! Pure: bytes in, [`Catalog`] (and its RON text) out; the command line reads and writes the files.
//!
//! Cleaning rules (also in docs/catalog-format.md; each has a test in `clean` or tests/it):
//! 1. `_x000D_` (a carriage return Excel stored as text, 918 cells) is removed, also inside code cells
//!    (`4225_x000D_` is `4225`).
//! 2. Every run of white space (spaces, tabs, line breaks) inside a cell becomes one space, and none
//!    is left at either end. Nothing else in a text changes: names, descriptions and functions are
//!    DANE's words.
//! 3. Zero-width and other invisible characters a catalog may not hold (U+200B after "rendimiento" in
//!    16 job titles) are removed.
//! 4. Codes stay text: `01100` keeps its leading zero.
//! 5. A `*` after a code in Equivalencias marks a partial equivalence (`Code.partial`); the row's
//!    "Observaciones" must agree ("Denominaciones parciales" with `*`, "Denominaciones completas"
//!    without), or the workbook is refused at that cell.
//! 6. Destrezas and conocimientos are merged by DANE's `ID`, qualification areas by `SIGLA`; the name
//!    kept is the spelling most rows use (both area sheets counted, principal first), ties going to
//!    the first in workbook order.
//! 7. "Desempeñar funciones afines." (the last function of every occupation) is kept word for word
//!    and flagged `catch_all: true`, so fit can leave it out.
//! 8. A complementary area equal to the occupation's principal area (12 rows: 21430 lists CPSA as both) adds
//!    nothing; the same area twice in one sheet for one occupation is refused.
//!
//! Order, so the same workbook always gives the same bytes: occupations by code; functions by
//! consecutivo; job titles by their code; needs by kind (destrezas, then conocimientos), then ID;
//! related occupations and secondary sectors by code; sectors and competencies by id's number or
//! sigla; equivalence codes in workbook order (CUOC first, then CIUO-08, then CNO). No hash-map order
//! anywhere; the RON settings are pinned in [`to_ron`].

mod assemble;
mod clean;
mod cuoc;
mod interests;
mod onet;
mod sheet;

use crate::catalog::model::Catalog;
use crate::i18n::{Lang, fill};

pub use cuoc::{CATALOG_ID, CATCH_ALL, Imported, SOURCE_ID, cno_to_cuoc, cuoc};
pub use interests::{Coverage, ONET_SOURCE_ID, attach};
pub use onet::{INTERESTS_FILE, ISCO_SOC_FILE, ONET_2019_FILE, OnetProblem, Tables};

/// Why a workbook was refused: the sheet and cell, and what was expected there.
#[derive(Clone, Debug, PartialEq)]
pub enum ImportProblem {
    Unreadable(String),
    MissingSheet(String),
    /// `cell` is the header row's range, e.g. `Funciones!A2:E2`.
    MissingColumn {
        cell: String,
        column: String,
    },
    BadCell {
        cell: String,
        expected: Expected,
        found: String,
    },
}

/// What a cell should have held.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Expected {
    Text,
    OccupationCode,
    KnownOccupation,
    TitleCode,
    Consecutive,
    Level,
    Id,
    Sigla,
    Unique,
    PartialNote,
    CompleteNote,
    /// An occupation of Descripción with no row in "Área Cual. Principal".
    PrincipalArea,
    /// The O*NET files (issue 16): a 4-digit ISCO-08 code.
    IscoCode,
    /// BLS's `part`: empty or `*`.
    PartMark,
    /// A 2010 SOC code, `NN-NNNN`.
    SocCode,
    /// An O*NET-SOC code, `NN-NNNN.NN`.
    OnetCode,
    /// One of the six RIASEC types, as O*NET names them.
    Riasec,
    /// A value on O*NET's 1–7 scale.
    InterestValue,
    /// An occupation with all six types.
    SixTypes,
}

impl ImportProblem {
    pub fn message(&self, lang: Lang) -> String {
        let s = lang.strings();
        match self {
            ImportProblem::Unreadable(detail) => fill(s.catimport_unreadable, &[("detail", detail)]),
            ImportProblem::MissingSheet(sheet) => fill(s.catimport_missing_sheet, &[("sheet", sheet)]),
            ImportProblem::MissingColumn { cell, column } => {
                fill(s.catimport_missing_column, &[("cell", cell), ("column", column)])
            }
            ImportProblem::BadCell { cell, expected, found } => {
                let expected = match expected {
                    Expected::Text => s.catimport_expect_text,
                    Expected::OccupationCode => s.catimport_expect_occupation_code,
                    Expected::KnownOccupation => s.catimport_expect_known_occupation,
                    Expected::TitleCode => s.catimport_expect_title_code,
                    Expected::Consecutive => s.catimport_expect_consecutive,
                    Expected::Level => s.catimport_expect_level,
                    Expected::Id => s.catimport_expect_id,
                    Expected::Sigla => s.catimport_expect_sigla,
                    Expected::Unique => s.catimport_expect_unique,
                    Expected::PartialNote => s.catimport_expect_partial_note,
                    Expected::CompleteNote => s.catimport_expect_complete_note,
                    Expected::PrincipalArea => s.catimport_expect_principal_area,
                    Expected::IscoCode => s.catimport_expect_isco_code,
                    Expected::PartMark => s.catimport_expect_part_mark,
                    Expected::SocCode => s.catimport_expect_soc_code,
                    Expected::OnetCode => s.catimport_expect_onet_code,
                    Expected::Riasec => s.catimport_expect_riasec,
                    Expected::InterestValue => s.catimport_expect_interest_value,
                    Expected::SixTypes => s.catimport_expect_six_types,
                };
                fill(s.catimport_bad_cell, &[("cell", cell), ("expected", &expected), ("found", found)])
            }
        }
    }
}

/// The catalog as RON, with pinned settings: the same catalog gives the same bytes on every machine
/// (`\n` line ends, four-space indent, struct names, strings unescaped but for what RON needs).
pub fn to_ron(catalog: &Catalog) -> Result<String, String> {
    let config = ron::ser::PrettyConfig::new()
        .new_line("\n")
        .indentor("    ")
        .separator(" ")
        .struct_names(true)
        .separate_tuple_members(false)
        .enumerate_arrays(false)
        .compact_arrays(false)
        .compact_structs(false)
        .compact_maps(false)
        .number_suffixes(false)
        .escape_strings(false)
        .depth_limit(4);
    let mut text = ron::ser::to_string_pretty(catalog, config).map_err(|e| e.to_string())?;
    text.push('\n');
    Ok(text)
}
