//! One backend server's card ("Server 1", "Server 2", …): its fields, and Remove.

use leptos::ev;
use leptos::prelude::*;

use crate::app::Ctx;
use crate::browser;
use crate::state::{self, Field, Target, field_text};

/// The id of a card's input: `s0-Port` is Server 1's `Port`.
pub fn input_id(index: usize, field: Field) -> String {
    format!("s{index}-{}", field.name())
}

#[component]
pub fn ServerCard(index: usize) -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    let legend_id = format!("server-{index}-h");
    let labelled_by = legend_id.clone();
    let title = format!("Server {}", index + 1);
    let remove_label = format!("Remove {title}");
    let text = move |field: Field| {
        move || {
            ctx.cards
                .with(|c| c.get(index).map(|s| field_text(s, field)))
                .unwrap_or_default()
        }
    };
    // Typing in a text field is one undo step per run; choosing in a select is a step of its own.
    let edit = move |field: Field, typing: bool| {
        move |ev: ev::Event| {
            let value = event_target_value(&ev);
            let change = |s: &mut state::State| {
                s.servers = ctx.cards.with_untracked(|cards| {
                    state::edit_server(&s.servers, cards, index, field, &value)
                });
            };
            if typing {
                ctx.edit((field.name(), index), change);
            } else {
                ctx.commit(change);
            }
        }
    };
    let input = move |field: Field, hint: &'static str, mode: &'static str| {
        let id = input_id(index, field);
        let note = ctx.note(Target::Card(index, field));
        view! {
            <div class="field">
                <label for=id.clone()>{field.name()}</label>
                <input
                    id=id
                    type="text"
                    autocomplete="off"
                    spellcheck="false"
                    inputmode=mode
                    placeholder=hint
                    aria-invalid=move || note.with(|n| n.invalid.then_some("true"))
                    aria-describedby=move || {
                        note.with(|n| (!n.described_by.is_empty()).then(|| n.described_by.clone()))
                    }
                    prop:value=text(field)
                    on:input=edit(field, true)
                />
            </div>
        }
    };
    let choice = move |field: Field, options: &'static [(&'static str, &'static str)]| {
        let id = input_id(index, field);
        let current = text(field);
        let note = ctx.note(Target::Card(index, field));
        view! {
            <div class="field">
                <label for=id.clone()>{field.name()}</label>
                <select
                    id=id
                    aria-invalid=move || note.with(|n| n.invalid.then_some("true"))
                    aria-describedby=move || {
                        note.with(|n| (!n.described_by.is_empty()).then(|| n.described_by.clone()))
                    }
                    on:change=edit(field, false)
                >
                    {move || {
                        let now = current();
                        let mut views: Vec<_> = options
                            .iter()
                            .map(|(value, label)| {
                                view! { <option value={*value} selected={now == *value}>{*label}</option> }
                                    .into_any()
                            })
                            .collect();
                        if !options.iter().any(|(v, _)| *v == now) {
                            let shown = format!("{now} (not valid)");
                            views.push(
                                view! { <option value=now.clone() selected=true>{shown}</option> }
                                    .into_any(),
                            );
                        }
                        views
                    }}
                </select>
            </div>
        }
    };
    view! {
        <fieldset class="card" aria-labelledby=labelled_by>
            <legend id=legend_id>{title}</legend>
            <div class="grid">
                {input(Field::ServerId, "i-bp1…", "text")}
                {input(Field::Port, "1-65535", "numeric")}
                {input(Field::Weight, "100", "numeric")}
                {choice(
                    Field::ServerType,
                    &[("", "(Master)"), ("Master", "Master"), ("Slave", "Slave")],
                )}
                {choice(
                    Field::Type,
                    &[("", "(ecs)"), ("ecs", "ecs"), ("eni", "eni"), ("eci", "eci")],
                )}
                {input(Field::Description, "optional", "text")}
                {input(Field::ServerIp, "eni/eci IP", "text")}
            </div>
            <button
                type="button"
                class="remove"
                aria-label=remove_label
                on:click=move |_| {
                    let raw = ctx.state.with_untracked(|s| s.servers.clone());
                    let text = ctx.cards.with_untracked(|c| state::remove_server(&raw, c, index));
                    ctx.commit(|s| s.servers = text);
                    ctx.say(format!("Removed Server {}.", index + 1));
                    // The focus was on the button that is gone: the next card (now at this
                    // index) takes it, else Add server.
                    let next = input_id(index, Field::ServerId);
                    request_animation_frame(move || browser::focus_first(&[&next, "add-server"]));
                }
            >"Remove"</button>
        </fieldset>
    }
}
