//! One test per screen state: each snapshots it in Spanish and English at 80×24 and 120×40.

use super::states;

macro_rules! snapshots {
    ($($state:ident),* $(,)?) => {
        $(
            #[test]
            fn $state() {
                super::snap(stringify!($state), states::$state);
            }
        )*

        #[test]
        fn every_state_has_a_snapshot_test() {
            let tested = [$(stringify!($state)),*];
            let all: Vec<&str> = states::ALL.iter().map(|(name, _)| *name).collect();
            assert_eq!(tested.to_vec(), all);
        }
    };
}

snapshots! {
    sessions_loading,
    sessions_empty,
    sessions_rows,
    sessions_filter,
    sessions_confirm_delete,
    sessions_notice,
    form_empty,
    form_filled,
    form_alias_missing,
    workspace_default,
    workspace_occupations_sorted,
    workspace_functions_marks,
    workspace_competencies,
    workspace_programs,
    header_saving,
    header_unsaved,
    header_read_only,
    header_save_failed,
    overlay_search,
    overlay_notes,
    overlay_gap,
    overlay_help,
    overlay_help_scrolled,
    overlay_gap_end,
    overlay_gap_marked,
    overlay_notes_wrapped,
    overlay_notes_long,
}
