//! clap's usage errors in Spanish. clap words them in English; for a Spanish user the common kinds are
//! reworded here from the error's own context (the bad value, the argument, the valid values). Exit code
//! stays 2; help and version output pass through untouched.

use clap::error::{ContextKind, ContextValue, Error, ErrorKind};

/// The Spanish text of a usage error, or `None` to let clap print its own (help, version, rare kinds).
pub fn message(e: &Error) -> Option<String> {
    let get = |kind| e.get(kind).map(plain);
    let arg = get(ContextKind::InvalidArg).unwrap_or_default();
    let body = match e.kind() {
        ErrorKind::InvalidValue => {
            let value = get(ContextKind::InvalidValue).unwrap_or_default();
            let mut text = format!("valor no válido «{value}» para «{arg}»");
            if let Some(valid) = get(ContextKind::ValidValue) {
                text.push_str(&format!("\n  valores posibles: {valid}"));
            }
            text
        }
        ErrorKind::ValueValidation => {
            let value = get(ContextKind::InvalidValue).unwrap_or_default();
            format!("valor no válido «{value}» para «{arg}»")
        }
        ErrorKind::UnknownArgument => {
            let mut text = format!("argumento desconocido «{arg}»");
            if let Some(suggested) = get(ContextKind::SuggestedArg) {
                text.push_str(&format!("\n  ¿quiso decir «{suggested}»?"));
            }
            text
        }
        ErrorKind::InvalidSubcommand => {
            let name = get(ContextKind::InvalidSubcommand).unwrap_or_default();
            let mut text = format!("orden desconocida «{name}»");
            if let Some(suggested) = get(ContextKind::SuggestedSubcommand) {
                text.push_str(&format!("\n  ¿quiso decir «{suggested}»?"));
            }
            text
        }
        ErrorKind::MissingRequiredArgument => format!("falta un argumento obligatorio: {arg}"),
        ErrorKind::ArgumentConflict => {
            let prior = get(ContextKind::PriorArg).unwrap_or_default();
            format!("«{arg}» no se puede usar junto con «{prior}»")
        }
        ErrorKind::TooManyValues | ErrorKind::TooFewValues | ErrorKind::WrongNumberOfValues => {
            format!("número de valores incorrecto para «{arg}»")
        }
        ErrorKind::NoEquals => format!("«{arg}» necesita su valor con «=»"),
        ErrorKind::InvalidUtf8 => "un argumento no es texto UTF-8 válido".to_string(),
        _ => return None,
    };
    let usage = get(ContextKind::Usage).map(|u| format!("\n\n{}", u.replacen("Usage:", "Uso:", 1)));
    Some(format!("error: {body}{}\n\nPara más información, pruebe «--help».\n", usage.unwrap_or_default()))
}

/// A context value as plain text (lists joined by commas, no terminal styling).
fn plain(value: &ContextValue) -> String {
    match value {
        ContextValue::Strings(list) => list.join(", "),
        ContextValue::StyledStrs(list) => list.iter().map(|s| s.to_string()).collect::<Vec<_>>().join(", "),
        other => other.to_string(),
    }
}
