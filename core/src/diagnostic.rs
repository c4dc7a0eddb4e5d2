//! Diagnostics as plain data. Front ends (CLI, npm, the playground) render them their own way.

use serde::Serialize;

use crate::codes::{Code, Severity};

/// A byte range into the raw `MasterSlaveBackendServers` string (UTF-8 offsets, end exclusive).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

impl Span {
    pub const fn new(start: usize, end: usize) -> Self {
        Self { start, end }
    }

    /// A zero-width span (an insertion point).
    pub const fn at(offset: usize) -> Self {
        Self {
            start: offset,
            end: offset,
        }
    }

    pub const fn len(self) -> usize {
        self.end - self.start
    }

    pub const fn is_empty(self) -> bool {
        self.start == self.end
    }
}

/// One text edit into the raw string: replace `span` with `text`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Edit {
    pub span: Span,
    pub text: String,
}

/// A suggested fix: a label for the button and the edits that apply it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Fix {
    pub label: String,
    pub edits: Vec<Edit>,
}

impl Fix {
    pub fn new(label: impl Into<String>, edits: Vec<Edit>) -> Self {
        Self {
            label: label.into(),
            edits,
        }
    }

    pub fn insert(label: impl Into<String>, at: usize, text: impl Into<String>) -> Self {
        Self::new(
            label,
            vec![Edit {
                span: Span::at(at),
                text: text.into(),
            }],
        )
    }

    pub fn replace(label: impl Into<String>, span: Span, text: impl Into<String>) -> Self {
        Self::new(
            label,
            vec![Edit {
                span,
                text: text.into(),
            }],
        )
    }

    /// Applies the edits to `raw`. Edits are applied back to front, so their spans all refer to
    /// the original text. Returns `None` when a span is out of range or not on a char boundary.
    pub fn apply(&self, raw: &str) -> Option<String> {
        let mut edits: Vec<&Edit> = self.edits.iter().collect();
        crate::sort_short_by(&mut edits, |a, b| a.span.start > b.span.start);
        let mut out = raw.to_owned();
        for edit in edits {
            if edit.span.start > edit.span.end
                || !out.is_char_boundary(edit.span.start)
                || !out.is_char_boundary(edit.span.end)
                || edit.span.end > out.len()
            {
                return None;
            }
            out.replace_range(edit.span.start..edit.span.end, &edit.text);
        }
        Some(out)
    }
}

/// What was checked: finer than [`Code`], since several checks share the service's
/// `InvalidParameter`. Front ends that need to tell them apart (tests, the playground) use this.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Check {
    RegionMissing,
    RegionShape,
    LoadBalancerMissing,
    ParameterLength,
    Syntax,
    TooLarge,
    TooDeep,
    NotAList,
    EntryNotObject,
    Count,
    ServerIdEmpty,
    ServerIdType,
    PortEmpty,
    PortValue,
    ServerTypeValue,
    WeightValue,
    TypeValue,
    TextType,
    SamePortAndServerId,
    MasterSlavePair,
    UnknownKey,
    DuplicateKey,
    UnknownRegion,
    LoadBalancerIdFormat,
    DescriptionFormat,
    ServerIpMissing,
    GroupNameLength,
    // `check`: reading the request and the gateway's checks.
    InputSize,
    InputFormat,
    HttpMethod,
    ParameterEncoding,
    CommonParameter,
    AuthorizationFormat,
    SignatureMethod,
    Version,
    Action,
    TimestampFormat,
    TimestampWindow,
    AccessKeyId,
    ContentSha256,
    Signature,
    SignatureSkipped,
    Nonce,
}

/// One finding.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Diagnostic {
    pub code: Code,
    pub check: Check,
    pub severity: Severity,
    pub http_status: Option<u16>,
    pub message: String,
    pub detail: String,
    pub path: String,
    pub span: Option<Span>,
    pub fix: Option<Fix>,
}

impl Diagnostic {
    pub fn new(
        code: Code,
        check: Check,
        path: impl Into<String>,
        detail: impl Into<String>,
    ) -> Self {
        let info = code.info();
        Self {
            code,
            check,
            severity: info.severity,
            http_status: info.http_status,
            message: info.message.to_owned(),
            detail: detail.into(),
            path: path.into(),
            span: None,
            fix: None,
        }
    }

    #[must_use]
    pub fn with_message(mut self, message: impl Into<String>) -> Self {
        self.message = message.into();
        self
    }

    #[must_use]
    pub fn with_span(mut self, span: Span) -> Self {
        self.span = Some(span);
        self
    }

    #[must_use]
    pub fn with_fix(mut self, fix: Option<Fix>) -> Self {
        self.fix = fix;
        self
    }

    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }
}

/// The outcome of a validation: `ok` when there is no error (warnings allowed).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Report {
    pub ok: bool,
    pub diagnostics: Vec<Diagnostic>,
}

impl Report {
    pub fn new(diagnostics: Vec<Diagnostic>) -> Self {
        Self {
            ok: !diagnostics.iter().any(Diagnostic::is_error),
            diagnostics,
        }
    }

    /// The error a real call would answer with: the first one.
    pub fn first_error(&self) -> Option<&Diagnostic> {
        self.diagnostics.iter().find(|d| d.is_error())
    }
}
