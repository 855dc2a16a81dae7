//! Each CUOC occupation's interest profile (RIASEC), derived from O*NET: never DANE's, and marked so.
//!
//! The join: CUOC code → CIUO-08 code (DANE's Equivalencias, already the occupation's `codes`; `*` =
//! partial) → 2010 SOC (BLS's crosswalk; `part` = `*` for partial) → O*NET-SOC 2010 (the SOC code is
//! the first seven characters of an O*NET-SOC code) → O*NET-SOC 2019 (O*NET's crosswalk) → the `OI`
//! values of `Interests.txt`. The rule (also in docs/catalog-format.md; each step has a test below):
//! 1. Each CIUO-08 code that ISCO-08 has (BLS lists it) gives one link per 2010 SOC code BLS pairs it
//!    with. A link is complete when neither DANE nor BLS marks it partial.
//! 2. A link reaches every O*NET occupation with `OI` values under its SOC code (2019 codes, each
//!    counted once however many links reach it).
//! 3. The profile is the plain mean of the O*NET occupations reached through complete links where the
//!    occupation has any that reach one (`Basis::Complete`), else through all its links
//!    (`Basis::Partial`).
//! 4. A CIUO-08 code absent from ISCO-08 (a Colombian adaptation: 733x–739x, 8323/8324, 9625/9626…)
//!    stands for its parent ISCO group: the longest prefix (three digits, else two) whose ISCO-08 codes
//!    reach O*NET; its links are theirs, all partial. A profile that uses them is
//!    `Basis::ParentGroup(group)`.
//! 5. rumbo's extension, when 1–4 reach nothing: a CIUO-08 code that ISCO-08 has but whose links reach
//!    no O*NET profile stands, likewise, for its parent group (`Basis::WiderGroup(group)`).
//! 6. Values are rounded to two decimals, as O*NET gives them.
//!
//! An occupation that reaches nothing has no profile (`interests` left out; the UI says so).

use super::onet::Tables;
use crate::catalog::interests::{Basis, InterestProfile};
use crate::catalog::model::{Catalog, Source};
use std::collections::BTreeSet;

/// The catalog source that names O*NET, BLS and the credit.
pub const ONET_SOURCE_ID: &str = "onet-interests";
/// The catalog format that first holds interest profiles.
const FORMAT_WITH_INTERESTS: u32 = 4;

/// How many occupations got a profile by each path, and which got none (their CUOC codes).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Coverage {
    pub complete: usize,
    pub partial: usize,
    pub parent_group: usize,
    pub wider_group: usize,
    pub none: Vec<String>,
}

impl Coverage {
    pub fn with_profile(&self) -> usize {
        self.complete + self.partial + self.parent_group + self.wider_group
    }
}

/// Gives every occupation of `catalog` the profile its CIUO-08 codes reach; the catalog then says
/// format 4 and lists O*NET among its sources.
pub fn attach(catalog: &mut Catalog, tables: &Tables) -> Coverage {
    let mut coverage = Coverage::default();
    for o in &mut catalog.occupations {
        let codes: Vec<(String, bool)> =
            o.codes.iter().filter(|c| c.system == "CIUO-08").map(|c| (c.code.clone(), c.partial)).collect();
        o.interests = profile(&codes, tables);
        match o.interests.as_ref().map(|p| &p.basis) {
            Some(Basis::Complete) => coverage.complete += 1,
            Some(Basis::Partial) => coverage.partial += 1,
            Some(Basis::ParentGroup(_)) => coverage.parent_group += 1,
            Some(Basis::WiderGroup(_)) => coverage.wider_group += 1,
            None => coverage.none.push(o.codes.first().map_or(o.id.clone(), |c| c.code.clone())),
        }
    }
    if coverage.with_profile() > 0 {
        catalog.format = catalog.format.max(FORMAT_WITH_INTERESTS);
        catalog.sources.push(Source {
            id: ONET_SOURCE_ID.into(),
            title: "O*NET 30.2 Database: Interests (RIASEC); ISCO-08 ↔ 2010 SOC; O*NET-SOC 2010 → 2019"
                .into(),
            publisher:
                "U.S. Department of Labor, Employment and Training Administration (USDOL/ETA), O*NET; \
                        U.S. Bureau of Labor Statistics (BLS)"
                    .into(),
            note: format!(
                "Perfil de intereses derivado por rumbo (no es del DANE). {}",
                crate::catalog::interests::ONET_CREDIT
            ),
        });
    }
    coverage
}

/// One link's O*NET occupations, whether it is complete, and the group it stands in for (rule 4/5).
struct Link {
    onet: BTreeSet<String>,
    complete: bool,
    group: Option<String>,
}

/// The profile that `codes` (CIUO-08 code, partial) reach, by the rule above.
pub fn profile(codes: &[(String, bool)], tables: &Tables) -> Option<InterestProfile> {
    let mut links = Vec::new();
    for (ciuo, partial) in codes {
        match tables.isco_soc.get(ciuo) {
            Some(socs) => links.extend(socs.iter().map(|(soc, p)| Link {
                onet: reached(soc, tables),
                complete: !partial && !p,
                group: None,
            })),
            None => links.extend(group_links(ciuo, tables)),
        }
    }
    let union = |keep: &dyn Fn(&Link) -> bool| -> BTreeSet<String> {
        links.iter().filter(|l| keep(l)).flat_map(|l| l.onet.iter().cloned()).collect()
    };
    let complete = union(&|l| l.complete);
    if !complete.is_empty() {
        return Some(mean(complete, Basis::Complete, tables));
    }
    let all = union(&|_| true);
    if !all.is_empty() {
        let groups: BTreeSet<&str> =
            links.iter().filter(|l| !l.onet.is_empty()).filter_map(|l| l.group.as_deref()).collect();
        let basis = if groups.is_empty() { Basis::Partial } else { Basis::ParentGroup(join(&groups)) };
        return Some(mean(all, basis, tables));
    }
    // Rule 5: the codes ISCO-08 has, each standing for its parent group.
    let wider: Vec<Link> = codes
        .iter()
        .filter(|(c, _)| tables.isco_soc.contains_key(c))
        .flat_map(|(c, _)| group_links(c, tables))
        .collect();
    let groups: BTreeSet<&str> = wider.iter().filter_map(|l| l.group.as_deref()).collect();
    let onet: BTreeSet<String> = wider.iter().flat_map(|l| l.onet.iter().cloned()).collect();
    (!onet.is_empty()).then(|| mean(onet, Basis::WiderGroup(join(&groups)), tables))
}

/// The links of the parent group of `code`: the longest prefix (3, then 2 digits) whose other ISCO-08
/// codes reach O*NET; none if no prefix does.
fn group_links(code: &str, tables: &Tables) -> Vec<Link> {
    for len in [3, 2] {
        let Some(group) = code.get(..len) else { continue };
        let links: Vec<Link> = tables
            .isco_soc
            .range(group.to_string()..)
            .take_while(|(isco, _)| isco.starts_with(group))
            .filter(|(isco, _)| isco.as_str() != code)
            .flat_map(|(_, socs)| socs.iter())
            .map(|(soc, _)| Link {
                onet: reached(soc, tables),
                complete: false,
                group: Some(group.to_string()),
            })
            .filter(|l| !l.onet.is_empty())
            .collect();
        if !links.is_empty() {
            return links;
        }
    }
    Vec::new()
}

/// The O*NET-SOC 2019 occupations with `OI` values under a 2010 SOC code.
fn reached(soc: &str, tables: &Tables) -> BTreeSet<String> {
    let prefix = format!("{soc}.");
    tables
        .onet_2019
        .range(prefix.clone()..)
        .take_while(|(code, _)| code.starts_with(&prefix))
        .flat_map(|(_, to)| to.iter())
        .filter(|code| tables.interests.contains_key(*code))
        .cloned()
        .collect()
}

/// The plain mean of the profiles of `onet` (none empty), rounded to two decimals (rule 6).
fn mean(onet: BTreeSet<String>, basis: Basis, tables: &Tables) -> InterestProfile {
    let mut sum = [0.0; 6];
    for values in onet.iter().filter_map(|c| tables.interests.get(c)) {
        for (s, v) in sum.iter_mut().zip(values) {
            *s += v;
        }
    }
    let n = onet.len() as f64;
    let values = sum.map(|s| (s / n * 100.0).round() / 100.0);
    InterestProfile::new(values, basis, onet.into_iter().collect())
}

fn join(groups: &BTreeSet<&str>) -> String {
    groups.iter().copied().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
#[path = "interests_tests.rs"]
mod tests;
