//! The catalog: sectors, occupations with their functions, competencies and training programs, as
//! loaded from RON files of format 1 or 2. Pure data and functions; nothing here knows about a terminal.

mod builtin;
pub mod cache;
mod formats;
pub mod import;
mod interests;
mod limits;
mod load;
pub mod locate;
mod model;
mod names;
mod parse;
mod problem;
mod serialize;
mod set;
mod validate;

pub use builtin::{BUILTINS, Builtin, builtin, builtin_ids};
pub use interests::{ONET_CREDIT, RIASEC, SCALE};
pub use load::{
    BUILTIN_NAME, BUILTIN_TEXT, CatalogSources, Input, Loaded, builtin_file, builtin_files, load, load_files,
    load_inputs, read_sources,
};
pub use model::*;
pub use names::{first_form, forms, short_source};
pub use parse::{SourceFile, is_valid_id, parse};
pub use problem::{Problem, ProblemKind};
pub use set::CatalogSet;

use crate::i18n::Lang;

/// The kinds of item a catalog holds; ids are unique within a kind across all loaded catalogs.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ItemKind {
    Catalog,
    Source,
    Sector,
    Occupation,
    Function,
    Competency,
    Program,
    /// A job title people use for an occupation (CUOC's denominaciones); searchable, not an id of
    /// the catalog: it names its occupation.
    Title,
}

impl Modality {
    /// The word for it in `lang` (issue 13), for the programs pane and the plan.
    pub fn name(self, lang: Lang) -> &'static str {
        let s = lang.strings();
        match self {
            Modality::Presencial => s.modality_presencial,
            Modality::Virtual => s.modality_virtual,
            Modality::Mixta => s.modality_mixta,
        }
    }
}

impl ItemKind {
    pub fn name(self, lang: Lang) -> &'static str {
        let s = lang.strings();
        match self {
            ItemKind::Catalog => s.kind_catalog,
            ItemKind::Source => s.kind_source,
            ItemKind::Sector => s.kind_sector,
            ItemKind::Occupation => s.kind_occupation,
            ItemKind::Function => s.kind_function,
            ItemKind::Competency => s.kind_competency,
            ItemKind::Program => s.kind_program,
            ItemKind::Title => s.kind_title,
        }
    }
}
