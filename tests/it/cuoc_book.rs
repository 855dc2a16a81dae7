//! A small CUOC workbook in DANE's layout, written with rust_xlsxwriter, for the importer's tests.

use rumbo::catalog::import::{self, ImportProblem};
use rust_xlsxwriter::Workbook;

/// A sheet: its name, its column names (row 2) and its data rows (from row 3).
type SheetSpec = (&'static str, Vec<&'static str>, Vec<Vec<String>>);

/// A one-occupation workbook in DANE's layout (banner row, names in row 2, data from row 3).
pub struct Book {
    pub sheets: Vec<SheetSpec>,
}

impl Book {
    pub fn valid() -> Book {
        let row = |cells: &[&str]| cells.iter().map(|c| c.to_string()).collect::<Vec<_>>();
        let occ = ["5", "52300", "Cajeros / Cajeras"];
        Book {
            sheets: vec![
                (
                    "Descripción",
                    vec![
                        "Código del Gran Grupo",
                        "Código de la Ocupación",
                        "Nombre de la Ocupación",
                        "Descripción de la Ocupación",
                    ],
                    vec![row(&["5", "52300", "Cajeros  y taquilleros_x000D_\n", "Reciben pagos."])],
                ),
                (
                    "Funciones",
                    vec![
                        "Código del Gran Grupo",
                        "Código de la Ocupación",
                        "Nombre de la Ocupación",
                        "Consecutivo de la Función",
                        "Funciones de la Ocupación",
                    ],
                    vec![
                        row(&[occ[0], occ[1], occ[2], "2", "Desempeñar funciones afines."]),
                        row(&[occ[0], occ[1], occ[2], "1", "Recibir pagos."]),
                    ],
                ),
                (
                    "Denominaciones",
                    vec![
                        "Código del Gran Grupo",
                        "Código de la Ocupación",
                        "Nombre de la Ocupación",
                        "Código de la Denominación",
                        "Nombre de la Denominación",
                    ],
                    vec![row(&[occ[0], occ[1], occ[2], "52300.001", "Cajero / Cajera"])],
                ),
                (
                    "Nivel Competencia",
                    vec![
                        "Código del Gran Grupo",
                        "Código de la Ocupación",
                        "Nombre de la Ocupación",
                        "Nivel de Competencia",
                    ],
                    vec![row(&[occ[0], occ[1], occ[2], "2"])],
                ),
                (
                    "Conocimientos",
                    vec![
                        "Código del Gran Grupo",
                        "Código de la Ocupación",
                        "Nombre de la Ocupación",
                        "ID",
                        "Nombre del Conocimiento",
                    ],
                    vec![row(&[occ[0], occ[1], occ[2], "66", "Ventas"])],
                ),
                (
                    "Destrezas",
                    vec![
                        "Código del Gran Grupo",
                        "Código de la Ocupación",
                        "Nombre de la Ocupación",
                        "ID",
                        "Nombre de la Destreza",
                    ],
                    vec![row(&[occ[0], occ[1], occ[2], "15", "Orientación al Servicio"])],
                ),
                (
                    "Ocupaciones Afines",
                    vec![
                        "Código del Gran Grupo",
                        "Código de la Ocupación",
                        "Nombre de la Ocupación",
                        "Código de la Ocupación Afin",
                        "Nombre de la Ocupación Afin",
                    ],
                    vec![],
                ),
                (
                    "Área Cual. Principal",
                    vec![
                        "Código del Gran Grupo",
                        "Código de la Ocupación",
                        "Nombre de la Ocupación",
                        "SIGLA",
                        "Área de Cualificación Principal",
                    ],
                    vec![row(&[occ[0], occ[1], occ[2], "AFDE", "Administración"])],
                ),
                (
                    "Área Cual. Complementaria",
                    vec![
                        "Código del Gran Grupo",
                        "Código de la Ocupación",
                        "Nombre de la Ocupación",
                        "SIGLA",
                        "Área de Cualificación Complementaria",
                    ],
                    vec![row(&[occ[0], occ[1], occ[2], "COMP", "Comercio"])],
                ),
                (
                    "Equivalencias",
                    vec![
                        "Código de la Ocupación",
                        "Nombre de la Ocupación",
                        "Código CIUO-08",
                        "Observaciones sobre la CIUO-08",
                        "Código CNO",
                        "Observaciones sobre la CNO",
                    ],
                    vec![
                        row(&[
                            occ[1],
                            occ[2],
                            "5230",
                            "Denominaciones completas",
                            "4225_x000D_",
                            "Denominaciones completas",
                        ]),
                        row(&[occ[1], occ[2], "", "", "6611*", "Denominaciones parciales"]),
                    ],
                ),
            ],
        }
    }

    pub fn rows(&mut self, sheet: &str) -> &mut Vec<Vec<String>> {
        &mut self.sheets.iter_mut().find(|s| s.0 == sheet).unwrap().2
    }

    pub fn bytes(&self) -> Vec<u8> {
        let mut book = Workbook::new();
        for (name, header, rows) in &self.sheets {
            let sheet = book.add_worksheet();
            sheet.set_name(*name).unwrap();
            sheet.write_string(0, 0, "CLASIFICACIÓN ÚNICA DE OCUPACIONES").unwrap();
            for (c, h) in header.iter().enumerate() {
                sheet.write_string(1, c as u16, *h).unwrap();
            }
            for (r, row) in rows.iter().enumerate() {
                for (c, v) in row.iter().enumerate() {
                    if !v.is_empty() {
                        sheet.write_string(r as u32 + 2, c as u16, v).unwrap();
                    }
                }
            }
        }
        book.save_to_buffer().unwrap()
    }

    pub fn import(&self) -> Result<import::Imported, ImportProblem> {
        import::cuoc(&self.bytes())
    }
}
