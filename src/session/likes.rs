//! Issue 16 in the visitor's words: what the kiosk's results of «¿Qué le gusta hacer?» and the plan the
//! person takes home show — the types liked most, and the occupations that go with them, how closely
//! said in words. Built on [`super::suggestions`] (the counselor's ranking) with no filter.

use super::best::BestFilter;
use super::fit::Standing;
use super::model::Session;
use super::suggest::suggestions;
use crate::catalog::CatalogSet;
use crate::interests::Riasec;

/// How many occupations the results suggest.
pub const SUGGESTED: usize = 5;

/// How closely an occupation follows what the visitor likes, in words (a correlation is no word for a
/// visitor): Pearson's r from 0.7 «mucho», from 0.4 «bastante», from 0.1 «algo», below «poco».
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Closeness {
    Much,
    Quite,
    Some,
    Little,
}

impl Closeness {
    pub fn of(correlation: f64) -> Closeness {
        match correlation {
            r if r >= 0.7 => Closeness::Much,
            r if r >= 0.4 => Closeness::Quite,
            r if r >= 0.1 => Closeness::Some,
            _ => Closeness::Little,
        }
    }
}

/// One occupation that goes with what the visitor likes.
#[derive(Clone, Debug, PartialEq)]
pub struct Liked<'a> {
    pub occupation: &'a crate::catalog::Occupation,
    pub correlation: f64,
    /// Its fit from what the visitor said they can do, when they answered any such question.
    pub standing: Option<Standing>,
}

/// The `n` occupations whose interest profile follows the visitor's scores most closely; empty when the
/// answers cannot be read (too few, or flat: ask again, never rank).
pub fn suggest<'a>(session: &Session, set: &'a CatalogSet, n: usize) -> Vec<Liked<'a>> {
    // The kiosk has no filters: every occupation with a profile.
    let answered = !session.marks.is_empty() || !session.answered_no.is_empty();
    suggestions(session, set, &BestFilter::default())
        .into_iter()
        .take(n)
        .map(|s| Liked {
            occupation: s.occupation,
            correlation: s.correlation,
            standing: answered.then_some(s.standing),
        })
        .collect()
}

/// The three types liked most (the code's letters), highest first.
pub fn top_types(code: &str) -> Vec<Riasec> {
    code.chars().filter_map(|c| Riasec::ALL.into_iter().find(|t| t.letter() == c)).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn closeness_words_follow_the_thresholds_and_the_code_gives_its_types() {
        let words: Vec<Closeness> = [1.0, 0.7, 0.69, 0.4, 0.39, 0.1, 0.09, -0.5].map(Closeness::of).to_vec();
        use Closeness::*;
        assert_eq!(words, vec![Much, Much, Quite, Quite, Some, Some, Little, Little]);
        assert_eq!(top_types("SRC"), vec![Riasec::Social, Riasec::Realistic, Riasec::Conventional]);
        assert!(top_types("").is_empty());
    }
}
