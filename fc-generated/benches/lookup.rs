//! Run-time cost of the generated lookups, each beside the two ways a user
//! could do it by hand, in the same group and the same run:
//!
//! - `from_str`: the generated `match` on the string (what users call);
//! - `hashmap`: a `HashMap<&str, _>` built once from `ALL` (std's default hasher);
//! - `linear_scan`: `ALL.iter().find(..)` comparing each wire string.
//!
//! Then the accessors (`as_str`, `name`, `endpoint`, `cause`, ...) on a
//! value, which read the generated rows.
//!
//! Hits use an entry from the middle of the documents' table, misses a
//! plausible typo of it. Target (issue 7): `from_str` hit and miss at most
//! 20 ns and faster than `hashmap`. Run: `cargo bench --bench lookup`.

use std::collections::HashMap;
use std::hint::black_box;
use std::str::FromStr;

use criterion::{criterion_group, criterion_main, BenchmarkGroup, Criterion};
use fc_generated::{ErrorCode, Lang, Network, Region};

/// A middle row of the regions table, and a typo of it.
const REGION_HIT: &str = "cn-shenzhen";
const REGION_MISS: &str = "cn-shenzen";
/// A middle row of the common error codes, and a typo of it.
const CODE_HIT: &str = "SignatureNotMatch";
const CODE_MISS: &str = "SignatureNotMatched";

fn region_lookups(c: &mut Criterion) {
    let map: HashMap<&str, Region> = Region::ALL.iter().map(|&r| (r.as_str(), r)).collect();
    for (case, input) in [("hit", REGION_HIT), ("miss", REGION_MISS)] {
        let mut group = c.benchmark_group(format!("Region/{case}"));
        compare(&mut group, input, &map, Region::ALL, Region::as_str);
        group.finish();
    }
}

fn error_code_lookups(c: &mut Criterion) {
    let map: HashMap<&str, ErrorCode> = ErrorCode::ALL.iter().map(|&e| (e.as_str(), e)).collect();
    for (case, input) in [("hit", CODE_HIT), ("miss", CODE_MISS)] {
        let mut group = c.benchmark_group(format!("ErrorCode/{case}"));
        compare(&mut group, input, &map, ErrorCode::ALL, ErrorCode::as_str);
        group.finish();
    }
}

/// The three lookups of `input` in one group. Each returns whether it found
/// something, so the miss path builds `FromStr`'s error as users get it.
fn compare<T: FromStr + Copy>(
    group: &mut BenchmarkGroup<'_, criterion::measurement::WallTime>,
    input: &str,
    map: &HashMap<&str, T>,
    all: &'static [T],
    wire: fn(T) -> &'static str,
) {
    group.bench_function("from_str", |b| {
        b.iter(|| black_box(black_box(input).parse::<T>()).is_ok())
    });
    group.bench_function("hashmap", |b| {
        b.iter(|| black_box(map.get(black_box(input)).copied()).is_some())
    });
    group.bench_function("linear_scan", |b| {
        b.iter(|| {
            let input = black_box(input);
            black_box(all.iter().copied().find(|&item| wire(item) == input)).is_some()
        })
    });
}

/// The accessors a client calls on a value it holds: every string of one
/// region or code, read through its generated row. Compared across
/// versions of the generated code (MAINTAINING.md, "Lookups at run time"), not
/// against a baseline; reading a failed response is `--bench api_error`.
fn accessors(c: &mut Criterion) {
    let region = Region::CnShenzhen;
    c.bench_function("Region/accessors", |b| {
        b.iter(|| {
            let region = black_box(region);
            region.as_str().len()
                + region.name(Lang::Zh).len()
                + region.endpoint(Network::Internal).len()
        })
    });
    let code = ErrorCode::SignatureNotMatch;
    c.bench_function("ErrorCode/accessors", |b| {
        b.iter(|| {
            let code = black_box(code);
            code.as_str().len()
                + usize::from(code.http_status())
                + code.cause(Lang::Zh).len()
                + code.solution(Lang::En).len()
                + usize::from(code.is_retryable())
        })
    });
}

criterion_group!(benches, region_lookups, error_code_lookups, accessors);
criterion_main!(benches);
