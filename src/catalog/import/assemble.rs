//! The drafts of the CUOC occupations → the catalog: ids, sources and the names the spellings chose.

use super::clean::Spellings;
use super::cuoc::{CATALOG_ID, CATCH_ALL, Draft, SOURCE_ID};
use super::{Expected, ImportProblem};
use crate::catalog::model::{
    AltTitle, Catalog, Code, Competency, CompetencyKind, Function, Importance, Link, Need, Occupation,
    Sector, Source,
};
use std::collections::BTreeMap;

pub(super) fn finish(
    drafts: BTreeMap<String, Draft>,
    skills: &BTreeMap<u32, Spellings>,
    knowledge: &BTreeMap<u32, Spellings>,
    areas: &BTreeMap<String, Spellings>,
) -> Result<Catalog, ImportProblem> {
    let sector_id = |sigla: &str| format!("cuoc-area-{}", sigla.to_lowercase());
    let skill_id = |id: &u32| format!("cuoc-destreza-{id}");
    let knowledge_id = |id: &u32| format!("cuoc-conocimiento-{id}");
    let mut occupations = Vec::with_capacity(drafts.len());
    for (code, d) in drafts {
        let Some(area) = &d.area else {
            let cell = format!("Descripción!A{}", d.row);
            return Err(ImportProblem::BadCell { cell, expected: Expected::PrincipalArea, found: code });
        };
        let id = format!("cuoc-{code}");
        let mut codes =
            vec![Code { system: "CUOC".into(), code: code.clone(), partial: false, source: String::new() }];
        codes.extend(d.codes);
        let needs = d.skills.iter().map(skill_id).chain(d.knowledge.iter().map(knowledge_id));
        occupations.push(Occupation {
            sector: sector_id(area),
            title: d.name,
            description: d.description,
            codes,
            functions: d
                .functions
                .into_iter()
                .map(|(n, text)| Function {
                    id: format!("{id}-{n}"),
                    catch_all: text == CATCH_ALL,
                    text,
                    importance: Importance::Essential,
                })
                .collect(),
            competencies: needs
                .map(|competency| Need {
                    competency,
                    importance: Importance::Essential,
                    link: Link::Stated,
                    same: Vec::new(),
                })
                .collect(),
            source: SOURCE_ID.into(),
            alt_titles: d.titles.into_iter().map(|(code, title)| AltTitle { code, title }).collect(),
            related: d.related.iter().map(|c| format!("cuoc-{c}")).collect(),
            level: d.level,
            secondary_sectors: d.secondary.iter().map(|s| sector_id(s)).collect(),
            interests: None,
            id,
        });
    }
    let competency = |id: String, name: &Spellings, kind| Competency {
        id,
        name: name.winner().to_string(),
        kind,
        description: String::new(),
        source: SOURCE_ID.into(),
        same_as: Vec::new(),
    };
    let competencies = skills
        .iter()
        .map(|(id, s)| competency(skill_id(id), s, CompetencyKind::Skill))
        .chain(knowledge.iter().map(|(id, s)| competency(knowledge_id(id), s, CompetencyKind::Knowledge)))
        .collect();
    let sectors = areas
        .iter()
        .map(|(sigla, name)| Sector {
            id: sector_id(sigla),
            name: name.winner().to_string(),
            summary: String::new(),
            source: SOURCE_ID.into(),
            summary_sources: Vec::new(),
            categories: Vec::new(),
        })
        .collect();
    Ok(Catalog {
        // The oldest format that holds everything the CUOC gives (it has no programs, so nothing of
        // format 3): a rumbo that knows only format 2 still reads the file the importer writes.
        format: 2,
        id: CATALOG_ID.into(),
        title: "Clasificación Única de Ocupaciones para Colombia (CUOC 2025)".into(),
        language: "es".into(),
        version: "2025".into(),
        sources: vec![Source {
            id: SOURCE_ID.into(),
            title: "Clasificación Única de Ocupaciones para Colombia — CUOC 2025: perfiles ocupacionales".into(),
            publisher: "Departamento Administrativo Nacional de Estadística (DANE)".into(),
            note: "Importado por rumbo (rumbo catalog import cuoc) de PerfilesOcupacionales-Excel-CUOC-2025.xlsx"
                .into(),
        }],
        sectors,
        competencies,
        occupations,
        programs: Vec::new(),
    })
}
