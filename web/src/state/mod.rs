//! The page's state as a plain struct, and the pure functions over it: the URL fragment
//! (`#v1.…`, secrets excluded), the API request it stands for, and the edits the cards make to
//! the raw `MasterSlaveBackendServers` text. Components only bind signals to this.
//!
//! By concern: [`fragment`] (the share link), [`cards`] (the server cards and their edits),
//! [`long_list`] (the window of cards, the notes, the underlines), [`check`] ("Check a request").

mod cards;
mod check;
mod fragment;
mod long_list;

pub use cards::*;
pub use check::*;
pub use fragment::*;
pub use long_list::*;

use slb_msgroup::request::{Credentials, Method, Protocol, RequestOptions, SignatureVersion};
use slb_msgroup::{BackendServer, Diagnostic, Format, NumOrStr, Request, ServerList, Shape};

/// The version every fragment this build writes starts with.
pub const FRAGMENT_VERSION: &str = "v1";

/// Everything on the page that a person sets.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct State {
    pub region_id: String,
    pub load_balancer_id: String,
    pub group_name: String,
    /// The raw `MasterSlaveBackendServers` text, exactly as typed: the source of truth for the
    /// server cards.
    pub servers: String,
    /// The `Format` request parameter, and so the response body shown.
    pub format: Format,
    pub shape: Shape,
    /// `None`: v1 when credentials are given, else unsigned.
    pub signature: Option<SignatureVersion>,
    /// `None`: GET, or POST for v3.
    pub method: Option<Method>,
    /// A fixed `Timestamp` for reproducible signatures; `None`: the current time.
    pub timestamp: Option<String>,
    /// A fixed `SignatureNonce`; `None`: a random one per page load.
    pub nonce: Option<String>,
    /// Kept in memory only: never in the fragment, storage or logs.
    pub secrets: Secrets,
}

/// The AccessKey pair. Its `Debug` hides the secret, and nothing serializes it.
#[derive(Clone, PartialEq, Eq, Default)]
pub struct Secrets {
    pub access_key_id: String,
    pub access_key_secret: String,
}

impl std::fmt::Debug for Secrets {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Secrets")
            .field("access_key_id", &self.access_key_id)
            .field("access_key_secret", &"<redacted>")
            .finish()
    }
}

impl Secrets {
    /// Both halves given.
    pub fn credentials(&self) -> Option<Credentials> {
        let id = self.access_key_id.trim();
        let secret = &self.access_key_secret;
        (!id.is_empty() && !secret.is_empty()).then(|| Credentials {
            access_key_id: id.to_owned(),
            access_key_secret: secret.clone(),
        })
    }
}

impl State {
    /// A state from an API request (the examples).
    pub fn from_request(request: &Request) -> Self {
        Self {
            region_id: request.region_id.clone().unwrap_or_default(),
            load_balancer_id: request.load_balancer_id.clone().unwrap_or_default(),
            group_name: request
                .master_slave_server_group_name
                .clone()
                .unwrap_or_default(),
            servers: request
                .master_slave_backend_servers
                .as_ref()
                .map(|l| l.raw().into_owned())
                .unwrap_or_default(),
            ..Self::default()
        }
    }

    /// The same state with the request parameters of `other` (format, signing options and
    /// secrets stay).
    #[must_use]
    pub fn with_request_of(&self, other: &Self) -> Self {
        Self {
            region_id: other.region_id.clone(),
            load_balancer_id: other.load_balancer_id.clone(),
            group_name: other.group_name.clone(),
            servers: other.servers.clone(),
            ..self.clone()
        }
    }
}

/// The API request the form stands for. An empty field is an absent parameter.
pub fn to_request(state: &State) -> Request {
    let opt = |s: &str| (!s.is_empty()).then(|| s.to_owned());
    Request {
        region_id: opt(&state.region_id),
        load_balancer_id: opt(&state.load_balancer_id),
        master_slave_backend_servers: opt(&state.servers).map(ServerList::Raw),
        master_slave_server_group_name: opt(&state.group_name),
    }
}

/// What the page does not choose itself: the clock and randomness.
#[derive(Debug, Clone, Default)]
pub struct Env {
    /// The current time, `YYYY-MM-DDThh:mm:ssZ`.
    pub now: String,
    /// A random nonce made at page load.
    pub nonce: String,
}

/// The options for the request builder.
pub fn request_options(state: &State, env: &Env) -> RequestOptions {
    RequestOptions {
        signature: state.signature,
        method: state.method,
        format: state.format,
        protocol: Protocol::Https,
        endpoint: None,
        credentials: state.secrets.credentials(),
        timestamp: state.timestamp.clone().unwrap_or_else(|| env.now.clone()),
        nonce: state
            .nonce
            .clone()
            .filter(|n| !n.is_empty())
            .unwrap_or_else(|| env.nonce.clone()),
    }
}

#[cfg(test)]
mod tests {
    use super::cards::*;
    use super::fragment::*;
    use super::long_list::*;
    use super::*;

    fn full() -> State {
        State {
            region_id: "cn-hangzhou".into(),
            load_balancer_id: "lb-bp1hv944r69al4j9jkmvx".into(),
            group_name: "Group 1 & co = 100%".into(),
            servers: "[{'ServerId':'vm-233','Port':'80','Description':'中文 😀 #x'},\n {\"ServerId\":\"vm-232\"}]"
                .into(),
            format: Format::Xml,
            shape: Shape::Documented,
            signature: Some(SignatureVersion::V3),
            method: Some(Method::Post),
            timestamp: Some("2026-01-02T03:04:05Z".into()),
            nonce: Some("n-1".into()),
            secrets: Secrets::default(),
        }
    }

    #[test]
    fn a_float_field_reads_as_written() {
        assert_eq!(float_text(80.0), "80");
        assert_eq!(float_text(-3.0), "-3");
        assert_eq!(float_text(80.5), "80.5");
        assert_eq!(float_text(1e300), "1e+300");
        assert_eq!(float_text(0.000_000_1), "1e-7");
        assert_eq!(float_text(f64::NAN), "NaN");
        assert_eq!(float_text(f64::NEG_INFINITY), "-Infinity");
    }

    #[test]
    fn fragment_round_trip() {
        for state in [State::default(), full()] {
            let fragment = to_fragment(&state);
            assert!(fragment.starts_with("v1."), "{fragment}");
            assert_eq!(from_fragment(&fragment), Ok(state.clone()));
            assert_eq!(from_fragment(&format!("#{fragment}")), Ok(state));
        }
    }

    #[test]
    fn fragment_is_compact_and_readable() {
        let state = State {
            region_id: "cn-hangzhou".into(),
            servers: "[{'ServerId':'vm-233','Port':'80'}]".into(),
            ..State::default()
        };
        assert_eq!(
            to_fragment(&state),
            "v1.r=cn-hangzhou&s=%5B%7B'ServerId':'vm-233','Port':'80'%7D%5D"
        );
    }

    /// Links written by earlier builds must keep opening: these strings are frozen.
    #[test]
    fn old_links_decode() {
        let v1 = "#v1.r=cn-hangzhou&lb=lb-bp1hv944r69al4j9jkmvx&n=Group1\
                  &s=%5B%7B'ServerId':'vm-233','Port':'80'%7D%5D&f=xml&sh=documented\
                  &sig=v1&m=post&ts=2026-01-02T03:04:05Z&nonce=abc&future=ignored";
        let state = from_fragment(v1).unwrap();
        assert_eq!(state.region_id, "cn-hangzhou");
        assert_eq!(state.load_balancer_id, "lb-bp1hv944r69al4j9jkmvx");
        assert_eq!(state.group_name, "Group1");
        assert_eq!(state.servers, "[{'ServerId':'vm-233','Port':'80'}]");
        assert_eq!(state.format, Format::Xml);
        assert_eq!(state.shape, Shape::Documented);
        assert_eq!(state.signature, Some(SignatureVersion::V1));
        assert_eq!(state.method, Some(Method::Post));
        assert_eq!(state.timestamp.as_deref(), Some("2026-01-02T03:04:05Z"));
        assert_eq!(state.nonce.as_deref(), Some("abc"));
        // The smallest v1 link: everything default.
        assert_eq!(from_fragment("v1."), Ok(State::default()));
    }

    #[test]
    fn foreign_or_damaged_fragments_are_refused() {
        assert_eq!(from_fragment(""), Err(FragmentError::NotVersioned));
        assert_eq!(
            from_fragment("#section-2"),
            Err(FragmentError::NotVersioned)
        );
        assert_eq!(
            from_fragment("v2.r=x"),
            Err(FragmentError::UnknownVersion("v2".into()))
        );
        assert_eq!(
            from_fragment("v1.s=%E2%28"),
            Err(FragmentError::BadEncoding("s".into()))
        );
        assert_eq!(
            from_fragment("v1.s=%4"),
            Err(FragmentError::BadEncoding("s".into()))
        );
    }

    #[test]
    fn secrets_are_never_serialized() {
        let mut state = full();
        state.secrets = Secrets {
            access_key_id: "LTAI5tSecretIdValue".into(),
            access_key_secret: "s3cr3t-value-XYZ".into(),
        };
        let fragment = to_fragment(&state);
        assert!(!fragment.contains("s3cr3t"), "{fragment}");
        assert!(!fragment.contains("LTAI5tSecretIdValue"), "{fragment}");
        assert_eq!(fragment, to_fragment(&full()));
        assert!(!format!("{state:?}").contains("s3cr3t"));
        // A crafted link cannot plant credentials either.
        let planted = from_fragment("v1.access_key_secret=x&AccessKeySecret=y&secrets=z").unwrap();
        assert_eq!(planted.secrets, Secrets::default());
    }

    #[test]
    fn empty_fields_are_absent_parameters() {
        let request = to_request(&State::default());
        assert_eq!(request, Request::default());
        let request = to_request(&full());
        assert_eq!(request.region_id.as_deref(), Some("cn-hangzhou"));
        assert!(matches!(
            request.master_slave_backend_servers,
            Some(ServerList::Raw(_))
        ));
    }

    #[test]
    fn card_edits() {
        let raw =
            r#"[{"ServerId":"a","Port":80,"ServerType":"Master"},{"ServerId":"b","Port":"81"}]"#;
        let (outcome, _) = slb_msgroup::parse_servers(raw);
        let servers = outcome.servers.unwrap();
        assert_eq!(field_text(&servers[0], Field::Port), "80");
        assert_eq!(
            edit_server(raw, &servers, 0, Field::Port, "8080"),
            r#"[{"ServerId":"a","Port":8080,"ServerType":"Master"},{"ServerId":"b","Port":"81"}]"#
        );
        assert_eq!(
            edit_server(raw, &servers, 0, Field::Port, "http"),
            r#"[{"ServerId":"a","Port":"http","ServerType":"Master"},{"ServerId":"b","Port":"81"}]"#
        );
        assert_eq!(
            edit_server(raw, &servers, 1, Field::ServerId, ""),
            r#"[{"ServerId":"a","Port":80,"ServerType":"Master"},{"Port":"81"}]"#
        );
        assert_eq!(
            swap_roles(raw, &servers),
            r#"[{"ServerId":"a","Port":80,"ServerType":"Master"},{"ServerId":"b","Port":"81","ServerType":"Master"}]"#
        );
        let pair_raw =
            r#"[{"ServerId":"a","ServerType":"Master"},{"ServerId":"b","ServerType":"Slave"}]"#;
        let (pair, _) = slb_msgroup::parse_servers(pair_raw);
        assert_eq!(
            swap_roles(pair_raw, &pair.servers.unwrap()),
            r#"[{"ServerId":"a","ServerType":"Slave"},{"ServerId":"b","ServerType":"Master"}]"#
        );
        assert_eq!(
            remove_server(raw, &servers, 0),
            r#"[{"ServerId":"b","Port":"81"}]"#
        );
        // A new server writes Port as the entries before it do: here a string.
        assert_eq!(
            add_server(raw, &servers[..1]),
            r#"[{"ServerId":"a","Port":80,"ServerType":"Master"},{"ServerId":"i-server2","Port":80,"ServerType":"Slave"}]"#
        );
        assert_eq!(
            add_server(raw, &servers),
            r#"[{"ServerId":"a","Port":80,"ServerType":"Master"},{"ServerId":"b","Port":"81"},{"ServerId":"i-server3","Port":"80","ServerType":"Slave"}]"#
        );
        assert_eq!(
            add_server("", &[]),
            r#"[{"ServerId":"i-server1","Port":"80","ServerType":"Master"}]"#
        );
    }

    #[test]
    fn a_card_edit_renders_the_list_around_the_entry() {
        let raw = r#"[{"ServerId":"a","Port":80},{"ServerId":"b"},{"ServerId":"c","Weight":"5"}]"#;
        let servers = slb_msgroup::parse_servers(raw).0.servers.unwrap();
        for index in 0..4 {
            let mut list = servers.clone();
            if let Some(s) = list.get_mut(index) {
                set_field(s, Field::Port, "81");
            }
            assert_eq!(
                edit_server(raw, &servers, index, Field::Port, "81"),
                render_like(raw, &list),
                "{index}"
            );
        }
        let one = r#"[{"ServerId":"a"}]"#;
        let single = slb_msgroup::parse_servers(one).0.servers.unwrap();
        assert_eq!(edit_server(one, &single, 0, Field::ServerId, ""), "[{}]");
    }

    /// Issue 10, item 3: a card edit keeps the quotes the person chose.
    #[test]
    fn card_edits_keep_single_quotes() {
        let raw = "[{'ServerId':'vm-233','Port':'80','Description':'it\\'s \"x\"'},{'ServerId':'vm-232','Port':'90'}]";
        // It parses (its diagnostics are about the pair and the description, not the syntax).
        let (outcome, _) = slb_msgroup::parse_servers(raw);
        let servers = outcome.servers.unwrap();
        assert_eq!(Quotes::of(raw), Quotes::Single);
        let edited = edit_server(raw, &servers, 1, Field::Port, "91");
        assert_eq!(
            edited,
            "[{'ServerId':'vm-233','Port':'80','Description':'it\\'s \"x\"'},{'ServerId':'vm-232','Port':'91'}]"
        );
        // It reads back as the same list, with the edit.
        let (back, _) = slb_msgroup::parse_servers(&edited);
        let back = back.servers.unwrap();
        assert_eq!(back[0], servers[0]);
        assert_eq!(field_text(&back[1], Field::Port), "91");
        assert!(
            add_server(raw, &servers)
                .ends_with(",{'ServerId':'i-server3','Port':'80','ServerType':'Slave'}]")
        );
        assert!(remove_server(raw, &servers, 0).starts_with("[{'ServerId':'vm-232'"));
        assert!(swap_roles(raw, &servers).contains("'ServerType':'Master'"));
        assert_eq!(Quotes::of("[]"), Quotes::Double);
        assert_eq!(Quotes::of(r#"[{"ServerId":"it's"}]"#), Quotes::Double);
    }

    /// Issue 10, item 5: fields learn which diagnostics are about them.
    #[test]
    fn field_notes() {
        let targets = vec![
            (Some(Target::Card(0, Field::Port)), true),
            (Some(Target::RegionId), false),
            (Some(Target::Card(0, Field::Port)), false),
        ];
        assert_eq!(
            field_note(&targets, Target::Card(0, Field::Port)),
            FieldNote {
                invalid: true,
                described_by: "diag-0-detail diag-2-detail".into()
            }
        );
        assert_eq!(
            field_note(&targets, Target::RegionId),
            FieldNote {
                invalid: false,
                described_by: "diag-1-detail".into()
            }
        );
        assert_eq!(
            field_note(&targets, Target::GroupName),
            FieldNote::default()
        );
    }

    #[test]
    fn a_long_list_shows_a_window_of_cards() {
        // Two servers: both cards, nothing left out.
        assert_eq!(
            card_window(2, CARDS_SHOWN, &[], None),
            CardWindow {
                shown: vec![0, 1],
                hidden: 0
            }
        );
        assert_eq!(
            hidden_cards_note(&card_window(2, CARDS_SHOWN, &[], None)),
            None
        );
        // A thousand: the first ten, then the servers further down a diagnostic is about.
        let targets = vec![
            (Some(Target::Card(1, Field::Port)), true),
            (Some(Target::Card(500, Field::Port)), true),
            (Some(Target::Card(41, Field::Weight)), false),
            (Some(Target::Card(500, Field::ServerId)), true),
            (Some(Target::Servers), true),
            (Some(Target::Card(1000, Field::Port)), true),
        ];
        let window = card_window(1000, CARDS_SHOWN, &targets, None);
        assert_eq!(window.shown, vec![0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 41, 500]);
        assert_eq!(window.hidden, 988);
        assert_eq!(
            hidden_cards_note(&window).as_deref(),
            Some("988 more servers are not shown as cards: edit them in the raw text below.")
        );
        assert_eq!(
            hidden_cards_note(&card_window(11, 10, &[], None)).as_deref(),
            Some("1 more server is not shown as a card: edit it in the raw text below.")
        );
        // At most ten flagged cards beyond the window.
        let many: Vec<_> = (0..1000)
            .map(|i| (Some(Target::Card(i, Field::Port)), true))
            .collect();
        let window = card_window(1000, CARDS_SHOWN, &many, None);
        assert_eq!(window.shown, (0..20).collect::<Vec<_>>());
        assert_eq!(window.hidden, 980);
        // A larger limit ("Show 10 more").
        assert_eq!(card_window(1000, 20, &[], None).shown.len(), 20);
        // The server just added is shown, in its place; not twice, and not past the end.
        let window = card_window(1001, CARDS_SHOWN, &targets, Some(1000));
        assert_eq!(
            window.shown,
            vec![0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 41, 500, 1000]
        );
        assert_eq!(window.hidden, 988);
        assert_eq!(
            card_window(1001, CARDS_SHOWN, &targets, Some(41)),
            card_window(1001, CARDS_SHOWN, &targets, None)
        );
        assert_eq!(
            card_window(30, CARDS_SHOWN, &[], Some(20)).shown,
            vec![0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 20]
        );
        assert_eq!(
            card_window(3, CARDS_SHOWN, &[], Some(7)).shown,
            vec![0, 1, 2]
        );
    }

    #[test]
    fn only_the_first_diagnostics_are_listed() {
        assert_eq!(more_diagnostics_note(0), None);
        assert_eq!(more_diagnostics_note(DIAGNOSTICS_SHOWN), None);
        assert_eq!(
            more_diagnostics_note(DIAGNOSTICS_SHOWN + 1).as_deref(),
            Some("1 more diagnostic is not listed.")
        );
        assert_eq!(
            more_diagnostics_note(1001).as_deref(),
            Some("981 more diagnostics are not listed.")
        );
        assert_eq!(
            more_diagnostics_note(2020).as_deref(),
            Some("2,000 more diagnostics are not listed.")
        );
        // A field is described only by listed diagnostics, but an error beyond them still
        // makes it invalid.
        let mut targets = vec![(Some(Target::RegionId), false); DIAGNOSTICS_SHOWN];
        targets.push((Some(Target::Card(0, Field::Port)), true));
        assert_eq!(
            field_note(&targets, Target::Card(0, Field::Port)),
            FieldNote {
                invalid: true,
                described_by: String::new()
            }
        );
    }

    #[test]
    fn underlines_stop_after_the_last_span() {
        use slb_msgroup::{Code, Span};
        let d = |start, end, code| {
            let mut d = Diagnostic::new(
                code,
                slb_msgroup::Check::Count,
                "MasterSlaveBackendServers",
                "",
            );
            d = d.with_span(Span { start, end });
            d
        };
        let raw = "[{'ServerId':'a','Port':'0'},{'ServerId':'b'}]";
        let port = raw.find("'0'").unwrap();
        let pieces = underlines(raw, &[d(port, port + 3, Code::RealServerPortNotSupport)]);
        assert_eq!(
            pieces,
            vec![
                Piece {
                    text: "[{'ServerId':'a','Port':".into(),
                    class: None
                },
                Piece {
                    text: "'0'".into(),
                    class: Some("err")
                },
            ]
        );
        // A span over the whole list (spaces around it too) draws nothing: the outline shows it.
        let spaced = format!(" {raw}\n");
        assert_eq!(
            underlines(
                &spaced,
                &[d(1, raw.len() + 1, Code::BackendServersNumMustBeTwo)]
            ),
            vec![]
        );
        // An insertion point at the end, and an overlapping span left out.
        let pieces = underlines(
            "[1,",
            &[
                d(3, 3, Code::InvalidParameter),
                d(1, 3, Code::InvalidParameter),
                d(2, 3, Code::InvalidParameter),
            ],
        );
        assert_eq!(
            pieces,
            vec![
                Piece {
                    text: "[".into(),
                    class: None
                },
                Piece {
                    text: "1,".into(),
                    class: Some("err")
                },
                Piece {
                    text: String::new(),
                    class: Some("err at")
                },
            ]
        );
        assert_eq!(underlines("[]", &[]), vec![]);
    }

    #[test]
    fn targets() {
        assert_eq!(target_of("RegionId"), Some(Target::RegionId));
        assert_eq!(
            target_of("MasterSlaveBackendServers[1].Port"),
            Some(Target::Card(1, Field::Port))
        );
        assert_eq!(
            target_of("MasterSlaveBackendServers[0].IsBackup"),
            Some(Target::Servers)
        );
        assert_eq!(
            target_of("MasterSlaveBackendServers"),
            Some(Target::Servers)
        );
        assert_eq!(target_of("Other"), None);
    }

    #[test]
    fn a_checked_request_loads_into_the_form() {
        let url = include_str!("../../../core/tests/fixtures/check/url-ok.txt");
        let report = slb_msgroup::check::check(url, &slb_msgroup::check::CheckOptions::default());
        let s = state_from_check(&report).unwrap_or_else(|| unreachable!("read as a request"));
        assert_eq!(s.region_id, "cn-hangzhou");
        assert_eq!(s.load_balancer_id, "lb-bp1hv944r69al4j9jkmvx");
        assert_eq!(s.group_name, "Group 1");
        assert_eq!(
            s.servers,
            "[{'ServerId':'vm-233','Port':'80','ServerType':'Master'},{'ServerId':'vm-232','Port':'90','ServerType':'Slave'}]"
        );
        assert_eq!(s.format, Format::Json);
        assert_eq!(s.signature, Some(SignatureVersion::V1));
        assert_eq!(s.method, None);
        assert_eq!(s.timestamp.as_deref(), Some("2026-12-06T12:00:00Z"));
        assert_eq!(
            s.nonce.as_deref(),
            Some("3ee8c1b8-83d3-44af-a94f-4e0ad82fd6cf")
        );
        assert_eq!(s.secrets, Secrets::default());
        // The fragment the builder writes holds the parameters, never a signature.
        assert!(!to_fragment(&s).contains("p7JKIBKAjNHoOnvK9gM0za5gYXg"));
    }

    #[test]
    fn text_that_is_not_a_request_loads_nothing() {
        let report =
            slb_msgroup::check::check("hello", &slb_msgroup::check::CheckOptions::default());
        assert_eq!(state_from_check(&report), None);
    }

    #[test]
    fn the_difference_is_cut_on_a_character() {
        assert_eq!(split_at_difference("GET&%2F", 0), ("", "G", "ET&%2F"));
        assert_eq!(split_at_difference("a*b", 1), ("a", "*", "b"));
        assert_eq!(split_at_difference("ab", 2), ("ab", "", ""));
        assert_eq!(split_at_difference("ab", 9), ("ab", "", ""));
        // Inside "é" (two bytes): the whole character is marked.
        assert_eq!(split_at_difference("aéb", 2), ("a", "é", "b"));
    }
}
