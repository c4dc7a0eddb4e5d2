//! XML bodies, written straight into one buffer in quick-xml's indented layout (two spaces, an
//! element with text on one line). Texts are escaped with quick-xml's `escape` (`< > & ' "`), and
//! characters that XML 1.0 cannot carry at all (control characters) become U+FFFD.

use std::borrow::Cow;

use quick_xml::escape::escape;

use super::json::{documented_fields, service_fields};
use super::{Failure, Success};
use crate::json::write::push_indent;

/// Room for a body of two servers (about 700 to 850 bytes), so the buffer rarely grows.
const CAPACITY: usize = 1024;

struct Xml {
    out: String,
    depth: usize,
}

impl Xml {
    fn new(declaration: bool) -> Self {
        let mut out = String::with_capacity(CAPACITY);
        if declaration {
            out.push_str(r#"<?xml version="1.0" encoding="UTF-8"?>"#);
        }
        Self { out, depth: 0 }
    }

    /// A line break and the indent before a tag, except at the very start.
    fn line(&mut self) {
        if !self.out.is_empty() {
            self.out.push('\n');
            push_indent(&mut self.out, self.depth);
        }
    }

    fn tag(&mut self, slash: &str, name: &str) {
        self.out.push('<');
        self.out.push_str(slash);
        self.out.push_str(name);
        self.out.push('>');
    }

    fn start(&mut self, name: &str) {
        self.line();
        self.tag("", name);
        self.depth += 1;
    }

    fn end(&mut self, name: &str) {
        self.depth -= 1;
        self.line();
        self.tag("/", name);
    }

    /// `<name>text</name>` on one line.
    fn text(&mut self, name: &str, text: &str) {
        self.line();
        self.tag("", name);
        // Most texts hold nothing to escape or replace: no markup character, no control
        // character, no byte 0xEF (which starts U+FFFE and U+FFFF).
        let plain = text
            .bytes()
            .all(|b| b >= 0x20 && !matches!(b, b'<' | b'>' | b'&' | b'\'' | b'"' | 0xEF));
        if plain {
            self.out.push_str(text);
        } else {
            self.out.push_str(&escape(xml_safe(text)));
        }
        self.tag("/", name);
    }

    fn cdata(&mut self, name: &str, text: &str) {
        let text = xml_safe(text);
        self.line();
        self.tag("", name);
        // `]]>` cannot stand inside one CDATA section: end the section after `]]`.
        let mut rest: &str = &text;
        while let Some(i) = rest.find("]]>") {
            self.cdata_section(&rest[..i + 2]);
            rest = &rest[i + 2..];
        }
        self.cdata_section(rest);
        self.tag("/", name);
    }

    fn cdata_section(&mut self, text: &str) {
        self.out.push_str("<![CDATA[");
        self.out.push_str(text);
        self.out.push_str("]]>");
    }

    fn finish(self) -> String {
        self.out
    }
}

/// Replaces the characters XML 1.0 forbids even as references.
fn xml_safe(s: &str) -> Cow<'_, str> {
    let bad = |c: char| matches!(c, '\u{0}'..='\u{8}' | '\u{B}' | '\u{C}' | '\u{E}'..='\u{1F}' | '\u{FFFE}' | '\u{FFFF}');
    // Every such character is a control byte or starts with 0xEF in UTF-8: most texts have
    // neither, and need no look at their characters.
    let maybe = s.bytes().any(|b| b < 0x20 || b == 0xEF);
    if maybe && s.chars().any(bad) {
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
        if documented {
            documented_fields(r, |name, value| x.text(name, value));
        } else {
            service_fields(r, |name, value| x.text(name, value));
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

#[cfg(test)]
mod tests {
    use super::*;
    use quick_xml::Writer;
    use quick_xml::events::{BytesCData, BytesDecl, BytesEnd, BytesStart, BytesText, Event};

    /// The layout and escaping are quick-xml's own indented writer's.
    #[test]
    fn same_as_quick_xml_writer() {
        let texts = [
            "plain",
            "",
            "<b>\"web\" & 'db'</b>",
            "a\u{1}b\u{FFFE}\tc\n",
            "主😀",
            "x]]>y]]>",
        ];
        for declaration in [true, false] {
            let mut w = Writer::new_with_indent(Vec::new(), b' ', 2);
            let mut x = Xml::new(declaration);
            if declaration {
                w.write_event(Event::Decl(BytesDecl::new("1.0", Some("UTF-8"), None)))
                    .unwrap();
            }
            w.write_event(Event::Start(BytesStart::new("Root")))
                .unwrap();
            x.start("Root");
            for t in texts {
                w.write_event(Event::Start(BytesStart::new("Item")))
                    .unwrap();
                x.start("Item");
                let safe = xml_safe(t);
                w.create_element("Text")
                    .write_text_content(BytesText::new(&safe))
                    .unwrap();
                x.text("Text", t);
                w.write_event(Event::Start(BytesStart::new("C"))).unwrap();
                let mut rest: &str = &safe;
                while let Some(i) = rest.find("]]>") {
                    w.write_event(Event::CData(BytesCData::new(&rest[..i + 2])))
                        .unwrap();
                    rest = &rest[i + 2..];
                }
                w.write_event(Event::CData(BytesCData::new(rest))).unwrap();
                w.write_event(Event::End(BytesEnd::new("C"))).unwrap();
                x.cdata("C", t);
                w.write_event(Event::End(BytesEnd::new("Item"))).unwrap();
                x.end("Item");
            }
            w.write_event(Event::End(BytesEnd::new("Root"))).unwrap();
            x.end("Root");
            assert_eq!(x.finish(), String::from_utf8(w.into_inner()).unwrap());
        }
    }
}
