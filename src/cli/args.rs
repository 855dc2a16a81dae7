//! The command line, as office IT staff and scripts use it. Flags and subcommands are a contract.

use clap::{Args, Parser, Subcommand, ValueEnum};
use std::path::PathBuf;

#[derive(Debug, Parser)]
#[command(name = "rumbo", version, about, long_about = None)]
#[command(disable_help_flag = true, disable_version_flag = true, disable_help_subcommand = true)]
pub struct Cli {
    #[command(flatten)]
    pub global: GlobalArgs,
    /// Print help
    #[arg(short, long, action = clap::ArgAction::Help, global = true)]
    help: Option<bool>,
    /// Print version
    #[arg(short = 'V', long, action = clap::ArgAction::Version)]
    version: Option<bool>,
    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Args, Clone, Default)]
pub struct GlobalArgs {
    /// Load a catalog file, or every *.ron in a folder (repeatable)
    #[arg(long = "catalog", value_name = "PATH", global = true)]
    pub catalogs: Vec<PathBuf>,
    /// Leave the built-in catalogs out (bpo-bogota and cuoc-2025)
    #[arg(long, global = true, conflicts_with = "builtins")]
    pub no_builtin: bool,
    /// Load only this built-in catalog (repeatable) [default: all of them]
    #[arg(long = "builtin", value_name = "ID", global = true, value_parser = builtin_id())]
    pub builtins: Vec<String>,
    /// Language of the interface and messages [default: Spanish, or English from an English locale]
    #[arg(long, value_enum, global = true)]
    pub lang: Option<LangArg>,
    /// Folder for saved sessions
    #[arg(long, value_name = "DIR", env = "RUMBO_DATA_DIR", global = true)]
    pub data_dir: Option<PathBuf>,
    /// Folder for config.ron and catalogs/
    #[arg(long, value_name = "DIR", env = "RUMBO_CONFIG_DIR", global = true)]
    pub config_dir: Option<PathBuf>,
    /// Self-service kiosk mode for shared workstations (also `kiosk: Kiosk(enabled: true)` in config.ron)
    #[arg(long)]
    pub kiosk: bool,
    /// Colours of the app; alto-contraste for low vision (NO_COLOR turns colour off)
    #[arg(long, value_enum, default_value = "normal", global = true)]
    pub theme: ThemeArg,
    /// Characters drawn: basico for the Linux console's fonts [default: basico under TERM=linux, else completo]
    #[arg(long, value_enum, value_name = "SET", global = true)]
    pub glyphs: Option<GlyphsArg>,
}

/// `--builtin`'s values: the ids of the built-in catalogs (an unknown one is a usage error that
/// lists them).
fn builtin_id() -> clap::builder::PossibleValuesParser {
    clap::builder::PossibleValuesParser::new(crate::catalog::builtin_ids())
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, ValueEnum)]
pub enum ThemeArg {
    #[default]
    Normal,
    AltoContraste,
}

/// `--glyphs`: `completo` (also `unicode`) or `basico`, the characters the Linux console's fonts carry.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum GlyphsArg {
    #[value(alias = "unicode")]
    Completo,
    Basico,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum LangArg {
    Es,
    En,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Catalog tools
    #[command(subcommand)]
    Catalog(CatalogCommand),
    /// Fuzzy search over every item of the loaded catalogs
    Search(SearchArgs),
    /// Write a session's summary (Markdown, HTML or JSON)
    Export(ExportArgs),
    /// Saved sessions: list, show, follow-ups due, delete, purge
    #[command(subcommand)]
    Sessions(SessionsCommand),
    /// Kiosk mode set-up
    #[command(subcommand)]
    Kiosk(KioskCommand),
    /// Office mode (store: Postgres in config.ron): the office's shared server
    #[command(subcommand)]
    Office(OfficeCommand),
}

#[derive(Debug, Subcommand)]
pub enum OfficeCommand {
    /// Create the office's schema and roles, or bring them up to date (after upgrading every desk)
    Init,
    /// One plain verdict per line: connection, TLS, server version, schema, permissions, clock skew, round trip
    Check,
    /// Copy this computer's sessions into the office's store, read each back, then remove the local files
    Import,
}

#[derive(Debug, Subcommand)]
pub enum KioskCommand {
    /// Store the administrator's PIN (as an argon2 hash) in config.ron, keeping every other setting, and clear
    /// the lock left by wrong PINs
    SetPin,
}

#[derive(Debug, Args)]
pub struct ExportArgs {
    /// Session id, a unique prefix of one, or a kiosk code (K7M2QX)
    pub session: String,
    /// File format
    #[arg(long, value_enum, default_value = "md")]
    pub format: FormatArg,
    /// Which notes go in: all, occupation notes only, or none
    #[arg(long, value_enum, default_value = "occupations")]
    pub notes: NotesArg,
    /// Write here (`-` for standard output) instead of the export folder; never overwrites
    #[arg(short = 'o', long = "output", value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// JSON only: the schema to write (1: the shape before past jobs; default: the newest)
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u32).range(1..=i64::from(crate::export::SCHEMA)))]
    pub schema: Option<u32>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum FormatArg {
    Md,
    Html,
    Json,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum NotesArg {
    All,
    Occupations,
    None,
}

#[derive(Debug, Subcommand)]
pub enum SessionsCommand {
    /// Every saved session: id, alias, created, updated, best fit
    List {
        /// Print {"sessions":[…]} as JSON
        #[arg(long)]
        json: bool,
        /// Every office's sessions, with an office column (the coordinator role only)
        #[arg(long)]
        all_offices: bool,
    },
    /// One session in full
    Show {
        /// Session id, a unique prefix of one, or a kiosk code (K7M2QX)
        session: String,
    },
    /// Erase a session and every copy rumbo made of it (the person's right to deletion)
    Delete {
        /// Session id, a unique prefix of one, or a kiosk code (K7M2QX)
        session: String,
        /// Do not ask for confirmation
        #[arg(long)]
        yes: bool,
    },
    /// Bring back a session file saved elsewhere (the copy rumbo offers when it cannot save)
    Import {
        /// The session file (`<id>.ron`)
        file: std::path::PathBuf,
    },
    /// Sessions whose follow-up is due by a day (default today, overdue included): alias, code, contact,
    /// pending steps
    Due {
        /// The day (AAAA-MM-DD, i.e. YYYY-MM-DD) by which the follow-up is due, in this computer's time zone
        #[arg(long, value_name = "AAAA-MM-DD")]
        before: Option<String>,
        /// Print {"day":…,"sessions":[…]} as JSON
        #[arg(long)]
        json: bool,
        /// Every office's sessions, with an office column (the coordinator role only)
        #[arg(long)]
        all_offices: bool,
    },
    /// Delete sessions older than the retention period; reports counts only, never names
    Purge {
        /// Instead of retention_days from config.ron (1 to 3650)
        #[arg(long, value_name = "DAYS")]
        older_than: Option<u32>,
    },
}

#[derive(Debug, Subcommand)]
pub enum CatalogCommand {
    /// Validate the loaded catalogs plus the files given; every problem as FILE:LINE:COL: message
    Check {
        /// More catalog files or folders to check with the loaded set
        paths: Vec<PathBuf>,
        /// Print {"catalogs":[…]} (or {"problems":[…]}) as JSON
        #[arg(long)]
        json: bool,
    },
    /// Turn an official source into a catalog (format 2; 4 with --interests)
    #[command(subcommand)]
    Import(ImportCommand),
}

#[derive(Debug, Subcommand)]
pub enum ImportCommand {
    /// Read DANE's CUOC occupational-profiles Excel workbook and write the catalog
    #[command(after_help = crate::catalog::ONET_CREDIT)]
    Cuoc {
        /// The workbook PerfilesOcupacionales-Excel-CUOC-*.xlsx
        workbook: PathBuf,
        /// Also give each occupation its interest profile (RIASEC), derived from O*NET (not DANE's): the folder
        /// with Interests.txt, isco_soc_crosswalk.xls and 2010_to_2019_Crosswalk.xlsx (writes format 4)
        #[arg(long, value_name = "DIR")]
        interests: Option<PathBuf>,
        /// The .ron file to write (without -o: standard output)
        #[arg(short = 'o', long = "output", value_name = "FILE")]
        output: Option<PathBuf>,
    },
}

#[derive(Debug, Args)]
pub struct SearchArgs {
    /// What to look for (accents and capitals don't matter)
    pub query: String,
    /// Only this kind of item; title: job titles (e.g. "cajera"), each with its occupation (code and name in --json)
    #[arg(long, value_enum)]
    pub kind: Option<KindArg>,
    /// At most this many results
    #[arg(long, value_name = "N")]
    pub limit: Option<usize>,
    /// Print {"results":[…]} as JSON
    #[arg(long)]
    pub json: bool,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum KindArg {
    Sector,
    Occupation,
    Function,
    Competency,
    Program,
    /// A job title people use (CUOC's denominaciones); the result names its occupation
    Title,
}
