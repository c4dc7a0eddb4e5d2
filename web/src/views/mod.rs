//! The views: what fills the page's `<main>`. Each is one file and composes components.
//!
//! - [`Playground`] (`playground.rs`): build a request — the form beside its diagnostics,
//!   request, response and snippets.
//!
//! - [`CheckView`] (`check.rs`): check a captured request — paste box, secret, verdict and the
//!   signature steps side by side (issue 11).
//!
//! `app.rs` chooses which one `<main>` shows (the tabs above it, [`crate::app::ViewKind`]).

mod check;
mod playground;

pub use check::CheckView;
pub use playground::Playground;
