//! Which actions each footer, the `?` help and the README name, with the ids of their words (`LABELS` in
//! src/i18n/keys_es.rs and keys_en.rs). Entries name actions, never keys, so a key changed in config.ron
//! shows everywhere.

use crate::app::keymap::{Action, Action::*, Place};

/// A line of the help or the README: the keys of `groups` (groups joined by `sep`), then `text` (a label
/// id in src/i18n). `primary` shows only each action's first key (`↑ ↓`, not `↑ k ↓ j`).
pub struct Row {
    pub groups: &'static [&'static [Action]],
    pub sep: &'static str,
    pub primary: bool,
    pub text: &'static str,
}

const fn row(groups: &'static [&'static [Action]], text: &'static str) -> Row {
    Row { groups, sep: " ", primary: false, text }
}

/// A footer item: the keys of its groups, then a short word (a label id).
pub type Entry = (&'static [&'static [Action]], &'static str);

pub const HELP: &[Row] = &[
    Row { groups: &[&[NextPane], &[PreviousPane]], sep: " / ", primary: false, text: "ayuda.panel" },
    Row {
        groups: &[&[Up, Down], &[PageUp, PageDown], &[First, Last]],
        sep: "  ",
        primary: false,
        text: "ayuda.moverse",
    },
    row(&[&[Forward]], "ayuda.avanzar"),
    row(&[&[Mark]], "ayuda.marcar"),
    Row {
        groups: &[&[MarkHas], &[MarkDeveloping], &[ClearMark]],
        sep: " / ",
        primary: false,
        text: "ayuda.marcar_nivel",
    },
    row(&[&[SwitchTab]], "ayuda.competencias"),
    row(&[&[SortByFit]], "ayuda.ordenar"),
    row(&[&[FocusDetail]], "ayuda.afines"),
    row(&[&[GoRelated]], "ayuda.ir_afin"),
    row(&[&[Gap]], "ayuda.brecha"),
    row(&[&[ViewFull]], "ayuda.ver_texto_completo"),
    row(&[&[OpenBestFit]], "ayuda.mejor_ajuste"),
    row(&[&[Search]], "ayuda.buscar"),
    row(&[&[Notes]], "ayuda.notas"),
    row(&[&[Export]], "ayuda.exportar"),
    Row { groups: &[&[CuocGo], &[Back]], sep: " / ", primary: false, text: "ayuda.ocupacion_cuoc" },
    row(&[&[Experience]], "ayuda.experiencia"),
    row(&[&[Interests]], "ayuda.intereses"),
    // The plan (issue 13): one row, so the help still fits 80×24.
    Row { groups: &[&[Plan], &[Goal], &[AddExplored]], sep: " / ", primary: false, text: "ayuda.plan" },
    row(&[&[Help]], "ayuda.ayuda"),
    row(&[&[Leave]], "ayuda.salir"),
];

/// The README's rows beyond the help: the start screen, retrying, closing, the kiosk's "Terminar".
pub const README_MORE: &[Row] = &[
    row(&[&[Retry]], "ayuda.reintentar"),
    row(&[&[Close]], "ayuda.cerrar"),
    row(&[&[Confirm]], "ayuda.confirmar"),
    row(&[&[Copy]], "ayuda.copiar"),
    row(&[&[NewSession]], "ayuda.nueva"),
    row(&[&[Resume]], "ayuda.reanudar"),
    row(&[&[Delete]], "ayuda.borrar"),
    row(&[&[Filter]], "ayuda.filtrar"),
    Row { groups: &[&[NextField], &[PreviousField]], sep: " / ", primary: false, text: "ayuda.campo" },
    row(&[&[Start]], "ayuda.comenzar"),
    row(&[&[Consent]], "ayuda.consentimiento"),
    row(&[&[FilterDone]], "ayuda.filtro_listo"),
    Row {
        groups: &[&[SearchUp, SearchDown], &[PageUp, PageDown]],
        sep: "  ",
        primary: false,
        text: "ayuda.resultados",
    },
    row(&[&[SearchGo]], "ayuda.ir"),
    row(&[&[SearchClear]], "ayuda.borrar_busqueda"),
    row(&[&[SearchWord]], "ayuda.borrar_palabra"),
    Row { groups: &[&[NextNote], &[PreviousNote]], sep: " / ", primary: false, text: "ayuda.nota" },
    row(&[&[ExportField]], "ayuda.exportar_campo"),
    Row {
        groups: &[&[ExportPrevious, ExportNext], &[ExportToggle]],
        sep: " ",
        primary: false,
        text: "ayuda.exportar_cambiar",
    },
    row(&[&[ExportSave]], "ayuda.exportar_guardar"),
    row(&[&[ExportFirst]], "ayuda.exportar_antes"),
    Row { groups: &[&[CopyUp, CopyDown]], sep: " ", primary: false, text: "ayuda.copia_elegir" },
    row(&[&[CopySave]], "ayuda.copia_guardar"),
    Row { groups: &[&[Finish]], sep: " ", primary: true, text: "ayuda.terminar" },
    row(&[&[KioskStart]], "ayuda.kiosco_comenzar"),
    row(&[&[KioskAgain]], "ayuda.kiosco_listo"),
    row(&[&[PinConfirm]], "ayuda.pin_confirmar"),
    // The best-fit view's own keys.
    row(&[&[BestFitLevel]], "ayuda.mejor_ajuste_nivel"),
    Row {
        groups: &[&[BestFitSectorPrevious, BestFitSectorNext]],
        sep: " ",
        primary: false,
        text: "ayuda.mejor_ajuste_sector",
    },
    row(&[&[BestFitGo]], "ayuda.mejor_ajuste_ir"),
    // Experiencia (issue 12).
    Row {
        groups: &[&[ExperienceNext], &[ExperiencePrevious]],
        sep: " / ",
        primary: false,
        text: "ayuda.experiencia_parte",
    },
    Row {
        groups: &[&[ExperienceUp, ExperienceDown]],
        sep: " ",
        primary: false,
        text: "ayuda.experiencia_elegir",
    },
    row(&[&[ExperienceAdd]], "ayuda.experiencia_agregar"),
    row(&[&[ExperienceRemove]], "ayuda.experiencia_quitar"),
    row(&[&[ExperienceMark]], "ayuda.experiencia_marcar"),
    // The plan panel (issue 13).
    Row { groups: &[&[PlanNext], &[PlanPrevious]], sep: " / ", primary: false, text: "ayuda.plan_parte" },
    Row { groups: &[&[PlanUp, PlanDown]], sep: " ", primary: false, text: "ayuda.plan_elegir" },
    row(&[&[PlanEdit]], "ayuda.plan_editar"),
    row(&[&[PlanChange]], "ayuda.plan_cambiar"),
    row(&[&[PlanAccept]], "ayuda.plan_aceptar"),
    row(&[&[PlanWho]], "ayuda.plan_responsable"),
    row(&[&[PlanDate]], "ayuda.plan_fecha"),
    row(&[&[PlanBring]], "ayuda.plan_llevar"),
    row(&[&[PlanNew]], "ayuda.plan_nuevo"),
    row(&[&[PlanRemove]], "ayuda.plan_quitar"),
    row(&[&[PlanEditDone]], "ayuda.plan_listo"),
    // Issue 14: the kiosk visitor's path.
    Row {
        groups: &[&[KioskSpanish], &[KioskEnglish]],
        sep: " / ",
        primary: false,
        text: "ayuda.kiosco_idioma",
    },
    Row {
        groups: &[&[KioskSave], &[KioskDontSave]],
        sep: " / ",
        primary: false,
        text: "ayuda.kiosco_consentimiento",
    },
    Row { groups: &[&[KioskUp, KioskDown]], sep: " ", primary: false, text: "ayuda.kiosco_lista" },
    row(&[&[KioskPick]], "ayuda.kiosco_elegir"),
    Row {
        groups: &[&[KioskYes], &[KioskLearning], &[KioskNotYet]],
        sep: " / ",
        primary: false,
        text: "ayuda.kiosco_respuestas",
    },
    row(&[&[KioskBack]], "ayuda.kiosco_atras"),
    row(&[&[KioskSkip]], "ayuda.kiosco_saltar"),
    row(&[&[KioskResults]], "ayuda.kiosco_resultados"),
    row(&[&[KioskStay]], "ayuda.kiosco_seguir"),
    // Issue 16: «¿Qué le gusta hacer?» at the kiosk.
    Row {
        groups: &[&[KioskLike1], &[KioskLike2], &[KioskLike3], &[KioskLike4], &[KioskLike5]],
        sep: " / ",
        primary: false,
        text: "ayuda.kiosco_gustos",
    },
    row(&[&[KioskSkipRest]], "ayuda.kiosco_saltar_resto"),
    // Issue 16: «¿Qué le gusta hacer?».
    Row {
        groups: &[&[Answer1], &[Answer2], &[Answer3], &[Answer4], &[Answer5]],
        sep: " ",
        primary: false,
        text: "ayuda.respuestas",
    },
    row(&[&[InterestsBack]], "ayuda.intereses_atras"),
    row(&[&[InterestsSkip]], "ayuda.intereses_saltar"),
    row(&[&[InterestsSkipRest]], "ayuda.intereses_saltar_resto"),
    row(&[&[InterestsLevel]], "ayuda.intereses_nivel"),
    Row {
        groups: &[&[InterestsSectorPrevious, InterestsSectorNext]],
        sep: " ",
        primary: false,
        text: "ayuda.intereses_sector",
    },
    row(&[&[InterestsGo]], "ayuda.intereses_ir"),
    row(&[&[InterestsQuestions]], "ayuda.intereses_preguntas"),
];

/// «¿Qué le gusta hacer?» on a question.
pub const FOOTER_INTERESTS_QUESTION: &[Entry] = &[
    (&[&[Answer1, Answer2, Answer3, Answer4, Answer5]], "pie.responder"),
    (&[&[InterestsBack]], "pie.atras"),
    (&[&[InterestsSkip]], "pie.saltar"),
    (&[&[InterestsSkipRest]], "pie.saltar_resto"),
    (&[&[Close]], "pie.cerrar"),
];
/// «¿Qué le gusta hacer?», results that cannot be read (too few answers, or flat): no list to move in.
pub const FOOTER_INTERESTS_UNREAD: &[Entry] =
    &[(&[&[InterestsQuestions]], "pie.preguntas"), (&[&[Close]], "pie.cerrar")];
/// «¿Qué le gusta hacer?», the results.
pub const FOOTER_INTERESTS_RESULTS: &[Entry] = &[
    (&[&[Up, Down]], "pie.elegir"),
    (&[&[InterestsGo]], "pie.ir_ocupacion"),
    (&[&[InterestsLevel]], "pie.nivel"),
    (&[&[InterestsSectorPrevious, InterestsSectorNext]], "pie.sector"),
    (&[&[InterestsQuestions]], "pie.preguntas"),
    (&[&[Close]], "pie.cerrar"),
];

pub const FOOTER_COMMON: &[Entry] = &[
    (&[&[NextPane], &[PreviousPane]], "pie.panel"),
    (&[&[Search]], "pie.buscar"),
    (&[&[Notes]], "pie.notas"),
    (&[&[Export]], "pie.exportar"),
    (&[&[Help]], "pie.ayuda"),
    (&[&[Leave]], "pie.salir"),
];

pub const FOOTER_KIOSK: &[Entry] = &[
    (&[&[Finish]], "pie.terminar"),
    (&[&[NextPane], &[PreviousPane]], "pie.panel"),
    (&[&[Search]], "pie.buscar"),
    (&[&[Notes]], "pie.notas"),
    (&[&[Help]], "pie.ayuda"),
];

pub const FOOTER_SESSIONS: &[Entry] = &[
    (&[&[NewSession]], "pie.nueva"),
    (&[&[Resume]], "pie.reanudar"),
    (&[&[Delete]], "pie.borrar"),
    (&[&[Filter]], "pie.filtrar"),
    (&[&[Leave]], "pie.salir_app"),
];

pub const FOOTER_RETRY: &[Entry] = &[(&[&[Retry]], "pie.reintentar")];
/// The new-session form. Space ticks the consent box (`consentimiento`), and is typed text in the other fields.
pub const FOOTER_FORM: &[Entry] = &[
    (&[&[NextField], &[PreviousField]], "pie.campo"),
    (&[&[Consent]], "pie.consentir"),
    (&[&[Start]], "pie.comenzar"),
    (&[&[Close]], "pie.volver"),
];
/// The question before quitting with sessions unsaved.
pub const FOOTER_QUIT: &[Entry] =
    &[(&[&[Retry]], "pie.reintentar_ahora"), (&[&[Copy]], "pie.copiar"), (&[&[Close]], "pie.quedarse")];
pub const FOOTER_CLOSE: &[Entry] = &[(&[&[Close]], "pie.cerrar")];
/// The `?` help when it does not fit: how to scroll it, and Esc.
pub const FOOTER_HELP: &[Entry] = &[
    (&[&[Up, Down]], "pie.desplazar"),
    (&[&[PageUp, PageDown]], "pie.pagina"),
    (&[&[First, Last]], "pie.extremos"),
    (&[&[Close]], "pie.cerrar"),
];
/// The full-text popup (`v`): how to scroll it and close it.
pub const FOOTER_FULL_TEXT: &[Entry] = &[
    (&[&[Up, Down]], "pie.desplazar"),
    (&[&[PageUp, PageDown]], "pie.pagina"),
    (&[&[ViewFull], &[Close]], "pie.cerrar"),
];
/// The search popup's last line.
pub const FOOTER_SEARCH: &[Entry] = &[
    (&[&[SearchUp, SearchDown]], "pie.elegir"),
    (&[&[SearchGo]], "pie.ir"),
    (&[&[SearchClear]], "pie.borrar_busqueda"),
    (&[&[SearchWord]], "pie.borrar_palabra"),
    (&[&[Close]], "pie.cerrar"),
];
/// The notes editor's last line.
pub const FOOTER_NOTES: &[Entry] =
    &[(&[&[NextNote], &[PreviousNote]], "pie.nota"), (&[&[Close]], "pie.cerrar_notas")];
/// "La sesión no está guardada": leave, export first, or stay.
pub const FOOTER_DISCARD: &[Entry] =
    &[(&[&[Confirm]], "pie.descartar"), (&[&[ExportFirst]], "pie.exportar_antes"), (&[], "pie.otra_tecla")];
/// The kiosk's PIN prompt.
pub const FOOTER_PIN: &[Entry] = &[(&[&[PinConfirm]], "pie.confirmar"), (&[&[Close]], "pie.cerrar")];
/// "Guardar una copia en otra carpeta".
pub const FOOTER_COPY: &[Entry] = &[
    (&[&[CopyUp, CopyDown]], "pie.elegir"),
    (&[], "pie.escriba_carpeta"),
    (&[&[CopySave]], "pie.guardar"),
    (&[&[Close]], "pie.volver"),
];

/// The best-fit view's last line.
pub const FOOTER_BEST_FIT: &[Entry] = &[
    (&[&[Up, Down]], "pie.elegir"),
    (&[&[BestFitGo]], "pie.ir_ocupacion"),
    (&[&[BestFitLevel]], "pie.nivel"),
    (&[&[BestFitSectorPrevious, BestFitSectorNext]], "pie.sector"),
    (&[&[Close]], "pie.cerrar"),
];

/// The gap popup (`g`), on an item: its mark's keys are in the legend under the popup.
pub const FOOTER_GAP_ITEM: &[Entry] = &[
    (&[&[Up, Down]], "pie.elegir"),
    (&[&[Mark]], "pie.marcar"),
    (&[&[PageUp, PageDown]], "pie.pagina"),
    (&[&[ViewFull]], "pie.ver_texto"),
    (&[&[Close]], "pie.cerrar"),
];
/// The gap popup on a program: Space shortlists it, as in the Programas pane.
pub const FOOTER_GAP_PROGRAM: &[Entry] = &[
    (&[&[Up, Down]], "pie.elegir"),
    (&[&[Mark]], "pie.elegir_programa"),
    (&[&[PageUp, PageDown]], "pie.pagina"),
    (&[&[ViewFull]], "pie.ver_texto"),
    (&[&[Close]], "pie.cerrar"),
];

/// The focused pane's own keys, first line of the workspace's footer.
pub fn footer_pane(place: Place) -> &'static [Entry] {
    match place {
        Place::Sectors => &[
            (&[&[Up, Down]], "pie.elegir"),
            (&[&[Forward]], "pie.ocupaciones"),
            (&[&[OpenBestFit]], "pie.mejor_ajuste"),
            (&[&[ViewFull]], "pie.ver_texto"),
        ],
        Place::Occupations => &[
            (&[&[Up, Down]], "pie.elegir"),
            (&[&[Forward]], "pie.funciones"),
            (&[&[SortByFit]], "pie.ordenar"),
            (&[&[FocusDetail]], "pie.afines"),
            (&[&[Gap]], "pie.brecha"),
            (&[&[OpenBestFit]], "pie.mejor_ajuste"),
            (&[&[ViewFull]], "pie.ver_texto"),
        ],
        Place::Functions => &[
            (&[&[Mark]], "pie.marcar"),
            (&[&[SwitchTab]], "pie.pestana"),
            (&[&[Gap]], "pie.brecha"),
            (&[&[ViewFull]], "pie.ver_texto"),
        ],
        Place::Programs => &[
            (&[&[Mark]], "pie.elegir_programa"),
            (&[&[Gap]], "pie.brecha"),
            (&[&[ViewFull]], "pie.ver_texto"),
        ],
        Place::Detail => &[
            (&[&[Up, Down]], "pie.elegir"),
            (&[&[GoRelated]], "pie.ir_afin"),
            (&[&[Gap]], "pie.brecha"),
            (&[&[ViewFull]], "pie.ver_texto"),
        ],
        _ => &[],
    }
}

/// The Experiencia panel's last line, by the part in focus.
pub const FOOTER_EXPERIENCE_SEARCH: &[Entry] = &[
    (&[&[ExperienceNext]], "pie.parte"),
    (&[&[ExperienceUp, ExperienceDown]], "pie.elegir"),
    (&[&[ExperienceAdd]], "pie.agregar"),
    (&[&[Close]], "pie.cerrar"),
];
pub const FOOTER_EXPERIENCE_JOBS: &[Entry] = &[
    (&[&[ExperienceNext]], "pie.parte"),
    (&[&[ExperienceUp, ExperienceDown]], "pie.elegir"),
    (&[&[ExperienceRemove]], "pie.quitar"),
    (&[&[Close]], "pie.cerrar"),
];
pub const FOOTER_EXPERIENCE_ITEMS: &[Entry] = &[
    (&[&[ExperienceNext]], "pie.parte"),
    (&[&[ExperienceUp, ExperienceDown]], "pie.elegir"),
    (&[&[ExperienceMark]], "pie.marcar"),
    (&[&[Close]], "pie.cerrar"),
];

/// The plan panel (`p`, issue 13), by the part in focus; kept apart from the other tables on purpose.
pub const FOOTER_PLAN_PROFILE: &[Entry] = &[
    (&[&[PlanNext]], "pie.parte"),
    (&[&[PlanUp, PlanDown]], "pie.elegir"),
    (&[&[PlanChange]], "pie.cambiar"),
    (&[&[PlanEdit]], "pie.editar"),
    (&[&[PlanRemove]], "pie.quitar"),
    (&[&[Close]], "pie.cerrar"),
];
pub const FOOTER_PLAN_CONTACT: &[Entry] = &[
    (&[&[PlanNext]], "pie.parte"),
    (&[&[PlanUp, PlanDown]], "pie.elegir"),
    (&[&[PlanChange]], "pie.marcar"),
    (&[&[PlanEdit]], "pie.editar"),
    (&[&[PlanRemove]], "pie.quitar"),
    (&[&[Close]], "pie.cerrar"),
];
pub const FOOTER_PLAN_GOALS: &[Entry] = &[
    (&[&[PlanNext]], "pie.parte"),
    (&[&[PlanUp, PlanDown]], "pie.elegir"),
    (&[&[PlanChange]], "pie.meta"),
    (&[&[PlanRemove]], "pie.quitar"),
    (&[&[Close]], "pie.cerrar"),
];
pub const FOOTER_PLAN_STEPS: &[Entry] = &[
    (&[&[PlanNext]], "pie.parte"),
    (&[&[PlanAccept]], "pie.aceptar"),
    (&[&[PlanEdit]], "pie.editar"),
    (&[&[PlanChange]], "pie.cambiar"),
    (&[&[PlanWho]], "pie.responsable"),
    (&[&[PlanDate]], "pie.fecha"),
    (&[&[PlanBring]], "pie.llevar"),
    (&[&[PlanNew]], "pie.nuevo"),
    (&[&[PlanRemove]], "pie.quitar"),
    (&[&[Close]], "pie.cerrar"),
];
pub const FOOTER_PLAN_FOLLOW_UP: &[Entry] = &[
    (&[&[PlanNext]], "pie.parte"),
    (&[&[PlanDate]], "pie.fecha"),
    (&[&[PlanRemove]], "pie.quitar"),
    (&[&[Close]], "pie.cerrar"),
];
pub const FOOTER_PLAN_EDIT: &[Entry] = &[(&[&[PlanEditDone]], "pie.listo"), (&[&[Close]], "pie.cancelar")];

/// Issue 14: the kiosk visitor's screens. Each hint is a button as well (a click does what its key does).
pub const FOOTER_KIOSK_WELCOME: &[Entry] = &[
    (&[&[KioskSpanish]], "pie.kiosco_espanol"),
    (&[&[KioskEnglish]], "pie.kiosco_ingles"),
    (&[&[KioskStart]], "pie.kiosco_comenzar"),
];
pub const FOOTER_KIOSK_CONSENT: &[Entry] =
    &[(&[&[KioskSave]], "pie.kiosco_guardar"), (&[&[KioskDontSave]], "pie.kiosco_no_guardar")];
pub const FOOTER_KIOSK_FORM: &[Entry] =
    &[(&[&[Start]], "pie.kiosco_continuar"), (&[&[NextField]], "pie.campo"), (&[&[Close]], "pie.volver")];
pub const FOOTER_KIOSK_LIST: &[Entry] = &[
    (&[&[KioskUp, KioskDown]], "pie.elegir"),
    (&[&[KioskPick]], "pie.kiosco_entrar"),
    (&[&[KioskBack]], "pie.kiosco_atras"),
    (&[&[Finish]], "pie.terminar"),
];
pub const FOOTER_KIOSK_START: &[Entry] = &[
    (&[&[KioskUp, KioskDown]], "pie.elegir"),
    (&[&[KioskPick]], "pie.kiosco_entrar"),
    (&[&[Finish]], "pie.terminar"),
];
pub const FOOTER_KIOSK_TITLE: &[Entry] = &[
    (&[&[KioskUp, KioskDown]], "pie.elegir"),
    (&[&[KioskPick]], "pie.kiosco_elegir"),
    (&[&[Close]], "pie.volver"),
];
pub const FOOTER_KIOSK_ANSWERS: &[Entry] = &[
    (&[&[KioskYes]], "pie.kiosco_si"),
    (&[&[KioskLearning]], "pie.kiosco_aprendiendo"),
    (&[&[KioskNotYet]], "pie.kiosco_todavia_no"),
];
pub const FOOTER_KIOSK_QUESTION: &[Entry] = &[
    (&[&[KioskBack]], "pie.kiosco_atras"),
    (&[&[KioskSkip]], "pie.kiosco_saltar"),
    (&[&[KioskResults]], "pie.kiosco_resultados"),
    (&[&[Finish]], "pie.terminar"),
];
pub const FOOTER_KIOSK_RESULTS: &[Entry] = &[
    (&[&[KioskUp, KioskDown]], "pie.elegir"),
    (&[&[KioskBack]], "pie.kiosco_volver_preguntas"),
    (&[&[Finish]], "pie.terminar"),
];
pub const FOOTER_KIOSK_CONFIRM: &[Entry] =
    &[(&[&[Confirm]], "pie.kiosco_terminar_si"), (&[&[KioskStay]], "pie.kiosco_seguir")];

/// Issue 16: «¿Qué le gusta hacer?» at the kiosk — the five answers (one button a line), the keys
/// under the questions, and those of the results.
pub const FOOTER_KIOSK_LIKES_ANSWERS: &[Entry] = &[
    (&[&[KioskLike1]], "pie.kiosco_me_disgusta_mucho"),
    (&[&[KioskLike2]], "pie.kiosco_me_disgusta"),
    (&[&[KioskLike3]], "pie.kiosco_me_da_igual"),
    (&[&[KioskLike4]], "pie.kiosco_me_gusta"),
    (&[&[KioskLike5]], "pie.kiosco_me_gusta_mucho"),
];
pub const FOOTER_KIOSK_LIKES: &[Entry] = &[
    (&[&[KioskBack]], "pie.kiosco_atras"),
    (&[&[KioskSkipRest]], "pie.kiosco_saltar_resto"),
    (&[&[Finish]], "pie.terminar"),
];
pub const FOOTER_KIOSK_LIKES_RESULTS: &[Entry] = &[
    (&[&[KioskUp, KioskDown]], "pie.elegir"),
    // «atrás», not «volver a las preguntas»: at 80 columns «[t] Terminar» must fit beside it.
    (&[&[KioskBack]], "pie.kiosco_atras"),
    (&[&[KioskResults]], "pie.kiosco_resultados"),
    (&[&[Finish]], "pie.terminar"),
];
/// The results' own button: the questions about the occupation highlighted, or the questions again.
pub const FOOTER_KIOSK_LIKES_ASK: &[Entry] = &[(&[&[KioskPick]], "pie.kiosco_preguntar")];
pub const FOOTER_KIOSK_LIKES_AGAIN: &[Entry] = &[(&[&[KioskPick]], "pie.kiosco_responder_otra_vez")];
pub const FOOTER_KIOSK_LIKES_MORE: &[Entry] = &[(&[&[KioskPick]], "pie.kiosco_seguir_respondiendo")];
