//! Request and group ids. Randomness is injected: callers pass entropy (the CLI and the page
//! take it from the system), so every output is reproducible from its inputs.

/// A small deterministic generator (SplitMix64) seeded by the caller's entropy.
#[derive(Debug, Clone)]
pub struct IdGen(u64);

impl IdGen {
    pub const fn new(seed: u64) -> Self {
        Self(seed)
    }

    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// An uppercase UUID (version 4 layout), like `9DEC9C28-AB05-4DDF-9A78-6B08EC9CE18C`.
    pub fn request_id(&mut self) -> String {
        let hi = self.next();
        let lo = self.next();
        let hi = (hi & !0xF000) | 0x4000; // version 4
        let lo = (lo & !(0xC << 60)) | (0x8 << 60); // RFC 4122 variant
        const HEX: &[u8; 16] = b"0123456789ABCDEF";
        // Where each byte's two digits go in `8-4-4-4-12`.
        const AT: [usize; 16] = [0, 2, 4, 6, 9, 11, 14, 16, 19, 21, 24, 26, 28, 30, 32, 34];
        let bytes = ((u128::from(hi) << 64) | u128::from(lo)).to_be_bytes();
        let mut out = [b'-'; 36];
        for (&at, b) in AT.iter().zip(bytes) {
            out[at] = HEX[usize::from(b >> 4)];
            out[at + 1] = HEX[usize::from(b & 0xF)];
        }
        // Hex digits and hyphens only: always UTF-8.
        std::str::from_utf8(&out)
            .map(str::to_owned)
            .unwrap_or_default()
    }

    /// 32 lowercase hex digits, like the SDKs' `SignatureNonce`.
    pub fn nonce(&mut self) -> String {
        format!("{:016x}{:016x}", self.next(), self.next())
    }

    /// `rsp-` and 13 lowercase letters and digits, like `rsp-0xiju72xwnr93`.
    pub fn group_id(&mut self) -> String {
        const ALPHABET: &[u8; 36] = b"abcdefghijklmnopqrstuvwxyz0123456789";
        let mut out = String::with_capacity(17);
        out.push_str("rsp-");
        for _ in 0..13 {
            let i = (self.next() % 36) as usize;
            out.push(ALPHABET[i] as char);
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shapes() {
        let mut g = IdGen::new(7);
        let r = g.request_id();
        assert_eq!(r.len(), 36);
        assert_eq!(r.as_bytes()[14], b'4');
        assert!(
            r.chars()
                .all(|c| c == '-' || c.is_ascii_digit() || c.is_ascii_uppercase())
        );
        let id = g.group_id();
        assert_eq!(id.len(), 17);
        assert!(
            id[4..]
                .chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit())
        );
        assert_ne!(IdGen::new(1).request_id(), IdGen::new(2).request_id());
    }
}
