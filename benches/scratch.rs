#[path = "esco/mod.rs"]
mod esco;
use rumbo::search::SearchIndex;
use std::time::{Duration, Instant};
fn main() {
    let (set, _) = esco::load(Some(esco::Scale::ESCO));
    let mut keep = Vec::new();
    let mut times: Vec<Duration> = Vec::new();
    for _ in 0..20 {
        let t = Instant::now();
        keep.push(SearchIndex::new(&set));
        times.push(t.elapsed());
        if keep.len() > 3 { keep.remove(0); }
    }
    times.sort();
    println!("index build: min {:?} median {:?}", times[0], times[10]);
}
