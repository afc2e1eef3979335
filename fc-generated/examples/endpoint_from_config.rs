//! Build the request host from configuration: the account id, region and
//! network come from the command line, else from the environment
//! (`FC_ACCOUNT_ID`, `FC_REGION`, `FC_NETWORK`), else from the documents'
//! example.
//!
//! ```sh
//! cargo run --example endpoint_from_config -- 16530750 cn-shanghai internal
//! FC_REGION=ap-southeast-1 cargo run --example endpoint_from_config
//! # A region newer than this crate, spelled out on purpose:
//! cargo run --example endpoint_from_config -- 16530750 unlisted:me-east-1
//! ```

use std::env;
use std::process::ExitCode;
use std::str::FromStr;

use fc_generated::{
    Endpoint, EndpointError, Network, Region, DOMAIN_EXAMPLE_ACCOUNT_ID, DOMAIN_EXAMPLE_REGION,
};

/// A configured value and where it came from, for error messages.
struct Setting {
    value: String,
    source: String,
}

/// The `index`th argument, else the environment variable `var`, else
/// `default`; each names its source, so an error blames the right one.
fn setting(index: usize, what: &str, var: &str, default: &str) -> Setting {
    let (value, source) = match (env::args().nth(index), env::var(var).ok()) {
        (Some(arg), _) => (arg, format!("{what} (argument {index})")),
        (None, Some(value)) => (value, var.to_owned()),
        (None, None) => (
            default.to_owned(),
            format!("{what} (the documents' example)"),
        ),
    };
    Setting { value, source }
}

fn endpoint_from_config() -> Result<Endpoint, String> {
    let account_id = setting(1, "account id", "FC_ACCOUNT_ID", DOMAIN_EXAMPLE_ACCOUNT_ID);
    let region = setting(2, "region", "FC_REGION", DOMAIN_EXAMPLE_REGION.as_str());
    let network = setting(3, "network", "FC_NETWORK", Network::Public.as_str());
    let network = Network::from_str(&network.value)
        .map_err(|error| format!("{}: {error}", network.source))?;

    // Only an explicit `unlisted:` prefix skips the check against the known
    // regions, so a typo is reported instead of building a dead host.
    let endpoint = match region.value.strip_prefix("unlisted:") {
        Some(region_id) => Endpoint::for_unlisted_region(&account_id.value, region_id, network),
        None => {
            let listed: Region = region
                .value
                .parse()
                .map_err(|error| format!("{}: {error}", region.source))?;
            Endpoint::new(&account_id.value, listed, network)
        }
    };
    endpoint.map_err(|error| {
        let source = match error {
            EndpointError::EmptyAccountId
            | EndpointError::AccountIdNotDigit { .. }
            | EndpointError::AccountIdTooLong { .. } => &account_id.source,
            _ => &region.source,
        };
        format!("{source}: {error}")
    })
}

fn main() -> ExitCode {
    match endpoint_from_config() {
        Ok(endpoint) => {
            println!("host:    {endpoint}");
            println!("url:     {}", endpoint.url());
            match endpoint.region() {
                Some(region) => println!(
                    "region:  {region} ({})",
                    region.name(fc_generated::Lang::En)
                ),
                None => println!(
                    "region:  {} (not listed in this crate)",
                    endpoint.region_id()
                ),
            }
            println!("network: {}", endpoint.network());
            ExitCode::SUCCESS
        }
        Err(message) => {
            eprintln!("{message}");
            ExitCode::FAILURE
        }
    }
}
