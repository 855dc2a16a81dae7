//! What rumbo remembers on this computer between sessions: the counselor's name.

use serde::{Deserialize, Serialize};
use std::path::Path;

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Preferences {
    pub counselor: String,
}

impl Preferences {
    /// A missing or unreadable file means no preferences yet.
    pub fn load(path: &Path) -> Preferences {
        std::fs::read_to_string(path)
            .ok()
            .and_then(|text| ron::from_str::<Preferences>(&text).ok())
            .map(|mut p| {
                p.counselor = crate::text::sanitize_line(&p.counselor);
                p
            })
            .unwrap_or_default()
    }

    pub fn save(&self, path: &Path) -> std::io::Result<()> {
        let text = ron::ser::to_string(self).map_err(std::io::Error::other)?;
        crate::private_fs::write_atomic(path, text.as_bytes(), crate::private_fs::Mode::Private)
    }
}
