//! An occupation's interest profile on the six RIASEC types (Realistic, Investigative, Artistic,
//! Social, Enterprising, Conventional), each on O*NET's 1–7 scale (`OI`, "occupational interests").
//!
//! It is DERIVED, never DANE's: the CUOC says nothing about interests. `rumbo catalog import cuoc`
//! reaches it from the CUOC code through CIUO-08 (ISCO-08), the 2010 SOC and O*NET-SOC 2019 to
//! O*NET's `Interests.txt`, averaging what it reaches (the rule: `src/catalog/import/interests.rs`,
//! docs/catalog-format.md). Everything that shows it says so and gives O*NET's credit
//! ([`ONET_CREDIT`]).
//!
//! Only serde here: build.rs includes this file as it is, to encode the built-in catalogs.

use serde::{Deserialize, Serialize};

/// The six types in the order every `[f64; 6]` of this crate uses: R, I, A, S, E, C.
pub const RIASEC: [char; 6] = ['R', 'I', 'A', 'S', 'E', 'C'];

/// The six values' field names in a catalog, in the same order.
pub const NAMES: [&str; 6] =
    ["realistic", "investigative", "artistic", "social", "enterprising", "conventional"];

/// The lowest and highest value of O*NET's `OI` scale.
pub const SCALE: (f64, f64) = (1.0, 7.0);

/// The credit O*NET's license asks for wherever its data is used in modified form (its words, in
/// English, as the license gives them). The about screen, the README, the import's `--help` and every
/// export that shows interest data use this one text.
pub const ONET_CREDIT: &str = "This product includes information from the O*NET 30.2 Database by the U.S. Department \
of Labor, Employment and Training Administration (USDOL/ETA). Used under the CC BY 4.0 license. O*NET® is a \
trademark of USDOL/ETA. rumbo has modified all or some of this information. USDOL/ETA has not approved, \
endorsed, or tested these modifications.";

/// One occupation's interest profile. Written in a catalog as
/// `interests: InterestProfile(realistic: 6.12, investigative: 3.5, …, basis: Complete, onet: ["51-4121.06"])`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct InterestProfile {
    pub realistic: f64,
    pub investigative: f64,
    pub artistic: f64,
    pub social: f64,
    pub enterprising: f64,
    pub conventional: f64,
    /// How the profile was reached.
    pub basis: Basis,
    /// The O*NET-SOC 2019 codes whose profiles were averaged (sorted, each once).
    #[serde(default)]
    pub onet: Vec<String>,
}

/// How an occupation's profile was reached from its CIUO-08 codes (see the import's rule).
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Basis {
    /// Through complete links only (no `*` from CUOC to CIUO-08, nor from ISCO-08 to SOC).
    Complete,
    /// The occupation has no complete link that reaches O*NET: through all its links, partial ones too.
    Partial,
    /// The CIUO-08 code is a Colombian adaptation absent from ISCO-08: through its parent ISCO group
    /// (the code given here, e.g. `"962"`), all its ISCO-08 codes.
    ParentGroup(String),
    /// The CIUO-08 code is in ISCO-08 but reaches no O*NET profile: through its parent ISCO group
    /// (the code given here). rumbo's extension of the rule, to reach more occupations.
    WiderGroup(String),
}

impl InterestProfile {
    /// The six values in R, I, A, S, E, C order, each within [`SCALE`].
    pub fn values(&self) -> [f64; 6] {
        [self.realistic, self.investigative, self.artistic, self.social, self.enterprising, self.conventional]
    }

    /// A profile with these values (R, I, A, S, E, C order).
    pub fn new(values: [f64; 6], basis: Basis, onet: Vec<String>) -> Self {
        let [realistic, investigative, artistic, social, enterprising, conventional] = values;
        InterestProfile {
            realistic,
            investigative,
            artistic,
            social,
            enterprising,
            conventional,
            basis,
            onet,
        }
    }

    /// The types from the highest value down (ties in R, I, A, S, E, C order): `[(letter, value)]`.
    pub fn ranked(&self) -> [(char, f64); 6] {
        let values = self.values();
        let mut ranked: [(char, f64); 6] = std::array::from_fn(|i| (RIASEC[i], values[i]));
        // Stable: equal values keep the R, I, A, S, E, C order.
        ranked.sort_by(|a, b| b.1.total_cmp(&a.1));
        ranked
    }

    /// The three-letter code: the three highest types, highest first ("RCI").
    pub fn code(&self) -> String {
        self.ranked().iter().take(3).map(|(letter, _)| *letter).collect()
    }
}
