//! `rumbo search QUERY [--kind K] [--limit N] [--json]`

use super::args::{KindArg, SearchArgs};
use super::{GlobalArgs, load_or_report};
use crate::catalog::ItemKind;
use crate::i18n::{Lang, fill};
use crate::search::SearchIndex;
use serde_json::json;
use std::io::Write;
use std::mem::ManuallyDrop;
use std::process::ExitCode;

pub fn run(global: &GlobalArgs, lang: Lang, args: &SearchArgs) -> ExitCode {
    // Not freed on the way out: with a large catalog, freeing its half a million small allocations
    // takes longer than the search; the system takes the memory back when the process ends.
    let set = match load_or_report(global, lang) {
        Ok(set) => ManuallyDrop::new(set),
        Err(code) => return code,
    };
    let index = ManuallyDrop::new(SearchIndex::new(&set));
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
    let kind_width = results.hits.iter().map(|h| index.item(h.item).kind.name(lang).chars().count()).max();
    let id_width = results.hits.iter().map(|h| index.item(h.item).id.chars().count()).max();
    for hit in &results.hits {
        let item = index.item(hit.item);
        let mut line = format!(
            "{:kw$}  {:iw$}  {}",
            item.kind.name(lang),
            item.id,
            item.text,
            kw = kind_width.unwrap_or(0),
            iw = id_width.unwrap_or(0)
        );
        if let Some((_, title)) = &item.occupation {
            line.push_str(&format!("  ({})", fill(s.search_in_occupation, &[("title", title)])));
        }
        if writeln!(out, "{line}").is_err() {
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
