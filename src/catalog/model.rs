//! Catalog formats 1 and 2, as office IT staff write them by hand (or the CUOC importer writes
//! them). Field names and enum values here are the contract documented in docs/catalog-format.md:
//! add to it, never rename. Format 2 only adds fields (all optional) and enum values, so one model
//! reads both.

use serde::{Deserialize, Serialize};

/// The newest catalog format this rumbo understands.
pub const FORMAT: u32 = 2;

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Catalog {
    pub format: u32,
    pub id: String,
    pub title: String,
    pub language: String,
    /// The data's own version; sessions and exports record it.
    #[serde(default)]
    pub version: String,
    #[serde(default)]
    pub sources: Vec<Source>,
    pub sectors: Vec<Sector>,
    #[serde(default)]
    pub competencies: Vec<Competency>,
    pub occupations: Vec<Occupation>,
    #[serde(default)]
    pub programs: Vec<Program>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Source {
    pub id: String,
    pub title: String,
    #[serde(default)]
    pub publisher: String,
    #[serde(default)]
    pub note: String,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Sector {
    pub id: String,
    pub name: String,
    #[serde(default)]
    pub summary: String,
    #[serde(default)]
    pub source: String,
    /// The sources the summary was written from, when it draws on more than `source`.
    #[serde(default)]
    pub summary_sources: Vec<String>,
    #[serde(default)]
    pub categories: Vec<Category>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Category {
    pub code: String,
    pub name: String,
    #[serde(default)]
    pub activities: Vec<String>,
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum CompetencyKind {
    Attitude,
    Social,
    Language,
    Technical,
    Digital,
    #[default]
    Other,
    /// Format 2: a transversal skill (CUOC's destrezas).
    Skill,
    /// Format 2: an area of knowledge (CUOC's conocimientos).
    Knowledge,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Competency {
    pub id: String,
    pub name: String,
    #[serde(default)]
    pub kind: CompetencyKind,
    #[serde(default)]
    pub description: String,
    #[serde(default)]
    pub source: String,
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Importance {
    #[default]
    Essential,
    Optional,
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Link {
    /// The source says so.
    #[default]
    Stated,
    /// Rumbo's data inferred it (e.g. from a program's name); the UI and exports say so.
    Inferred,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Occupation {
    pub id: String,
    pub sector: String,
    pub title: String,
    #[serde(default)]
    pub description: String,
    #[serde(default)]
    pub codes: Vec<Code>,
    #[serde(default)]
    pub functions: Vec<Function>,
    #[serde(default)]
    pub competencies: Vec<Need>,
    #[serde(default)]
    pub source: String,
    /// Format 2: the job titles people use for it (CUOC's denominaciones).
    #[serde(default)]
    pub alt_titles: Vec<AltTitle>,
    /// Format 2: ids of related occupations (directed: A lists B does not mean B lists A).
    #[serde(default)]
    pub related: Vec<String>,
    /// Format 2: competency level, 1 (simple manual tasks) to 4 (complex problem solving); 0 = not given.
    #[serde(default)]
    pub level: u8,
    /// Format 2: other sectors that list this occupation too (it belongs to `sector`).
    #[serde(default)]
    pub secondary_sectors: Vec<String>,
}

/// A job title as people use it, with the code its source gives it (CUOC: `52300.001`).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AltTitle {
    #[serde(default)]
    pub code: String,
    pub title: String,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Code {
    pub system: String,
    pub code: String,
    /// Format 2: the code covers only part of the occupation (or the occupation only part of it):
    /// a partial equivalence.
    #[serde(default)]
    pub partial: bool,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Function {
    pub id: String,
    pub text: String,
    #[serde(default)]
    pub importance: Importance,
    /// Format 2: a catch-all function ("Desempeñar funciones afines.") kept word for word but
    /// telling nothing about the occupation: fit does not count it.
    #[serde(default)]
    pub catch_all: bool,
}

/// An occupation's need for a competency.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Need {
    pub competency: String,
    #[serde(default)]
    pub importance: Importance,
    /// Format 2: whether the source states the need or rumbo's data inferred it.
    #[serde(default)]
    pub link: Link,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Program {
    pub id: String,
    pub institution: String,
    pub name: String,
    #[serde(default)]
    pub level: String,
    #[serde(default)]
    pub occupations: Vec<String>,
    #[serde(default)]
    pub link: Link,
    #[serde(default)]
    pub source: String,
}

impl Catalog {
    pub fn function_count(&self) -> usize {
        self.occupations.iter().map(|o| o.functions.len()).sum()
    }
}
