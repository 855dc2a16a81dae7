//! The rule on small hand-made tables: what each step reaches, and which basis it says.

use super::*;

/// ISCO → [(SOC, partial)], SOC.NN codes (2010 = 2019 here) and their values.
fn tables(isco: &[(&str, &[(&str, bool)])], onet: &[(&str, [f64; 6])]) -> Tables {
    let mut t = Tables::default();
    for (code, socs) in isco {
        t.isco_soc.insert(code.to_string(), socs.iter().map(|(s, p)| (s.to_string(), *p)).collect());
    }
    for (code, values) in onet {
        t.onet_2019.insert(code.to_string(), vec![code.to_string()]);
        t.interests.insert(code.to_string(), *values);
    }
    t
}

fn codes(list: &[(&str, bool)]) -> Vec<(String, bool)> {
    list.iter().map(|(c, p)| (c.to_string(), *p)).collect()
}

const A: [f64; 6] = [7.0, 2.0, 1.0, 1.0, 1.5, 4.0];
const B: [f64; 6] = [5.0, 2.0, 1.0, 3.0, 1.5, 2.0];
const C: [f64; 6] = [1.0, 1.0, 1.0, 7.0, 1.0, 1.0];

#[test]
fn complete_links_win_over_partial_ones() {
    let t = tables(
        &[("7212", &[("51-4121", false), ("51-4122", true)])],
        &[("51-4121.06", A), ("51-4122.00", C)],
    );
    let p = profile(&codes(&[("7212", false)]), &t).unwrap();
    assert_eq!((p.values(), p.basis, p.onet), (A, Basis::Complete, vec!["51-4121.06".to_string()]));
}

#[test]
fn a_partial_equivalence_in_danes_table_makes_every_link_partial() {
    let t = tables(&[("7212", &[("51-4121", false)])], &[("51-4121.06", A)]);
    let p = profile(&codes(&[("7212", true)]), &t).unwrap();
    assert_eq!((p.values(), p.basis), (A, Basis::Partial));
}

#[test]
fn without_complete_links_all_links_are_averaged_each_onet_occupation_once() {
    // Two SOC codes, one with two O*NET occupations; B is reached twice but counts once.
    let t = tables(
        &[("5230", &[("41-2011", true), ("41-2012", true)]), ("5231", &[("41-2012", true)])],
        &[("41-2011.00", A), ("41-2012.00", B), ("41-2012.01", C)],
    );
    let p = profile(&codes(&[("5230", false), ("5231", false)]), &t).unwrap();
    assert_eq!(p.basis, Basis::Partial);
    assert_eq!(p.onet, ["41-2011.00", "41-2012.00", "41-2012.01"]);
    // (7+5+1)/3 = 4.333… → 4.33; (1.5+1.5+1)/3 = 1.333… → 1.33; (4+2+1)/3 = 2.33.
    assert_eq!(p.values(), [4.33, 1.67, 1.0, 3.67, 1.33, 2.33]);
}

#[test]
fn a_complete_link_that_reaches_nothing_falls_back_to_all_links() {
    let t = tables(&[("3413", &[("21-2011", false), ("21-2021", true)])], &[("21-2021.00", B)]);
    let p = profile(&codes(&[("3413", false)]), &t).unwrap();
    assert_eq!((p.values(), p.basis), (B, Basis::Partial));
}

#[test]
fn a_colombian_adaptation_takes_its_parent_group() {
    // 9625 is not in ISCO-08; 9621 and 9629 are, under 962. 9511 (another group) is not used.
    let t = tables(
        &[("9621", &[("43-5021", false)]), ("9629", &[("39-3031", true)]), ("9511", &[("41-9091", false)])],
        &[("43-5021.00", A), ("39-3031.00", C), ("41-9091.00", B)],
    );
    let p = profile(&codes(&[("9625", false)]), &t).unwrap();
    assert_eq!(p.basis, Basis::ParentGroup("962".into()));
    assert_eq!(p.onet, ["39-3031.00", "43-5021.00"]);
    assert_eq!(p.values(), [4.0, 1.5, 1.0, 4.0, 1.25, 2.5]);
    // With no three-digit group in ISCO-08 (733x), the two-digit one (73).
    let t = tables(&[("7311", &[("51-9071", false)])], &[("51-9071.00", A)]);
    assert_eq!(profile(&codes(&[("7331", false)]), &t).unwrap().basis, Basis::ParentGroup("73".into()));
}

#[test]
fn a_complete_link_of_another_code_wins_over_a_parent_group() {
    let t = tables(
        &[("2163", &[("27-1025", false)]), ("7311", &[("51-9071", false)])],
        &[("27-1025.00", C), ("51-9071.00", A)],
    );
    let p = profile(&codes(&[("2163", false), ("7361", false)]), &t).unwrap();
    assert_eq!((p.values(), p.basis), (C, Basis::Complete));
}

#[test]
fn a_code_that_reaches_nothing_takes_its_parent_group_as_the_extension() {
    // 3413 is in ISCO-08 but its SOC code has no O*NET profile; 3412, in its group 341, has.
    let t = tables(&[("3413", &[("21-2011", false)]), ("3412", &[("21-1093", false)])], &[("21-1093.00", C)]);
    let p = profile(&codes(&[("3413", false)]), &t).unwrap();
    assert_eq!((p.values(), p.basis), (C, Basis::WiderGroup("341".into())));
}

#[test]
fn an_occupation_that_reaches_nothing_has_no_profile() {
    let t = tables(&[("0110", &[("55-1011", false)])], &[("51-9071.00", A)]);
    assert_eq!(profile(&codes(&[("0110", false)]), &t), None);
    assert_eq!(profile(&[], &t), None);
}

#[test]
fn attach_counts_each_path_and_raises_the_format() {
    use crate::catalog::model::Code;
    let t = tables(&[("7212", &[("51-4121", false)]), ("0110", &[("55-1011", false)])], &[("51-4121.06", A)]);
    let mut catalog: Catalog =
        ron::from_str(r#"(format: 2, id: "c", title: "c", language: "es", sectors: [], occupations: [])"#)
            .unwrap();
    for (id, ciuo) in [("cuoc-72120", "7212"), ("cuoc-01100", "0110")] {
        let mut o: crate::catalog::Occupation =
            ron::from_str(&format!("(id: \"{id}\", sector: \"s\", title: \"t\")")).unwrap();
        o.codes = vec![
            Code { system: "CUOC".into(), code: id[5..].into(), partial: false, source: String::new() },
            Code { system: "CIUO-08".into(), code: ciuo.into(), partial: false, source: String::new() },
        ];
        catalog.occupations.push(o);
    }
    let c = attach(&mut catalog, &t);
    assert_eq!((c.complete, c.with_profile(), c.none.as_slice()), (1, 1, ["01100".to_string()].as_slice()));
    assert_eq!(catalog.format, 4);
    assert!(catalog.sources.iter().any(|s| s.id == ONET_SOURCE_ID && s.note.contains("USDOL/ETA")));
}
