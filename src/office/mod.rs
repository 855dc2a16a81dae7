//! Office mode (issue 15): the sessions of every workstation of an office kept in one PostgreSQL database.
//! `store: Local` (the default) leaves everything as it was; this module is used only with
//! `store: Postgres(url: …)`.
//!
//! Why these crates. `postgres` (rust-postgres, the most used and best kept PostgreSQL client in Rust) is
//! synchronous, which fits the runtime's worker threads: no async runtime of ours to run (it drives a
//! private current-thread tokio inside). TLS is rustls through `tokio-postgres-rustls` (kept in step with
//! rustls and tokio-postgres releases) with the `ring` provider: pure Rust plus ring's shipped assembly, so no
//! OpenSSL to install on Windows desks and no cmake/C toolchain as aws-lc-rs would need. `postgres_rustls`
//! was the other candidate; it needs a newer Rust than this crate's `rust-version`. The only duplicates
//! these bring (`cargo tree -d`) are tiny: `const-oid` (x509-cert's and sha2's, for channel binding) and
//! `getrandom` 0.2 (ring's); one crossterm, as before.
//!
//! The pieces: [`settings`] (the config.ron keys), [`conninfo`] (the URL, read as libpq reads it),
//! [`pgpass`] (the password, as libpq finds it), [`tls`] (libpq's sslmodes over rustls), [`connect`]
//! (all of them → a `postgres::Client`), [`migrate`] (the schema, versioned, compiled in), [`store`] (sessions as
//! rows: all the SQL of sessions), [`sessions`] (local or office, the one store the app and commands use) and
//! [`lock`] (one writer per session: advisory locks on the desk's lock connection).

pub mod check;
pub mod conflict;
pub mod connect;
pub mod conninfo;
pub mod import;
pub mod lock;
mod lock_key;
pub mod marks;
pub mod migrate;
pub mod pgpass;
pub mod sessions;
pub mod settings;
pub mod store;
pub mod tls;

pub use connect::{ConnectError, connect};
pub use conninfo::{ConnInfo, TlsMode, UrlError};
pub use settings::{DbUrl, Store};
