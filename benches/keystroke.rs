//! The search popup as a counselor uses it: each key typed into it, from the key to the frame that
//! shows its results (update + search + highlights + drawing the whole screen), on the ESCO-scale
//! catalog and on the built-in one. Prints p50, p95 and the slowest key over every key of a set of
//! queries typed letter by letter, each set typed `ROUNDS` times.
//! `cargo bench --bench keystroke [-- --each]` (`--each` lists every key's median).
//!
//! A real terminal adds writing the changed cells to it; `TestBackend` only keeps them in memory.

#![allow(clippy::unwrap_used, clippy::expect_used)] // benchmarks fail loudly by design
#[path = "esco/mod.rs"]
mod esco;

use crossterm::event::KeyCode;
use std::time::{Duration, Instant};

/// What counselors type: words of the catalog, words it does not have, a correction.
const QUERIES: [&str; 12] = [
    "mantenimiento de equipos",
    "técnico en ventas",
    "atención al cliente",
    "soldadura",
    "auxiliar contable",
    "enfermería",
    "conductor de camión",
    "sena cocina",
    "hojas de cálculo",
    "inglés",
    "logística<<<ica",
    "diseño gráfico",
];

const ROUNDS: usize = 5;

fn main() {
    let each = std::env::args().any(|a| a == "--each");
    for (name, scale) in [("ESCO (52 040 textos)", Some(esco::Scale::ESCO)), ("BPO", None)] {
        let mut app = esco::App::start(scale, 120, 40);
        app.open_session();
        // times[k] holds the ROUNDS timings of the k-th key of the whole set.
        let mut times: Vec<(String, Vec<Duration>)> = Vec::new();
        for _ in 0..ROUNDS {
            let mut k = 0;
            for query in QUERIES {
                app.key(KeyCode::Char('/'));
                app.draw();
                let mut typed = String::new();
                for c in query.chars() {
                    let code = if c == '<' { KeyCode::Backspace } else { KeyCode::Char(c) };
                    if c == '<' {
                        typed.pop();
                    } else {
                        typed.push(c);
                    }
                    let start = Instant::now();
                    app.key(code);
                    app.draw();
                    let took = start.elapsed();
                    if times.len() <= k {
                        times.push((typed.clone(), Vec::new()));
                    }
                    times[k].1.push(took);
                    k += 1;
                }
                app.key(KeyCode::Esc);
                app.draw();
            }
        }
        let mut all: Vec<Duration> = times.iter().flat_map(|(_, t)| t.iter().copied()).collect();
        all.sort_unstable();
        let at = |p: usize| all[(all.len() * p / 100).min(all.len() - 1)];
        println!(
            "{name}: {} keys × {ROUNDS}: p50 {:.1} ms, p95 {:.1} ms, max {:.1} ms",
            times.len(),
            ms(at(50)),
            ms(at(95)),
            ms(all[all.len() - 1])
        );
        if each {
            for (typed, mut t) in times {
                t.sort_unstable();
                println!("  {typed:<28} {:>6.2} ms", ms(t[t.len() / 2]));
            }
        }
    }
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1e3
}
