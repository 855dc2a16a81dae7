//! Checks across every loaded catalog: ids unique per kind, every reference resolves (possibly into
//! another catalog, so an office can add occupations to the BPO sector in a file of its own).

use super::ItemKind;
use super::load::Parsed;
use super::parse::Located;
use super::problem::{Problem, ProblemKind};
use std::collections::HashMap;

/// Where an id was first defined: file index and path inside it.
type Seen = HashMap<(ItemKind, String), (usize, String)>;

pub(super) fn validate(files: &[Parsed]) -> Vec<Problem> {
    let located: Vec<Located> = files.iter().map(|f| Located::of(&f.name, &f.text)).collect();
    let mut problems = Vec::new();
    let mut seen: Seen = HashMap::new();

    for (n, catalog) in files.iter().map(|f| &f.catalog).enumerate() {
        let mut define = |kind: ItemKind, id: &str, path: String| match seen.get(&(kind, id.to_string())) {
            Some((first_file, first_path)) => {
                let other = located[*first_file].problem(first_path, ProblemKind::NoCatalogs).place();
                let kind = ProblemKind::DuplicateId { kind, id: id.to_string(), other };
                problems.push(located[n].problem(&path, kind));
            }
            None => {
                seen.insert((kind, id.to_string()), (n, path));
            }
        };
        define(ItemKind::Catalog, &catalog.id, "id".into());
        for (i, s) in catalog.sources.iter().enumerate() {
            define(ItemKind::Source, &s.id, format!("sources[{i}].id"));
        }
        for (i, s) in catalog.sectors.iter().enumerate() {
            define(ItemKind::Sector, &s.id, format!("sectors[{i}].id"));
        }
        for (i, c) in catalog.competencies.iter().enumerate() {
            define(ItemKind::Competency, &c.id, format!("competencies[{i}].id"));
        }
        for (i, o) in catalog.occupations.iter().enumerate() {
            define(ItemKind::Occupation, &o.id, format!("occupations[{i}].id"));
            for (j, f) in o.functions.iter().enumerate() {
                define(ItemKind::Function, &f.id, format!("occupations[{i}].functions[{j}].id"));
            }
        }
        for (i, p) in catalog.programs.iter().enumerate() {
            define(ItemKind::Program, &p.id, format!("programs[{i}].id"));
        }
    }

    for (n, catalog) in files.iter().map(|f| &f.catalog).enumerate() {
        let mut resolve = |kind: ItemKind, id: &str, path: String| {
            if !seen.contains_key(&(kind, id.to_string())) {
                problems.push(located[n].problem(&path, ProblemKind::Dangling { kind, id: id.to_string() }));
            }
        };
        // An empty `source` means "not given": the field is optional.
        let mut resolve_source = |id: &str, path: String| {
            if !id.is_empty() {
                resolve(ItemKind::Source, id, path);
            }
        };
        for (i, s) in catalog.sectors.iter().enumerate() {
            resolve_source(&s.source, format!("sectors[{i}].source"));
            for (j, id) in s.summary_sources.iter().enumerate() {
                resolve_source(id, format!("sectors[{i}].summary_sources[{j}]"));
            }
        }
        for (i, c) in catalog.competencies.iter().enumerate() {
            resolve_source(&c.source, format!("competencies[{i}].source"));
        }
        for (i, o) in catalog.occupations.iter().enumerate() {
            resolve_source(&o.source, format!("occupations[{i}].source"));
            for (j, c) in o.codes.iter().enumerate() {
                resolve_source(&c.source, format!("occupations[{i}].codes[{j}].source"));
            }
        }
        for (i, p) in catalog.programs.iter().enumerate() {
            resolve_source(&p.source, format!("programs[{i}].source"));
        }
        for (i, o) in catalog.occupations.iter().enumerate() {
            resolve(ItemKind::Sector, &o.sector, format!("occupations[{i}].sector"));
            for (j, id) in o.secondary_sectors.iter().enumerate() {
                resolve(ItemKind::Sector, id, format!("occupations[{i}].secondary_sectors[{j}]"));
            }
            for (j, id) in o.related.iter().enumerate() {
                resolve(ItemKind::Occupation, id, format!("occupations[{i}].related[{j}]"));
            }
            for (j, need) in o.competencies.iter().enumerate() {
                resolve(
                    ItemKind::Competency,
                    &need.competency,
                    format!("occupations[{i}].competencies[{j}].competency"),
                );
            }
        }
        for (i, p) in catalog.programs.iter().enumerate() {
            for (j, id) in p.occupations.iter().enumerate() {
                resolve(ItemKind::Occupation, id, format!("programs[{i}].occupations[{j}]"));
            }
        }
    }
    problems
}
