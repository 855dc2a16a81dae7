//! What each format added, and where a file uses it: a file that says an older `format` may not use
//! what a newer one added, or an older rumbo would be told it can read it (docs/versions.md).

use super::model::Catalog;
use super::parse::Located;
use super::problem::{Problem, ProblemKind};

/// Every use of a field newer than the format `catalog` says, at its place.
pub fn problems(catalog: &Catalog, located: &Located) -> Vec<Problem> {
    let mut problems = Vec::new();
    if catalog.format < 2 {
        problems.extend(
            format_2_fields(catalog)
                .map(|(path, field)| located.problem(&path, ProblemKind::NeedsFormat2(field.to_string()))),
        );
    }
    if catalog.format < 3 {
        problems.extend(
            format_3_fields(catalog)
                .map(|(path, field)| located.problem(&path, ProblemKind::NeedsFormat3(field.to_string()))),
        );
    }
    if catalog.format < 4 {
        // Format 4 (issue 16): an occupation's interest profile.
        let with = catalog.occupations.iter().enumerate().filter(|(_, o)| o.interests.is_some());
        problems.extend(with.map(|(i, _)| {
            located.problem(
                &format!("occupations[{i}].interests"),
                ProblemKind::NeedsFormat4("interests".into()),
            )
        }));
    }
    problems
}

/// Where a catalog uses what format 2 added (path, field): a file saying `format: 1` may not, or an
/// older rumbo would be told it can read it.
fn format_2_fields(catalog: &Catalog) -> impl Iterator<Item = (String, &'static str)> + '_ {
    use super::model::CompetencyKind::{Knowledge, Skill};
    let kinds = catalog.competencies.iter().enumerate().filter(|(_, c)| matches!(c.kind, Skill | Knowledge));
    let kinds = kinds.map(|(i, _)| (format!("competencies[{i}].kind"), "kind"));
    let same = catalog.competencies.iter().enumerate().filter(|(_, c)| !c.same_as.is_empty());
    let kinds = kinds.chain(same.map(|(i, _)| (format!("competencies[{i}].same_as"), "same_as")));
    let occupations = catalog.occupations.iter().enumerate().flat_map(|(i, o)| {
        let p = move |f: &str| format!("occupations[{i}].{f}");
        let mut found = Vec::new();
        let whole = [
            (!o.alt_titles.is_empty(), "alt_titles"),
            (!o.related.is_empty(), "related"),
            (o.level != 0, "level"),
            (!o.secondary_sectors.is_empty(), "secondary_sectors"),
        ];
        found.extend(whole.into_iter().filter(|(used, _)| *used).map(|(_, f)| (p(f), f)));
        found.extend(
            o.codes.iter().position(|c| c.partial).map(|j| (p(&format!("codes[{j}].partial")), "partial")),
        );
        let sourced = o.codes.iter().position(|c| !c.source.is_empty());
        found.extend(sourced.map(|j| (p(&format!("codes[{j}].source")), "source")));
        let catch_all = o.functions.iter().position(|f| f.catch_all);
        found.extend(catch_all.map(|j| (p(&format!("functions[{j}].catch_all")), "catch_all")));
        let link = o.competencies.iter().position(|n| n.link != super::model::Link::Stated);
        found.extend(link.map(|j| (p(&format!("competencies[{j}].link")), "link")));
        found
    });
    kinds.chain(occupations)
}

/// Where a catalog uses what format 3 added, a program's details (path, field).
fn format_3_fields(catalog: &Catalog) -> impl Iterator<Item = (String, &'static str)> + '_ {
    catalog.programs.iter().enumerate().flat_map(|(i, g)| {
        let texts = g.detail_texts().into_iter().filter(|(_, v)| v.is_some()).map(|(f, _)| f);
        let modality = g.modality.map(|_| "modality");
        texts.chain(modality).map(move |f| (format!("programs[{i}].{f}"), f)).collect::<Vec<_>>()
    })
}
