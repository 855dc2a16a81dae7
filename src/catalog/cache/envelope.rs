//! The one layout of every cache file: a header that says whose it is, under which key, and how
//! long and what checksum its payload has. A file that is not whole and ours is never trusted.
//!
//! Layout: magic (16 bytes), key (16), payload length (u64 LE), payload checksum (xxh3-128, 16),
//! payload.

use std::io::Write;
use std::path::Path;
use xxhash_rust::xxh3::xxh3_128;

pub(super) const HEADER: usize = 16 + 16 + 8 + 16;

/// Writes `payload` under `key` to `path`, atomically (a reader sees the old file or the new one,
/// never half of one), creating the folder if need be.
pub fn write(path: &Path, magic: &[u8; 16], key: &[u8; 16], payload: &[u8]) -> std::io::Result<()> {
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir)?;
    }
    let mut file = atomic_write_file::AtomicWriteFile::open(path)?;
    file.write_all(magic)?;
    file.write_all(key)?;
    file.write_all(&(payload.len() as u64).to_le_bytes())?;
    file.write_all(&xxh3_128(payload).to_le_bytes())?;
    file.write_all(payload)?;
    file.commit()
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
pub fn payload<'a>(bytes: &'a [u8], magic: &[u8; 16], key: &[u8; 16]) -> Option<&'a [u8]> {
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
        write(&path, MAGIC, &key, &sent).unwrap();
        let bytes = std::fs::read(&path).unwrap();
        assert_eq!(bytes.len(), HEADER + sent.len());
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
