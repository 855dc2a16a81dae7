//! What people read about keys, made from the keymap in force: the footers, the `?` help and the README's
//! key tables. Each entry names actions, never keys, so a key changed in config.ron shows everywhere.

use super::actions::{Action, Action::*, Place};
use super::combo::KeyCombo;
use super::resolve::Keymap;
use crate::i18n::Lang;

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
    row(&[&[SwitchTab]], "ayuda.competencias"),
    row(&[&[SortByFit]], "ayuda.ordenar"),
    row(&[&[Gap]], "ayuda.brecha"),
    row(&[&[Search]], "ayuda.buscar"),
    row(&[&[Notes]], "ayuda.notas"),
    row(&[&[Export]], "ayuda.exportar"),
    row(&[&[Help]], "ayuda.ayuda"),
    row(&[&[Leave]], "ayuda.salir"),
];

pub const HELP_KIOSK: &[Row] = &[
    Row { groups: &[&[Up], &[Down]], sep: " ", primary: true, text: "kiosco.moverse" },
    row(&[&[NextPane]], "kiosco.panel"),
    row(&[&[Forward]], "kiosco.avanzar"),
    row(&[&[Mark]], "kiosco.marcar"),
    row(&[&[SwitchTab]], "kiosco.competencias"),
    row(&[&[SortByFit]], "kiosco.ordenar"),
    row(&[&[Gap]], "kiosco.brecha"),
    row(&[&[Search]], "kiosco.buscar"),
    row(&[&[Notes]], "kiosco.notas"),
    Row { groups: &[&[Finish]], sep: " ", primary: true, text: "kiosco.terminar" },
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
    Row { groups: &[&[Finish]], sep: " ", primary: true, text: "ayuda.terminar" },
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
/// The new-session form. Space ticks the consent box, and is typed text in the other fields: not an action.
pub const FOOTER_FORM: &[Entry] = &[
    (&[&[NextField], &[PreviousField]], "pie.campo"),
    (&[], "pie.espacio"),
    (&[&[Start]], "pie.comenzar"),
    (&[&[Close]], "pie.volver"),
];
/// The question before quitting with sessions unsaved.
pub const FOOTER_QUIT: &[Entry] =
    &[(&[&[Retry]], "pie.reintentar_ahora"), (&[&[Copy]], "pie.copiar"), (&[&[Close]], "pie.quedarse")];
pub const FOOTER_CLOSE: &[Entry] = &[(&[&[Close]], "pie.cerrar")];

/// The focused pane's own keys, first line of the workspace's footer.
pub fn footer_pane(place: Place) -> &'static [Entry] {
    match place {
        Place::Sectors => &[(&[&[Up, Down]], "pie.elegir"), (&[&[Forward]], "pie.ocupaciones")],
        Place::Occupations => &[
            (&[&[Up, Down]], "pie.elegir"),
            (&[&[Forward]], "pie.funciones"),
            (&[&[SortByFit]], "pie.ordenar"),
            (&[&[Gap]], "pie.brecha"),
        ],
        Place::Functions => {
            &[(&[&[Mark]], "pie.marcar"), (&[&[SwitchTab]], "pie.pestana"), (&[&[Gap]], "pie.brecha")]
        }
        Place::Programs => &[(&[&[Mark]], "pie.elegir_programa"), (&[&[Gap]], "pie.brecha")],
        Place::Sessions | Place::Popup | Place::Typing | Place::Form => &[],
    }
}

impl Keymap {
    /// `↑↓ elegir · Enter ocupaciones`: each entry's keys (the first of each action, and arrows) and word.
    pub fn footer(&self, entries: &[Entry], lang: Lang) -> String {
        let item = |(groups, label): &Entry| {
            let keys: Vec<String> = groups.iter().map(|g| self.footer_keys(g, lang)).collect();
            // No actions: a key that is not one (Space in the form), written into the label itself.
            if keys.is_empty() {
                return lang.label(label).to_string();
            }
            format!("{} {}", keys.join("/"), lang.label(label))
        };
        entries.iter().map(item).collect::<Vec<_>>().join(" · ")
    }

    fn footer_keys(&self, group: &[Action], lang: Lang) -> String {
        let shown: Vec<&KeyCombo> = group
            .iter()
            .flat_map(|a| {
                let keys = self.keys(*a);
                // `←→` together, but the form's `Tab` without its `↓`.
                let arrows = keys.first().is_some_and(KeyCombo::is_arrow);
                keys.iter().take(1).chain(keys.iter().skip(1).filter(move |k| arrows && k.is_arrow()))
            })
            .collect();
        let sep = if shown.iter().all(|k| k.is_arrow()) { "" } else { "/" };
        shown.iter().map(|k| k.display(lang)).collect::<Vec<_>>().join(sep)
    }

    /// A row's keys as the help shows them: `Tab / Mayús+Tab`, `↑↓ k j  RePág AvPág  Inicio Fin`.
    pub fn row_keys(&self, row: &Row, lang: Lang) -> String {
        let group = |actions: &[Action]| -> String {
            let first: Vec<&KeyCombo> = actions.iter().filter_map(|a| self.keys(*a).first()).collect();
            let rest: Vec<&KeyCombo> = if row.primary {
                Vec::new()
            } else {
                actions.iter().flat_map(|a| self.keys(*a).iter().skip(1)).collect()
            };
            let tight = actions.len() > 1 && first.iter().all(|k| k.is_arrow());
            let mut words = vec![first.iter().map(|k| k.display(lang)).collect::<Vec<_>>().join(if tight {
                ""
            } else {
                " "
            })];
            words.extend(rest.iter().map(|k| k.display(lang)));
            words.join(" ")
        };
        row.groups.iter().map(|g| group(g)).collect::<Vec<_>>().join(row.sep)
    }

    /// The `?` help's lines, `keys    text` (four spaces: the popup wraps the text under itself).
    pub fn help_lines(&self, kiosk: bool, lang: Lang) -> Vec<String> {
        let rows = if kiosk { HELP_KIOSK } else { HELP };
        let mut lines: Vec<String> =
            rows.iter().map(|r| format!("{}    {}", self.row_keys(r, lang), lang.label(r.text))).collect();
        if !kiosk {
            lines.push(lang.label("ayuda.raton").to_string());
        }
        lines
    }

    /// The README's key table (Spanish) or list (English), as the default keymap makes it.
    pub fn readme(lang: Lang) -> String {
        let map = Keymap::default();
        let rows = HELP.iter().chain(README_MORE);
        let cell =
            |r: &Row| (map.row_keys(r, lang).replace('|', "\\|"), lang.label(r.text).replace('|', "\\|"));
        match lang {
            Lang::Es => {
                let mut out = String::from("| Tecla | Qué hace |\n| --- | --- |\n");
                for (keys, text) in rows.map(cell) {
                    out.push_str(&format!("| `{keys}` | {text} |\n"));
                }
                out
            }
            Lang::En => rows.map(cell).map(|(keys, text)| format!("- `{keys}` — {text}\n")).collect(),
        }
    }

    /// "`s` ordenar por ajuste — solo en Sectores, Ocupaciones": where a key that did nothing works.
    pub fn hint(&self, action: Action, pressed: &crossterm::event::KeyEvent, lang: Lang) -> String {
        let s = lang.strings();
        let key = self
            .keys(action)
            .iter()
            .find(|k| k.matches(pressed))
            .map_or_else(String::new, |k| k.display(lang));
        let places: Vec<&str> = action
            .places()
            .iter()
            .filter_map(|p| match p {
                Place::Sectors => Some(s.pane_sectors),
                Place::Occupations => Some(s.pane_occupations),
                Place::Functions => Some(s.pane_functions),
                Place::Programs => Some(s.pane_programs),
                Place::Sessions => Some(s.sessions_title),
                Place::Popup | Place::Typing | Place::Form => None,
            })
            .collect();
        crate::i18n::fill(
            s.key_elsewhere,
            &[("key", &key), ("what", &lang.label(action.name())), ("places", &places.join(", "))],
        )
    }
}
