//! Endpoints: the 57 SLB regions the official SDKs know, and the fallback for any other region.

/// The default host, used when there is no region and for the central regions.
pub const DEFAULT_HOST: &str = "slb.aliyuncs.com";

/// Every known region and its host, sorted by region id. Both official SDKs resolve these
/// identically (see `api-facts.md` 1.4).
pub const REGIONS: [(&str, &str); 57] = [
    ("ap-northeast-1", "slb.ap-northeast-1.aliyuncs.com"),
    ("ap-northeast-2-pop", "slb.aliyuncs.com"),
    ("ap-south-1", "slb.ap-south-1.aliyuncs.com"),
    ("ap-southeast-1", "slb.aliyuncs.com"),
    ("ap-southeast-2", "slb.ap-southeast-2.aliyuncs.com"),
    ("ap-southeast-3", "slb.ap-southeast-3.aliyuncs.com"),
    ("ap-southeast-5", "slb.ap-southeast-5.aliyuncs.com"),
    ("cn-beijing", "slb.aliyuncs.com"),
    (
        "cn-beijing-finance-1",
        "slb.cn-beijing-finance-1.aliyuncs.com",
    ),
    ("cn-beijing-finance-pop", "slb.aliyuncs.com"),
    ("cn-beijing-gov-1", "slb.aliyuncs.com"),
    ("cn-beijing-nu16-b01", "slb.aliyuncs.com"),
    ("cn-chengdu", "slb.cn-chengdu.aliyuncs.com"),
    ("cn-edge-1", "slb.aliyuncs.com"),
    ("cn-fujian", "slb.aliyuncs.com"),
    ("cn-haidian-cm12-c01", "slb.aliyuncs.com"),
    ("cn-hangzhou", "slb.aliyuncs.com"),
    ("cn-hangzhou-bj-b01", "slb.aliyuncs.com"),
    ("cn-hangzhou-finance", "slb.aliyuncs.com"),
    ("cn-hangzhou-internal-prod-1", "slb.aliyuncs.com"),
    ("cn-hangzhou-internal-test-1", "slb.aliyuncs.com"),
    ("cn-hangzhou-internal-test-2", "slb.aliyuncs.com"),
    ("cn-hangzhou-internal-test-3", "slb.aliyuncs.com"),
    ("cn-hangzhou-test-306", "slb.aliyuncs.com"),
    ("cn-heyuan", "slb.cn-heyuan.aliyuncs.com"),
    ("cn-hongkong", "slb.aliyuncs.com"),
    ("cn-hongkong-finance-pop", "slb.aliyuncs.com"),
    ("cn-huhehaote", "slb.cn-huhehaote.aliyuncs.com"),
    (
        "cn-huhehaote-nebula-1",
        "slb-api.cn-qingdao-nebula.aliyuncs.com",
    ),
    ("cn-north-2-gov-1", "slb.aliyuncs.com"),
    ("cn-qingdao", "slb.aliyuncs.com"),
    ("cn-qingdao-nebula", "slb.cn-qingdao-nebula.aliyuncs.com"),
    ("cn-shanghai", "slb.aliyuncs.com"),
    ("cn-shanghai-et15-b01", "slb.aliyuncs.com"),
    ("cn-shanghai-et2-b01", "slb.aliyuncs.com"),
    ("cn-shanghai-finance-1", "slb.aliyuncs.com"),
    ("cn-shanghai-inner", "slb.aliyuncs.com"),
    ("cn-shanghai-internal-test-1", "slb.aliyuncs.com"),
    ("cn-shenzhen", "slb.aliyuncs.com"),
    ("cn-shenzhen-finance-1", "slb.aliyuncs.com"),
    ("cn-shenzhen-inner", "slb.aliyuncs.com"),
    ("cn-shenzhen-st4-d01", "slb.aliyuncs.com"),
    ("cn-shenzhen-su18-b01", "slb.aliyuncs.com"),
    ("cn-wuhan", "slb.aliyuncs.com"),
    ("cn-yushanfang", "slb.aliyuncs.com"),
    ("cn-zhangbei", "slb.aliyuncs.com"),
    ("cn-zhangbei-na61-b01", "slb.aliyuncs.com"),
    ("cn-zhangjiakou", "slb.cn-zhangjiakou.aliyuncs.com"),
    ("cn-zhangjiakou-na62-a01", "slb.aliyuncs.com"),
    ("cn-zhengzhou-nebula-1", "slb.aliyuncs.com"),
    ("eu-central-1", "slb.eu-central-1.aliyuncs.com"),
    ("eu-west-1", "slb.eu-west-1.aliyuncs.com"),
    ("eu-west-1-oxs", "slb.aliyuncs.com"),
    ("me-east-1", "slb.me-east-1.aliyuncs.com"),
    ("rus-west-1-pop", "slb.aliyuncs.com"),
    ("us-east-1", "slb.aliyuncs.com"),
    ("us-west-1", "slb.aliyuncs.com"),
];

/// The host for a region: the table's, else `None`.
pub fn known_host(region: &str) -> Option<&'static str> {
    REGIONS
        .binary_search_by(|(r, _)| (*r).cmp(region))
        .ok()
        .map(|i| REGIONS[i].1)
}

/// The longest region id read as one: a DNS label's 63 bytes (an assumption; the API reference
/// gives no limit, and the id becomes a label of the endpoint host).
pub const MAX_REGION_ID_LEN: usize = 63;

/// `true` when `region` can be a label of a host name: 1 to 63 lowercase ASCII letters, digits and
/// hyphens, neither first nor last a hyphen. Only such an id is ever put into a host.
pub fn is_region_id(region: &str) -> bool {
    let b = region.as_bytes();
    !b.is_empty()
        && b.len() <= MAX_REGION_ID_LEN
        && b[0] != b'-'
        && b[b.len() - 1] != b'-'
        && b.iter()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || *c == b'-')
}

/// Why no host can be made.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum HostError {
    /// The RegionId is not a region id; the excerpt says what it was.
    BadRegion(String),
    /// The endpoint option is not a host name with an optional port.
    BadEndpoint(String),
}

impl std::fmt::Display for HostError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Self::BadRegion(r) => write!(
                f,
                "RegionId {r:?} is not a region id (lowercase letters, digits and hyphens, like cn-hangzhou), so no endpoint is made from it"
            ),
            Self::BadEndpoint(e) => write!(
                f,
                "endpoint {e:?} is not a host name with an optional port (give a host like slb.aliyuncs.com or 127.0.0.1:8090, without a scheme or path)"
            ),
        }
    }
}

impl std::error::Error for HostError {}

/// The host for a region: the table's, else the SDKs' rule `slb.<region>.aliyuncs.com`. No region
/// at all gives the default host; a RegionId that is not a region id gives no host.
pub fn host_for(region: Option<&str>) -> Result<String, HostError> {
    match region.filter(|r| !r.trim().is_empty()) {
        None => Ok(DEFAULT_HOST.to_owned()),
        Some(r) => match known_host(r) {
            Some(host) => Ok(host.to_owned()),
            None if is_region_id(r) => Ok(format!("slb.{r}.aliyuncs.com")),
            None => Err(HostError::BadRegion(crate::text::excerpt(r))),
        },
    }
}

/// The host a request goes to: the `endpoint` override when one is given (a host name or IPv4
/// address, lowercased, with an optional port), else the region's.
pub fn resolve(region: Option<&str>, endpoint: Option<&str>) -> Result<String, HostError> {
    match endpoint.map(str::trim).filter(|e| !e.is_empty()) {
        Some(e) => parse_endpoint(e).ok_or_else(|| HostError::BadEndpoint(crate::text::excerpt(e))),
        None => host_for(region),
    }
}

/// `host[:port]`: dot-separated labels of ASCII letters, digits and hyphens (1 to 63 each, no
/// hyphen first or last, 253 in all), and a port in 1..=65535. Anything else (a scheme, a path,
/// `@`, quotes, spaces) is refused, so the result is safe in a URL and in every snippet.
pub fn parse_endpoint(e: &str) -> Option<String> {
    let (host, port) = match e.split_once(':') {
        Some((h, p)) => (h, Some(p)),
        None => (e, None),
    };
    let label_ok = |l: &str| {
        let b = l.as_bytes();
        !b.is_empty()
            && b.len() <= 63
            && b[0] != b'-'
            && b[b.len() - 1] != b'-'
            && b.iter().all(|c| c.is_ascii_alphanumeric() || *c == b'-')
    };
    let host_ok = !host.is_empty() && host.len() <= 253 && host.split('.').all(label_ok);
    let port_ok = port.is_none_or(|p| {
        !p.is_empty() && p.len() <= 5 && p.bytes().all(|c| c.is_ascii_digit()) && {
            let n: u32 = p.parse().unwrap_or(0);
            (1..=65_535).contains(&n)
        }
    });
    (host_ok && port_ok).then(|| e.to_ascii_lowercase())
}

/// The known region closest to `region` (for "did you mean"), if any is close. Only short inputs
/// are compared: no region id is longer than 27 bytes, and an edit distance of at most 2 cannot
/// bridge a longer gap, so the work stays bounded whatever was pasted.
pub fn suggest_region(region: &str) -> Option<&'static str> {
    const LONGEST_USEFUL: usize = 32;
    let trimmed = region.trim();
    if trimmed.len() > LONGEST_USEFUL {
        return None;
    }
    let lower = trimmed.to_ascii_lowercase();
    REGIONS
        .iter()
        .map(|(r, _)| (*r, strsim::levenshtein(&lower, r)))
        .filter(|(_, d)| *d <= 2)
        .min_by_key(|(_, d)| *d)
        .map(|(r, _)| r)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table_is_sorted_and_unique() {
        assert!(REGIONS.windows(2).all(|w| w[0].0 < w[1].0));
        assert!(REGIONS.iter().all(|(r, _)| is_region_id(r)));
    }

    #[test]
    fn region_ids() {
        for ok in ["cn-hangzhou", "xx", "a1", "ap-southeast-99"] {
            assert!(is_region_id(ok), "{ok}");
        }
        for bad in [
            "",
            "-cn",
            "cn-",
            "CN-hangzhou",
            "cn hangzhou",
            "x@evil.example/",
            "evil.example#",
            "x.evil.example?",
            "a/b",
            "$(touch pwned)",
            "`id`",
            "x\" & calc & \"",
            "é",
        ] {
            assert!(!is_region_id(bad), "{bad}");
            assert!(host_for(Some(bad)).is_err() || bad.is_empty(), "{bad}");
        }
        assert!(!is_region_id(&"a".repeat(64)));
        assert!(is_region_id(&"a".repeat(63)));
    }

    #[test]
    fn endpoints() {
        for (given, host) in [
            ("slb.aliyuncs.com", "slb.aliyuncs.com"),
            ("SLB.Example.COM", "slb.example.com"),
            ("127.0.0.1:8090", "127.0.0.1:8090"),
            ("localhost", "localhost"),
        ] {
            assert_eq!(resolve(None, Some(given)).as_deref(), Ok(host));
        }
        for bad in [
            "https://slb.aliyuncs.com",
            "slb.aliyuncs.com/x",
            "a@b",
            "a b",
            "a:0",
            "a:65536",
            "a:",
            ":80",
            "a..b",
            "a\"b",
            "$(id)",
            "a:1:2",
            "[::1]",
            "x;rm",
        ] {
            assert!(resolve(None, Some(bad)).is_err(), "{bad}");
        }
    }

    #[test]
    fn suggestions_are_bounded() {
        assert_eq!(suggest_region("cn-hangzou"), Some("cn-hangzhou"));
        assert_eq!(suggest_region(&"x".repeat(100_000)), None);
    }
}
