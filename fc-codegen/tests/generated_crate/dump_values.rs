//! Prints every value the generated crate returns, one `name = {:?}` a line.
//!
//! Not a test of this package: `tests/generated_crate.rs` copies it into a
//! temporary copy of `fc-generated` as an example, runs it, and compares its
//! output with the spec's strings as `fc_codegen::load` reads them.

use fc_generated::{
    doc_title, doc_version, ErrorCode, Lang, Network, Region, DOMAIN_EXAMPLE_ACCOUNT_ID,
    DOMAIN_EXAMPLE_HOST, DOMAIN_EXAMPLE_REGION, DOMAIN_FORMAT, ENDPOINT_DOMAIN, ERROR_CODE_FIELD,
    ERROR_MESSAGE_FIELD,
};

fn main() {
    for lang in [Lang::En, Lang::Zh] {
        println!("doc_title({lang:?}) = {:?}", doc_title(lang));
        println!("doc_version({lang:?}) = {:?}", doc_version(lang));
    }
    println!("DOMAIN_FORMAT = {DOMAIN_FORMAT:?}");
    println!("ENDPOINT_DOMAIN = {ENDPOINT_DOMAIN:?}");
    println!("DOMAIN_EXAMPLE_ACCOUNT_ID = {DOMAIN_EXAMPLE_ACCOUNT_ID:?}");
    println!("DOMAIN_EXAMPLE_REGION = {:?}", DOMAIN_EXAMPLE_REGION.as_str());
    println!("DOMAIN_EXAMPLE_HOST = {DOMAIN_EXAMPLE_HOST:?}");
    println!("ERROR_CODE_FIELD = {ERROR_CODE_FIELD:?}");
    println!("ERROR_MESSAGE_FIELD = {ERROR_MESSAGE_FIELD:?}");
    for (index, &region) in Region::ALL.iter().enumerate() {
        let id = region.as_str();
        println!("regions[{index}].id = {id:?}");
        println!("regions[{index}].name.en = {:?}", region.name(Lang::En));
        println!("regions[{index}].name.zh = {:?}", region.name(Lang::Zh));
        println!(
            "regions[{index}].endpoint.public = {:?}",
            region.endpoint(Network::Public)
        );
        println!(
            "regions[{index}].endpoint.internal = {:?}",
            region.endpoint(Network::Internal)
        );
        println!("regions[{index}].display = {:?}", region.to_string());
        println!(
            "regions[{index}].round_trips = {:?}",
            Region::lookup(id) == Some(region) && id.parse::<Region>() == Ok(region)
        );
    }
    for (index, &error) in ErrorCode::ALL.iter().enumerate() {
        let code = error.as_str();
        println!("errors[{index}].code = {code:?}");
        println!("errors[{index}].http_status = {:?}", error.http_status());
        println!("errors[{index}].cause.en = {:?}", error.cause(Lang::En));
        println!("errors[{index}].cause.zh = {:?}", error.cause(Lang::Zh));
        println!(
            "errors[{index}].solution.en = {:?}",
            error.solution(Lang::En)
        );
        println!(
            "errors[{index}].solution.zh = {:?}",
            error.solution(Lang::Zh)
        );
        println!("errors[{index}].retryable = {:?}", error.is_retryable());
        println!("errors[{index}].display = {:?}", error.to_string());
        println!(
            "errors[{index}].round_trips = {:?}",
            ErrorCode::lookup(code) == Some(error) && code.parse::<ErrorCode>() == Ok(error)
        );
    }
}
