//! Every string the user sees, one table per language. `Strings` is generated from one key list, so the
//! compiler refuses a language that lacks a key; a test checks that both fill the same placeholders.

mod en;
mod es;
mod keys_en;
mod keys_es;

/// The six RIASEC type names of `s`, in R I A S E C order.
pub fn riasec_names(s: &Strings) -> [&'static str; 6] {
    [s.riasec_r, s.riasec_i, s.riasec_a, s.riasec_s, s.riasec_e, s.riasec_c]
}

/// The five answers of `s`, from «Me disgusta mucho» to «Me gusta mucho».
pub fn interest_answers(s: &Strings) -> [&'static str; 5] {
    [
        s.interests_answer_1,
        s.interests_answer_2,
        s.interests_answer_3,
        s.interests_answer_4,
        s.interests_answer_5,
    ]
}

macro_rules! strings {
    ($($key:ident),* $(,)?) => {
        /// One language's texts. Templates use `{name}` placeholders, filled by [`fill`].
        pub struct Strings { $(pub $key: &'static str,)* }

        impl Strings {
            /// Every key with its text, for checks over the whole table.
            pub fn entries(&self) -> Vec<(&'static str, &'static str)> {
                vec![$((stringify!($key), self.$key)),*]
            }
        }
    };
}

strings! {
    // catalog check
    check_summary, check_ok_total,
    // catalog problems
    problem_syntax, problem_unknown_field, problem_missing_field, problem_duplicate_field,
    problem_unknown_variant, problem_expected, problem_newer_format, problem_bad_format, problem_bad_level, problem_needs_format_2,
    problem_bad_id, problem_duplicate_id, problem_dangling, problem_forbidden_char, problem_empty_text,
    problem_io, problem_not_utf8, problem_no_catalogs, problem_cache,
    // catalog import (rumbo catalog import cuoc)
    catimport_unreadable, catimport_missing_sheet, catimport_missing_column, catimport_bad_cell, catimport_written,
    catimport_expect_text, catimport_expect_occupation_code, catimport_expect_known_occupation,
    catimport_expect_title_code, catimport_expect_consecutive, catimport_expect_level, catimport_expect_id,
    catimport_expect_sigla, catimport_expect_unique, catimport_expect_partial_note, catimport_expect_complete_note, catimport_expect_principal_area,
    // item kinds
    kind_catalog, kind_sector, kind_occupation, kind_function, kind_competency, kind_program, kind_source,
    // issue 12: job titles, occupation detail
    kind_title, pane_detail, detail_related, detail_related_none, detail_related_count, detail_source, detail_level, level_1, level_2, level_3, level_4,
    // search
    search_no_results, search_in_occupation, search_link_inferred,
    // app
    sessions_title, sessions_empty, sessions_col_alias, sessions_col_date, sessions_col_best, sessions_col_fit, sessions_corrupt, sessions_unreadable, sessions_confirm_delete, sessions_filter, sessions_loading, form_title, form_alias, form_alias_hint, form_alias_missing, form_counselor, form_consent_title, consent_text, form_consent_box, form_unsaved_hint, header_saved, header_pending, header_unsaved, header_read_only, header_failed, pane_sectors, pane_occupations, pane_functions, pane_competencies, pane_programs, sorted_by_fit, mark_has, mark_none, mark_legend, mark_legend_short, mark_developing, importance_optional, link_inferred, shortlisted, level_unknown, codes_label, no_occupations, no_programs, no_programs_where, fit_shared_only, orphan, keys_read_only, key_elsewhere, search_title, search_count, notes_title, notes_session_tab, notes_occupation_tab, notes_full, notes_truncated, gap_title,  gap_programs, gap_nothing, help_title, too_small,
    // session store
    store_io, store_not_found, store_locked, store_invalid_id, store_newer, store_serialize, store_office, data_dir_unavailable,
    // export
    export_title, export_date, export_alias, export_counselor, export_occupations, export_no_occupations, export_fit, export_has, export_developing, export_missing, export_codes, export_competencies, export_no_competencies, export_shortlisted, export_recommended, export_none, export_notes, export_occupation_note, export_next_steps, export_step_program, export_step_strengthen, export_step_review, export_step_return, export_catalog, export_rights, export_orphans, export_level, export_generated,
    // session commands
    session_unknown, session_ambiguous, export_written, delete_confirm, delete_needs_yes, deleted, delete_cancelled, sessions_none, show_id, show_updated, show_consent, show_consent_given, show_consent_missing, config_invalid, export_failed,
    // kiosk commands
    pin_prompt, pin_again, pin_mismatch, pin_too_short, pin_forbidden, pin_trivial, pin_saved, pin_cancelled, purged,
    // export dialog
    dialog_export_title, dialog_export_format, format_md, format_html, format_json, dialog_export_notes, dialog_export_notes_hint, dialog_export_done, dialog_export_hint, discard_title, discard_body,
    // kiosk
    kiosk_welcome_title, kiosk_welcome_start, kiosk_done_title, kiosk_done_body, kiosk_done_desk, kiosk_done_writing, kiosk_done_failed, kiosk_done_hint, kiosk_countdown, kiosk_save_failed, kiosk_pin_title, kiosk_pin_label, kiosk_pin_wrong, kiosk_pin_locked, kiosk_pin_locked_minutes, kiosk_pin_checking, kiosk_no_pin, kiosk_bad_key,
    // deletion, retention, catalog limits, file versions
    purge_days_range, erased_file, erased_missing, erased_changed, erased_failed, sessions_purged_at_start, sessions_deleted_notice, header_read_only_newer, session_newer_note, export_read_only, problem_title_too_long, problem_text_too_long, problem_file_too_large,
    // BPO joined to CUOC: shared competencies, CUOC equivalents of an occupation (issue 12)
    same_competency, code_partial, cuoc_go, cuoc_jumped, cuoc_not_loaded,
    // experience (issue 12): past jobs and where a mark came from
    export_experience, export_from, export_source, export_schema_not_json, experience_title, experience_job_title,
    experience_type_hint, experience_jobs, experience_no_jobs, experience_items, experience_skill, experience_knowledge,
    // general
    internal_error, error_prefix, config_dir_unknown,
    // saves that fail, the quit question, copies elsewhere, a read-only data folder, import
    cause_disk_full, cause_no_permission, cause_read_only_fs, sessions_unsaved_mark, quit_title, quit_body, copy_title, copy_drives, copy_no_drives, copy_typed, copy_failed, copy_done, kiosk_cannot_save, data_read_only_banner, data_read_only_refused, kiosk_data_read_only, exit_unsaved, import_done, import_renamed, import_same, import_newer, import_corrupt,
    // best fit across the whole catalog (`m`)
    best_title, best_filters, best_level_all, best_sector_all, best_count, best_none, best_part_functions, best_part_skills, best_part_knowledge, best_part_competencies, best_level,
    // the plan (issue 13)
    plan_title, plan_part_profile, plan_part_contact, plan_part_goals, plan_part_steps, plan_part_follow_up, plan_education, plan_jornada, plan_zones, plan_language_row, plan_add_language, plan_plan_language, plan_past_jobs, plan_past_jobs_hint, plan_unset, plan_interface_language, education_ninguno, education_primaria, education_bachillerato, education_tecnico_laboral, education_tecnico_profesional, education_tecnologo, education_profesional, education_posgrado, level_basico, level_intermedio, level_avanzado, jornada_manana, jornada_tarde, jornada_noche, jornada_completa, jornada_fines, lang_es, lang_en, plan_consent, plan_phone, plan_email, plan_contact_note, plan_goals_header, plan_goal, plan_explored, plan_goals_empty, plan_suggested, plan_who_persona, plan_who_orientador, plan_status_pendiente, plan_status_hecho, plan_bring, plan_no_date, plan_steps_empty, plan_suggest_enrol, plan_suggest_certify, plan_suggest_cv, plan_suggest_follow_up, plan_bring_enrol, plan_bring_certify, plan_bring_cv, plan_bring_follow_up, plan_follow_up, plan_follow_up_hint, plan_prompt_date, plan_prompt_step, plan_prompt_bring, plan_prompt_zones, plan_prompt_language, plan_sensitive, plan_error_goals_full, plan_error_bad_date, plan_error_contact_empty, plan_error_bad_phone, plan_error_bad_email, plan_error_empty_step, plan_need_consent, plan_read_only,
    // the `?` help scrolled; complementary qualification areas; CUOC content's source (issue 12)
    help_more_above, help_more_below, complementary_area, complementary_detail,
    // the plan the person takes home (issue 13): page 1 of the summary
    handout_title, handout_date_words, handout_months, handout_when, handout_where, handout_phone, handout_hours, handout_front_desk, handout_web, handout_email,
    handout_goals, handout_goals_two, handout_goal_best, handout_fit_words, handout_fit_learning, handout_fit_not_chance, handout_strengths, handout_work_on,
    handout_no_program, handout_see_page_2, handout_bring, handout_who_person, handout_who_counselor, handout_done, handout_follow_up, handout_follow_up_none,
    handout_details, handout_all_steps, handout_modality,
    // issue 13 (plan-office): catalog program details, the office, follow-up dates
    problem_needs_format_3, problem_bad_url,
    due_none, due_overdue, due_no_contact, due_no_pending, due_who_persona, due_who_orientador, due_bad_date,
    list_follow_up, sessions_col_follow_up,
    modality_presencial, modality_virtual, modality_mixta, program_url, program_contact, program_schedule, program_requirements, program_duration, program_cost,
    // office mode (issue 15)
    office_not_postgres, office_connect_failed, office_imported, office_import_clash, office_import_failed, office_init_done, office_init_current,
    office_check_line, office_level_ok, office_level_warning, office_level_failure, office_part_connection, office_part_tls, office_part_version, office_part_schema, office_part_permissions, office_part_clock, office_part_round_trip, office_millis, office_seconds, office_tls_none, office_tls_verified, office_tls_unverified, office_server_old, office_schema_none, office_schema_newer, office_schema_older, office_schema_current, office_roles_none, office_roles, office_roles_mismatch, office_roles_no_office,
    // issue 15: kiosk to desk (the code typed at `/`), `--all-offices`
    sessions_opening, code_none, code_several, store_not_coordinator, all_offices_local, list_col_office,
    // the gap popup as a list (issue 14): essential and optional told apart
    gap_essential, gap_optional,
    // issue 14: the whole text of the selected item (`v`)
    full_title, full_of_occupation, full_alt_titles, full_mark, full_job,
    // issue 14: what the fit percentage means, in the `?` help
    fit_help,
    // issue 14: a kiosk visitor's path
    kiosk_lang_label, kiosk_lang_es, kiosk_lang_en, kiosk_visit_body, kiosk_alias_title, kiosk_alias_label, kiosk_consent_question, kiosk_consent_text, kiosk_consent_yes, kiosk_consent_no, kiosk_consent_needed, kiosk_chosen_yes, kiosk_chosen_no, kiosk_continue, kiosk_start_title, kiosk_start_by_title, kiosk_start_by_title_hint, kiosk_start_by_sector, kiosk_start_by_sector_hint, kiosk_title_prompt, kiosk_title_none, kiosk_title_pick, kiosk_sector_title, kiosk_question_title, kiosk_question_occupation, kiosk_question_progress, kiosk_question_essential, kiosk_question_optional, kiosk_answer_yes, kiosk_answer_learning, kiosk_answer_no, kiosk_answer_given, kiosk_results_title, kiosk_results_best, kiosk_results_none, kiosk_results_learn, kiosk_results_all_done, kiosk_results_more, kiosk_results_programs, kiosk_results_no_programs, kiosk_confirm_title, kiosk_confirm_body, kiosk_confirm_yes, kiosk_confirm_no, kiosk_header_code, kiosk_header_not_saved, kiosk_done_body_unsaved, kiosk_done_office, kiosk_summary_unsaved,
    // issue 14: what a kiosk visitor answered "Todavía no", shown to the counselor and on the desk's summary
    mark_not_yet, mark_not_yet_short, mark_legend_not_yet, mark_legend_short_not_yet, mark_legend_tight_not_yet, full_answered_no, export_not_yet,
    // issue 16 (data): interest profiles derived from O*NET, their import and credit
    catimport_expect_isco_code, catimport_expect_part_mark, catimport_expect_soc_code, catimport_expect_onet_code, catimport_expect_riasec, catimport_expect_interest_value, catimport_expect_six_types, catimport_interests,
    problem_needs_format_4, problem_bad_interest, interests_label, interests_none, interests_basis_complete, interests_basis_partial, interests_basis_parent, interests_basis_wider, interests_sources, interests_credit_title, interests_code, interests_from,
    // issue 15: one writer per session, where it is open
    session_open_elsewhere, session_open_elsewhere_unknown, store_open_elsewhere, header_read_only_elsewhere,
    session_lock_lost,
    // issue 15: nothing lost when the server goes away (offline, both versions kept)
    session_copy_alias, header_copy_kept, header_offline, sessions_cached_here,
    // issue 15: deletion everywhere
    sessions_deleted_elsewhere,
    // issue 15: closed sessions sent on reconnect; the start screen's mark of sessions open at another desk
    sessions_pending_sent, sessions_pending_copies, sessions_held_mark, sessions_held_detail,
    // issue 15: the commands without the server, deletion marks and `sessions import` on the server
    cli_offline, cli_offline_refused, marks_apply_failed, import_office_clash, import_deleted_renamed,
    // issue 16: «¿Qué le gusta hacer?» at the kiosk, and what the visitor likes in the plan
    kiosk_start_by_likes, kiosk_start_by_likes_hint, kiosk_likes_question, kiosk_likes_exploratory, kiosk_likes_results_title, kiosk_likes_top, kiosk_likes_suggested, kiosk_likes_much, kiosk_likes_quite, kiosk_likes_some, kiosk_likes_little, kiosk_likes_knows, kiosk_likes_flat, kiosk_likes_too_few, kiosk_likes_no_profiles,
    likes_type_r, likes_type_i, likes_type_a, likes_type_s, likes_type_e, likes_type_c, likes_hint_r, likes_hint_i, likes_hint_a, likes_hint_s, likes_hint_e, likes_hint_c,
    plan_likes_title, plan_likes_code, plan_likes_chart, plan_likes_suggested, plan_likes_flat, plan_likes_too_few, plan_likes_exploratory, plan_likes_credit,
    // issue 16: «¿Qué le gusta hacer?», its scores and the occupations it suggests
    interests_title, interests_results_title, interests_disclaimer, interests_read_only, interests_ask, interests_answer_1, interests_answer_2,
    interests_answer_3, interests_answer_4, interests_answer_5, interests_back, interests_skip, interests_skip_rest,
    interests_questions, interests_results_code, interests_answered, interests_flat, interests_too_few, interests_results_none,
    interests_count, interests_col_likes, interests_col_knows, interests_source, riasec_r, riasec_i, riasec_a,
    riasec_s, riasec_e, riasec_c,
}

/// The languages rumbo speaks. Spanish is the default; English on request or from an English locale.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum Lang {
    #[default]
    Es,
    En,
}

impl Lang {
    pub fn strings(self) -> &'static Strings {
        match self {
            Lang::Es => &es::ES,
            Lang::En => &en::EN,
        }
    }

    /// A word of the keymap by its id (see `LABELS` in keys_es.rs and keys_en.rs); empty when missing, which a test
    /// forbids for every id the keymap uses.
    pub fn label(self, id: &str) -> &'static str {
        let table = match self {
            Lang::Es => keys_es::LABELS,
            Lang::En => keys_en::LABELS,
        };
        table.iter().find(|(key, _)| *key == id).map_or("", |(_, text)| text)
    }

    /// The language from the environment's locale (`LC_ALL`, `LC_MESSAGES`, `LANG`, first one set wins):
    /// English when it starts with `en`, Spanish otherwise.
    pub fn from_locale_vars(get: impl Fn(&str) -> Option<String>) -> Lang {
        ["LC_ALL", "LC_MESSAGES", "LANG"]
            .iter()
            .filter_map(|k| get(k).filter(|v| !v.is_empty()))
            .next()
            .map_or(Lang::Es, |v| if v.to_ascii_lowercase().starts_with("en") { Lang::En } else { Lang::Es })
    }
}

/// Replaces each `{name}` in `template` with its value.
pub fn fill(template: &str, values: &[(&str, &dyn std::fmt::Display)]) -> String {
    let mut out = template.to_string();
    for (name, value) in values {
        out = out.replace(&format!("{{{name}}}"), &value.to_string());
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeSet;

    fn placeholders(text: &str) -> BTreeSet<String> {
        text.split('{')
            .skip(1)
            .filter_map(|part| part.split_once('}').map(|(name, _)| name.to_string()))
            .collect()
    }

    #[test]
    fn both_languages_have_every_key_filled_with_the_same_placeholders() {
        let es = Lang::Es.strings().entries();
        let en = Lang::En.strings().entries();
        assert_eq!(es.len(), en.len());
        for ((key, es_text), (en_key, en_text)) in es.iter().zip(en.iter()) {
            assert_eq!(key, en_key);
            assert!(!es_text.trim().is_empty(), "es.{key} is empty");
            assert!(!en_text.trim().is_empty(), "en.{key} is empty");
            assert_eq!(placeholders(es_text), placeholders(en_text), "placeholders differ in {key}");
        }
    }

    #[test]
    fn locale_picks_english_only_for_english() {
        let env = |pairs: &'static [(&'static str, &'static str)]| {
            move |k: &str| pairs.iter().find(|(n, _)| *n == k).map(|(_, v)| v.to_string())
        };
        assert_eq!(Lang::from_locale_vars(env(&[("LANG", "en_US.UTF-8")])), Lang::En);
        assert_eq!(Lang::from_locale_vars(env(&[("LANG", "es_CO.UTF-8")])), Lang::Es);
        assert_eq!(Lang::from_locale_vars(env(&[("LC_ALL", "es_CO"), ("LANG", "en_US")])), Lang::Es);
        assert_eq!(Lang::from_locale_vars(env(&[])), Lang::Es);
    }

    #[test]
    fn fill_replaces_every_placeholder() {
        assert_eq!(fill("{a} y {b} y {a}", &[("a", &1), ("b", &"dos")]), "1 y dos y 1");
    }
}
