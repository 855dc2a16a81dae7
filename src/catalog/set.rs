//! The loaded catalogs as one body of data, with look-ups by id.

use super::model::{Catalog, Code, Competency, Function, Occupation, Program, Sector, Source};
use std::collections::{HashMap, HashSet};
use std::sync::OnceLock;

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
    /// Occupation id → the programs that serve it, in catalog order.
    programs_by_occupation: HashMap<String, Vec<At>>,
    /// Sector id → its occupations, in catalog order.
    occupations_by_sector: HashMap<String, Vec<At>>,
    /// Sector id → the occupations placed elsewhere that list it as a complementary area
    /// (`secondary_sectors`), in catalog order.
    complementary_by_sector: HashMap<String, Vec<At>>,
    /// Competency id → the other ids of the same competency (`same_as`, either direction). Empty for
    /// nearly every competency.
    same: HashMap<String, Vec<String>>,
    /// Competencies a loaded one declares itself the same as (`same_as` targets).
    declared_same: HashSet<String>,
    /// Made the first time a function or a competency's occupations are looked up: most starts
    /// never need them, and at ESCO's size (30,000 functions, 120,000 needs) they cost a few ms.
    by_item: OnceLock<ByItem>,
}

/// Where each function is, and which occupations need each competency.
#[derive(Debug, Default)]
struct ByItem {
    /// Function id → (its occupation, its place in the occupation's functions).
    functions: HashMap<String, (At, usize)>,
    /// Competency id → the occupations that need it, in catalog order.
    needing: HashMap<String, Vec<At>>,
}

impl CatalogSet {
    /// Builds the look-ups. The catalogs must have passed validation (ids unique per kind).
    pub fn new(catalogs: Vec<Catalog>) -> CatalogSet {
        let mut set = CatalogSet { catalogs, ..CatalogSet::default() };
        set.same = same_competencies(&set.catalogs);
        set.declared_same = (set.catalogs.iter().flat_map(|c| &c.competencies))
            .flat_map(|c| c.same_as.iter().filter(move |s| s.competency != c.id))
            .map(|s| s.competency.clone())
            .collect();
        if !set.same.is_empty() {
            for occupation in set.catalogs.iter_mut().flat_map(|c| &mut c.occupations) {
                for need in &mut occupation.competencies {
                    need.same = set.same.get(&need.competency).cloned().unwrap_or_default();
                }
            }
        }
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
            for (i, occupation) in catalog.occupations.iter().enumerate() {
                push_under(&mut set.occupations_by_sector, &occupation.sector, (c, i));
                let mut listed: Vec<&String> = Vec::new();
                for sector in occupation.secondary_sectors.iter().filter(|s| **s != occupation.sector) {
                    if !listed.contains(&sector) {
                        listed.push(sector);
                        push_under(&mut set.complementary_by_sector, sector, (c, i));
                    }
                }
            }
            for (i, program) in catalog.programs.iter().enumerate() {
                for occupation in &program.occupations {
                    push_under(&mut set.programs_by_occupation, occupation, (c, i));
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

    /// The occupations of a sector, from every catalog that adds to it, in catalog order.
    pub fn occupations_in<'a>(&'a self, sector: &str) -> impl Iterator<Item = &'a Occupation> + 'a {
        self.occupations_by_sector.get(sector).into_iter().flatten().map(|&at| self.occupation_at(at))
    }

    /// The occupations placed in another sector that list `sector` as a complementary area, in catalog order.
    pub fn occupations_also_in<'a>(&'a self, sector: &str) -> impl Iterator<Item = &'a Occupation> + 'a {
        self.complementary_by_sector.get(sector).into_iter().flatten().map(|&at| self.occupation_at(at))
    }

    fn occupation_at(&self, (c, i): At) -> &Occupation {
        &self.catalogs[c].occupations[i]
    }

    fn by_item(&self) -> &ByItem {
        self.by_item.get_or_init(|| {
            let mut by_item = ByItem::default();
            for (c, catalog) in self.catalogs.iter().enumerate() {
                for (i, occupation) in catalog.occupations.iter().enumerate() {
                    for (f, function) in occupation.functions.iter().enumerate() {
                        by_item.functions.insert(function.id.clone(), ((c, i), f));
                    }
                    for need in &occupation.competencies {
                        // A mark on the same competency under another id finds this occupation too.
                        for id in std::iter::once(&need.competency).chain(&need.same) {
                            push_under(&mut by_item.needing, id, (c, i));
                        }
                    }
                }
            }
            by_item
        })
    }

    /// A function, with the occupation it belongs to.
    pub fn function(&self, id: &str) -> Option<(&Occupation, &Function)> {
        let &(at, f) = self.by_item().functions.get(id)?;
        let occupation = self.occupation_at(at);
        Some((occupation, &occupation.functions[f]))
    }

    /// The occupations that need a competency, in catalog order, each with its place in that
    /// order (for ranking ties the way a walk through [`CatalogSet::occupations`] would).
    pub fn occupations_needing<'a>(
        &'a self,
        competency: &str,
    ) -> impl Iterator<Item = ((usize, usize), &'a Occupation)> + 'a {
        self.by_item().needing.get(competency).into_iter().flatten().map(|&at| (at, self.occupation_at(at)))
    }

    /// An occupation's place in catalog order, comparable with the others'.
    pub fn occupation_place(&self, id: &str) -> Option<(usize, usize)> {
        self.occupations.get(id).copied()
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

    /// The other ids of the same competency (declared with `same_as`), loaded or not.
    pub fn same_competencies(&self, id: &str) -> &[String] {
        self.same.get(id).map_or(&[], Vec::as_slice)
    }

    /// A competency another loaded one declared itself the same as: search lists only the declaring
    /// one, so the competency appears once.
    pub fn is_declared_same(&self, id: &str) -> bool {
        self.declared_same.contains(id)
    }

    /// The competency, or the loaded one that declares itself the same: a mark under an id whose
    /// catalog is not loaded (CUOC's, with only the BPO catalog) still names a known competency.
    pub fn competency_or_same(&self, id: &str) -> Option<&Competency> {
        self.competency(id).or_else(|| self.same_competencies(id).iter().find_map(|o| self.competency(o)))
    }

    /// The CUOC occupations an occupation's `CUOC` codes name (the BPO catalog's, from DANE's
    /// Equivalencias), each with the code and the occupation when loaded (ids `cuoc-<code>`,
    /// docs/catalog-format.md), in the codes' order; a CUOC occupation's own code is left out.
    pub fn cuoc_equivalents<'a>(
        &'a self,
        occupation: &'a Occupation,
    ) -> Vec<(&'a Code, Option<&'a Occupation>)> {
        occupation
            .codes
            .iter()
            .filter(|c| c.system == "CUOC")
            .map(|c| (c, format!("cuoc-{}", c.code)))
            .filter(|(_, id)| *id != occupation.id)
            .map(|(c, id)| (c, self.occupation(&id)))
            .collect()
    }

    /// The programs that serve an occupation.
    pub fn programs_for(&self, occupation: &str) -> Vec<&Program> {
        let programs = self.programs_by_occupation.get(occupation).into_iter().flatten();
        programs.map(|&(c, i)| &self.catalogs[c].programs[i]).collect()
    }
}

/// Each competency of a `same_as` declaration → the others of its group.
/// Groups join through shared members (A same as C, B same as C: A, B and C are one).
fn same_competencies(catalogs: &[Catalog]) -> HashMap<String, Vec<String>> {
    let mut groups: Vec<Vec<String>> = Vec::new();
    for competency in catalogs.iter().flat_map(|c| &c.competencies) {
        for same in competency.same_as.iter().filter(|s| s.competency != competency.id) {
            let pair = [competency.id.clone(), same.competency.clone()];
            let mut joined: Vec<String> = Vec::new();
            groups.retain(|g| {
                let touches = g.iter().any(|id| pair.contains(id));
                if touches {
                    joined.extend(g.iter().cloned());
                }
                !touches
            });
            for id in pair {
                if !joined.contains(&id) {
                    joined.push(id);
                }
            }
            groups.push(joined);
        }
    }
    let mut same = HashMap::new();
    for group in groups {
        for id in &group {
            same.insert(id.clone(), group.iter().filter(|o| *o != id).cloned().collect());
        }
    }
    same
}

/// Adds `at` to the list under `key`. Looked up before inserting: most keys get many entries, and a
/// copy of the key for each would be wasted.
fn push_under(map: &mut HashMap<String, Vec<At>>, key: &str, at: At) {
    match map.get_mut(key) {
        Some(list) => list.push(at),
        None => {
            map.insert(key.to_string(), vec![at]);
        }
    }
}
