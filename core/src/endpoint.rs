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

/// The host for a region: the table's, else the SDKs' rule `slb.<region>.aliyuncs.com` (lowercased).
/// No region at all gives the default host.
pub fn host_for(region: Option<&str>) -> String {
    match region.map(str::trim).filter(|r| !r.is_empty()) {
        None => DEFAULT_HOST.to_owned(),
        Some(r) => known_host(r).map_or_else(
            || format!("slb.{}.aliyuncs.com", r.to_ascii_lowercase()),
            str::to_owned,
        ),
    }
}

/// The known region closest to `region` (for "did you mean"), if any is close.
pub fn suggest_region(region: &str) -> Option<&'static str> {
    let lower = region.trim().to_ascii_lowercase();
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
    }
}
