//! The driver traits' method lists, and the generators that turn one list into the trait
//! (with libvirt's "not supported" defaults) and into every forwarding implementation.
//!
//! Each trait's methods are written once, in `methods/<kind>.rs`, as a macro that hands the
//! list to a callback macro. An entry reads
//!
//! ```text
//! /// virDomainDestroyFlags
//! [wc {flags == 0} "virDomainDestroy" "virDomainDestroyFlags"] fn domain_destroy(dom: &DomainRef, flags: u32) -> VirResult<()>;
//! ```
//!
//! The bracket says what the API is for a read-only connection (libvirt's
//! `virCheckReadOnlyGoto`), naming the public API(s) behind the method:
//! - `[r "Api"]` reads: forwarded as is;
//! - `[w "Api"]` writes: refused as `Api`;
//! - `[wc {cond} "A" "B"]` writes: refused as `A` when `cond` holds, else as `B` (the legacy
//!   API a client picks when no flags are given, as libvirt's remote driver does);
//! - `[s flags "Api"]` reads whose `VIR_*_XML_SECURE` flag is refused.
//!
//! A driver without the method reports the API a `wc` condition picks, or else the last
//! name, as not supported.
//! Adding a method to a list adds it to the trait and to every forwarder at once, so no
//! wrapper can silently answer "not supported" for an API its inner driver has.

mod checkpoint;
mod domain;
mod interface;
mod network;
mod nodedev;
mod nwfilter;
mod secret;
mod snapshot;
mod storage;

/// Re-exported so generated code names `async_trait` through this crate.
#[doc(hidden)]
pub use async_trait::async_trait as __async_trait;

/// Defines a driver trait from a method list: every method defaults to libvirt's
/// "this function is not supported by the connection driver: API".
#[doc(hidden)]
#[macro_export]
macro_rules! __driver_trait {
    (
        $(#[$tm:meta])* $vis:vis trait $trait:ident, $dom:ident;
        $( $(#[$m:meta])* [$kind:ident $({$($cond:tt)*})? $($flag:ident)? $($api:literal)+]
           fn $name:ident($($arg:ident : $ty:ty),* $(,)?) -> $ret:ty; )*
    ) => {
        $(#[$tm])*
        #[$crate::driver::__async_trait]
        $vis trait $trait: Send + Sync {
            $(
                $(#[$m])*
                #[allow(unused_variables)]
                async fn $name(&self, $($arg: $ty),*) -> $ret {
                    Err($crate::error::VirError::no_support_in(
                        $crate::error::ErrorDomain::$dom,
                        $crate::__unsupported_api!($kind [$({$($cond)*})?] [$($api)+]),
                    ))
                }
            )*
        }
    };
}

/// Implements a driver trait by forwarding every method to what `self.$getter()` returns.
#[doc(hidden)]
#[macro_export]
macro_rules! __forward_impl {
    (
        $trait:ident for $target:ty => $getter:ident();
        $( $(#[$m:meta])* [$kind:ident $({$($cond:tt)*})? $($flag:ident)? $($api:literal)+]
           fn $name:ident($($arg:ident : $ty:ty),* $(,)?) -> $ret:ty; )*
    ) => {
        #[$crate::driver::__async_trait]
        impl $trait for $target {
            $(
                $(#[$m])*
                async fn $name(&self, $($arg: $ty),*) -> $ret {
                    self.$getter().$name($($arg),*).await
                }
            )*
        }
    };
}

/// The API a driver without the method names: for `wc` entries the one the condition picks
/// (the API the caller really used), else the last one.
#[doc(hidden)]
#[macro_export]
macro_rules! __unsupported_api {
    (wc [{$($cond:tt)*}] [$when:literal $otherwise:literal]) => {
        if $($cond)* {
            $when
        } else {
            $otherwise
        }
    };
    ($kind:ident [] [$($api:literal)+]) => {
        $crate::__last_api!($($api)+)
    };
}

/// The last of a list of API names.
#[doc(hidden)]
#[macro_export]
macro_rules! __last_api {
    ($api:literal) => {
        $api
    };
    ($first:literal $($rest:literal)+) => {
        $crate::__last_api!($($rest)+)
    };
}
