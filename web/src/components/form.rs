//! The request parameters: three text fields, one card per server (add, remove, swap roles) and
//! the raw `MasterSlaveBackendServers` text, kept in sync both ways.

use leptos::prelude::*;

use super::{Panel, RawEditor, ServerCard, TextField, input_id};
use crate::app::Ctx;
use crate::browser;
use crate::state::{self, Field, Target};

#[component]
pub fn Form() -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    let regions = slb_msgroup::endpoint::REGIONS
        .iter()
        .map(|(r, _)| view! { <option value={*r}></option> })
        .collect_view();
    let count = Memo::new(move |_| ctx.cards.with(Vec::len));
    // A long list shows a window of cards (the first ones, and those a diagnostic is about);
    // "Show 10 more" widens it, and the server just added is shown too.
    let limit = RwSignal::new(state::CARDS_SHOWN);
    let added = RwSignal::new(None::<usize>);
    let window = Memo::new(move |_| {
        let (limit, added) = (limit.get(), added.get());
        ctx.targets
            .with(|t| state::card_window(count.get(), limit, t, added))
    });
    let hidden_note = move || window.with(state::hidden_cards_note);
    view! {
        <Panel id="form" heading_id="form-h" title="Request parameters">
            <TextField
                id="RegionId"
                list="regions"
                hint="cn-hangzhou"
                target=Target::RegionId
                get=|s| s.region_id.clone()
                set=|s, v| s.region_id = v
            />
            <datalist id="regions">{regions}</datalist>
            <TextField
                id="LoadBalancerId"
                hint="lb-bp1hv944r69al4j9jkmvx"
                target=Target::LoadBalancerId
                get=|s| s.load_balancer_id.clone()
                set=|s, v| s.load_balancer_id = v
            />
            <TextField
                id="MasterSlaveServerGroupName"
                hint="optional"
                target=Target::GroupName
                get=|s| s.group_name.clone()
                set=|s, v| s.group_name = v
            />
            <h3 class="servers-h">"Backend servers"</h3>
            <Show when=move || !ctx.cards_live.get()>
                <p class="note">
                    "The raw text below does not parse as a list of servers: the cards show the last list that did. "
                    "Editing a card replaces the raw text."
                </p>
            </Show>
            <div class="cards">
                <For
                    each=move || window.get().shown
                    key=|i| *i
                    children=move |index| view! { <ServerCard index/> }
                />
            </div>
            // The line and its button stay in place while the count in the line changes, so a
            // click or a keypress on "Show 10 more" never meets a button being replaced.
            <Show when=move || hidden_note().is_some()>
                <div class="row more-cards">
                    <p id="more-cards" class="note">{move || hidden_note().unwrap_or_default()}</p>
                    <button
                        type="button"
                        aria-describedby="more-cards"
                        on:click=move |_| {
                            // Ten more (CARDS_SHOWN, as the button says).
                            let first = limit.get_untracked();
                            limit.set(first + state::CARDS_SHOWN);
                            // The focus goes to the first card shown now.
                            let next = input_id(first, Field::ServerId);
                            request_animation_frame(move || browser::focus_first(&[&next]));
                        }
                    >"Show 10 more"</button>
                </div>
            </Show>
            <div class="row">
                <button type="button" id="add-server" on:click=move |_| {
                    let raw = ctx.state.with_untracked(|s| s.servers.clone());
                    let text = ctx.cards.with_untracked(|c| state::add_server(&raw, c));
                    ctx.commit(|s| s.servers = text);
                    let n = ctx.cards.with_untracked(Vec::len);
                    added.set(n.checked_sub(1));
                    ctx.say(format!("Added Server {n}."));
                }>"Add server"</button>
                <button type="button" disabled=move || count.get() < 2 on:click=move |_| {
                    let raw = ctx.state.with_untracked(|s| s.servers.clone());
                    let text = ctx.cards.with_untracked(|c| state::swap_roles(&raw, c));
                    ctx.commit(|s| s.servers = text);
                    ctx.say("Swapped the roles.");
                }>"Swap roles"</button>
            </div>
            <RawEditor/>
        </Panel>
    }
}
