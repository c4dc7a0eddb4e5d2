//! One backend server's card ("Server 1", "Server 2", …): its fields, and Remove.

use leptos::ev;
use leptos::prelude::*;

use crate::app::Ctx;
use crate::state::{self, Field, field_text};

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
    let edit = move |field: Field| {
        move |ev: ev::Event| {
            let value = event_target_value(&ev);
            let cards = ctx.cards.get_untracked();
            ctx.state.update(|s| {
                s.servers = state::edit_server(&s.servers, &cards, index, field, &value)
            });
        }
    };
    let input = move |field: Field, hint: &'static str, mode: &'static str| {
        let id = input_id(index, field);
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
                    prop:value=text(field)
                    on:input=edit(field)
                />
            </div>
        }
    };
    let choice = move |field: Field, options: &'static [(&'static str, &'static str)]| {
        let id = input_id(index, field);
        let current = text(field);
        view! {
            <div class="field">
                <label for=id.clone()>{field.name()}</label>
                <select id=id on:change=edit(field)>
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
                {input(Field::ServerIp, "for eni and eci", "text")}
            </div>
            <button
                type="button"
                class="remove"
                aria-label=remove_label
                on:click=move |_| {
                    let raw = ctx.state.with_untracked(|s| s.servers.clone());
                    let text = state::remove_server(&raw, &ctx.cards.get_untracked(), index);
                    ctx.commit(|s| s.servers = text);
                    ctx.say(format!("Removed Server {}.", index + 1));
                }
            >"Remove"</button>
        </fieldset>
    }
}
