//! `YYYY-MM-DDThh:mm:ssZ` (UTC, optional fractional seconds) to Unix seconds and back. Small and
//! exact, so `core` needs no date crate.

/// Parses `YYYY-MM-DDThh:mm:ssZ` or `YYYY-MM-DDThh:mm:ss.sssZ` (UTC) into Unix seconds.
pub fn parse(t: &str) -> Option<i64> {
    let b = t.as_bytes();
    if !t.is_ascii() || b.len() < 20 || b[b.len() - 1] != b'Z' {
        return None;
    }
    let (main, frac) = (&t[..19], &t[19..t.len() - 1]);
    let frac_ok = frac.is_empty()
        || (frac.len() >= 2
            && frac.starts_with('.')
            && frac[1..].bytes().all(|c| c.is_ascii_digit()));
    if !frac_ok {
        return None;
    }
    if !crate::request::is_timestamp(&format!("{main}Z")) {
        return None;
    }
    let n = |r: std::ops::Range<usize>| main[r].parse::<i64>().ok();
    let (y, m, d) = (n(0..4)?, n(5..7)?, n(8..10)?);
    let (hh, mm, ss) = (n(11..13)?, n(14..16)?, n(17..19)?);
    if d > days_in_month(y, m) {
        return None;
    }
    Some(days_from_civil(y, m, d) * 86_400 + hh * 3600 + mm * 60 + ss)
}

fn days_in_month(y: i64, m: i64) -> i64 {
    match m {
        2 if (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// Days since 1970-01-01 (Howard Hinnant's algorithm).
fn days_from_civil(y: i64, m: i64, d: i64) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y.rem_euclid(400);
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

#[cfg(test)]
mod tests {
    use super::parse;

    #[test]
    fn parses() {
        assert_eq!(parse("1970-01-01T00:00:00Z"), Some(0));
        assert_eq!(parse("2016-02-23T12:46:24Z"), Some(1_456_231_584));
        assert_eq!(parse("2000-02-29T00:00:00Z"), Some(951_782_400));
        assert_eq!(parse("2016-02-23T12:46:24.123Z"), Some(1_456_231_584));
        assert_eq!(parse("2001-02-29T00:00:00Z"), None);
        assert_eq!(parse("2016-02-23 12:46:24"), None);
        assert_eq!(parse("2016-02-23T12:46:24.Z"), None);
        assert_eq!(parse(""), None);
        // Found by fuzzing: a multi-byte character across byte 19.
        assert_eq!(parse("2016-02-23T12:46:2\u{FFFD}Z"), None);
        assert_eq!(parse("2016-02-23T12:46:24.\u{FFFD}Z"), None);
    }
}
