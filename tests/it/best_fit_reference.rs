//! The best-fit view against a plain reference computation written here: random marks over small random
//! catalogs, and over the BPO and CUOC catalogs themselves. Order, percentages, "solo competencias
//! compartidas", the parts and the count of occupations the filter admits must all agree.

use crate::best_fit::{cuoc_bpo, mark};
use proptest::prelude::*;
use proptest::sample::Index;
use rumbo::app::{Persistence, Workspace};
use rumbo::catalog::{Catalog, CatalogSet, CompetencyKind, Importance, SourceFile, load_files};
use rumbo::session::{BestFilter, MarkKind, MarkLevel, Session};
use std::collections::HashMap;

/// One row as the reference sees it: id, percent, holds a function, shared only, and (held, needed) for
/// functions, skills, knowledge and other competencies.
type Row = (String, u8, bool, bool, [(u16, u16); 4]);

/// The plain computation: walk every occupation, count what is marked, sort by the rule.
fn reference(
    catalogs: &[Catalog],
    marks: &HashMap<(MarkKind, String), MarkLevel>,
    filter: &BestFilter,
) -> (Vec<Row>, usize) {
    let kinds: HashMap<&str, CompetencyKind> =
        catalogs.iter().flat_map(|c| &c.competencies).map(|c| (c.id.as_str(), c.kind)).collect();
    // A competency declared the same as another catalog's (`same_as`) is one mark for both, either way.
    let mut same: HashMap<&str, Vec<&str>> = HashMap::new();
    for c in catalogs.iter().flat_map(|c| &c.competencies) {
        for s in &c.same_as {
            same.entry(c.id.as_str()).or_default().push(s.competency.as_str());
            same.entry(s.competency.as_str()).or_default().push(c.id.as_str());
        }
    }
    let mut admitted = 0;
    let mut rows: Vec<(usize, Row)> = Vec::new();
    let occupations = catalogs.iter().flat_map(|c| &c.occupations);
    for (place, o) in occupations.enumerate() {
        let level_ok = filter.level.is_none() || filter.level == Some(o.level);
        let sector_ok = match &filter.sector {
            None => true,
            Some(s) => &o.sector == s || o.secondary_sectors.contains(s),
        };
        if !(level_ok && sector_ok) {
            continue;
        }
        admitted += 1;
        let mut items: Vec<(MarkKind, &str, Importance, usize)> = Vec::new();
        for f in &o.functions {
            if !f.catch_all {
                items.push((MarkKind::Function, &f.id, f.importance, 0));
            }
        }
        for n in &o.competencies {
            let part = match kinds.get(n.competency.as_str()) {
                Some(CompetencyKind::Skill) => 1,
                Some(CompetencyKind::Knowledge) => 2,
                _ => 3,
            };
            items.push((MarkKind::Competency, &n.competency, n.importance, part));
        }
        let (mut points, mut essential) = (0.0_f64, 0_u32);
        let (mut holds_function, mut holds_competency) = (false, false);
        let mut parts = [(0_u16, 0_u16); 4];
        for (kind, id, importance, part) in items {
            let others =
                if kind == MarkKind::Competency { same.get(id).cloned().unwrap_or_default() } else { vec![] };
            let level = std::iter::once(id).chain(others).find_map(|i| marks.get(&(kind, i.to_string())));
            if level.is_some() {
                if kind == MarkKind::Function {
                    holds_function = true;
                } else {
                    holds_competency = true;
                }
            }
            if importance == Importance::Essential {
                essential += 1;
                parts[part].1 += 1;
                if level.is_some() {
                    parts[part].0 += 1;
                }
                points += match level {
                    Some(MarkLevel::Has) => 1.0,
                    Some(MarkLevel::InDevelopment) => 0.5,
                    None => 0.0,
                };
            }
        }
        let percent = if essential == 0 { 0 } else { (100.0 * points / f64::from(essential)).round() as u8 };
        if holds_function || percent > 0 {
            let shared_only = !holds_function && holds_competency;
            rows.push((place, (o.id.clone(), percent, holds_function, shared_only, parts)));
        }
    }
    rows.sort_by_key(|(place, row)| (!row.2, std::cmp::Reverse(row.1), *place));
    (rows.into_iter().map(|(_, row)| row).collect(), admitted)
}

/// The view's rows (the view model the screen and the keys share), in the reference's terms.
fn viewed(set: &CatalogSet, session: Session, filter: BestFilter) -> (Vec<Row>, usize) {
    let mut ws = Workspace::new(session, Persistence::Saved);
    ws.best_filter = filter;
    let fits = ws.best_fits(set);
    let rows = fits
        .rows
        .iter()
        .map(|r| {
            let p = r.parts;
            let parts = [p.functions, p.skills, p.knowledge, p.competencies].map(|x| (x.held, x.needed));
            let s = r.standing;
            (r.occupation.id.clone(), s.percent, s.holds_function, s.shared_only(), parts)
        })
        .collect();
    (rows, fits.admitted)
}

/// Marks `picks` (an item, and 1 = in development or 2 = has) in a session and in the reference's map;
/// a later pick of the same item overrides an earlier one in both.
fn marked(
    set: &CatalogSet,
    items: &[(MarkKind, String)],
    picks: &[(Index, u8)],
) -> (Session, HashMap<(MarkKind, String), MarkLevel>) {
    let mut session = Session::new("Ana", "", "2026-03-02T14:30:00Z".parse().unwrap(), set).unwrap();
    let mut map = HashMap::new();
    for (pick, level) in picks {
        let (kind, id) = pick.get(items).clone();
        let level = if *level == 1 { MarkLevel::InDevelopment } else { MarkLevel::Has };
        mark(&mut session, kind, &id, level);
        map.insert((kind, id), level);
    }
    (session, map)
}

/// A small catalog: occupations with functions (essential or optional, perhaps a catch-all last) and
/// needs of a shared pool of competencies of three kinds, levels 0–4, three sectors.
#[derive(Clone, Debug)]
struct Occ {
    functions: Vec<bool>,
    catch_all: bool,
    needs: Vec<(usize, bool)>,
    level: u8,
    sector: usize,
    secondary: Vec<usize>,
}

const COMPETENCIES: usize = 6;
const SECTORS: usize = 3;

fn occ() -> impl Strategy<Value = Occ> {
    (
        proptest::collection::vec(any::<bool>(), 0..5),
        any::<bool>(),
        proptest::collection::btree_map(0..COMPETENCIES, any::<bool>(), 0..5),
        0u8..5,
        0..SECTORS,
        proptest::collection::btree_set(0..SECTORS, 0..2),
    )
        .prop_map(|(functions, catch_all, needs, level, sector, secondary)| Occ {
            functions,
            catch_all,
            needs: needs.into_iter().collect(),
            level,
            sector,
            secondary: secondary.into_iter().filter(|s| *s != sector).collect(),
        })
}

fn importance(essential: bool) -> &'static str {
    if essential { "Essential" } else { "Optional" }
}

/// The catalog as an office would write it, in RON, read by rumbo's own loader.
fn catalog_text(occupations: &[Occ], kinds: &[u8]) -> String {
    let sectors: Vec<String> =
        (0..SECTORS).map(|s| format!("Sector(id: \"s{s}\", name: \"Sector {s}\")")).collect();
    let competencies: Vec<String> = kinds
        .iter()
        .enumerate()
        .map(|(c, k)| {
            let kind = ["Skill", "Knowledge", "Social"][usize::from(*k)];
            format!("Competency(id: \"c{c}\", name: \"C{c}\", kind: {kind})")
        })
        .collect();
    let occupations: Vec<String> = occupations
        .iter()
        .enumerate()
        .map(|(i, o)| {
            let mut functions: Vec<String> = o
                .functions
                .iter()
                .enumerate()
                .map(|(j, e)| format!("Function(id: \"o{i}-f{j}\", text: \"F\", importance: {})", importance(*e)))
                .collect();
            if o.catch_all {
                functions.push(format!("Function(id: \"o{i}-all\", text: \"Desempeñar funciones afines.\", catch_all: true)"));
            }
            let needs: Vec<String> = o
                .needs
                .iter()
                .map(|(c, e)| format!("Need(competency: \"c{c}\", importance: {})", importance(*e)))
                .collect();
            let secondary: Vec<String> = o.secondary.iter().map(|s| format!("\"s{s}\"")).collect();
            format!(
                "Occupation(id: \"o{i}\", sector: \"s{}\", title: \"O{i}\", functions: [{}], competencies: [{}], level: {}, secondary_sectors: [{}])",
                o.sector,
                functions.join(", "),
                needs.join(", "),
                o.level,
                secondary.join(", ")
            )
        })
        .collect();
    format!(
        "Catalog(format: 2, id: \"prueba\", title: \"Prueba\", language: \"es\", sectors: [{}], competencies: [{}], occupations: [{}])",
        sectors.join(", "),
        competencies.join(", "),
        occupations.join(", ")
    )
}

/// Every markable item of the catalogs, and one no catalog has (a mark left from an older catalog).
fn items(set: &CatalogSet) -> Vec<(MarkKind, String)> {
    let mut items: Vec<(MarkKind, String)> =
        set.occupations().flat_map(|o| &o.functions).map(|f| (MarkKind::Function, f.id.clone())).collect();
    items.extend(set.competencies().map(|c| (MarkKind::Competency, c.id.clone())));
    items.push((MarkKind::Function, "ya-no-existe".into()));
    items
}

fn filter(level: Option<u8>, sector: Option<String>) -> BestFilter {
    BestFilter { level, sector }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn best_fit_over_a_small_catalog_is_the_reference(
        occupations in proptest::collection::vec(occ(), 1..8),
        kinds in proptest::collection::vec(0u8..3, COMPETENCIES),
        picks in proptest::collection::vec((any::<Index>(), 1u8..=2), 0..14),
        level in proptest::option::of(1u8..=4),
        sector in proptest::option::of(0..SECTORS),
    ) {
        let file = SourceFile { name: "prueba.ron".into(), text: catalog_text(&occupations, &kinds) };
        let catalogs: Vec<Catalog> = load_files(vec![file]).unwrap_or_else(|p| panic!("{p:?}")).into_iter().map(|l| l.catalog).collect();
        let set = CatalogSet::new(catalogs.clone());
        let (session, marks) = marked(&set, &items(&set), &picks);
        let filter = filter(level, sector.map(|s| format!("s{s}")));
        prop_assert_eq!(viewed(&set, session, filter.clone()), reference(&catalogs, &marks, &filter));
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 24, ..ProptestConfig::default() })]

    #[test]
    fn best_fit_over_bpo_and_cuoc_is_the_reference(
        picks in proptest::collection::vec((any::<Index>(), 1u8..=2), 0..30),
        level in proptest::option::of(1u8..=4),
        sector in proptest::option::of(any::<Index>()),
    ) {
        let (set, _) = cuoc_bpo();
        let (session, marks) = marked(&set, &items(&set), &picks);
        let sectors: Vec<String> = set.sectors().map(|s| s.id.clone()).collect();
        let filter = filter(level, sector.map(|i| i.get(&sectors).clone()));
        prop_assert_eq!(viewed(&set, session, filter.clone()), reference(set.catalogs(), &marks, &filter));
    }
}
