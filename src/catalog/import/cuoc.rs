//! The CUOC workbook's sheets → one catalog. Sheet and column names are DANE's (row 2 of each sheet).

use super::clean::Spellings;
use super::sheet::{Row, Sheet};
use super::{Expected, ImportProblem};
use crate::catalog::model::{Catalog, Code};
use calamine::{Reader, Xlsx};
use std::collections::{BTreeMap, BTreeSet};

pub const CATALOG_ID: &str = "cuoc-2025";
pub const SOURCE_ID: &str = "dane-cuoc-2025";
/// Kept word for word, flagged so fit leaves it out (rule 7).
pub const CATCH_ALL: &str = "Desempeñar funciones afines.";

const OCC: &str = "Código de la Ocupación";

/// One occupation as the sheets fill it in.
#[derive(Default)]
pub(super) struct Draft {
    pub(super) name: String,
    pub(super) description: String,
    /// Row of Descripción, for a problem about the occupation as a whole.
    pub(super) row: u32,
    pub(super) functions: BTreeMap<u32, String>,
    pub(super) titles: BTreeMap<String, String>,
    pub(super) level: u8,
    pub(super) skills: BTreeSet<u32>,
    pub(super) knowledge: BTreeSet<u32>,
    pub(super) related: BTreeSet<String>,
    pub(super) area: Option<String>,
    pub(super) secondary: BTreeSet<String>,
    pub(super) codes: Vec<Code>,
}

/// What the importer made, and how many spellings it merged (rule 6), for the record.
#[derive(Debug)]
pub struct Imported {
    pub catalog: Catalog,
    pub skill_spellings: usize,
    pub knowledge_spellings: usize,
    /// Spellings of the areas in sheet "Área Cual. Principal" alone.
    pub principal_area_spellings: usize,
}

pub fn cuoc(bytes: &[u8]) -> Result<Imported, ImportProblem> {
    let mut book = open(bytes)?;
    let mut sheet = |name: &'static str, columns: &[&str]| open_sheet(&mut book, name, columns);

    let mut drafts: BTreeMap<String, Draft> = BTreeMap::new();
    for row in sheet("Descripción", &[OCC, "Nombre de la Ocupación", "Descripción de la Ocupación"])?.rows()
    {
        let (code, _) = occupation_code(&row)?;
        let draft =
            Draft { name: row.text(1)?, description: row.text(2)?, row: row.number, ..Draft::default() };
        if drafts.insert(code, draft).is_some() {
            return Err(row.bad(0, Expected::Unique));
        }
    }
    let known = |row: &Row, drafts: &mut BTreeMap<String, Draft>| -> Result<String, ImportProblem> {
        let (code, _) = occupation_code(row)?;
        if drafts.contains_key(&code) { Ok(code) } else { Err(row.bad(0, Expected::KnownOccupation)) }
    };

    for row in sheet("Funciones", &[OCC, "Consecutivo de la Función", "Funciones de la Ocupación"])?.rows()
    {
        let code = known(&row, &mut drafts)?;
        let n = row.number(1, 1..=999, Expected::Consecutive)?;
        let text = row.text(2)?;
        if draft(&mut drafts, &code).functions.insert(n, text).is_some() {
            return Err(row.bad(1, Expected::Unique));
        }
    }
    for row in
        sheet("Denominaciones", &[OCC, "Código de la Denominación", "Nombre de la Denominación"])?.rows()
    {
        let code = known(&row, &mut drafts)?;
        let title_code = super::clean::text(&row.raw(1));
        let well_formed = title_code
            .split_once('.')
            .is_some_and(|(occ, n)| occ == code && n.len() == 3 && n.bytes().all(|b| b.is_ascii_digit()));
        if !well_formed {
            return Err(row.bad(1, Expected::TitleCode));
        }
        let title = row.text(2)?;
        if draft(&mut drafts, &code).titles.insert(title_code, title).is_some() {
            return Err(row.bad(1, Expected::Unique));
        }
    }
    for row in sheet("Nivel Competencia", &[OCC, "Nivel de Competencia"])?.rows() {
        let code = known(&row, &mut drafts)?;
        let level = row.number(1, 1..=4, Expected::Level)? as u8;
        let d = draft(&mut drafts, &code);
        if d.level != 0 {
            return Err(row.bad(0, Expected::Unique));
        }
        d.level = level;
    }

    let mut skills: BTreeMap<u32, Spellings> = BTreeMap::new();
    for row in sheet("Destrezas", &[OCC, "ID", "Nombre de la Destreza"])?.rows() {
        let code = known(&row, &mut drafts)?;
        let id = row.number(1, 0..=u32::MAX, Expected::Id)?;
        skills.entry(id).or_default().add(&row.text(2)?);
        if !draft(&mut drafts, &code).skills.insert(id) {
            return Err(row.bad(1, Expected::Unique));
        }
    }
    let mut knowledge: BTreeMap<u32, Spellings> = BTreeMap::new();
    for row in sheet("Conocimientos", &[OCC, "ID", "Nombre del Conocimiento"])?.rows() {
        let code = known(&row, &mut drafts)?;
        let id = row.number(1, 0..=u32::MAX, Expected::Id)?;
        knowledge.entry(id).or_default().add(&row.text(2)?);
        if !draft(&mut drafts, &code).knowledge.insert(id) {
            return Err(row.bad(1, Expected::Unique));
        }
    }
    for row in sheet("Ocupaciones Afines", &[OCC, "Código de la Ocupación Afin"])?.rows() {
        let code = known(&row, &mut drafts)?;
        let (other, _) = row.code(1, Expected::OccupationCode)?;
        if !drafts.contains_key(&other) {
            return Err(row.bad(1, Expected::KnownOccupation));
        }
        if !draft(&mut drafts, &code).related.insert(other) {
            return Err(row.bad(1, Expected::Unique));
        }
    }

    let mut areas: BTreeMap<String, Spellings> = BTreeMap::new();
    let mut principal_area_spellings = 0;
    for (name, principal) in [("Área Cual. Principal", true), ("Área Cual. Complementaria", false)] {
        let column = if principal {
            "Área de Cualificación Principal"
        } else {
            "Área de Cualificación Complementaria"
        };
        for row in sheet(name, &[OCC, "SIGLA", column])?.rows() {
            let code = known(&row, &mut drafts)?;
            let sigla = row.text(1)?;
            if !sigla.chars().all(|c| c.is_ascii_alphabetic()) {
                return Err(row.bad(1, Expected::Sigla));
            }
            areas.entry(sigla.clone()).or_default().add(&row.text(2)?);
            let d = draft(&mut drafts, &code);
            let fresh = if principal {
                d.area.replace(sigla).is_none()
            } else {
                // Rule 8: a complementary area that is the principal one (21430) adds nothing.
                d.area.as_ref() == Some(&sigla) || d.secondary.insert(sigla)
            };
            if !fresh {
                return Err(row.bad(1, Expected::Unique));
            }
        }
        if principal {
            principal_area_spellings = areas.values().map(Spellings::count).sum();
        }
    }

    let mut by_system: BTreeMap<(String, usize), Vec<Code>> = BTreeMap::new();
    for (row, occupation, codes) in equivalence_rows(&mut sheet)? {
        if !drafts.contains_key(&occupation) {
            return Err(row.bad(Expected::KnownOccupation));
        }
        for (rank, code) in codes {
            let list = by_system.entry((occupation.clone(), rank)).or_default();
            if !list.iter().any(|c| c.code == code.code) {
                list.push(code);
            }
        }
    }
    for ((code, _), codes) in by_system {
        draft(&mut drafts, &code).codes.extend(codes);
    }

    Ok(Imported {
        skill_spellings: skills.values().map(Spellings::count).sum(),
        knowledge_spellings: knowledge.values().map(Spellings::count).sum(),
        principal_area_spellings,
        catalog: super::assemble::finish(drafts, &skills, &knowledge, &areas)?,
    })
}

/// The sheet Equivalencias, row by row in workbook order: where the row's occupation cell is (for a
/// problem), the CUOC occupation, and the CIUO-08 and CNO codes it holds, each with its system's rank
/// (0 CIUO-08, 1 CNO) and partial flag (rule 5: `*`, and the observation must agree).
type EquivalenceRow = (OccupationCell, String, Vec<(usize, Code)>);

/// A row's occupation cell, kept after the sheet's borrow ends.
struct OccupationCell {
    cell: String,
    found: String,
}

impl OccupationCell {
    fn bad(&self, expected: Expected) -> ImportProblem {
        ImportProblem::BadCell { cell: self.cell.clone(), expected, found: self.found.clone() }
    }
}

fn equivalence_rows(
    sheet: &mut impl FnMut(&'static str, &[&str]) -> Result<Sheet, ImportProblem>,
) -> Result<Vec<EquivalenceRow>, ImportProblem> {
    let equivalences = sheet(
        "Equivalencias",
        &[
            OCC,
            "Código CIUO-08",
            "Observaciones sobre la CIUO-08",
            "Código CNO",
            "Observaciones sobre la CNO",
        ],
    )?;
    let mut out = Vec::new();
    for row in equivalences.rows() {
        let (occupation, _) = occupation_code(&row)?;
        let mut codes = Vec::new();
        for (rank, (system, col)) in [("CIUO-08", 1), ("CNO", 3)].into_iter().enumerate() {
            if row.raw(col).trim().is_empty() && row.raw(col + 1).trim().is_empty() {
                continue;
            }
            let (value, partial) = row.code(col, Expected::OccupationCode)?;
            let note = super::clean::text(&row.raw(col + 1));
            let agrees =
                note == if partial { "Denominaciones parciales" } else { "Denominaciones completas" };
            if !agrees {
                return Err(
                    row.bad(col + 1, if partial { Expected::PartialNote } else { Expected::CompleteNote })
                );
            }
            codes.push((rank, Code { system: system.into(), code: value, partial, source: String::new() }));
        }
        let at = OccupationCell { cell: row.cell(0), found: super::clean::text(&row.raw(0)) };
        out.push((at, occupation, codes));
    }
    Ok(out)
}

/// DANE's Equivalencias read backwards, for a catalog that knows occupations by their CNO code (the
/// BPO catalog): CNO code → the CUOC occupations DANE gives for it, in workbook order, each partial
/// where the row says so (`*`). A CUOC occupation listed twice for one CNO code is kept once.
pub fn cno_to_cuoc(bytes: &[u8]) -> Result<BTreeMap<String, Vec<Code>>, ImportProblem> {
    let mut book = open(bytes)?;
    let mut sheet = |name: &'static str, columns: &[&str]| open_sheet(&mut book, name, columns);
    let mut map: BTreeMap<String, Vec<Code>> = BTreeMap::new();
    let rows = equivalence_rows(&mut sheet)?;
    for (occupation, code) in
        rows.into_iter().flat_map(|(_, o, codes)| codes.into_iter().map(move |c| (o.clone(), c)))
    {
        let (rank, code) = code;
        if rank != 1 {
            continue;
        }
        let list = map.entry(code.code).or_default();
        if !list.iter().any(|c| c.code == occupation) {
            let source = String::new();
            list.push(Code { system: "CUOC".into(), code: occupation, partial: code.partial, source });
        }
    }
    Ok(map)
}

fn occupation_code(row: &Row) -> Result<(String, bool), ImportProblem> {
    match row.code(0, Expected::OccupationCode)? {
        (code, false) if code.len() == 5 => Ok((code, false)),
        _ => Err(row.bad(0, Expected::OccupationCode)),
    }
}

/// The draft of a code already known to be in `drafts`.
fn draft<'a>(drafts: &'a mut BTreeMap<String, Draft>, code: &str) -> &'a mut Draft {
    drafts.entry(code.to_string()).or_default()
}

type Book<'a> = Xlsx<std::io::Cursor<&'a [u8]>>;

/// The workbook, from its bytes.
fn open(bytes: &[u8]) -> Result<Book<'_>, ImportProblem> {
    calamine::open_workbook_from_rs(std::io::Cursor::new(bytes))
        .map_err(|e: calamine::XlsxError| ImportProblem::Unreadable(e.to_string()))
}

/// Sheet `name` with `columns` found in its header, or why not.
fn open_sheet(book: &mut Book<'_>, name: &'static str, columns: &[&str]) -> Result<Sheet, ImportProblem> {
    if !book.sheet_names().iter().any(|n| n == name) {
        return Err(ImportProblem::MissingSheet(name.to_string()));
    }
    let range = book.worksheet_range(name).map_err(|e| ImportProblem::Unreadable(e.to_string()))?;
    Sheet::new(name, range, columns)
}
