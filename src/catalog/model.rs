//! Catalog format 1, as office IT staff write it by hand. Field names and enum values here are the
//! contract documented in docs/catalog-format.md: add to it, never rename.

use serde::{Deserialize, Serialize};

/// The newest catalog format this rumbo understands.
pub const FORMAT: u32 = 1;

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
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Code {
    pub system: String,
    pub code: String,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Function {
    pub id: String,
    pub text: String,
    #[serde(default)]
    pub importance: Importance,
}

/// An occupation's need for a competency.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Need {
    pub competency: String,
    #[serde(default)]
    pub importance: Importance,
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
