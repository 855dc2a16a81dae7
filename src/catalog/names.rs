//! How DANE writes a name with both grammatical genders: the masculine form, " / ", the feminine
//! ("Cajeros de comercio, … / Cajeras de comercio, …"; 556 of the CUOC's 680 occupation names, and
//! most job titles). Lists show the first form, where a cut name would end halfway through the
//! second; the detail, the search and the exports keep the name whole, as DANE writes it.

use super::{Occupation, Source};

/// The first form of a name written "masculine / feminine"; the whole name when it has one form.
/// Only " / " with its spaces splits: that is how every gendered CUOC name is written.
pub fn first_form(name: &str) -> &str {
    name.split_once(" / ").map_or(name, |(first, _)| first.trim_end())
}

/// Every form of a name written "masculine / feminine" (one, for a name with one form).
pub fn forms(name: &str) -> impl Iterator<Item = &str> {
    name.split(" / ").map(str::trim)
}

impl Occupation {
    /// The name a list shows: [`first_form`] of its title.
    pub fn list_title(&self) -> &str {
        first_form(&self.title)
    }
}

/// A source as a detail names it in one short line: "DANE, CUOC 2025" for the CUOC's
/// (publisher "Departamento Administrativo Nacional de Estadística (DANE)", title "Clasificación …
/// — CUOC 2025: perfiles ocupacionales"): the publisher's acronym in brackets, then the title's
/// part after " — " up to a colon. A source without such an acronym is named by its whole title.
pub fn short_source(source: &Source) -> String {
    let acronym = source
        .publisher
        .trim_end()
        .strip_suffix(')')
        .and_then(|rest| rest.rsplit_once('('))
        .map(|(_, acronym)| acronym.trim())
        .filter(|acronym| !acronym.is_empty());
    let Some(acronym) = acronym else { return source.title.clone() };
    let work = source.title.rsplit_once(" — ").map_or(source.title.as_str(), |(_, work)| work);
    let work = work.split_once(':').map_or(work, |(work, _)| work).trim();
    format!("{acronym}, {work}")
}

#[cfg(test)]
mod tests {
    use super::{first_form, short_source};
    use crate::catalog::Source;

    #[test]
    fn the_cuocs_source_is_named_dane_cuoc_2025() {
        let cuoc = Source {
            id: "dane-cuoc-2025".into(),
            title: "Clasificación Única de Ocupaciones para Colombia — CUOC 2025: perfiles ocupacionales"
                .into(),
            publisher: "Departamento Administrativo Nacional de Estadística (DANE)".into(),
            note: String::new(),
        };
        assert_eq!(short_source(&cuoc), "DANE, CUOC 2025");
        let pactos = Source {
            id: "pactos-bpo".into(),
            title: "Pactos por el Trabajo decente en Bogotá — Sector BPO".into(),
            publisher: "Alcaldía Mayor de Bogotá, Secretaría de Desarrollo Económico".into(),
            note: String::new(),
        };
        assert_eq!(short_source(&pactos), "Pactos por el Trabajo decente en Bogotá — Sector BPO");
    }

    #[test]
    fn a_gendered_name_shows_its_first_form_and_any_other_name_whole() {
        assert_eq!(
            first_form(
                "Cajeros de comercio, taquilleros y expendedores de boletas / Cajeras de comercio, taquilleros y expendedores de boletas"
            ),
            "Cajeros de comercio, taquilleros y expendedores de boletas"
        );
        assert_eq!(first_form("Oficiales de las Fuerzas Militares"), "Oficiales de las Fuerzas Militares");
        // A slash without its spaces is part of a name, not a second form.
        assert_eq!(first_form("Agentes de cobranza/cartera"), "Agentes de cobranza/cartera");
    }
}
