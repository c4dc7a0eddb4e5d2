//! The request parameters: three text fields, one card per server (add, remove, swap roles) and
//! the raw `MasterSlaveBackendServers` text, kept in sync both ways.

use leptos::prelude::*;

use super::{Panel, RawEditor, ServerCard, TextField};
use crate::app::Ctx;
use crate::state::{self, Target};

#[component]
pub fn Form() -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    let regions = slb_msgroup::endpoint::REGIONS
        .iter()
        .map(|(r, _)| view! { <option value={*r}></option> })
        .collect_view();
    let count = Memo::new(move |_| ctx.cards.with(Vec::len));
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
                    each=move || 0..count.get()
                    key=|i| *i
                    children=move |index| view! { <ServerCard index/> }
                />
            </div>
            <div class="row">
                <button type="button" id="add-server" on:click=move |_| {
                    let raw = ctx.state.with_untracked(|s| s.servers.clone());
                    let text = state::add_server(&raw, &ctx.cards.get_untracked());
                    ctx.commit(|s| s.servers = text);
                    let n = ctx.cards.with_untracked(Vec::len);
                    ctx.say(format!("Added Server {n}."));
                }>"Add server"</button>
                <button type="button" disabled=move || count.get() < 2 on:click=move |_| {
                    let raw = ctx.state.with_untracked(|s| s.servers.clone());
                    let text = state::swap_roles(&raw, &ctx.cards.get_untracked());
                    ctx.commit(|s| s.servers = text);
                    ctx.say("Swapped the roles.");
                }>"Swap roles"</button>
            </div>
            <RawEditor/>
        </Panel>
    }
}
