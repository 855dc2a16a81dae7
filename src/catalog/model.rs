//! Catalog formats 1 to 4, as office IT staff write them by hand (or the CUOC importer writes
//! them). Field names and enum values here are the contract documented in docs/catalog-format.md:
//! add to it, never rename. Formats 2 to 4 only add fields (all optional) and enum values, so one
//! model reads them all. The types serialized by hand are in serialize.rs.

use serde::{Deserialize, Serialize};

pub use super::interests::{Basis, InterestProfile};

/// The newest catalog format this rumbo understands.
pub const FORMAT: u32 = 4;

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

#[derive(Clone, Debug, PartialEq, Deserialize)]
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
    /// Format 2: the same competency in another catalog (BPO's "Trabajo en equipo" is CUOC's
    /// `cuoc-destreza-11`): one mark counts for both, search lists it once. The other need not be loaded.
    #[serde(default)]
    pub same_as: Vec<SameAs>,
}

/// A declared equivalence with a competency of (usually) another catalog, by id.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SameAs {
    pub competency: String,
    /// `Inferred` when neither source says they are the same (rumbo matched them by name).
    #[serde(default)]
    pub link: Link,
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

/// Serialized by hand (serialize.rs): `interests` stays out of the RON text when absent.
#[derive(Clone, Debug, PartialEq, Deserialize)]
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
    /// Format 4: its interest profile (RIASEC), derived from O*NET by the import, never DANE's.
    #[serde(default, deserialize_with = "optional")]
    pub interests: Option<InterestProfile>,
}

/// A job title as people use it, with the code its source gives it (CUOC: `52300.001`).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AltTitle {
    #[serde(default)]
    pub code: String,
    pub title: String,
}

#[derive(Clone, Debug, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Code {
    pub system: String,
    pub code: String,
    /// Format 2: the code covers only part of the occupation (or the occupation only part of it):
    /// a partial equivalence.
    #[serde(default)]
    pub partial: bool,
    /// Format 2: where the code comes from, when not from the occupation's own `source` (a `sources`
    /// id, e.g. one that says how the code was matched).
    #[serde(default)]
    pub source: String,
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
    /// Not in the file: the other ids of the same competency (declared with `same_as`), filled in by
    /// [`super::CatalogSet::new`] so fit and marks, which see only the occupation, count a mark on
    /// any of them.
    #[serde(skip)]
    pub same: Vec<String>,
}

#[derive(Clone, Debug, PartialEq, Deserialize)]
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
    /// Format 3: the program's web page; only `http://` or `https://` (checked in `parse`).
    #[serde(default, deserialize_with = "optional_text")]
    pub url: Option<String>,
    /// Format 3: whom to ask (a phone, an e-mail, an office), as the catalog writes it.
    #[serde(default, deserialize_with = "optional_text")]
    pub contact: Option<String>,
    /// Format 3: how long it lasts ("6 meses", "120 horas"), free text.
    #[serde(default, deserialize_with = "optional_text")]
    pub duration: Option<String>,
    /// Format 3: where it is taught.
    #[serde(default, deserialize_with = "optional")]
    pub modality: Option<Modality>,
    /// Format 3: what it costs ("Gratuito"), free text.
    #[serde(default, deserialize_with = "optional_text")]
    pub cost: Option<String>,
    /// Format 3: what a person needs to enrol (age, schooling, documents), free text.
    #[serde(default, deserialize_with = "optional_text")]
    pub requirements: Option<String>,
    /// Format 3: when it is taught ("lunes a viernes, 6 a 10 p. m."), free text.
    #[serde(default, deserialize_with = "optional_text")]
    pub schedule: Option<String>,
}

/// Where a program is taught (format 3). `presencial`, `virtual` and `mixta` are accepted too.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Modality {
    #[serde(alias = "presencial")]
    Presencial,
    #[serde(alias = "virtual")]
    Virtual,
    #[serde(alias = "mixta")]
    Mixta,
}

impl Program {
    /// True when the program has any of the details format 3 added.
    pub fn has_details(&self) -> bool {
        self.modality.is_some() || self.detail_texts().iter().any(|(_, v)| v.is_some())
    }

    /// The free-text details format 3 added, by field name, in the documented order.
    pub fn detail_texts(&self) -> [(&'static str, &Option<String>); 6] {
        [
            ("url", &self.url),
            ("contact", &self.contact),
            ("duration", &self.duration),
            ("cost", &self.cost),
            ("requirements", &self.requirements),
            ("schedule", &self.schedule),
        ]
    }
}

/// An optional value written plainly in RON (`modality: Virtual`, no `Some(…)`, like every other
/// optional field), while a binary form (postcard) keeps serde's own `Option` encoding.
pub fn optional<'de, D, T>(deserializer: D) -> Result<Option<T>, D::Error>
where
    D: serde::Deserializer<'de>,
    T: Deserialize<'de>,
{
    if deserializer.is_human_readable() {
        T::deserialize(deserializer).map(Some)
    } else {
        Option::<T>::deserialize(deserializer)
    }
}

/// [`optional`] for text: an empty (or blank) text is "not given", as everywhere else in a catalog.
pub fn optional_text<'de, D: serde::Deserializer<'de>>(deserializer: D) -> Result<Option<String>, D::Error> {
    Ok(optional::<D, String>(deserializer)?.filter(|t| !t.trim().is_empty()))
}

impl Catalog {
    pub fn function_count(&self) -> usize {
        self.occupations.iter().map(|o| o.functions.len()).sum()
    }
}
