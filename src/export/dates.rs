//! Dates as the person reads them: "15 de marzo de 2027", "15 March 2027" — never "2027-03-15", which
//! reads differently in different countries.

use crate::i18n::{Lang, fill};
use jiff::civil::Date;

pub fn in_words(lang: Lang, date: Date) -> String {
    let s = lang.strings();
    let month = s.handout_months.split(' ').nth(usize::from(date.month().unsigned_abs()) - 1).unwrap_or("");
    fill(s.handout_date_words, &[("day", &date.day()), ("month", &month), ("year", &date.year())])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_are_said_in_words_in_both_languages() {
        let date = Date::new(2027, 3, 15).unwrap();
        assert_eq!(in_words(Lang::Es, date), "15 de marzo de 2027");
        assert_eq!(in_words(Lang::En, date), "15 March 2027");
        assert_eq!(in_words(Lang::Es, Date::new(2026, 1, 2).unwrap()), "2 de enero de 2026");
        assert_eq!(in_words(Lang::En, Date::new(2026, 12, 31).unwrap()), "31 December 2026");
    }

    #[test]
    fn every_month_has_a_name() {
        for lang in [Lang::Es, Lang::En] {
            let names: Vec<String> =
                (1..=12).map(|m| in_words(lang, Date::new(2027, m, 1).unwrap())).collect();
            assert!(names.iter().all(|n| n.split(' ').count() >= 3 && !n.contains("  ")), "{names:?}");
            let distinct: std::collections::BTreeSet<&String> = names.iter().collect();
            assert_eq!(distinct.len(), 12);
        }
    }
}
