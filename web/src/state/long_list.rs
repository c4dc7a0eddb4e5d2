//! Long lists: the window of cards shown, the notes for the rest, the first diagnostics, and the
//! raw editor's underlines.

use super::*;

/// The cards a list shows before the rest is summed up (the service takes two servers; a longer
/// list is pasted, and edited in the raw text).
pub const CARDS_SHOWN: usize = 10;
/// Beyond the first cards, at most this many more are shown for the servers that have a
/// diagnostic.
pub const FLAGGED_CARDS_SHOWN: usize = 10;
/// The diagnostics listed; the summary line counts them all.
pub const DIAGNOSTICS_SHOWN: usize = 20;

/// Which server cards the form shows, and how many it leaves to the raw text.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct CardWindow {
    /// Indices (from 0) in list order: the first `limit`, then up to [`FLAGGED_CARDS_SHOWN`]
    /// further servers that have a diagnostic.
    pub shown: Vec<usize>,
    /// The servers not shown as cards.
    pub hidden: usize,
}

/// The window of cards for a list of `count` servers: the first `limit`, then the servers
/// further down that the diagnostics (`targets`) are about, and `pinned` (the server just
/// added). Linear in the diagnostics.
pub fn card_window(
    count: usize,
    limit: usize,
    targets: &[(Option<Target>, bool)],
    pinned: Option<usize>,
) -> CardWindow {
    let first = count.min(limit);
    let mut shown: Vec<usize> = (0..first).collect();
    // One flag per server after the first ones: in list order without a sort.
    let mut flagged = vec![false; count - first];
    for (t, _) in targets {
        if let Some(Target::Card(i, _)) = t
            && let Some(flag) = i.checked_sub(first).and_then(|at| flagged.get_mut(at))
        {
            *flag = true;
        }
    }
    shown.extend(
        (first..count)
            .zip(flagged)
            .filter_map(|(i, flag)| flag.then_some(i))
            .take(FLAGGED_CARDS_SHOWN),
    );
    if let Some(p) = pinned.filter(|&p| p < count) {
        let at = shown.partition_point(|&i| i < p);
        if shown.get(at) != Some(&p) {
            shown.insert(at, p);
        }
    }
    CardWindow {
        hidden: count - shown.len(),
        shown,
    }
}

/// `98186` as `98,186`.
pub fn thousands(n: usize) -> String {
    let mut out = (n % 1000).to_string();
    let mut rest = n / 1000;
    while rest > 0 {
        out = format!("{},{out:0>3}", rest % 1000);
        rest /= 1000;
    }
    out
}

/// The line under a window of cards, when it leaves servers out.
pub fn hidden_cards_note(window: &CardWindow) -> Option<String> {
    match window.hidden {
        0 => None,
        1 => {
            Some("1 more server is not shown as a card: edit it in the raw text below.".to_owned())
        }
        n => Some(format!(
            "{} more servers are not shown as cards: edit them in the raw text below.",
            thousands(n)
        )),
    }
}

/// The line closing a list of `total` diagnostics when only the first [`DIAGNOSTICS_SHOWN`]
/// are listed.
pub fn more_diagnostics_note(total: usize) -> Option<String> {
    let more = total.checked_sub(DIAGNOSTICS_SHOWN).filter(|&n| n > 0)?;
    Some(if more == 1 {
        "1 more diagnostic is not listed.".to_owned()
    } else {
        format!("{} more diagnostics are not listed.", thousands(more))
    })
}

/// One piece of the raw text in the raw editor's underline layer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Piece {
    pub text: String,
    /// `err`, `warn`, or with ` at` for an insertion point; `None` for plain text.
    pub class: Option<&'static str>,
}

/// The raw editor's underline layer: the raw text cut at the diagnostics' spans (UTF-8
/// offsets; overlapping spans are first come, first served), up to the end of the last span.
/// The layer scrolls with the textarea and its text is transparent, so the text after the last
/// span draws nothing and is left out, and a span over the whole list (the count of servers) is
/// shown by the editor's error outline, not by underlining everything: typing in a long list
/// lays out only the text before its underlines. Linear in the text and the diagnostics.
pub fn underlines(raw: &str, diagnostics: &[Diagnostic]) -> Vec<Piece> {
    let whole = raw.len() - raw.trim_start().len()..raw.trim_end().len();
    let mut spans: Vec<(usize, usize, &'static str)> = diagnostics
        .iter()
        .filter_map(|d| {
            let span = d.span?;
            let (start, end) = (span.start.min(raw.len()), span.end.min(raw.len()));
            if start <= whole.start && end >= whole.end && !span.is_empty() {
                return None;
            }
            let class = match (d.severity, span.is_empty()) {
                (slb_msgroup::Severity::Error, false) => "err",
                (slb_msgroup::Severity::Warning, false) => "warn",
                (slb_msgroup::Severity::Error, true) => "err at",
                (slb_msgroup::Severity::Warning, true) => "warn at",
            };
            Some((start, end, class))
        })
        .collect();
    spans.sort_by_key(|s| s.0);
    let mut out = Vec::new();
    let mut at = 0;
    for (start, end, class) in spans {
        if start < at || !raw.is_char_boundary(start) || !raw.is_char_boundary(end) {
            continue;
        }
        if start > at {
            out.push(Piece {
                text: raw[at..start].to_owned(),
                class: None,
            });
        }
        out.push(Piece {
            text: raw[start..end].to_owned(),
            class: Some(class),
        });
        at = end;
    }
    out
}
