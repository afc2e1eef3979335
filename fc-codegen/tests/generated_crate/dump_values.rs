//! Writes every value the generated crate returns back out as a spec folder,
//! through fc-codegen's spec model and writer, into the folder named by its
//! argument; prints the values that are not spec data, and every entry
//! whose `Display` or parse does not give it back.
//!
//! Not a test of this package: `tests/generated_crate.rs` copies it into a
//! temporary copy of `fc-generated` as an example, runs it, and compares the
//! spec it wrote with the spec the crate was built from, as
//! `fc_codegen::load` reads both. A field added to the model fails to
//! compile here until the crate returns it.

use std::path::PathBuf;

use fc_codegen::spec::{
    DocumentSpec, Documents, DomainExample, DomainSpec, EndpointSpec, ErrorAnnotation,
    ErrorBodySpec, ErrorSpec, Localized, RegionSpec, ServiceSpec, Spec,
};
use fc_generated::{
    doc_title, doc_version, ErrorCode, Lang, Network, Region, DOMAIN_EXAMPLE_ACCOUNT_ID,
    DOMAIN_EXAMPLE_HOST, DOMAIN_EXAMPLE_REGION, DOMAIN_FORMAT, ENDPOINT_DOMAIN, ERROR_CODE_FIELD,
    ERROR_MESSAGE_FIELD,
};

fn main() {
    let dir = PathBuf::from(std::env::args_os().nth(1).expect("usage: dump_values DIR"));
    for (name, text) in fc_codegen::write::render_spec(&spec_from_crate()) {
        std::fs::write(dir.join(name), text).expect("DIR is writable");
    }
    println!("ENDPOINT_DOMAIN = {ENDPOINT_DOMAIN:?}");
    for (index, &region) in Region::ALL.iter().enumerate() {
        let id = region.as_str();
        let round_trips = region.to_string() == id
            && Region::lookup(id) == Some(region)
            && id.parse::<Region>() == Ok(region);
        if !round_trips {
            println!("regions[{index}] ({id:?}) does not round-trip");
        }
    }
    for (index, &error) in ErrorCode::ALL.iter().enumerate() {
        let code = error.as_str();
        let round_trips = error.to_string() == code
            && ErrorCode::lookup(code) == Some(error)
            && code.parse::<ErrorCode>() == Ok(error);
        if !round_trips {
            println!("errors[{index}] ({code:?}) does not round-trip");
        }
    }
}

/// The spec as the generated crate returns it.
fn spec_from_crate() -> Spec {
    let document = |lang| DocumentSpec {
        title: doc_title(lang).to_owned(),
        version: doc_version(lang).to_owned(),
    };
    Spec {
        service: ServiceSpec {
            documents: Documents {
                en: document(Lang::En),
                zh: document(Lang::Zh),
            },
            domain: DomainSpec {
                format: DOMAIN_FORMAT.to_owned(),
                example: DomainExample {
                    account_id: DOMAIN_EXAMPLE_ACCOUNT_ID.to_owned(),
                    region: DOMAIN_EXAMPLE_REGION.as_str().to_owned(),
                    host: DOMAIN_EXAMPLE_HOST.to_owned(),
                },
            },
            error_body: ErrorBodySpec {
                code_field: ERROR_CODE_FIELD.to_owned(),
                message_field: ERROR_MESSAGE_FIELD.to_owned(),
            },
        },
        regions: Region::ALL.iter().map(|&region| region_spec(region)).collect(),
        errors: ErrorCode::ALL.iter().map(|&error| error_spec(error)).collect(),
    }
}

fn region_spec(region: Region) -> RegionSpec {
    RegionSpec {
        id: region.as_str().to_owned(),
        name: localized(|lang| region.name(lang)),
        endpoint: EndpointSpec {
            public: region.endpoint(Network::Public).to_owned(),
            internal: region.endpoint(Network::Internal).to_owned(),
        },
    }
}

fn error_spec(error: ErrorCode) -> ErrorSpec {
    ErrorSpec {
        code: error.as_str().to_owned(),
        http_status: error.http_status(),
        message: error.message_template().map(str::to_owned),
        cause: localized(|lang| error.cause(lang)),
        solution: localized(|lang| error.solution(lang)),
        annotation: ErrorAnnotation {
            retryable: error.is_retryable(),
            // The reason is rustdoc only, not a value of the crate; the
            // test leaves it out of the comparison (tests/rustdoc_text.rs
            // checks it in the docs).
            reason: String::new(),
        },
    }
}

fn localized(text: impl Fn(Lang) -> &'static str) -> Localized {
    Localized {
        en: text(Lang::En).to_owned(),
        zh: text(Lang::Zh).to_owned(),
    }
}
