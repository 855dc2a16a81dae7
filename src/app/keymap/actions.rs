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
    /// The start screen's list of sessions.
    Sessions,
    /// A popup over the workspace that takes no text (help, gap, export, confirm).
    Popup,
    /// A field that takes typed text (search query, notes, filter, PIN): plain characters are text.
    Typing,
    /// The new-session form: its alias and counselor fields take typed text too.
    Form,
}

/// Counselor's computer, kiosk, or both.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mode {
    Both,
    Kiosk,
}

use Place::*;
const PANES: &[Place] = &[Sectors, Occupations, Functions, Programs];
const LISTS: &[Place] = &[Sectors, Occupations, Functions, Programs, Sessions];
/// The gap and help popups close with the keys that open them, and with `q`.
const PANES_POPUP: &[Place] = &[Sectors, Occupations, Functions, Programs, Popup];
const EVERYWHERE: &[Place] = &[Sectors, Occupations, Functions, Programs, Popup, Sessions];

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
    PageUp pagina_arriba ["pageup"] LISTS, Both;
    PageDown pagina_abajo ["pagedown"] LISTS, Both;
    First primero ["home"] LISTS, Both;
    Last ultimo ["end"] LISTS, Both;
    Forward avanzar ["enter"] PANES, Both;
    Mark marcar ["space"] &[Functions, Programs], Both;
    SwitchTab competencias ["left", "right"] &[Functions], Both;
    SortByFit ordenar ["s"] &[Sectors, Occupations], Both;
    Gap brecha ["g"] PANES_POPUP, Both;
    Search buscar ["/"] PANES, Both;
    Notes notas ["n"] PANES, Both;
    Export exportar ["e"] PANES, Both;
    Help ayuda ["?"] PANES_POPUP, Both;
    Leave salir ["q"] EVERYWHERE, Both;
    // In the quit question too, where `R` (Caps Lock) has always worked.
    Retry reintentar ["r", "R"] &[Sectors, Occupations, Functions, Programs, Sessions, Popup], Both;
    Copy copiar ["c", "C"] &[Popup], Both;
    Confirm confirmar ["s", "S", "y", "Y"] &[Popup], Both;
    Finish terminar ["t", "T"] PANES, Kiosk;
    NewSession nueva ["n"] &[Sessions], Both;
    Resume reanudar ["enter"] &[Sessions], Both;
    Delete borrar ["d", "delete"] &[Sessions], Both;
    Filter filtrar ["/"] &[Sessions], Both;
    Close cerrar ["esc"] &[Popup, Typing, Form, Sessions], Both;
    NextField campo_siguiente ["tab", "down"] &[Form], Both;
    PreviousField campo_anterior ["shift+tab", "up"] &[Form], Both;
    Start comenzar ["enter"] &[Form], Both;
}

impl Place {
    pub const PANES: &[Place] = PANES;

    /// Where plain characters are typed text, so no action may take one.
    pub fn takes_text(self) -> bool {
        matches!(self, Typing | Form)
    }

    pub fn of_pane(pane: crate::app::Pane) -> Place {
        match pane {
            crate::app::Pane::Sectors => Sectors,
            crate::app::Pane::Occupations => Occupations,
            crate::app::Pane::Functions => Functions,
            crate::app::Pane::Programs => Programs,
        }
    }
}
