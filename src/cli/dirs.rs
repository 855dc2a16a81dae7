//! Where rumbo keeps things: flags first, then the `RUMBO_*` variables (clap reads those), then the
//! platform's folders from `directories` (`~/.config/rumbo`, `~/.local/share/rumbo` on Linux).

use super::args::GlobalArgs;
use directories::ProjectDirs;
use std::path::PathBuf;

fn project() -> Option<ProjectDirs> {
    ProjectDirs::from("", "", "rumbo")
}

pub fn config_dir(global: &GlobalArgs) -> Option<PathBuf> {
    global.config_dir.clone().or_else(|| project().map(|p| p.config_dir().to_path_buf()))
}

pub fn data_dir(global: &GlobalArgs) -> Option<PathBuf> {
    global.data_dir.clone().or_else(|| project().map(|p| p.data_dir().to_path_buf()))
}
