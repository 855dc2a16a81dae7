//! Prints an HTML plan with the real headless Chromium and reads the PDF back with poppler's tools
//! (`pdfinfo`, `pdftotext`). One browser at a time in this test binary, each print under a timeout (its
//! whole process group killed when the time runs out); the paper size is a CSS `@page` rule the test
//! adds after the plan's own stylesheet. Without the programs the caller gets `None` after
//! `common::skip_or_fail` said why.
#![allow(dead_code, clippy::unwrap_used, clippy::expect_used, clippy::disallowed_methods)]

use crate::common::skip_or_fail;
use std::os::unix::process::CommandExt;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::Mutex;
use std::time::{Duration, Instant};

/// Chromium starts in about a second here; a print that takes this long has hung.
const PRINT_TIMEOUT: Duration = Duration::from_secs(90);

/// One browser at a time: the machine is small and Chromium is big.
static BROWSER: Mutex<()> = Mutex::new(());

static KEPT: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Paper {
    A4,
    Letter,
    /// A phone's width (390 CSS px), as a stand-in for reading the plan on one.
    Phone,
}

impl Paper {
    fn css(self) -> &'static str {
        match self {
            Paper::A4 => "@page { size: A4; }",
            Paper::Letter => "@page { size: letter; }",
            Paper::Phone => "@page { size: 390px 844px; margin: 8px; }",
        }
    }
}

/// A printed plan: the PDF in its own temporary folder.
pub struct Pdf {
    pub path: PathBuf,
    pub pages: usize,
    _dir: tempfile::TempDir,
}

/// One word of `pdftotext -bbox`, in PDF points, with the size of its page.
#[derive(Debug)]
pub struct Word {
    pub page: usize,
    pub page_width: f64,
    pub page_height: f64,
    pub x_min: f64,
    pub x_max: f64,
    pub y_min: f64,
    pub y_max: f64,
    pub text: String,
}

fn found(program: &str, arg: &str) -> bool {
    Command::new(program)
        .arg(arg)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .is_ok_and(|s| s.success())
}

/// The browser's name on this machine, or why printing cannot be tested.
fn tools() -> Result<&'static str, String> {
    let browser = ["chromium", "chromium-browser"]
        .into_iter()
        .find(|b| found(b, "--version"))
        .ok_or("chromium is not installed (Debian: apt-get install chromium)")?;
    for tool in ["pdftotext", "pdfinfo"] {
        if !found(tool, "-v") {
            return Err(format!("{tool} is not installed (Debian: apt-get install poppler-utils)"));
        }
    }
    Ok(browser)
}

/// Prints `html` on `paper`; `None` when the machine lacks Chromium or poppler (the test then returns).
pub fn print(html: &str, paper: Paper) -> Option<Pdf> {
    let browser = match tools() {
        Ok(b) => b,
        Err(why) => {
            skip_or_fail(&why);
            return None;
        }
    };
    let dir = tempfile::tempdir().unwrap();
    let page = format!("<style>{}</style>\n</head>", paper.css());
    assert!(html.contains("</head>"), "the plan has a head to add the paper size to");
    let html = html.replacen("</head>", &page, 1);
    let input = dir.path().join("plan.html");
    std::fs::write(&input, html).unwrap();
    let path = dir.path().join("plan.pdf");
    let log = dir.path().join("chromium.log");
    {
        let _one = BROWSER.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
        run_browser(browser, dir.path(), &input, &path, &log);
    }
    let pages = pdfinfo_pages(&path);
    // To look at what a test printed: RUMBO_PRINT_KEEP=<folder> keeps each HTML and PDF there.
    if let Some(keep) = std::env::var_os("RUMBO_PRINT_KEEP") {
        let n = KEPT.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        let stem =
            format!("{}-{paper:?}-{n}", std::thread::current().name().unwrap_or("print").replace("::", "-"));
        let keep = Path::new(&keep);
        std::fs::copy(&input, keep.join(format!("{stem}.html"))).unwrap();
        std::fs::copy(&path, keep.join(format!("{stem}.pdf"))).unwrap();
    }
    Some(Pdf { path, pages, _dir: dir })
}

fn run_browser(browser: &str, dir: &Path, input: &Path, output: &Path, log: &Path) {
    let mut child = Command::new(browser)
        .args([
            "--headless",
            // Root (CI containers) has no user namespace sandbox.
            "--no-sandbox",
            "--disable-gpu",
            "--no-first-run",
            "--no-default-browser-check",
            "--disable-extensions",
            "--no-pdf-header-footer",
        ])
        .arg(format!("--user-data-dir={}", dir.join("profile").display()))
        .arg(format!("--print-to-pdf={}", output.display()))
        .arg(format!("file://{}", input.display()))
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(std::fs::File::create(log).unwrap())
        // Its own process group, so a hung browser goes with all its helpers.
        .process_group(0)
        .spawn()
        .unwrap();
    let deadline = Instant::now() + PRINT_TIMEOUT;
    let status = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break status;
        }
        if Instant::now() > deadline {
            let group = format!("-{}", child.id());
            let _ = Command::new("kill").args(["-KILL", "--", &group]).status();
            let _ = child.wait();
            panic!(
                "chromium did not print within {PRINT_TIMEOUT:?}:\n{}",
                std::fs::read_to_string(log).unwrap_or_default()
            );
        }
        std::thread::sleep(Duration::from_millis(50));
    };
    let printed = std::fs::metadata(output).is_ok_and(|m| m.len() > 0);
    assert!(
        status.success() && printed,
        "chromium failed ({status}):\n{}",
        std::fs::read_to_string(log).unwrap_or_default()
    );
}

fn poppler(tool: &str, args: &[&str], pdf: &Path) -> String {
    let out = Command::new(tool).args(args).arg(pdf).arg("-").output().unwrap();
    assert!(out.status.success(), "{tool} {args:?}: {}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout).unwrap()
}

fn pdfinfo_pages(pdf: &Path) -> usize {
    let out = Command::new("pdfinfo").arg(pdf).output().unwrap();
    assert!(out.status.success(), "pdfinfo: {}", String::from_utf8_lossy(&out.stderr));
    let info = String::from_utf8(out.stdout).unwrap();
    let line = info.lines().find(|l| l.starts_with("Pages:")).expect("pdfinfo names the pages");
    line["Pages:".len()..].trim().parse().unwrap()
}

impl Pdf {
    /// The text of page `n` (from 1), its lines as laid out.
    pub fn page_text(&self, n: usize) -> String {
        let n = n.to_string();
        poppler("pdftotext", &["-layout", "-f", &n, "-l", &n], &self.path)
    }

    /// Page `n`'s text in reading order (columns one after the other), every run of white space one
    /// space: for finding phrases broken over lines.
    pub fn page_words(&self, n: usize) -> String {
        let n = n.to_string();
        let text = poppler("pdftotext", &["-f", &n, "-l", &n], &self.path);
        text.split_whitespace().collect::<Vec<_>>().join(" ")
    }

    /// Fails on a page with no text at all (a blank page the layout left).
    pub fn assert_no_blank_page(&self) {
        for n in 1..=self.pages {
            assert!(!self.page_words(n).is_empty(), "page {n} of {} is blank", self.pages);
        }
    }

    /// The page size of page 1 in points, from `pdfinfo`.
    pub fn page_size(&self) -> (f64, f64) {
        let out = Command::new("pdfinfo").arg(&self.path).output().unwrap();
        let info = String::from_utf8(out.stdout).unwrap();
        let line = info.lines().find(|l| l.starts_with("Page size:")).unwrap();
        let nums: Vec<f64> = line.split_whitespace().filter_map(|w| w.parse().ok()).collect::<Vec<f64>>();
        (nums[0], nums[1])
    }

    /// Every word's box, from `pdftotext -bbox`.
    pub fn words(&self) -> Vec<Word> {
        let xml = poppler("pdftotext", &["-bbox"], &self.path);
        let mut words = Vec::new();
        let (mut page, mut width, mut height) = (0, 0.0, 0.0);
        for line in xml.lines().map(str::trim) {
            if line.starts_with("<page ") {
                page += 1;
                width = attr(line, "width");
                height = attr(line, "height");
            } else if line.starts_with("<word ") {
                let text = line.split_once('>').unwrap().1.trim_end_matches("</word>").to_string();
                words.push(Word {
                    page,
                    page_width: width,
                    page_height: height,
                    x_min: attr(line, "xMin"),
                    x_max: attr(line, "xMax"),
                    y_min: attr(line, "yMin"),
                    y_max: attr(line, "yMax"),
                    text,
                });
            }
        }
        words
    }
}

fn attr(line: &str, name: &str) -> f64 {
    let at = line.find(&format!(" {name}=\"")).unwrap_or_else(|| panic!("{name} in {line}"));
    let rest = &line[at + name.len() + 3..];
    rest[..rest.find('"').unwrap()].parse().unwrap()
}
