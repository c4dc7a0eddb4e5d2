//! XML bodies, written with quick-xml: every text is escaped by the writer, and characters that
//! XML 1.0 cannot carry at all (control characters) become U+FFFD.

use std::borrow::Cow;

use quick_xml::Writer;
use quick_xml::events::{BytesCData, BytesDecl, BytesEnd, BytesStart, BytesText, Event};

use super::json::{documented_fields, service_fields};
use super::{Failure, Success};

struct Xml(Writer<Vec<u8>>);

impl Xml {
    fn new(declaration: bool) -> Self {
        let mut w = Writer::new_with_indent(Vec::with_capacity(512), b' ', 2);
        if declaration {
            // Writing into a Vec cannot fail.
            let _ = w.write_event(Event::Decl(BytesDecl::new("1.0", Some("UTF-8"), None)));
        }
        Self(w)
    }

    fn start(&mut self, name: &str) {
        let _ = self.0.write_event(Event::Start(BytesStart::new(name)));
    }

    fn end(&mut self, name: &str) {
        let _ = self.0.write_event(Event::End(BytesEnd::new(name)));
    }

    fn text(&mut self, name: &str, text: &str) {
        let text = xml_safe(text);
        let _ = self
            .0
            .create_element(name)
            .write_text_content(BytesText::new(&text));
    }

    fn cdata(&mut self, name: &str, text: &str) {
        let text = xml_safe(text);
        self.start(name);
        // `]]>` cannot stand inside one CDATA section: end the section after `]]`.
        let mut rest: &str = &text;
        while let Some(i) = rest.find("]]>") {
            let _ = self
                .0
                .write_event(Event::CData(BytesCData::new(&rest[..i + 2])));
            rest = &rest[i + 2..];
        }
        let _ = self.0.write_event(Event::CData(BytesCData::new(rest)));
        self.end(name);
    }

    fn finish(self) -> String {
        String::from_utf8(self.0.into_inner()).unwrap_or_default()
    }
}

/// Replaces the characters XML 1.0 forbids even as references.
fn xml_safe(s: &str) -> Cow<'_, str> {
    let bad = |c: char| matches!(c, '\u{0}'..='\u{8}' | '\u{B}' | '\u{C}' | '\u{E}'..='\u{1F}' | '\u{FFFE}' | '\u{FFFF}');
    if s.chars().any(bad) {
        Cow::Owned(
            s.chars()
                .map(|c| if bad(c) { '\u{FFFD}' } else { c })
                .collect(),
        )
    } else {
        Cow::Borrowed(s)
    }
}

fn success(s: &Success<'_>, root: &str, item: &str, declaration: bool, documented: bool) -> String {
    let mut x = Xml::new(declaration);
    x.start(root);
    x.text("RequestId", s.request_id);
    x.text("MasterSlaveServerGroupId", s.group_id);
    x.start("MasterSlaveBackendServers");
    for r in s.servers {
        x.start(item);
        let fields = if documented {
            documented_fields(r)
        } else {
            service_fields(r)
        };
        for (name, value) in fields {
            x.text(name, &value);
        }
        x.end(item);
    }
    x.end("MasterSlaveBackendServers");
    x.end(root);
    x.finish()
}

pub(super) fn success_service(s: &Success<'_>) -> String {
    success(
        s,
        "CreateMasterSlaveServerGroupResponse",
        "MasterSlaveBackendServer",
        true,
        false,
    )
}

pub(super) fn success_documented(s: &Success<'_>) -> String {
    success(
        s,
        "CreateMasterSlaveServerGroup",
        "MasterSlaveBackendServers",
        false,
        true,
    )
}

pub(super) fn error(f: &Failure<'_>) -> String {
    let mut x = Xml::new(true);
    x.start("Error");
    x.text("RequestId", f.request_id);
    x.text("HostId", f.host_id);
    x.text("Code", f.code);
    x.text("Message", f.message);
    x.cdata("Recommend", f.recommend);
    x.end("Error");
    x.finish()
}
