//! Fuzzy search over every item of the loaded catalogs.
