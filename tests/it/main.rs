//! Every integration test in one binary: one link instead of one per file, so a clean build stays quick.
//! Shared fixtures live beside the tests (`common`, the tmux driver, the keyflow harness…).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::disallowed_methods)] // tests fail loudly by design

#[path = "../../benches/esco/mod.rs"]
mod esco;

mod common;
mod e2e_tmux_support;
mod export_support;
mod keyflow_support;
// issue 12, titles and occupation detail
mod cuoc_support;

mod builtin_catalog;
// issue 12: the BPO catalog joined to the CUOC
mod bpo_join;
mod bpo_join_app;
mod builtin_index_cache;
mod builtins;
mod catalog_cache;
mod catalog_check;
mod catalog_format_doc;
mod catalog_fuzz;
mod catalog_limits;
mod cli_usage;
mod complementary_areas;
mod config_keys;
mod cuoc_book;
mod cuoc_catalog;
mod cuoc_fields;
mod cuoc_import;
mod cuoc_source_shown;
mod e2e_cuoc;
mod e2e_escape;
mod e2e_journal;
mod e2e_keys;
mod e2e_kiosk;
mod e2e_privacy;
mod e2e_savefail;
mod e2e_savefail_kiosk;
mod e2e_tmux;
// Issue 12, Experiencia (past jobs).
mod experience;
mod export_cli;
mod export_cuoc;
mod export_golden;
mod export_hostile;
mod export_json;
// issue 16: interest answers in the session and the JSON export
mod fit_ranking;
mod footer_fit;
mod interests_app;
mod interests_export;
mod keyflow;
mod keyflow_cannot_save;
mod keyflow_catalog_change;
mod keyflow_code;
mod keyflow_export;
mod keyflow_failures;
mod keyflow_gap;
mod keyflow_help;
mod keyflow_journal;
mod keyflow_keymap;
mod keyflow_keys_moved;
mod keyflow_kiosk;
mod keyflow_marks;
mod keyflow_mouse;
mod keyflow_notes_limit;
mod keyflow_pin_check;
mod keyflow_savefail;
mod keyflow_saving;
mod keyflow_search;
mod keyflow_search_keys;
mod keyflow_sessions;
mod keyflow_workspace;
mod kiosk_cli;
mod layering;
mod perf_generator;
mod privacy_app;
mod privacy_cli;
mod readme_keys;
mod search_cli;
mod session_store;
mod sessions_cli;
mod sessions_import;
mod ui_kiosk;
mod ui_snapshots;
mod versions;
// issue 12, titles and occupation detail
mod occupation_detail;
mod search_titles;

// best fit across the whole catalog (issue 12)
mod best_fit;
mod best_fit_reference;
mod best_fit_snapshots;

// issue 13: the plan the person takes home, printed by the real browser
mod plan_golden;
mod plan_print;
mod plan_support;
mod print_support;
// issue 13 (plan-office): program details, the office, follow-ups
mod office_conflict;
mod office_desks;
mod office_export;
mod office_marks;
mod office_offline;
mod office_pending;
mod plan_office_ui;
mod program_details;
mod sessions_due;
// Issue 13: the plan the person takes home (what the session records).
mod e2e_plan;
mod plan_record;
mod plan_snapshots;
// Issue 14: the Linux console (TERM=linux, --glyphs basico) against Debian's console font.
mod console_glyphs;
mod e2e_console_glyphs;
// issue 15 (office mode): config, connection, throwaway PostgreSQL, schema
mod e2e_office_desks;
mod e2e_office_outage;
mod office_all_offices;
mod office_app;
mod office_check;
mod office_cli_import;
mod office_cli_marks;
mod office_cli_offline;
mod office_code;
mod office_config;
mod office_connect;
mod office_connect_hung;
mod office_dead_desk;
mod office_holders;
mod office_import;
mod office_init;
mod office_kiosk_offline;
mod office_lock;
mod office_sessions_cli;
mod office_store;
mod office_support;
mod office_thread;
mod office_thread_e2e;
mod pg_certs;
mod pg_restart;
mod pg_support;
mod tcp_relay;
// issue 14: the whole text of the selected item (`v`), list positions, occupation names told apart
mod full_text_snapshots;
mod keyflow_full_text;
mod occupation_names;
// issue 14 (notes-fit): the notes editor wraps and scrolls; the fit by band
mod fit_bands;
mod keyflow_notes_wrap;
// issue 14: the kiosk visitor's path
mod e2e_kiosk_visit;
mod keyflow_kiosk_visit;
mod kiosk_visit_support;
// issue 14 (polish): positions and scroll markers on every list; fit colour everywhere; `v` in the gap
mod fit_bands_gap_kiosk;
mod keyflow_gap_full_text;
mod keyflow_not_yet;
mod keyflow_positions;
// issue 16: «¿Qué le gusta hacer?» at the kiosk, and in the plan
mod e2e_kiosk_likes;
mod keyflow_kiosk_likes;
mod likes_support;
mod plan_likes;
mod ui_kiosk_likes;

// issue 16: the data of the interest profiles (O*NET → CUOC)
mod interests_data;
mod interests_real;
mod interests_shown;
