//! The throwaway PostgreSQL's certificates (tests/it/pg_support.rs): a CA made here with rcgen, and a server
//! certificate it signed for `localhost`, so `sslmode=verify-full` can be tested for real.
#![allow(dead_code, clippy::unwrap_used)]

use std::path::{Path, PathBuf};

/// A CA, and a server certificate it signed for `localhost` (and 127.0.0.1, ::1), in `dir`.
pub fn write_certificates(dir: &Path) -> PathBuf {
    use rcgen::{BasicConstraints, CertificateParams, IsCa, KeyPair};
    let ca_key = KeyPair::generate().unwrap();
    let mut ca_params = CertificateParams::new(Vec::<String>::new()).unwrap();
    ca_params.is_ca = IsCa::Ca(BasicConstraints::Unconstrained);
    ca_params.distinguished_name.push(rcgen::DnType::CommonName, "rumbo test CA");
    let ca = ca_params.self_signed(&ca_key).unwrap();
    let key = KeyPair::generate().unwrap();
    let params =
        CertificateParams::new(vec!["localhost".to_string(), "127.0.0.1".to_string(), "::1".to_string()])
            .unwrap();
    let cert = params.signed_by(&key, &ca, &ca_key).unwrap();
    std::fs::write(dir.join("server.crt"), cert.pem()).unwrap();
    write_private(&dir.join("server.key"), &key.serialize_pem());
    let ca_file = dir.join("ca.crt");
    std::fs::write(&ca_file, ca.pem()).unwrap();
    ca_file
}

/// A file only its owner may read (a server key, a pgpass file).
pub fn write_private(file: &Path, text: &str) {
    use std::os::unix::fs::PermissionsExt;
    std::fs::write(file, text).unwrap();
    std::fs::set_permissions(file, std::fs::Permissions::from_mode(0o600)).unwrap();
}
