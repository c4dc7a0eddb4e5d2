//! The views: what fills the page's `<main>`. Each is one file and composes components.
//!
//! - [`Playground`] (`playground.rs`): build a request — the form beside its diagnostics,
//!   request, response and snippets.
//!
//! A further view (such as "Check a request", issue 11) goes beside it as its own file, and
//! `app.rs` chooses which one `<main>` shows.

mod playground;

pub use playground::Playground;
