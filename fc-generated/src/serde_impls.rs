//! Feature `serde`: the enums serialize as their wire strings and
//! deserialize through `FromStr`, so an unknown value is an error that names it.

use core::fmt;

use serde::de::{Error, Visitor};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::{ErrorCode, Region};

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
    id,
    "a Function Compute region id such as \"cn-hangzhou\""
);
serde_as_str!(
    ErrorCode,
    as_str,
    "a Function Compute error code such as \"InvalidArgument\""
);
