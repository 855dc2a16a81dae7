//! One worksheet as the importer sees it: its columns found by their names in a header row (row 2 in
//! DANE's workbook), its data rows below, every cell named the way a spreadsheet names it
//! (`Funciones!E1204`).

use super::{Expected, ImportProblem};
use calamine::{Data, Range};

/// The row holding the column names in DANE's workbook, 1-based as a spreadsheet counts.
const HEADER_ROW: u32 = 2;

pub struct Sheet {
    pub name: &'static str,
    range: Range<Data>,
    /// For each column asked for, its 0-based index.
    columns: Vec<u32>,
    /// The header row (1-based); data starts on the next.
    header: u32,
}

/// One data row: its cells in the order the columns were asked for.
pub struct Row<'a> {
    sheet: &'a Sheet,
    /// 1-based row number.
    pub number: u32,
}

impl Sheet {
    /// `columns` are the names row 2 must hold (cleaned, compared without regard to case).
    pub fn new(name: &'static str, range: Range<Data>, columns: &[&str]) -> Result<Sheet, ImportProblem> {
        Sheet::with_header(name, range, columns, HEADER_ROW)
    }

    /// As [`Sheet::new`], with the names in row `row` (1-based) and the data below it.
    pub fn with_header(
        name: &'static str,
        range: Range<Data>,
        columns: &[&str],
        row: u32,
    ) -> Result<Sheet, ImportProblem> {
        // Calamine's range starts at the first used cell; positions here are the sheet's own.
        let header: Vec<(u32, String)> = (0..=range.end().map_or(0, |e| e.1))
            .map(|col| (col, super::clean::text(&cell_text(range.get_value((row - 1, col))))))
            .collect();
        let mut found = Vec::new();
        for wanted in columns {
            match header.iter().find(|(_, h)| h.to_lowercase() == wanted.to_lowercase()) {
                Some((col, _)) => found.push(*col),
                None => {
                    let last = header.len().saturating_sub(1) as u32;
                    let cell = format!("{name}!A{row}:{}{row}", column_letters(last));
                    return Err(ImportProblem::MissingColumn { cell, column: wanted.to_string() });
                }
            }
        }
        Ok(Sheet { name, range, columns: found, header: row })
    }

    /// The data rows, skipping rows with nothing in any column asked for.
    pub fn rows(&self) -> impl Iterator<Item = Row<'_>> {
        let last = self.range.end().map_or(0, |e| e.0 + 1);
        (self.header + 1..=last)
            .map(|number| Row { sheet: self, number })
            .filter(|row| (0..row.sheet.columns.len()).any(|i| !row.raw(i).trim().is_empty()))
    }
}

impl Row<'_> {
    /// The `i`-th column asked for, as text (a number written as a number reads as its digits).
    pub fn raw(&self, i: usize) -> String {
        cell_text(self.sheet.range.get_value((self.number - 1, self.sheet.columns[i])))
    }

    /// The cell's name, e.g. `Funciones!E1204`.
    pub fn cell(&self, i: usize) -> String {
        format!("{}!{}{}", self.sheet.name, column_letters(self.sheet.columns[i]), self.number)
    }

    pub fn bad(&self, i: usize, expected: Expected) -> ImportProblem {
        ImportProblem::BadCell { cell: self.cell(i), expected, found: super::clean::text(&self.raw(i)) }
    }

    /// The cell cleaned; refused if empty.
    pub fn text(&self, i: usize) -> Result<String, ImportProblem> {
        let text = super::clean::text(&self.raw(i));
        if text.is_empty() { Err(self.bad(i, Expected::Text)) } else { Ok(text) }
    }

    /// A code cell: digits only (kept as text), an optional trailing `*` for partial.
    pub fn code(&self, i: usize, expected: Expected) -> Result<(String, bool), ImportProblem> {
        super::clean::code(&self.raw(i)).ok_or_else(|| self.bad(i, expected))
    }

    /// A whole number in `range`.
    pub fn number(
        &self,
        i: usize,
        range: std::ops::RangeInclusive<u32>,
        expected: Expected,
    ) -> Result<u32, ImportProblem> {
        let n = super::clean::text(&self.raw(i)).parse::<u32>().ok().filter(|n| range.contains(n));
        n.ok_or_else(|| self.bad(i, expected))
    }
}

fn cell_text(data: Option<&Data>) -> String {
    match data {
        Some(Data::String(s) | Data::DateTimeIso(s) | Data::DurationIso(s)) => s.clone(),
        Some(Data::Int(n)) => n.to_string(),
        Some(Data::Float(f)) if f.fract() == 0.0 && f.abs() < 1e15 => format!("{}", *f as i64),
        Some(Data::Float(f)) => f.to_string(),
        Some(Data::Bool(b)) => b.to_string(),
        Some(Data::DateTime(d)) => d.as_f64().to_string(),
        Some(Data::Error(e)) => format!("#{e:?}"),
        Some(Data::Empty) | None => String::new(),
    }
}

/// 0 → A, 25 → Z, 26 → AA.
pub fn column_letters(col: u32) -> String {
    let mut n = col + 1;
    let mut letters = Vec::new();
    while n > 0 {
        let rem = (n - 1) % 26;
        letters.push(b'A' + rem as u8);
        n = (n - 1) / 26;
    }
    letters.reverse();
    String::from_utf8(letters).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    #[test]
    fn columns_are_named_like_a_spreadsheet_names_them() {
        let names: Vec<String> = [0, 4, 25, 26, 27, 701, 702].map(super::column_letters).into();
        assert_eq!(names, ["A", "E", "Z", "AA", "AB", "ZZ", "AAA"]);
    }
}
