//! libpq's `sslmode`s over rustls. `verify-full` checks the chain against the office's CA certificate and
//! that the certificate names the host; `verify-ca` only the chain; `require` and `prefer` encrypt without
//! verifying anything (libpq's meaning: a self-signed server certificate is accepted; the handshake's
//! signatures are still checked, so the channel is really encrypted to whoever holds that key). As in libpq,
//! `require` with a CA file present (given or in the default place) verifies the chain like `verify-ca`
//! ([`super::connect`] decides that).
//!
//! The CA certificate is `sslrootcert=…` from the URL, else `PGSSLROOTCERT`, else libpq's default file:
//! `~/.postgresql/root.crt` (`%APPDATA%\postgresql\root.crt` on Windows); see
//! [`Sources::root_cert_file`](super::pgpass::Sources::root_cert_file).

use super::conninfo::TlsMode;
use rustls::client::WebPkiServerVerifier;
use rustls::client::danger::{HandshakeSignatureValid, ServerCertVerified, ServerCertVerifier};
use rustls::crypto::WebPkiSupportedAlgorithms;
use rustls::pki_types::pem::PemObject;
use rustls::pki_types::{CertificateDer, ServerName, UnixTime};
use rustls::{CertificateError, ClientConfig, DigitallySignedStruct, RootCertStore, SignatureScheme};
use std::path::{Path, PathBuf};
use std::sync::Arc;

#[derive(Debug, PartialEq, Eq, thiserror::Error)]
pub enum TlsError {
    #[error(
        "{}: no CA certificate to verify the server with (sslmode={mode}); put the office's CA certificate \
         there or give sslrootcert=FILE in the address", file.display()
    )]
    NoRootCert { file: PathBuf, mode: &'static str },
    #[error("{}: not a usable CA certificate (PEM): {message}", file.display())]
    BadRootCert { file: PathBuf, message: String },
    #[error("{0}")]
    Setup(String),
}

/// The rustls configuration for `mode`; `None` for `disable`. `root_cert` is needed by the verifying modes.
pub fn client_config(mode: TlsMode, root_cert: Option<&Path>) -> Result<Option<ClientConfig>, TlsError> {
    let provider = Arc::new(rustls::crypto::ring::default_provider());
    let builder = ClientConfig::builder_with_provider(provider.clone())
        .with_safe_default_protocol_versions()
        .map_err(|e| TlsError::Setup(e.to_string()))?;
    let verifier: Arc<dyn ServerCertVerifier> = match mode {
        TlsMode::Disable => return Ok(None),
        TlsMode::Prefer | TlsMode::Require => {
            Arc::new(AnyCertificate { algorithms: provider.signature_verification_algorithms })
        }
        TlsMode::VerifyCa | TlsMode::VerifyFull => {
            let roots = Arc::new(roots(mode, root_cert)?);
            let webpki = WebPkiServerVerifier::builder_with_provider(roots, provider)
                .build()
                .map_err(|e| TlsError::Setup(e.to_string()))?;
            if mode == TlsMode::VerifyFull { webpki } else { Arc::new(AnyName(webpki)) }
        }
    };
    Ok(Some(builder.dangerous().with_custom_certificate_verifier(verifier).with_no_client_auth()))
}

fn roots(mode: TlsMode, file: Option<&Path>) -> Result<RootCertStore, TlsError> {
    let file =
        file.ok_or_else(|| TlsError::NoRootCert { file: PathBuf::from("root.crt"), mode: mode.name() })?;
    let bad = |message: String| TlsError::BadRootCert { file: file.to_path_buf(), message };
    if !file.exists() {
        return Err(TlsError::NoRootCert { file: file.to_path_buf(), mode: mode.name() });
    }
    let mut store = RootCertStore::empty();
    for cert in CertificateDer::pem_file_iter(file).map_err(|e| bad(e.to_string()))? {
        store.add(cert.map_err(|e| bad(e.to_string()))?).map_err(|e| bad(e.to_string()))?;
    }
    if store.is_empty() {
        return Err(bad("no certificate in it".to_string()));
    }
    Ok(store)
}

/// `require`/`prefer`: any certificate, as libpq; the handshake signatures are verified all the same.
#[derive(Debug)]
struct AnyCertificate {
    algorithms: WebPkiSupportedAlgorithms,
}

impl ServerCertVerifier for AnyCertificate {
    fn verify_server_cert(
        &self,
        _end_entity: &CertificateDer<'_>,
        _intermediates: &[CertificateDer<'_>],
        _server_name: &ServerName<'_>,
        _ocsp_response: &[u8],
        _now: UnixTime,
    ) -> Result<ServerCertVerified, rustls::Error> {
        Ok(ServerCertVerified::assertion())
    }

    fn verify_tls12_signature(
        &self,
        message: &[u8],
        cert: &CertificateDer<'_>,
        dss: &DigitallySignedStruct,
    ) -> Result<HandshakeSignatureValid, rustls::Error> {
        rustls::crypto::verify_tls12_signature(message, cert, dss, &self.algorithms)
    }

    fn verify_tls13_signature(
        &self,
        message: &[u8],
        cert: &CertificateDer<'_>,
        dss: &DigitallySignedStruct,
    ) -> Result<HandshakeSignatureValid, rustls::Error> {
        rustls::crypto::verify_tls13_signature(message, cert, dss, &self.algorithms)
    }

    fn supported_verify_schemes(&self) -> Vec<SignatureScheme> {
        self.algorithms.supported_schemes()
    }
}

/// `verify-ca`: the chain as webpki checks it, whatever host name the certificate carries.
#[derive(Debug)]
struct AnyName(Arc<WebPkiServerVerifier>);

impl ServerCertVerifier for AnyName {
    fn verify_server_cert(
        &self,
        end_entity: &CertificateDer<'_>,
        intermediates: &[CertificateDer<'_>],
        server_name: &ServerName<'_>,
        ocsp_response: &[u8],
        now: UnixTime,
    ) -> Result<ServerCertVerified, rustls::Error> {
        match self.0.verify_server_cert(end_entity, intermediates, server_name, ocsp_response, now) {
            Err(rustls::Error::InvalidCertificate(
                CertificateError::NotValidForName | CertificateError::NotValidForNameContext { .. },
            )) => Ok(ServerCertVerified::assertion()),
            other => other,
        }
    }

    fn verify_tls12_signature(
        &self,
        message: &[u8],
        cert: &CertificateDer<'_>,
        dss: &DigitallySignedStruct,
    ) -> Result<HandshakeSignatureValid, rustls::Error> {
        self.0.verify_tls12_signature(message, cert, dss)
    }

    fn verify_tls13_signature(
        &self,
        message: &[u8],
        cert: &CertificateDer<'_>,
        dss: &DigitallySignedStruct,
    ) -> Result<HandshakeSignatureValid, rustls::Error> {
        self.0.verify_tls13_signature(message, cert, dss)
    }

    fn supported_verify_schemes(&self) -> Vec<SignatureScheme> {
        self.0.supported_verify_schemes()
    }
}
