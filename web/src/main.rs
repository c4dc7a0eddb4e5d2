//! The playground's entry point (built by Trunk for `wasm32-unknown-unknown`).

#[cfg(target_arch = "wasm32")]
fn main() {
    slb_msgroup_web::app::mount();
}

/// Natively the crate is its state module and tests; there is nothing to run.
#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("the playground runs in a browser: `cargo xtask serve`");
}
