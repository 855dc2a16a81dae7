//! Every action a key can do, named in the user's words, with its default keys and where it applies.
//! The Spanish names are the contract of `keys:` in config.ron (docs/config.md): never rename one.

use serde::{Deserialize, Serialize};

/// Where a key is pressed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Place {
    Sectors,
    Occupations,
    Functions,
    Programs,
    /// The occupation detail under the occupations list, focused: its related occupations.
    Detail,
    /// The start screen's list of sessions.
    Sessions,
    /// A popup over the workspace that takes no text (help, gap, export, confirm).
    Popup,
    /// The new-session form: its alias and counselor fields take typed text too.
    Form,
    /// The form's consent box: no text is typed there, so Space can tick it.
    Consent,
    /// The export dialog (`e`): format and notes choices.
    Export,
    /// The search popup (`/`): its query takes typed text.
    Search,
    /// The notes editor (`n`): typed text.
    Notes,
    /// The filter of the Sesiones list: typed text.
    Filter,
    /// "Guardar una copia en otra carpeta" before quitting: its last row takes a typed folder.
    Copy,
    /// The kiosk's administrator PIN prompt: typed text.
    Pin,
    /// The kiosk's welcome screen.
    Welcome,
    /// The kiosk's last screen, with the summary's code.
    Done,
    /// The best-fit view (`m`): occupations across every sector, best first.
    BestFit,
    /// The Experiencia panel's job title (`x`): typed text.
    ExperienceSearch,
    /// The Experiencia panel's lists: past jobs, and the selected job's items.
    ExperienceList,
    /// The plan panel (`p`, issue 13): its parts' rows.
    PlanList,
    /// The plan panel's line being typed (a zone list, a step, a date…): typed text.
    PlanEdit,
    /// The `?` help: scrolled by the list keys when it does not fit, closed like a popup.
    Help,
    /// The gap popup (`g`): a list; its items take a mark and its programs the shortlist in place.
    Gap,
    /// Issue 14, a kiosk visitor's lists: where to start, the sectors, the results.
    KioskChoice,
    /// A kiosk visitor's job title ("¿En qué ha trabajado?"): typed text.
    KioskTitle,
    /// A kiosk visitor's question, "¿Sabe hacer esto?".
    KioskQuestion,
    /// "¿Terminar?" at a kiosk.
    KioskConfirm,
    /// Issue 16, a kiosk visitor's «¿Qué le gusta hacer?»: one activity at a time, five answers.
    KioskLikes,
    /// What the visitor likes: the three types, the chart and the occupations that go with them.
    KioskLikesResults,
    /// Issue 16, «¿Qué le gusta hacer?»: one question at a time, answered 1–5.
    InterestsQuestion,
    /// Issue 16: the scores, the code and the suggested occupations.
    InterestsResults,
}

/// Counselor's computer, kiosk, or both.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mode {
    Both,
    Kiosk,
}

use Place::*;
const PANES: &[Place] = &[Sectors, Occupations, Functions, Programs, Detail];
/// The four panes of the Tab cycle; the occupation detail is reached with `afines` (or a click).
const FOUR: &[Place] = &[Sectors, Occupations, Functions, Programs];
/// The list keys scroll the `?` help and move through the gap too.
const LISTS: &[Place] =
    &[Sectors, Occupations, Functions, Programs, Detail, Sessions, BestFit, Help, Gap, InterestsResults];
const LISTS_SEARCH: &[Place] = &[
    Sectors,
    Occupations,
    Functions,
    Programs,
    Detail,
    Sessions,
    Search,
    BestFit,
    Help,
    Gap,
    InterestsResults,
];
/// The gap and help popups close with the keys that open them, and with `q`.
const PANES_POPUP: &[Place] = &[Sectors, Occupations, Functions, Programs, Detail, Popup, Help, Gap];
const EVERYWHERE: &[Place] = &[Sectors, Occupations, Functions, Programs, Detail, Popup, Sessions, Help, Gap];
/// Where an item's mark is set: the Funciones pane and, in place, the gap (issue 14).
const MARKS: &[Place] = &[Functions, Gap];
const EXPERIENCE: &[Place] = &[ExperienceSearch, ExperienceList];
/// Where the current occupation can be made a goal or added to the explored list.
const PLAN_PANES: &[Place] = &[Occupations, Functions, Programs, Detail];

macro_rules! actions {
    ($($variant:ident $name:ident [$($key:literal),*] $places:expr, $mode:ident;)*) => {
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        pub enum Action { $($variant),* }

        impl Action {
            pub const ALL: &[Action] = &[$(Action::$variant),*];

            /// The name in `keys:` of config.ron.
            pub fn name(self) -> &'static str {
                match self { $(Action::$variant => stringify!($name)),* }
            }

            pub fn default_keys(self) -> &'static [&'static str] {
                match self { $(Action::$variant => &[$($key),*]),* }
            }

            pub fn places(self) -> &'static [Place] {
                match self { $(Action::$variant => $places),* }
            }

            pub fn mode(self) -> Mode {
                match self { $(Action::$variant => Mode::$mode),* }
            }
        }

        /// `keys:` in config.ron: only the actions an office wants on other keys, each one key.
        #[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
        #[serde(default, deny_unknown_fields)]
        pub struct KeyOverrides {
            $(
                #[serde(skip_serializing_if = "Option::is_none", deserialize_with = "written")]
                pub $name: Option<String>,
            )*
        }

        impl KeyOverrides {
            /// The actions given, with the key written for each.
            pub fn given(&self) -> Vec<(Action, &str)> {
                let mut out = Vec::new();
                $(if let Some(key) = &self.$name { out.push((Action::$variant, key.as_str())); })*
                out
            }
        }
    };
}

/// `buscar: "ctrl+f"`, without RON's `Some(…)`: a key written is a key given.
fn written<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Option<String>, D::Error> {
    String::deserialize(d).map(Some)
}

actions! {
    NextPane panel_siguiente ["tab"] PANES, Both;
    PreviousPane panel_anterior ["shift+tab"] PANES, Both;
    Up subir ["up", "k"] LISTS, Both;
    Down bajar ["down", "j"] LISTS, Both;
    // The search popup's results move by pages too (its arrows are `resultado_*`: `k`/`j` are typed there).
    PageUp pagina_arriba ["pageup"] LISTS_SEARCH, Both;
    PageDown pagina_abajo ["pagedown"] LISTS_SEARCH, Both;
    First primero ["home"] LISTS, Both;
    Last ultimo ["end"] LISTS, Both;
    Forward avanzar ["enter"] FOUR, Both;
    Mark marcar ["space"] &[Functions, Programs, Gap], Both;
    SwitchTab competencias ["left", "right"] &[Functions], Both;
    SortByFit ordenar ["s"] &[Sectors, Occupations], Both;
    Gap brecha ["g"] PANES_POPUP, Both;
    Search buscar ["/"] PANES, Both;
    Notes notas ["n"] PANES, Both;
    Export exportar ["e"] PANES, Both;
    Help ayuda ["?"] PANES_POPUP, Both;
    Leave salir ["q"] EVERYWHERE, Both;
    // In the quit question too, where `R` (Caps Lock) has always worked.
    Retry reintentar ["r", "R"] &[Sectors, Occupations, Functions, Programs, Detail, Sessions, Popup], Both;
    Copy copiar ["c", "C"] &[Popup], Both;
    Confirm confirmar ["s", "S", "y", "Y"] &[Popup, KioskConfirm], Both;
    Finish terminar ["t", "T"] &[Sectors, Occupations, Functions, Programs, Detail, KioskChoice, KioskQuestion, KioskLikes, KioskLikesResults], Kiosk;
    NewSession nueva ["n"] &[Sessions], Both;
    Resume reanudar ["enter"] &[Sessions], Both;
    Delete borrar ["d", "delete"] &[Sessions], Both;
    Filter filtrar ["/"] &[Sessions], Both;
    Close cerrar ["esc"] &[Popup, Help, Gap, Form, Consent, Export, Search, Notes, Filter, Copy, Pin, Sessions, ExperienceSearch, ExperienceList, PlanList, PlanEdit, KioskTitle, KioskConfirm, InterestsQuestion, InterestsResults], Both;
    NextField campo_siguiente ["tab", "down"] &[Form, Consent], Both;
    PreviousField campo_anterior ["shift+tab", "up"] &[Form, Consent], Both;
    Start comenzar ["enter"] &[Form, Consent], Both;
    // Added after the first keymap: each was a `KeyCode` arm of its own screen before.
    Consent consentimiento ["space"] &[Consent], Both;
    ExportField exportar_campo ["up", "down", "tab", "shift+tab"] &[Export], Both;
    ExportPrevious exportar_anterior ["left"] &[Export], Both;
    ExportNext exportar_siguiente ["right"] &[Export], Both;
    ExportToggle exportar_cambiar ["space"] &[Export], Both;
    ExportSave exportar_guardar ["enter"] &[Export], Both;
    // The question before leaving a session without consent (`confirmar` leaves without saving).
    ExportFirst exportar_antes ["e", "E"] &[Popup], Both;
    SearchUp resultado_anterior ["up"] &[Search], Both;
    SearchDown resultado_siguiente ["down"] &[Search], Both;
    SearchGo ir ["enter"] &[Search], Both;
    // Issue 14: the query's own line editing, as shells and readline do it.
    SearchClear borrar_busqueda ["ctrl+u"] &[Search], Both;
    SearchWord borrar_palabra ["ctrl+w"] &[Search], Both;
    NextNote nota_siguiente ["tab"] &[Notes], Both;
    PreviousNote nota_anterior ["shift+tab"] &[Notes], Both;
    FilterDone filtro_listo ["enter"] &[Filter], Both;
    CopyUp copia_arriba ["up"] &[Copy], Both;
    CopyDown copia_abajo ["down", "tab"] &[Copy], Both;
    CopySave copia_guardar ["enter"] &[Copy], Both;
    KioskStart kiosco_comenzar ["enter"] &[Welcome], Kiosk;
    KioskAgain kiosco_listo ["enter"] &[Done], Kiosk;
    PinConfirm pin_confirmar ["enter"] &[Pin], Kiosk;
    // Issue 12: the occupation detail, focusable, with its related occupations.
    FocusDetail afines ["a"] FOUR, Both;
    GoRelated ir_afin ["enter"] &[Detail], Both;
    // Best fit across the whole catalog: `m` opens it from the panes and closes it again.
    OpenBestFit mejor_ajuste ["m"] &[Sectors, Occupations, Functions, Programs, Detail, BestFit], Both;
    BestFitGo mejor_ajuste_ir ["enter"] &[BestFit], Both;
    BestFitLevel mejor_ajuste_nivel ["n"] &[BestFit], Both;
    BestFitSectorNext mejor_ajuste_sector ["right"] &[BestFit], Both;
    BestFitSectorPrevious mejor_ajuste_sector_anterior ["left"] &[BestFit], Both;
    // Issue 12: from an occupation to its CUOC equivalents (DANE's Equivalencias) and back.
    CuocGo ocupacion_cuoc ["c"] &[Occupations, Functions], Both;
    Back volver ["backspace"] PANES, Both;
    // Experiencia (issue 12): past jobs, and the marks they make.
    // `l`: "experiencia laboral". Not `x`: Emacs users' Alt+x can reach a terminal as Esc then `x`.
    Experience experiencia ["l"] PANES, Both;
    ExperienceNext experiencia_parte ["tab"] EXPERIENCE, Both;
    ExperiencePrevious experiencia_parte_anterior ["shift+tab"] EXPERIENCE, Both;
    ExperienceUp experiencia_arriba ["up"] EXPERIENCE, Both;
    ExperienceDown experiencia_abajo ["down"] EXPERIENCE, Both;
    ExperienceAdd experiencia_agregar ["enter"] &[ExperienceSearch], Both;
    ExperienceRemove experiencia_quitar ["delete", "d"] &[ExperienceList], Both;
    ExperienceMark experiencia_marcar ["space"] &[ExperienceList], Both;
    // The plan the person takes home (issue 13): `p` opens its panel; `o` and `i` work from the panes.
    Plan plan ["p"] PANES, Both;
    // `*`: the ★ Meta shows (not `o`: offices may have put `ordenar` there).
    Goal meta ["*"] PLAN_PANES, Both;
    AddExplored explorada ["i"] PLAN_PANES, Both;
    PlanNext plan_parte ["tab"] &[PlanList], Both;
    PlanPrevious plan_parte_anterior ["shift+tab"] &[PlanList], Both;
    PlanUp plan_arriba ["up"] &[PlanList], Both;
    PlanDown plan_abajo ["down"] &[PlanList], Both;
    PlanEdit plan_editar ["enter"] &[PlanList], Both;
    PlanChange plan_cambiar ["space"] &[PlanList], Both;
    PlanAccept plan_aceptar ["a"] &[PlanList], Both;
    PlanWho plan_responsable ["r"] &[PlanList], Both;
    PlanDate plan_fecha ["f"] &[PlanList], Both;
    PlanBring plan_llevar ["l"] &[PlanList], Both;
    PlanNew plan_nuevo ["n"] &[PlanList], Both;
    PlanRemove plan_quitar ["delete", "d"] &[PlanList], Both;
    PlanEditDone plan_listo ["enter"] &[PlanEdit], Both;
    // Issue 14: a mark straight to its level, so "la tiene" is one key, not two Spaces.
    MarkHas marcar_la_tiene ["2"] MARKS, Both;
    MarkDeveloping marcar_en_desarrollo ["1"] MARKS, Both;
    ClearMark quitar_marca ["0"] MARKS, Both;
    // Issue 14: the selected item's whole text in a popup that scrolls; `v` closes it again (`Help` is
    // where that popup reads its keys, as the `?` help does).
    ViewFull ver_texto_completo ["v"] &[Sectors, Occupations, Functions, Programs, Detail, BestFit, ExperienceList, Help, Gap], Both;
    // Issue 14: the kiosk visitor's path, one question at a time (README, "Modo quiosco").
    KioskSpanish kiosco_espanol ["e"] &[Welcome], Kiosk;
    KioskEnglish kiosco_ingles ["i"] &[Welcome], Kiosk;
    KioskSave kiosco_guardar ["s", "y"] &[Consent], Kiosk;
    KioskDontSave kiosco_no_guardar ["n"] &[Consent], Kiosk;
    KioskUp kiosco_arriba ["up"] &[KioskChoice, KioskTitle, KioskLikesResults], Kiosk;
    KioskDown kiosco_abajo ["down"] &[KioskChoice, KioskTitle, KioskLikesResults], Kiosk;
    KioskPick kiosco_elegir ["enter"] &[KioskChoice, KioskTitle, KioskLikesResults], Kiosk;
    KioskYes kiosco_si ["s", "y"] &[KioskQuestion], Kiosk;
    KioskLearning kiosco_aprendiendo ["a"] &[KioskQuestion], Kiosk;
    KioskNotYet kiosco_todavia_no ["n"] &[KioskQuestion], Kiosk;
    KioskBack kiosco_atras ["backspace"] &[KioskChoice, KioskQuestion, KioskLikes, KioskLikesResults], Kiosk;
    KioskSkip kiosco_saltar ["tab"] &[KioskQuestion], Kiosk;
    KioskResults kiosco_resultados ["r"] &[KioskQuestion, KioskLikesResults], Kiosk;
    KioskStay kiosco_seguir ["n"] &[KioskConfirm], Kiosk;
    // Issue 16: «¿Qué le gusta hacer?» at the kiosk, five steps from «Me disgusta mucho» to «Me gusta mucho».
    KioskLike1 kiosco_me_disgusta_mucho ["1"] &[KioskLikes], Kiosk;
    KioskLike2 kiosco_me_disgusta ["2"] &[KioskLikes], Kiosk;
    KioskLike3 kiosco_me_da_igual ["3"] &[KioskLikes], Kiosk;
    KioskLike4 kiosco_me_gusta ["4"] &[KioskLikes], Kiosk;
    KioskLike5 kiosco_me_gusta_mucho ["5"] &[KioskLikes], Kiosk;
    KioskSkipRest kiosco_saltar_resto ["tab"] &[KioskLikes], Kiosk;
    // Issue 16, «¿Qué le gusta hacer?». Not `i` (the issue's first pick): that is `explorada` in the panes;
    // nor `h`, `x`, `o`, `d`, `f`, keys offices are shown moving others to (docs/config.md, the tests). `u`,
    // of «gUstos».
    Interests intereses ["u"] PANES, Both;
    Answer1 respuesta_1 ["1"] &[InterestsQuestion], Both;
    Answer2 respuesta_2 ["2"] &[InterestsQuestion], Both;
    Answer3 respuesta_3 ["3"] &[InterestsQuestion], Both;
    Answer4 respuesta_4 ["4"] &[InterestsQuestion], Both;
    Answer5 respuesta_5 ["5"] &[InterestsQuestion], Both;
    InterestsBack intereses_atras ["backspace"] &[InterestsQuestion], Both;
    InterestsSkip intereses_saltar ["tab"] &[InterestsQuestion], Both;
    InterestsSkipRest intereses_saltar_resto ["r"] &[InterestsQuestion], Both;
    InterestsGo intereses_ir ["enter"] &[InterestsResults], Both;
    InterestsLevel intereses_nivel ["n"] &[InterestsResults], Both;
    InterestsSectorNext intereses_sector ["right"] &[InterestsResults], Both;
    InterestsSectorPrevious intereses_sector_anterior ["left"] &[InterestsResults], Both;
    InterestsQuestions intereses_preguntas ["backspace"] &[InterestsResults], Both;
}

impl Place {
    pub const PANES: &[Place] = PANES;

    /// Where plain characters are typed text, so no action may take one.
    pub fn takes_text(self) -> bool {
        matches!(self, Form | Search | Notes | Filter | Copy | Pin | ExperienceSearch | PlanEdit | KioskTitle)
    }

    pub fn of_pane(pane: crate::app::Pane) -> Place {
        match pane {
            crate::app::Pane::Sectors => Sectors,
            crate::app::Pane::Occupations => Occupations,
            crate::app::Pane::Functions => Functions,
            crate::app::Pane::Programs => Programs,
            crate::app::Pane::Detail => Detail,
        }
    }
}
