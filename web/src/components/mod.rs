//! The page's components, one per file, each named for what it shows. They bind signals from
//! [`crate::app::Ctx`] to the pure state ([`crate::state`]) and show what
//! [`crate::output::evaluate`] computes; they hold no logic of their own.
//!
//! | file | what it is |
//! |---|---|
//! | `header.rs` | the site header: title and toolbar |
//! | `verdict.rs` | the "Valid" / "2 errors" chip in the header |
//! | `examples_menu.rs` | the Examples menu |
//! | `embed_button.rs` | the Embed button and its snippet |
//! | `theme_toggle.rs` | system / light / dark |
//! | `undo_buttons.rs` | Undo, Redo and Reset |
//! | `panel.rs` | a titled panel, and the copy button every output has |
//! | `form.rs` | the request parameters: text fields, server cards, raw editor |
//! | `text_field.rs` | one labelled text input bound to the state |
//! | `server_card.rs` | one backend server's card |
//! | `raw_editor.rs` | the raw `MasterSlaveBackendServers` text with its underlines |
//! | `diagnostics.rs` | the diagnostics list |
//! | `request_panel.rs` | the request URL and the signing steps |
//! | `response_panel.rs` | the response body (JSON / XML) |
//! | `snippets_panel.rs` | curl, CLI, SDK and Terraform snippets |

mod diagnostics;
mod embed_button;
mod examples_menu;
mod form;
mod header;
mod panel;
mod raw_editor;
mod request_panel;
mod response_panel;
mod server_card;
mod snippets_panel;
mod text_field;
mod theme_toggle;
mod undo_buttons;
mod verdict;

pub use diagnostics::Diagnostics;
pub use embed_button::EmbedButton;
pub use examples_menu::ExamplesMenu;
pub use form::Form;
pub use header::Header;
pub use panel::{CopyButton, Panel};
pub use raw_editor::RawEditor;
pub use request_panel::RequestPanel;
pub use response_panel::ResponsePanel;
pub use server_card::{ServerCard, input_id};
pub use snippets_panel::SnippetsPanel;
pub use text_field::TextField;
pub use theme_toggle::ThemeToggle;
pub use undo_buttons::UndoButtons;
pub use verdict::Verdict;
