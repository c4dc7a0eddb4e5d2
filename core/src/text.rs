//! Offsets: UTF-8 bytes inside, the consumer's units at the edge.

/// A 1-based line and column (the column counts characters).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LineCol {
    pub line: usize,
    pub column: usize,
}

/// The line and column of a byte offset. Offsets past the end or inside a character are clamped.
pub fn line_col(text: &str, offset: usize) -> LineCol {
    let offset = floor_boundary(text, offset);
    let before = &text[..offset];
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    LineCol {
        line,
        column: before[line_start..].chars().count() + 1,
    }
}

/// Converts a UTF-8 byte offset into a UTF-16 code unit offset (what JavaScript strings use).
pub fn utf16_offset(text: &str, offset: usize) -> usize {
    let offset = floor_boundary(text, offset);
    // One UTF-16 unit per character, two for a four-byte one: count lead bytes, no decoding.
    text.as_bytes()[..offset]
        .iter()
        .map(|&b| usize::from(b & 0xC0 != 0x80) + usize::from(b >= 0xF0))
        .sum()
}

/// Converts a UTF-16 code unit offset into a UTF-8 byte offset. An offset inside a surrogate pair
/// or past the end is clamped to the nearest character boundary before it.
pub fn utf8_offset(text: &str, utf16: usize) -> usize {
    let mut units = 0;
    for (i, c) in text.char_indices() {
        if units + c.len_utf16() > utf16 {
            return i;
        }
        units += c.len_utf16();
    }
    text.len()
}

fn floor_boundary(text: &str, offset: usize) -> usize {
    let mut offset = offset.min(text.len());
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    offset
}

/// Empty or only whitespace (all that `trim` would remove), found without trimming.
pub fn is_blank(s: &str) -> bool {
    s.chars().all(char::is_whitespace)
}

/// A short, single-line rendering of a source excerpt for messages.
pub fn excerpt(text: &str) -> String {
    const MAX: usize = 40;
    let mut out: String = text
        .chars()
        .take(MAX)
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect();
    if text.chars().count() > MAX {
        out.push('…');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn offsets() {
        let s = "aé中😀\nb";
        assert_eq!(utf16_offset(s, s.len()), 1 + 1 + 1 + 2 + 1 + 1);
        assert_eq!(utf16_offset(s, 3), 2);
        assert_eq!(utf8_offset(s, 2), 3);
        assert_eq!(utf8_offset(s, 5), 10);
        assert_eq!(utf8_offset(s, 4), 6); // inside the surrogate pair: clamped back
        assert_eq!(line_col(s, s.len()), LineCol { line: 2, column: 2 });
        assert_eq!(line_col(s, 6), LineCol { line: 1, column: 4 });
    }
}
