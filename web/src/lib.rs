//! The playground: a Leptos single-page form for `CreateMasterSlaveServerGroup`, calling the
//! `slb-msgroup` engine directly in Rust.
//!
//! The state and everything computed from it are plain Rust ([`state`], [`output`],
//! [`examples`], [`undo`], [`embed`]), tested natively. In the browser only: [`app`] (the root and the shared
//! signals), [`views`] (what fills `<main>`), [`components`] (one file per component) and
//! [`browser`] (location, clipboard, height messages, theme storage, clock and randomness).

pub mod embed;
pub mod examples;
pub mod output;
pub mod state;
pub mod undo;

#[cfg(target_arch = "wasm32")]
pub mod app;
#[cfg(target_arch = "wasm32")]
pub mod browser;
#[cfg(target_arch = "wasm32")]
pub mod components;
#[cfg(target_arch = "wasm32")]
pub mod views;
