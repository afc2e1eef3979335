//! The enum lookups and the message templates never touch the heap: parsing
//! (hit and miss), the accessors that return `&'static str`, and reading a
//! message against a template. A counting global allocator, per thread so
//! that tests running in parallel do not see each other's counts.

use std::alloc::{GlobalAlloc, Layout, System};
use std::cell::Cell;

use fc_generated::{
    doc_title, doc_version, ApiError, ErrorCode, Lang, MessageTemplate, Network, Region,
};

struct CountingAllocator;

thread_local! {
    // `const` and `Cell<usize>`: no lazy init and no destructor, so touching
    // it from inside the allocator cannot allocate or recurse.
    static ALLOCATIONS: Cell<usize> = const { Cell::new(0) };
}

// SAFETY: every call is forwarded unchanged to `System`; the counter is a
// thread-local `Cell` that needs no allocation.
unsafe impl GlobalAlloc for CountingAllocator {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        ALLOCATIONS.with(|count| count.set(count.get() + 1));
        System.alloc(layout)
    }

    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        ALLOCATIONS.with(|count| count.set(count.get() + 1));
        System.alloc_zeroed(layout)
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        ALLOCATIONS.with(|count| count.set(count.get() + 1));
        System.realloc(ptr, layout, new_size)
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        System.dealloc(ptr, layout)
    }
}

#[global_allocator]
static ALLOCATOR: CountingAllocator = CountingAllocator;

/// How many allocations `f` made on this thread, with its result.
fn allocations<R>(f: impl FnOnce() -> R) -> (usize, R) {
    let before = ALLOCATIONS.with(Cell::get);
    let result = std::hint::black_box(f());
    (ALLOCATIONS.with(Cell::get) - before, result)
}

#[test]
fn the_counter_sees_an_allocation() {
    let (count, text) = allocations(|| Region::CnHangzhou.to_string());
    assert!(count >= 1, "to_string allocated {count} times");
    assert_eq!(text, "cn-hangzhou");
}

#[test]
fn region_from_str_allocates_nothing_on_hit_or_miss() {
    let (count, hit) = allocations(|| "cn-shenzhen".parse::<Region>());
    assert_eq!((count, hit), (0, Ok(Region::CnShenzhen)));

    let (count, miss) = allocations(|| "cn-shenzen".parse::<Region>());
    assert_eq!(count, 0);
    let error = miss.unwrap_err();
    let (count, input) = allocations(|| (error.input().len(), error.is_truncated()));
    assert_eq!((count, input), (0, ("cn-shenzen".len(), false)));

    let long = "x".repeat(10_000);
    let (count, miss) = allocations(|| long.parse::<Region>());
    assert_eq!(count, 0);
    assert!(miss.unwrap_err().is_truncated());
}

#[test]
fn error_code_from_str_allocates_nothing_on_hit_or_miss() {
    let (count, hit) = allocations(|| "SignatureNotMatch".parse::<ErrorCode>());
    assert_eq!((count, hit), (0, Ok(ErrorCode::SignatureNotMatch)));

    let (count, miss) = allocations(|| "FunctionNotFound".parse::<ErrorCode>());
    assert_eq!(count, 0);
    assert_eq!(miss.unwrap_err().input(), "FunctionNotFound");
}

#[test]
fn exact_lookups_allocate_nothing() {
    let (count, found) = allocations(|| {
        (
            Region::lookup("us-west-1"),
            Region::lookup("US-WEST-1"),
            ErrorCode::lookup("ResourceThrottled"),
            ErrorCode::lookup("resourcethrottled"),
            Lang::lookup("zh"),
            Network::lookup("vpc"),
            Region::try_from("cn-shanghai").ok(),
        )
    });
    assert_eq!(count, 0);
    assert_eq!(
        found,
        (
            Some(Region::UsWest1),
            None,
            Some(ErrorCode::ResourceThrottled),
            None,
            Some(Lang::Zh),
            None,
            Some(Region::CnShanghai),
        )
    );
}

#[test]
fn accessors_allocate_nothing() {
    let (count, total_len) = allocations(|| {
        let mut total = 0;
        for &region in Region::ALL {
            total += region.as_str().len();
            for &lang in Lang::ALL {
                total += region.name(lang).len();
            }
            for &network in Network::ALL {
                total += region.endpoint(network).len();
            }
        }
        for &code in ErrorCode::ALL {
            total += code.as_str().len() + usize::from(code.http_status());
            total += usize::from(code.is_retryable());
            total += usize::from(code.retry_class().is_retryable());
            for &lang in Lang::ALL {
                total += code.cause(lang).len() + code.solution(lang).len();
            }
        }
        for &lang in Lang::ALL {
            total += doc_version(lang).len() + doc_title(lang).len();
        }
        total
    });
    assert_eq!(count, 0);
    assert!(total_len > 0);
}

#[test]
fn reading_a_message_against_its_template_allocates_nothing() {
    let template = MessageTemplate::new("alias '%s' of service '%s' does not exist");
    let message = "alias 'prod' of service 'demo' does not exist";
    let (count, read) = allocations(|| {
        let mut values = template.values(message)?;
        Some((
            values.next()?,
            values.next()?,
            values.next(),
            template.placeholders(),
        ))
    });
    assert_eq!(count, 0);
    assert_eq!(read, Some(("prod", "demo", None, 2)));

    let (count, misses) = allocations(|| {
        (
            template.values("alias 'prod' does not exist").is_none(),
            template.values("").is_none(),
            MessageTemplate::new("%s")
                .values("x")
                .map(|values| values.len()),
        )
    });
    assert_eq!((count, misses), (0, (true, true, Some(1))));
}

#[test]
fn an_api_errors_template_and_values_allocate_nothing() {
    let body = br#"{"ErrorCode":"MissingRequiredHeader","ErrorMessage":"required HTTP header Date was not specified"}"#;
    let errors = [
        ApiError::from_response(400, None, body),
        ApiError::from_response(404, None, br#"{"ErrorCode":"FunctionNotFound"}"#),
        ApiError::from_response(502, None, b"<html>Bad Gateway</html>"),
    ];
    let (count, read) = allocations(|| {
        let mut total = 0;
        for error in &errors {
            total += error
                .message_template()
                .map_or(0, |template| template.as_str().len());
            if let Some(values) = error.template_values() {
                total += values.map(str::len).sum::<usize>();
            }
        }
        total
    });
    assert_eq!(count, 0);
    std::hint::black_box(read);
}
