//! The one layout of every cache file: a header that says whose it is, under which key, and how
//! long and what checksum its payload has. A file that is not whole and ours is never trusted.
//!
//! Layout: magic (16 bytes), key (16), payload length (u64 LE), payload checksum (xxh3-128, 16),
//! payload.

use std::io::{BufWriter, Write};
use std::path::Path;
use xxhash_rust::xxh3::{Xxh3, xxh3_128};

pub(super) const HEADER: usize = 16 + 16 + 8 + 16;

/// Writes a payload under `key` to `path`, atomically (a reader sees the old file or the new one,
/// never half of one), creating the folder if need be. The payload is what `payload` writes to the
/// writer it is given, so that a large one never sits whole in memory (the cache of an ESCO-sized catalog is 8 to 10 MB, which counted in
/// the peak memory of a first start). `payload` is called twice and must write the same bytes both
/// times: once to learn their length and checksum, once to write them. If they differ, nothing is
/// written.
pub fn write_streamed(
    path: &Path,
    magic: &[u8; 16],
    key: &[u8; 16],
    payload: impl Fn(&mut dyn Write) -> std::io::Result<()>,
) -> std::io::Result<()> {
    let measured = measure(&payload)?;
    if let Some(dir) = path.parent() {
        crate::private_fs::create_dir_all(dir, crate::private_fs::Mode::Private)?;
    }
    let mut file = crate::private_fs::open_atomic(path, crate::private_fs::Mode::Private)?;
    let mut out = BufWriter::with_capacity(1 << 16, Measure::to(&mut file));
    out.write_all(magic)?;
    out.write_all(key)?;
    out.write_all(&measured.len.to_le_bytes())?;
    out.write_all(&measured.sum.to_le_bytes())?;
    // Through the buffer first, so the header is not counted as payload.
    out.flush()?;
    out.get_mut().reset();
    payload(&mut out)?;
    let written = out.into_inner().map_err(std::io::IntoInnerError::into_error)?;
    if written.len != measured.len || written.hasher.digest128() != measured.sum {
        return Err(std::io::Error::other("the cache payload changed while it was written"));
    }
    file.commit()
}

/// Length and checksum of what `payload` writes.
struct Measured {
    len: u64,
    sum: u128,
}

fn measure(payload: &impl Fn(&mut dyn Write) -> std::io::Result<()>) -> std::io::Result<Measured> {
    let mut sink = BufWriter::with_capacity(1 << 16, Measure::to(std::io::sink()));
    payload(&mut sink)?;
    let measure = sink.into_inner().map_err(std::io::IntoInnerError::into_error)?;
    Ok(Measured { len: measure.len, sum: measure.hasher.digest128() })
}

/// A writer that passes bytes on, counting and hashing them.
struct Measure<W> {
    inner: W,
    len: u64,
    hasher: Xxh3,
}

impl<W: Write> Measure<W> {
    fn to(inner: W) -> Measure<W> {
        Measure { inner, len: 0, hasher: Xxh3::new() }
    }

    /// Counts and hashes from here on (after the header).
    fn reset(&mut self) {
        self.len = 0;
        self.hasher = Xxh3::new();
    }
}

impl<W: Write> Write for Measure<W> {
    fn write(&mut self, bytes: &[u8]) -> std::io::Result<usize> {
        let n = self.inner.write(bytes)?;
        self.len += n as u64;
        self.hasher.update(&bytes[..n]);
        Ok(n)
    }

    fn flush(&mut self) -> std::io::Result<()> {
        self.inner.flush()
    }
}

/// The key and payload of `bytes` when the header is `magic`'s and length and checksum agree.
pub fn open<'a>(bytes: &'a [u8], expected: &[u8; 16]) -> Option<(&'a [u8], &'a [u8])> {
    let (header, payload) = bytes.split_at_checked(HEADER)?;
    let (magic, rest) = header.split_at(16);
    let (stored_key, rest) = rest.split_at(16);
    let (len, sum) = rest.split_at(8);
    let len = u64::from_le_bytes(len.try_into().ok()?);
    let whole = magic == expected
        && u64::try_from(payload.len()).is_ok_and(|n| n == len)
        && sum == xxh3_128(payload).to_le_bytes();
    whole.then_some((stored_key, payload))
}

/// The payload of `bytes` when they are whole, `magic`'s, and stored under `key`.
#[cfg(test)]
fn payload<'a>(bytes: &'a [u8], magic: &[u8; 16], key: &[u8; 16]) -> Option<&'a [u8]> {
    open(bytes, magic).filter(|(stored, _)| stored == key).map(|(_, payload)| payload)
}

#[cfg(test)]
mod tests {
    use super::*;
    const MAGIC: &[u8; 16] = b"rumbo prueba\n\0\0\0";

    #[test]
    fn a_header_that_does_not_match_is_refused() {
        let key = [7u8; 16];
        let sent = b"payload".to_vec();
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("cache").join("prueba.bin");
        // Written in pieces, as postcard does.
        write_streamed(&path, MAGIC, &key, |w| sent.iter().try_for_each(|b| w.write_all(&[*b]))).unwrap();
        let bytes = std::fs::read(&path).unwrap();
        let mut expected = MAGIC.to_vec();
        expected.extend_from_slice(&key);
        expected.extend_from_slice(&(sent.len() as u64).to_le_bytes());
        expected.extend_from_slice(&xxh3_128(&sent).to_le_bytes());
        expected.extend_from_slice(&sent);
        assert_eq!(bytes, expected);
        // A payload that writes other bytes the second time is not written.
        let calls = std::cell::Cell::new(0u8);
        let changing = |w: &mut dyn Write| {
            calls.set(calls.get() + 1);
            w.write_all(&[calls.get()])
        };
        let never = dir.path().join("cache").join("never.bin");
        assert!(write_streamed(&never, MAGIC, &key, changing).is_err());
        assert!(!never.exists());
        assert_eq!(payload(&bytes, MAGIC, &key), Some(&sent[..]));
        assert_eq!(payload(&bytes, b"rumbo otra cosa\n", &key), None, "another magic");
        assert_eq!(payload(&bytes, MAGIC, &[8u8; 16]), None, "another key");
        assert_eq!(payload(&bytes[..bytes.len() - 1], MAGIC, &key), None, "truncated");
        assert_eq!(payload(&bytes[..HEADER - 1], MAGIC, &key), None, "no header");
        let mut longer = bytes.clone();
        longer.push(0);
        assert_eq!(payload(&longer, MAGIC, &key), None, "trailing bytes");
        for at in [0, 16, 32, 40, HEADER, bytes.len() - 1] {
            let mut flipped = bytes.clone();
            flipped[at] ^= 1;
            assert_eq!(payload(&flipped, MAGIC, &key), None, "byte {at} flipped");
        }
    }
}
