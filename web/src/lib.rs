//! The playground: a Leptos single-page form for `CreateMasterSlaveServerGroup`, calling the
//! `slb-msgroup` engine directly in Rust.
//!
//! The state and everything computed from it are plain Rust ([`state`], [`output`],
//! [`examples`]), tested natively; [`app`] (browser only) binds signals to them.

pub mod examples;
pub mod output;
pub mod state;

#[cfg(target_arch = "wasm32")]
pub mod app;
