//! Feature `serde`: the enums serialize as their wire strings and an
//! `Endpoint` as its host; all deserialize through `FromStr`, so an unknown
//! value is an error that names it.

use core::fmt;

use serde::de::{Error, Visitor};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::{Endpoint, ErrorCode, Lang, Network, Region};

macro_rules! serde_as_str {
    ($target:ident, $name:ident, $expecting:literal) => {
        impl Serialize for $target {
            fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                serializer.serialize_str(self.$name())
            }
        }

        impl<'de> Deserialize<'de> for $target {
            fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                struct StrVisitor;

                impl Visitor<'_> for StrVisitor {
                    type Value = $target;

                    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                        f.write_str($expecting)
                    }

                    fn visit_str<E: Error>(self, value: &str) -> Result<$target, E> {
                        value.parse().map_err(E::custom)
                    }
                }

                deserializer.deserialize_str(StrVisitor)
            }
        }
    };
}

serde_as_str!(
    Region,
    as_str,
    "a Function Compute region id such as \"cn-hangzhou\""
);
serde_as_str!(
    ErrorCode,
    as_str,
    "a Function Compute error code such as \"InvalidArgument\""
);
serde_as_str!(Lang, as_str, "a language, \"en\" or \"zh\"");
serde_as_str!(Network, as_str, "a network, \"public\" or \"internal\"");
// Strict like `FromStr`: a host of an unlisted region does not deserialize,
// so a typo in a config file is an error rather than a dead host.
serde_as_str!(
    Endpoint,
    host,
    "a Function Compute host such as \"16530750.cn-shanghai.fc.aliyuncs.com\""
);
