//! The encodings of Pagefind's bundle files: CBOR (RFC 8949, definite lengths, shortest
//! heads, as Pagefind's `minicbor` writes them), the content hashes in file names, and the
//! gzip wrapping with Pagefind's signature.

use std::io::Write;

use flate2::write::GzEncoder;
use flate2::Compression;
use sha1::{Digest, Sha1};

use crate::search::pagefind_facts::GZIP_SIGNATURE;

/// Appends a CBOR head: major type and argument in the shortest form.
fn head(out: &mut Vec<u8>, major: u8, value: u64) {
    let major = major << 5;
    match value {
        0..=23 => out.push(major | value as u8),
        24..=0xff => out.extend_from_slice(&[major | 24, value as u8]),
        0x100..=0xffff => {
            out.push(major | 25);
            out.extend_from_slice(&(value as u16).to_be_bytes());
        }
        0x1_0000..=0xffff_ffff => {
            out.push(major | 26);
            out.extend_from_slice(&(value as u32).to_be_bytes());
        }
        _ => {
            out.push(major | 27);
            out.extend_from_slice(&value.to_be_bytes());
        }
    }
}

pub fn uint(out: &mut Vec<u8>, value: u64) {
    head(out, 0, value);
}

pub fn int(out: &mut Vec<u8>, value: i32) {
    if value >= 0 {
        head(out, 0, value as u64);
    } else {
        head(out, 1, (-1 - i64::from(value)) as u64);
    }
}

pub fn text(out: &mut Vec<u8>, value: &str) {
    head(out, 3, value.len() as u64);
    out.extend_from_slice(value.as_bytes());
}

pub fn array(out: &mut Vec<u8>, len: usize) {
    head(out, 4, len as u64);
}

pub fn ints(out: &mut Vec<u8>, values: &[i32]) {
    array(out, values.len());
    for &v in values {
        int(out, v);
    }
}

/// SHA-1 in hex as Pagefind writes it in file names: each byte without a leading zero.
pub fn full_hash(bytes: &[u8]) -> String {
    use std::fmt::Write as _;
    let digest = Sha1::digest(bytes);
    let mut hex = String::with_capacity(40);
    for b in digest {
        let _ = write!(hex, "{b:x}");
    }
    hex
}

/// The bytes of a `.pf_*` file: gzip of the signature and the content.
pub fn gzip(content: &[u8], level: u32) -> Vec<u8> {
    let mut gz = GzEncoder::new(
        Vec::with_capacity(content.len() / 3 + 64),
        Compression::new(level),
    );
    // Writing to a Vec cannot fail.
    let _ = gz.write_all(GZIP_SIGNATURE);
    let _ = gz.write_all(content);
    gz.finish().unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn heads_are_shortest() {
        let mut out = Vec::new();
        uint(&mut out, 23);
        uint(&mut out, 24);
        uint(&mut out, 256);
        int(&mut out, -1);
        int(&mut out, -25);
        text(&mut out, "ab");
        assert_eq!(
            out,
            [0x17, 0x18, 24, 0x19, 1, 0, 0x20, 0x38, 24, 0x62, b'a', b'b']
        );
    }

    #[test]
    fn hashes_drop_leading_zeros_per_byte() {
        // SHA-1("abc") = a9993e36 4706816a ba3e2571 7850c26c 9cd0d89d
        assert_eq!(full_hash(b"abc"), "a9993e36476816aba3e25717850c26c9cd0d89d");
    }
}
