//! The app with DANE's CUOC 2025 loaded beside the built-in BPO catalog (issue 12): the existing
//! tests keep the BPO-only model of `keyflow_support`; these build the larger one, once per binary.
#![allow(dead_code)]

use crate::keyflow_support::App;
use rumbo::app::Model;
use rumbo::catalog::{self, CatalogSet, SourceFile};
use rumbo::i18n::Lang;
use rumbo::runtime::Runner;
use rumbo::search::SearchIndex;
use std::path::Path;
use std::sync::{Arc, OnceLock};

/// The built-in BPO catalog and assets/catalog/cuoc-2025.ron, and their index.
pub fn cuoc_catalog() -> (Arc<CatalogSet>, Arc<SearchIndex>) {
    static BUILT: OnceLock<(Arc<CatalogSet>, Arc<SearchIndex>)> = OnceLock::new();
    BUILT
        .get_or_init(|| {
            let text = std::fs::read_to_string(crate::cuoc_catalog::CUOC_FILE).unwrap();
            let cuoc = SourceFile { name: "cuoc-2025.ron".into(), text };
            let loaded = catalog::load_files(vec![catalog::builtin_file(), cuoc]).unwrap();
            let set = Arc::new(CatalogSet::new(loaded.into_iter().map(|l| l.catalog).collect()));
            let index = Arc::new(SearchIndex::new(&set));
            (set, index)
        })
        .clone()
}

pub fn cuoc_model(lang: Lang) -> Model {
    let (set, index) = cuoc_catalog();
    Model::new(lang, set, index)
}

/// [`App::start`] with the CUOC loaded too.
pub fn start_cuoc(dir: &Path, lang: Lang) -> App {
    let mut model = cuoc_model(lang);
    let mut runner = Runner::new(dir).unwrap();
    runner.start(&mut model);
    App { model, runner, dir: dir.to_path_buf() }
}
