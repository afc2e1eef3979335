//! What reading a failed response costs: `ApiError::from_response` (read the
//! fields, keep the bounded raw body, classify it) on the bodies a client
//! meets, beside `serde_json::from_slice::<Value>` of the same bytes, the
//! parse alone that the crate did before its own reader (it stops at 128
//! levels, so it has no figure for the deep body).
//!
//! - `fc_body`: a 2.0 service body with code, message and request id;
//! - `html_page`: a gateway's 502 page (not JSON: kept as text only);
//! - `deep_sibling`: the code beside an array nested 10,000 levels deep.
//!
//! No target: the figures are for MAINTAINING.md. Run:
//! `cargo bench --bench api_error -- --warm-up-time 1 --measurement-time 2`.

use std::hint::black_box;

use criterion::{criterion_group, criterion_main, Criterion};
use fc_generated::ApiError;

fn bodies() -> [(&'static str, Vec<u8>); 3] {
    let fc_body = br#"{"ErrorCode":"ResourceExhausted","ErrorMessage":"Rate exceeded.","RequestId":"8d5c4ad3-2b62-4e61-a5a3-3b4e5d3f8f1e"}"#.to_vec();
    let html_page = format!(
        "<html><head><title>502 Bad Gateway</title></head><body>{}</body></html>",
        "<p>The upstream server did not answer.</p>".repeat(10)
    )
    .into_bytes();
    let depth = 10_000;
    let deep_sibling = format!(
        r#"{{"ErrorCode":"AccessDenied","x":{}{}}}"#,
        "[".repeat(depth),
        "]".repeat(depth)
    )
    .into_bytes();
    [
        ("fc_body", fc_body),
        ("html_page", html_page),
        ("deep_sibling", deep_sibling),
    ]
}

fn read_bodies(c: &mut Criterion) {
    for (name, body) in bodies() {
        let mut group = c.benchmark_group(format!("ApiError/{name}"));
        group.bench_function("from_response", |b| {
            b.iter(|| ApiError::from_response(black_box(429), Some("r-1"), black_box(&body)))
        });
        if name != "deep_sibling" {
            group.bench_function("serde_json_value", |b| {
                b.iter(|| serde_json::from_slice::<serde_json::Value>(black_box(&body)).ok())
            });
        }
        group.finish();
    }
}

criterion_group!(benches, read_bodies);
criterion_main!(benches);
