//! `rumbo search QUERY [--kind K] [--limit N] [--json]`

use super::args::{KindArg, SearchArgs};
use super::{GlobalArgs, catalog_sources, load_indexable_or_report};
use crate::catalog::ItemKind;
use crate::catalog::cache::{self, Cache};
use crate::i18n::{Lang, fill};
use crate::search::{IndexFile, SearchIndex};
use serde_json::json;
use std::io::Write;
use std::mem::ManuallyDrop;
use std::process::ExitCode;

pub fn run(global: &GlobalArgs, lang: Lang, args: &SearchArgs) -> ExitCode {
    let index = match index(global, lang) {
        Ok(index) => index,
        Err(code) => return code,
    };
    let results = index.search(&args.query, args.kind.map(item_kind), args.limit);
    let s = lang.strings();
    // Buffered: stdout alone writes line by line, a system call per result.
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    if args.json {
        let list: Vec<_> = results
            .hits
            .iter()
            .map(|hit| {
                let item = index.item(hit.item);
                let mut value =
                    json!({"kind": item.kind, "id": item.id, "text": item.text, "score": hit.score});
                if let Some((id, title)) = item.occupation {
                    value["occupation"] = json!({"id": id, "title": title});
                }
                value
            })
            .collect();
        let _ = writeln!(out, "{}", json!({ "results": list, "total": results.total }));
        return ExitCode::SUCCESS;
    }
    if results.hits.is_empty() {
        let _ = writeln!(std::io::stderr(), "{}", fill(s.search_no_results, &[("query", &args.query)]));
        return ExitCode::SUCCESS;
    }
    let items: Vec<_> = results.hits.iter().map(|hit| index.item(hit.item)).collect();
    let kind_width = items.iter().map(|item| item.kind.name(lang).chars().count()).max().unwrap_or(0);
    let id_width = items.iter().map(|item| item.id.chars().count()).max().unwrap_or(0);
    // The "in occupation" note split once around its placeholder, not filled again for every line.
    let in_occupation = fill(s.search_in_occupation, &[("title", &"\u{0}")]);
    let (before, after) = in_occupation.split_once('\u{0}').unwrap_or((&in_occupation, ""));
    for item in items {
        let (kind, id, text) = (item.kind.name(lang), item.id, item.text);
        let written = match item.occupation {
            Some((_, title)) => {
                writeln!(out, "{kind:kind_width$}  {id:id_width$}  {text}  ({before}{title}{after})")
            }
            None => writeln!(out, "{kind:kind_width$}  {id:id_width$}  {text}"),
        };
        if written.is_err() {
            break; // the reader went away (`| head`): stop quietly
        }
    }
    let _ = out.flush();
    ExitCode::SUCCESS
}

fn item_kind(kind: KindArg) -> ItemKind {
    match kind {
        KindArg::Sector => ItemKind::Sector,
        KindArg::Occupation => ItemKind::Occupation,
        KindArg::Function => ItemKind::Function,
        KindArg::Competency => ItemKind::Competency,
        KindArg::Program => ItemKind::Program,
    }
}

/// The search index of the catalogs the flags name: straight from the cache when it holds the
/// index of the files as they are now (the catalogs themselves are then not even decoded), else
/// loaded and built, and cached for the next search. Not freed on the way out: with a large
/// catalog, freeing its half a million small allocations takes longer than the search, and the
/// system takes the memory back when the process ends.
fn index(global: &GlobalArgs, lang: Lang) -> Result<ManuallyDrop<SearchIndex>, ExitCode> {
    if let Some(cache) = Cache::from_env()
        && let Some(key) = cache::sources_key(&catalog_sources(global, &[]), &cache)
        && let Some(index) = SearchIndex::stored(&IndexFile::new(&cache, key))
    {
        return Ok(ManuallyDrop::new(index));
    }
    let (set, file) = load_indexable_or_report(global, lang)?;
    let index = SearchIndex::new_stored(&set, file.as_ref());
    std::mem::forget(set);
    Ok(ManuallyDrop::new(index))
}
