//! What the emulator remembers between requests: the groups created and the nonces seen. Both
//! are bounded; the caller passes them in, so the handler stays a pure function.

use std::collections::{BTreeSet, VecDeque};

use serde::Serialize;

use crate::ids::IdGen;
use crate::rules::Resolved;

/// At most this many groups are kept; the oldest go first.
pub const MAX_GROUPS: usize = 100_000;
/// At most this many nonces are kept (older ones leave by time first, see [`NonceLog::prune`]).
pub const MAX_NONCES: usize = 1_000_000;

/// A created group's backend server, as `/_emulator/groups` lists it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "PascalCase")]
pub struct GroupServer {
    pub server_id: String,
    pub port: u16,
    pub weight: u8,
    pub server_type: String,
    pub r#type: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
}

impl GroupServer {
    pub(crate) fn of(r: &Resolved) -> Self {
        Self {
            server_id: r.server_id.clone(),
            port: r.port,
            weight: r.weight,
            server_type: r.server_type.to_owned(),
            r#type: r.r#type.to_owned(),
            description: r.description.clone(),
        }
    }
}

/// A group the emulator created.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "PascalCase")]
pub struct Group {
    pub master_slave_server_group_id: String,
    pub region_id: String,
    pub load_balancer_id: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub master_slave_server_group_name: Option<String>,
    pub master_slave_backend_servers: Vec<GroupServer>,
    /// The request that created it.
    pub request_id: String,
}

/// The nonces seen, and when (Unix seconds): a set, as the gateway checks take it, and the
/// order they came in, for forgetting them.
#[derive(Debug, Default)]
pub struct NonceLog {
    seen: BTreeSet<String>,
    order: VecDeque<(u64, String)>,
}

impl NonceLog {
    /// Records `nonce` at `now`; `false` when it was already recorded (and not yet pruned).
    pub fn insert(&mut self, nonce: &str, now: u64) -> bool {
        if self.seen.contains(nonce) {
            return false;
        }
        if self.order.len() >= MAX_NONCES
            && let Some((_, old)) = self.order.pop_front()
        {
            self.seen.remove(&old);
        }
        self.seen.insert(nonce.to_owned());
        self.order.push_back((now, nonce.to_owned()));
        true
    }

    pub fn contains(&self, nonce: &str) -> bool {
        self.seen.contains(nonce)
    }

    /// The nonces remembered.
    pub fn seen(&self) -> &BTreeSet<String> {
        &self.seen
    }

    /// Forgets the nonces seen before `now - window`: a request that old is refused for its
    /// timestamp anyway.
    pub fn prune(&mut self, now: u64, window: u64) {
        while let Some((t, _)) = self.order.front() {
            if t.saturating_add(window) >= now {
                break;
            }
            if let Some((_, n)) = self.order.pop_front() {
                self.seen.remove(&n);
            }
        }
    }

    pub fn len(&self) -> usize {
        self.order.len()
    }

    pub fn is_empty(&self) -> bool {
        self.order.is_empty()
    }
}

/// Everything the emulator keeps, in memory.
#[derive(Debug)]
pub struct State {
    pub groups: VecDeque<Group>,
    pub nonces: NonceLog,
    /// Request and group ids.
    pub ids: IdGen,
}

impl State {
    /// An empty state whose ids come from `entropy`.
    pub fn new(entropy: u64) -> Self {
        Self {
            groups: VecDeque::new(),
            nonces: NonceLog::default(),
            ids: IdGen::new(entropy),
        }
    }

    pub(crate) fn add_group(&mut self, group: Group) {
        if self.groups.len() >= MAX_GROUPS {
            self.groups.pop_front();
        }
        self.groups.push_back(group);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nonces_are_remembered_within_the_window() {
        let mut log = NonceLog::default();
        assert!(log.insert("a", 100));
        assert!(!log.insert("a", 200));
        log.prune(100 + 900, 900);
        assert!(log.contains("a"));
        log.prune(100 + 901, 900);
        assert!(!log.contains("a"));
        assert!(log.is_empty());
        assert!(log.insert("a", 1001));
    }
}
