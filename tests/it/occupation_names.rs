//! Issue 14: at 80×24 no two loaded occupations show the same text in a list. The Ocupaciones pane
//! shows the first gendered form and, when that is too wide, a middle `…` that keeps the end, or the
//! words where two names part (`rumbo::ui::names`).
#![allow(clippy::unwrap_used, clippy::expect_used)]

use crate::cuoc_support::cuoc_catalog;
use proptest::prelude::*;
use ratatui::layout::Rect;
use rumbo::catalog::first_form;
use rumbo::ui::layout::workspace;
use rumbo::ui::list::width;
use rumbo::ui::names::{labels, occupation_label, occupations_name_width};
use std::collections::HashMap;

/// The widths of the percentage the pane shows beside a name: ` 22% `, `(19%) `, `(100%) `.
const PERCENT_WIDTHS: [usize; 3] = [5, 6, 7];

fn name_widths_at_80x24() -> Vec<usize> {
    let (set, _) = cuoc_catalog();
    let areas = workspace(Rect::new(0, 0, 80, 24), set.sectors().count());
    PERCENT_WIDTHS.iter().map(|p| occupations_name_width(&areas, *p)).collect()
}

/// Every label at `width` within it, and no label shared by two different names.
fn assert_told_apart(names: &[&str], width_cells: usize, label: impl Fn(&str) -> String) {
    let mut by_label: HashMap<String, &str> = HashMap::new();
    for name in names {
        let shown = label(name);
        assert!(width(&shown) <= width_cells, "{shown:?} is wider than {width_cells}");
        if let Some(other) = by_label.insert(shown.clone(), name) {
            assert_eq!(other, *name, "{other:?} and {name:?} both read {shown:?} at {width_cells} cells");
        }
    }
}

#[test]
fn every_loaded_occupation_reads_differently_at_the_80x24_width() {
    let (set, _) = cuoc_catalog();
    let names: Vec<&str> = set.occupations().map(|o| o.title.as_str()).collect();
    assert_eq!(names.len(), 686, "BPO and CUOC built-ins");
    let widths = name_widths_at_80x24();
    assert!(widths.iter().all(|w| (20..=24).contains(w)), "{widths:?}");
    for w in widths {
        assert_told_apart(&names, w, |name| occupation_label(&set, name, w));
        // Within each sector's list (its own occupations and those listed there from another area).
        for sector in set.sectors() {
            let listed: Vec<&str> = set
                .occupations_in(&sector.id)
                .chain(set.occupations_also_in(&sector.id))
                .map(|o| o.title.as_str())
                .collect();
            assert_told_apart(&listed, w, |name| occupation_label(&set, name, w));
        }
    }
}

#[test]
fn the_two_sales_occupations_of_the_issue_read_differently_on_screen_at_80x24() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = crate::keyflow_support::App::start(dir.path());
    app.new_session("Ana", None, true);
    app.press(crossterm::event::KeyCode::Enter);
    let screen = app.screen_text();
    let rows: Vec<&str> = screen.lines().filter(|l| l.contains("Vendedores")).collect();
    assert_eq!(rows.len(), 2, "{screen}");
    // The Ocupaciones pane is the left 32 columns at 80×24.
    let name = |row: &str| row.chars().take(32).collect::<String>();
    let (a, b) = (name(rows[0]), name(rows[1]));
    assert_ne!(a, b, "{screen}");
    assert!(b.contains("no técnicas"), "the words where they part show: {b:?}\n{screen}");
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    /// Any loaded occupation, at any width from a narrow list to a wide one: it fits, a name that fits
    /// is shown whole (its first form), a cut one is a start and a part of it, and is told apart from every
    /// other.
    #[test]
    fn any_loaded_occupation_at_any_width(index in 0usize..686, w in 16usize..70) {
        let (set, _) = cuoc_catalog();
        let names: Vec<&str> = set.occupations().map(|o| o.title.as_str()).collect();
        let all = labels(names.iter().copied(), w);
        let name = names[index % names.len()];
        let shown = &all[name];
        prop_assert!(width(shown) <= w);
        let first = first_form(name);
        if width(first) <= w {
            prop_assert_eq!(shown.as_str(), first);
        } else {
            // A start of the name, `…`, then a part of it (from where it differs, or its end).
            let (head, rest) = shown.split_once('…').unwrap();
            prop_assert!(first.starts_with(head), "{:?} {:?}", shown, first);
            let part = rest.trim().trim_end_matches('…');
            prop_assert!(first.contains(part), "{:?} {:?}", shown, first);
        }
        for other in &names {
            if other != &name {
                prop_assert_ne!(&all[*other], shown, "{:?} and {:?}", other, name);
            }
        }
    }

    /// Two made-up names sharing a long start (and often their end): they never read the same.
    #[test]
    fn two_names_alike_but_for_a_word_read_differently(
        start in "[A-Za-zñ]{3,12}( [a-zé]{1,10}){0,8}",
        a in "[a-z]{1,9}",
        b in "[a-z]{1,9}",
        end in "( [a-z]{1,10}){0,6}",
        w in 16usize..40,
    ) {
        let x = format!("{start} {a}{end}");
        let y = format!("{start} {b}{end}");
        prop_assume!(x != y);
        let all = labels([x.as_str(), y.as_str()], w);
        prop_assert!(width(&all[&x]) <= w && width(&all[&y]) <= w);
        prop_assert_ne!(&all[&x], &all[&y]);
    }
}
