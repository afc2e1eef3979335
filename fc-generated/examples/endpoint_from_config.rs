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

use fc_generated::{Endpoint, Network, Region, DOMAIN_EXAMPLE_ACCOUNT_ID, DOMAIN_EXAMPLE_REGION};

/// The `index`th argument, else the environment variable `var`.
fn setting(index: usize, var: &str) -> Option<String> {
    env::args().nth(index).or_else(|| env::var(var).ok())
}

fn endpoint_from_config() -> Result<Endpoint, String> {
    let account_id =
        setting(1, "FC_ACCOUNT_ID").unwrap_or_else(|| DOMAIN_EXAMPLE_ACCOUNT_ID.to_owned());
    let region =
        setting(2, "FC_REGION").unwrap_or_else(|| DOMAIN_EXAMPLE_REGION.as_str().to_owned());
    let network = match setting(3, "FC_NETWORK") {
        Some(network) => {
            Network::from_str(&network).map_err(|error| format!("FC_NETWORK: {error}"))?
        }
        None => Network::Public,
    };

    // Only an explicit `unlisted:` prefix skips the check against the known
    // regions, so a typo is reported instead of building a dead host.
    let endpoint = match region.strip_prefix("unlisted:") {
        Some(region_id) => Endpoint::for_unlisted_region(&account_id, region_id, network),
        None => {
            let region: Region = region
                .parse()
                .map_err(|error| format!("FC_REGION: {error}"))?;
            Endpoint::new(&account_id, region, network)
        }
    };
    endpoint.map_err(|error| format!("invalid endpoint configuration: {error}"))
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
