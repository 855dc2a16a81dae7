//! The loaded catalogs as one body of data, with look-ups by id.

use super::model::{Catalog, Competency, Occupation, Program, Sector, Source};
use std::collections::HashMap;

/// Index of an item: which catalog, and where in it.
type At = (usize, usize);

#[derive(Debug, Default)]
pub struct CatalogSet {
    catalogs: Vec<Catalog>,
    sectors: HashMap<String, At>,
    occupations: HashMap<String, At>,
    competencies: HashMap<String, At>,
    programs: HashMap<String, At>,
    sources: HashMap<String, At>,
    /// Occupation id → ids of the programs that serve it, in catalog order.
    programs_by_occupation: HashMap<String, Vec<String>>,
}

impl CatalogSet {
    /// Builds the look-ups. The catalogs must have passed validation (ids unique per kind).
    pub fn new(catalogs: Vec<Catalog>) -> CatalogSet {
        let mut set = CatalogSet { catalogs, ..CatalogSet::default() };
        for (c, catalog) in set.catalogs.iter().enumerate() {
            let index = |map: &mut HashMap<String, At>, ids: Vec<&String>| {
                for (i, id) in ids.into_iter().enumerate() {
                    map.insert(id.clone(), (c, i));
                }
            };
            index(&mut set.sectors, catalog.sectors.iter().map(|s| &s.id).collect());
            index(&mut set.occupations, catalog.occupations.iter().map(|o| &o.id).collect());
            index(&mut set.competencies, catalog.competencies.iter().map(|x| &x.id).collect());
            index(&mut set.programs, catalog.programs.iter().map(|p| &p.id).collect());
            index(&mut set.sources, catalog.sources.iter().map(|s| &s.id).collect());
            for program in &catalog.programs {
                for occupation in &program.occupations {
                    set.programs_by_occupation
                        .entry(occupation.clone())
                        .or_default()
                        .push(program.id.clone());
                }
            }
        }
        set
    }

    pub fn catalogs(&self) -> &[Catalog] {
        &self.catalogs
    }

    pub fn sectors(&self) -> impl Iterator<Item = &Sector> {
        self.catalogs.iter().flat_map(|c| &c.sectors)
    }

    pub fn occupations(&self) -> impl Iterator<Item = &Occupation> {
        self.catalogs.iter().flat_map(|c| &c.occupations)
    }

    pub fn competencies(&self) -> impl Iterator<Item = &Competency> {
        self.catalogs.iter().flat_map(|c| &c.competencies)
    }

    pub fn programs(&self) -> impl Iterator<Item = &Program> {
        self.catalogs.iter().flat_map(|c| &c.programs)
    }

    /// The occupations of a sector, from every catalog that adds to it.
    pub fn occupations_in<'a>(&'a self, sector: &'a str) -> impl Iterator<Item = &'a Occupation> + 'a {
        self.occupations().filter(move |o| o.sector == sector)
    }

    pub fn sector(&self, id: &str) -> Option<&Sector> {
        self.sectors.get(id).map(|&(c, i)| &self.catalogs[c].sectors[i])
    }

    pub fn occupation(&self, id: &str) -> Option<&Occupation> {
        self.occupations.get(id).map(|&(c, i)| &self.catalogs[c].occupations[i])
    }

    pub fn competency(&self, id: &str) -> Option<&Competency> {
        self.competencies.get(id).map(|&(c, i)| &self.catalogs[c].competencies[i])
    }

    pub fn program(&self, id: &str) -> Option<&Program> {
        self.programs.get(id).map(|&(c, i)| &self.catalogs[c].programs[i])
    }

    pub fn source(&self, id: &str) -> Option<&Source> {
        self.sources.get(id).map(|&(c, i)| &self.catalogs[c].sources[i])
    }

    /// The programs that serve an occupation.
    pub fn programs_for(&self, occupation: &str) -> Vec<&Program> {
        self.programs_by_occupation
            .get(occupation)
            .into_iter()
            .flatten()
            .filter_map(|id| self.program(id))
            .collect()
    }
}
