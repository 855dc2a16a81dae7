//! The built-in catalogs in binary form: each `assets/catalog/<id>.ron` is read with serde and
//! written to `$OUT_DIR/<id>.postcard`, which `src/catalog/builtin.rs` embeds with `include_bytes!`.
//! A start then decodes postcard instead of parsing megabytes of RON (see README, "Rendimiento").
//!
//! Only serde: the model is the crate's own files (model, interests, serialize), included as they are. Whether a catalog is valid is
//! not decided here: a file that does not deserialize gives an empty blob and a warning, and rumbo
//! then parses the embedded RON text at run time and reports its problems at `FILE:LINE:COL`
//! (`builtin:<id>.ron`), so a broken edit never stops the build of the tool that explains it.

#[allow(dead_code)]
#[path = "src/catalog/interests.rs"]
mod interests;
#[allow(dead_code, unused_imports)]
#[path = "src/catalog/model.rs"]
mod model;
#[path = "src/catalog/serialize.rs"]
mod serialize;

use std::path::PathBuf;

/// The built-ins: their id, which is also their file's name under assets/catalog/.
const BUILTINS: [&str; 2] = ["bpo-bogota", "cuoc-2025"];

fn main() {
    println!("cargo::rerun-if-changed=build.rs");
    for file in ["model", "interests", "serialize"] {
        println!("cargo::rerun-if-changed=src/catalog/{file}.rs");
    }
    let out = PathBuf::from(std::env::var_os("OUT_DIR").unwrap_or_default());
    for id in BUILTINS {
        let path = format!("assets/catalog/{id}.ron");
        println!("cargo::rerun-if-changed={path}");
        let bytes = match encode(&path, id) {
            Ok(bytes) => bytes,
            Err(why) => {
                println!("cargo::warning={path}: {why}; rumbo will parse it at start-up and report it");
                Vec::new()
            }
        };
        if let Err(e) = std::fs::write(out.join(format!("{id}.postcard")), bytes) {
            panic!("cannot write the built-in catalog {id} to OUT_DIR: {e}");
        }
    }
}

/// The catalog in `path` as postcard, if it deserializes and declares the id `id`.
fn encode(path: &str, id: &str) -> Result<Vec<u8>, String> {
    let text = std::fs::read_to_string(path).map_err(|e| e.to_string())?;
    // As rumbo reads a file: a leading byte-order mark is not part of the text.
    let text = text.strip_prefix('\u{FEFF}').unwrap_or(&text);
    let catalog: model::Catalog = ron::from_str(text).map_err(|e| e.to_string())?;
    if catalog.id != id {
        return Err(format!("declares the id «{}», not «{id}»", catalog.id));
    }
    postcard::to_allocvec(&catalog).map_err(|e| e.to_string())
}
