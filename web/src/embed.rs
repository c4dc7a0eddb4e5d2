//! `?embed`: which parts of the page an embedding site shows (plain Rust, tested natively).
//!
//! `?embed` alone shows the form, diagnostics, request and response; `?embed&show=form,diagnostics`
//! chooses. The embed never shows the site header or footer.

/// A part of the page an embed can show.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Part {
    Form,
    Diagnostics,
    Request,
    Response,
    Snippets,
}

impl Part {
    pub const ALL: [Self; 5] = [
        Self::Form,
        Self::Diagnostics,
        Self::Request,
        Self::Response,
        Self::Snippets,
    ];

    pub const fn name(self) -> &'static str {
        match self {
            Self::Form => "form",
            Self::Diagnostics => "diagnostics",
            Self::Request => "request",
            Self::Response => "response",
            Self::Snippets => "snippets",
        }
    }
}

/// What the page shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Parts {
    /// Whether this is an embed (no header or footer; heights posted to the parent).
    pub embed: bool,
    shown: [bool; 5],
}

impl Default for Parts {
    /// The full page.
    fn default() -> Self {
        Self {
            embed: false,
            shown: [true; 5],
        }
    }
}

impl Parts {
    /// Reads `location.search` (with or without `?`). Unknown names in `show` are ignored; a
    /// `show` naming nothing known falls back to the default.
    pub fn from_query(query: &str) -> Self {
        let mut embed = false;
        let mut show: Option<&str> = None;
        for pair in query.trim_start_matches('?').split('&') {
            let (key, value) = pair.split_once('=').unwrap_or((pair, ""));
            match key {
                "embed" => embed = true,
                "show" => show = Some(value),
                _ => {}
            }
        }
        if !embed {
            return Self::default();
        }
        // The default embed: all but the snippets.
        let mut shown = [true, true, true, true, false];
        if let Some(list) = show {
            let list = list.replace("%2C", ",").replace("%2c", ",");
            let named: Vec<&str> = list.split([',', '+', ' ']).collect();
            let chosen = Part::ALL.map(|p| named.contains(&p.name()));
            if chosen.iter().any(|&c| c) {
                shown = chosen;
            }
        }
        Self { embed, shown }
    }

    pub fn shows(&self, part: Part) -> bool {
        self.shown[part as usize]
    }

    /// Whether the outputs sit in a second column beside the form.
    pub fn two_columns(&self) -> bool {
        self.shows(Part::Form) && Part::ALL[1..].iter().any(|&p| self.shows(p))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn shown(p: Parts) -> Vec<&'static str> {
        Part::ALL
            .into_iter()
            .filter(|&x| p.shows(x))
            .map(Part::name)
            .collect()
    }

    #[test]
    fn the_full_page_without_embed() {
        let p = Parts::from_query("");
        assert!(!p.embed);
        assert_eq!(shown(p).len(), 5);
        assert_eq!(Parts::from_query("?show=form"), Parts::default());
    }

    #[test]
    fn embed_defaults_to_all_but_snippets() {
        for q in ["?embed", "embed", "?embed=1", "?x=1&embed"] {
            let p = Parts::from_query(q);
            assert!(p.embed, "{q}");
            assert_eq!(
                shown(p),
                ["form", "diagnostics", "request", "response"],
                "{q}"
            );
            assert!(p.two_columns());
        }
    }

    #[test]
    fn embed_chooses_its_parts() {
        let p = Parts::from_query("?embed&show=diagnostics,response");
        assert_eq!(shown(p), ["diagnostics", "response"]);
        assert!(!p.two_columns());
        let p = Parts::from_query("?embed&show=form%2Csnippets");
        assert_eq!(shown(p), ["form", "snippets"]);
        assert!(p.two_columns());
        assert_eq!(shown(Parts::from_query("?embed&show=form")), ["form"]);
        assert!(!Parts::from_query("?embed&show=form").two_columns());
        // Nothing known: the default embed.
        assert_eq!(shown(Parts::from_query("?embed&show=header")).len(), 4);
    }
}
