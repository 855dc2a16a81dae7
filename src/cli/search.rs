//! `rumbo search QUERY [--kind K] [--limit N] [--json]`

use super::args::{KindArg, SearchArgs};
use super::{GlobalArgs, catalog_sources, load_indexable_or_report};
use crate::catalog::ItemKind;
use crate::catalog::cache::{self, Cache};
use crate::i18n::{Lang, fill};
use crate::search::SearchIndex;
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
    let mut out = std::io::BufWriter::with_capacity(1 << 16, std::io::stdout().lock());
    if args.json {
        let list = results.hits.iter().map(|hit| {
            let item = index.item(hit.item);
            let code = index.occupation_code(hit.item);
            let occupation = item.occupation.map(|(id, title)| JsonOccupation { code, id, title });
            JsonHit { id: item.id, kind: item.kind, occupation, score: hit.score, text: item.text }
        });
        let whole = JsonResults { results: list.collect(), total: results.total };
        let _ = serde_json::to_writer(&mut out, &whole).map_err(std::io::Error::from).and_then(|()| {
            writeln!(out)?;
            out.flush()
        });
        return ExitCode::SUCCESS;
    }
    if results.hits.is_empty() {
        let _ = writeln!(std::io::stderr(), "{}", fill(s.search_no_results, &[("query", &args.query)]));
        return ExitCode::SUCCESS;
    }
    let (mut kind_width, mut id_width) = (0, 0);
    for hit in &results.hits {
        let (kind, id_len) = index.kind_and_id_len(hit.item);
        kind_width = kind_width.max(kind.name(lang).chars().count());
        id_width = id_width.max(id_len);
    }
    // The "in occupation" note split once around its placeholder, not filled again for every line.
    let in_occupation = fill(s.search_in_occupation, &[("title", &"\u{0}")]);
    let (before, after) = in_occupation.split_once('\u{0}').unwrap_or((&in_occupation, ""));
    // Written piece by piece rather than through `format!`: a broad query prints tens of thousands
    // of lines, and formatting them was a large part of the whole run.
    let spaces = " ".repeat(kind_width.max(id_width));
    for item in results.hits.iter().map(|hit| index.item(hit.item)) {
        let written = write_parts(
            &mut out,
            &[
                item.kind.name(lang),
                &spaces[..kind_width.saturating_sub(item.kind.name(lang).chars().count())],
                "  ",
                item.id,
                &spaces[..id_width.saturating_sub(item.id.chars().count())],
                "  ",
                item.text,
            ],
        )
        .and_then(|()| match item.occupation {
            Some((_, title)) => {
                write_parts(&mut out, &["  (", before, crate::catalog::first_form(title), after, ")\n"])
            }
            None => out.write_all(b"\n"),
        });
        if written.is_err() {
            break; // the reader went away (`| head`): stop quietly
        }
    }
    let _ = out.flush();
    ExitCode::SUCCESS
}

fn write_parts(out: &mut impl Write, parts: &[&str]) -> std::io::Result<()> {
    parts.iter().try_for_each(|part| out.write_all(part.as_bytes()))
}

/// One result of `--json`: fields in the order `serde_json` has always written them (by name).
#[derive(serde::Serialize)]
struct JsonHit<'a> {
    id: &'a str,
    kind: ItemKind,
    #[serde(skip_serializing_if = "Option::is_none")]
    occupation: Option<JsonOccupation<'a>>,
    score: u32,
    text: &'a str,
}

#[derive(serde::Serialize)]
struct JsonOccupation<'a> {
    /// Its CUOC code, else the first code its catalog gives; "" when it has none.
    code: &'a str,
    id: &'a str,
    title: &'a str,
}

#[derive(serde::Serialize)]
struct JsonResults<'a> {
    results: Vec<JsonHit<'a>>,
    total: usize,
}

fn item_kind(kind: KindArg) -> ItemKind {
    match kind {
        KindArg::Sector => ItemKind::Sector,
        KindArg::Occupation => ItemKind::Occupation,
        KindArg::Function => ItemKind::Function,
        KindArg::Competency => ItemKind::Competency,
        KindArg::Program => ItemKind::Program,
        KindArg::Title => ItemKind::Title,
    }
}

/// The search index of the catalogs the flags name: straight from the cache when it holds the
/// index of the files as they are now (the catalogs themselves are then not even decoded), else
/// loaded and built, and cached for the next search. Not freed on the way out: with a large
/// catalog, freeing its half a million small allocations takes longer than the search, and the
/// system takes the memory back when the process ends.
fn index(global: &GlobalArgs, lang: Lang) -> Result<ManuallyDrop<SearchIndex>, ExitCode> {
    if let Some(cache) = Cache::from_env()
        && let Some(index) =
            SearchIndex::stored_in(&cache, || cache::sources_key(&catalog_sources(global, &[]), &cache))
    {
        return Ok(ManuallyDrop::new(index));
    }
    let (set, file) = load_indexable_or_report(global, lang)?;
    let index = SearchIndex::new_stored(&set, file.as_ref());
    std::mem::forget(set);
    Ok(ManuallyDrop::new(index))
}
