//! The three public tables that reach an interest profile from a CIUO-08 code, read into plain maps
//! (the rule that joins them is in `interests.rs`):
//! - BLS's ISCO-08 ↔ 2010 SOC crosswalk (`isco_soc_crosswalk.xls`, sheet "ISCO-08 to 2010 SOC",
//!   header on row 7; `part` = `*` for a partial link);
//! - O*NET's 2010 → 2019 O*NET-SOC crosswalk (`2010_to_2019_Crosswalk.xlsx`, header on row 4);
//! - O*NET's `Interests.txt` (tab-separated, a header line; scale `OI`, the six RIASEC values 1–7).
//!
//! A problem names its file, sheet and cell (the text file's cells are named like a sheet's: `E12`
//! is line 12's fifth field).

use super::sheet::{Sheet, column_letters};
use super::{Expected, ImportProblem};
use crate::catalog::interests::SCALE;
use calamine::{Data, Range, Reader, Xls, Xlsx};
use std::collections::BTreeMap;
use std::io::{Cursor, Read, Seek};

/// The files, by the names their publishers give them (the CLI finds them in one folder).
pub const INTERESTS_FILE: &str = "Interests.txt";
pub const ISCO_SOC_FILE: &str = "isco_soc_crosswalk.xls";
pub const ONET_2019_FILE: &str = "2010_to_2019_Crosswalk.xlsx";

const ISCO_SOC_SHEET: &str = "ISCO-08 to 2010 SOC";
const ONET_2019_SHEET: &str = "O-NET-SOC 2019 Occupation Listi";
const ELEMENTS: [&str; 6] =
    ["Realistic", "Investigative", "Artistic", "Social", "Enterprising", "Conventional"];

/// What the three files say, keyed by code. Ordered maps: the same files give the same catalog.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Tables {
    /// ISCO-08 code (a unit group, or in two rows a minor group of 3 digits) → its 2010 SOC codes,
    /// each with whether the link is partial (BLS's `*`).
    pub isco_soc: BTreeMap<String, Vec<(String, bool)>>,
    /// O*NET-SOC 2010 code (`51-4121.06`) → the O*NET-SOC 2019 codes it became.
    pub onet_2019: BTreeMap<String, Vec<String>>,
    /// O*NET-SOC 2019 code → its six `OI` values in R, I, A, S, E, C order.
    pub interests: BTreeMap<String, [f64; 6]>,
}

/// A problem in one of the three files: which file (its name), and where in it.
#[derive(Clone, Debug, PartialEq)]
pub struct OnetProblem {
    pub file: &'static str,
    pub problem: ImportProblem,
}

impl Tables {
    /// The tables from the three files' bytes.
    pub fn read(interests: &[u8], isco_soc: &[u8], onet_2019: &[u8]) -> Result<Tables, OnetProblem> {
        let within = |file: &'static str| move |problem| OnetProblem { file, problem };
        Ok(Tables {
            isco_soc: read_isco_soc(isco_soc).map_err(within(ISCO_SOC_FILE))?,
            onet_2019: read_onet_2019(onet_2019).map_err(within(ONET_2019_FILE))?,
            interests: read_interests(interests).map_err(within(INTERESTS_FILE))?,
        })
    }
}

fn read_isco_soc(bytes: &[u8]) -> Result<BTreeMap<String, Vec<(String, bool)>>, ImportProblem> {
    let mut book: Xls<_> = calamine::open_workbook_from_rs(Cursor::new(bytes))
        .map_err(|e: calamine::XlsError| ImportProblem::Unreadable(e.to_string()))?;
    let range = sheet_range(&mut book, ISCO_SOC_SHEET)?;
    let sheet = Sheet::with_header(ISCO_SOC_SHEET, range, &["ISCO-08 Code", "part", "2010 SOC Code"], 7)?;
    let mut map: BTreeMap<String, Vec<(String, bool)>> = BTreeMap::new();
    for row in sheet.rows() {
        let isco = row.raw(0).trim().to_string();
        // Two rows link a whole minor group (3 digits: 211, 315) rather than a unit group.
        if !(3..=4).contains(&isco.len()) || !isco.bytes().all(|b| b.is_ascii_digit()) {
            return Err(row.bad(0, Expected::IscoCode));
        }
        let partial = match row.raw(1).trim() {
            "" => false,
            "*" => true,
            _ => return Err(row.bad(1, Expected::PartMark)),
        };
        let soc = row.raw(2).trim().to_string();
        if !is_soc(&soc) {
            return Err(row.bad(2, Expected::SocCode));
        }
        let links = map.entry(isco).or_default();
        if !links.iter().any(|(s, _)| *s == soc) {
            links.push((soc, partial));
        }
    }
    Ok(map)
}

fn read_onet_2019(bytes: &[u8]) -> Result<BTreeMap<String, Vec<String>>, ImportProblem> {
    let mut book: Xlsx<_> = calamine::open_workbook_from_rs(Cursor::new(bytes))
        .map_err(|e: calamine::XlsxError| ImportProblem::Unreadable(e.to_string()))?;
    let range = sheet_range(&mut book, ONET_2019_SHEET)?;
    let columns = ["O*NET-SOC 2010 Code", "O*NET-SOC 2019 Code"];
    let sheet = Sheet::with_header(ONET_2019_SHEET, range, &columns, 4)?;
    let mut map: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for row in sheet.rows() {
        let [from, to] = [0, 1].map(|i| row.raw(i).trim().to_string());
        for (i, code) in [&from, &to].into_iter().enumerate() {
            if !is_onet(code) {
                return Err(row.bad(i, Expected::OnetCode));
            }
        }
        let list = map.entry(from).or_default();
        if !list.contains(&to) {
            list.push(to);
        }
    }
    Ok(map)
}

fn sheet_range<RS: Read + Seek, R: Reader<RS>>(book: &mut R, name: &str) -> Result<Range<Data>, ImportProblem>
where
    R::Error: std::fmt::Display,
{
    if !book.sheet_names().iter().any(|n| n == name) {
        return Err(ImportProblem::MissingSheet(name.to_string()));
    }
    book.worksheet_range(name).map_err(|e| ImportProblem::Unreadable(e.to_string()))
}

fn read_interests(bytes: &[u8]) -> Result<BTreeMap<String, [f64; 6]>, ImportProblem> {
    let text = std::str::from_utf8(bytes).map_err(|e| ImportProblem::Unreadable(e.to_string()))?;
    let mut lines = text.lines().map(|l| l.trim_end_matches('\r').split('\t').collect::<Vec<_>>());
    let header = lines.next().unwrap_or_default();
    let wanted = ["O*NET-SOC Code", "Element Name", "Scale ID", "Data Value"];
    let mut at = [0; 4];
    for (slot, name) in at.iter_mut().zip(wanted) {
        *slot = header.iter().position(|h| h.trim() == name).ok_or_else(|| ImportProblem::MissingColumn {
            cell: format!("A1:{}1", column_letters(header.len().saturating_sub(1) as u32)),
            column: name.to_string(),
        })?;
    }
    // Per occupation, the six values and the line of the first, for a profile missing a type.
    let mut found: BTreeMap<String, ([Option<f64>; 6], usize)> = BTreeMap::new();
    for (n, fields) in lines.enumerate().map(|(i, f)| (i + 2, f)) {
        let field = |i: usize| fields.get(at[i]).map_or("", |f| f.trim());
        let bad = |i: usize, expected| ImportProblem::BadCell {
            cell: format!("{}{n}", column_letters(at[i] as u32)),
            expected,
            found: field(i).to_string(),
        };
        if fields.iter().all(|f| f.trim().is_empty()) || field(2) != "OI" {
            continue;
        }
        if !is_onet(field(0)) {
            return Err(bad(0, Expected::OnetCode));
        }
        let t = ELEMENTS.iter().position(|e| *e == field(1)).ok_or_else(|| bad(1, Expected::Riasec))?;
        let value = field(3).parse::<f64>().ok().filter(|v| (SCALE.0..=SCALE.1).contains(v));
        let value = value.ok_or_else(|| bad(3, Expected::InterestValue))?;
        let (values, _) = found.entry(field(0).to_string()).or_insert(([None; 6], n));
        if values[t].replace(value).is_some() {
            return Err(bad(1, Expected::Unique));
        }
    }
    let mut map = BTreeMap::new();
    for (code, (values, line)) in found {
        let Some(values) = values.iter().copied().collect::<Option<Vec<f64>>>() else {
            let cell = format!("{}{line}", column_letters(at[0] as u32));
            return Err(ImportProblem::BadCell { cell, expected: Expected::SixTypes, found: code });
        };
        let mut six = [0.0; 6];
        six.copy_from_slice(&values);
        map.insert(code, six);
    }
    Ok(map)
}

/// `NN-NNNN`, a 2010 SOC code.
fn is_soc(code: &str) -> bool {
    let b = code.as_bytes();
    b.len() == 7 && b[2] == b'-' && b.iter().enumerate().all(|(i, c)| i == 2 || c.is_ascii_digit())
}

/// `NN-NNNN.NN`, an O*NET-SOC code.
fn is_onet(code: &str) -> bool {
    code.split_once('.')
        .is_some_and(|(soc, n)| is_soc(soc) && n.len() == 2 && n.bytes().all(|c| c.is_ascii_digit()))
}
