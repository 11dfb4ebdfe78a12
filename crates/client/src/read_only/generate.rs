//! The generator that turns one of core's driver method lists into the read-only wrapper's
//! implementation of that trait (entry format: `rvirt_core::driver` `methods` module).

/// One method's body, by the entry's read-only kind (`r`, `w`, `wc`, `s`).
macro_rules! read_only_body {
    (r [] [$($api:literal)+] $dom:ident $s:ident $name:ident ($($arg:ident),*)) => {
        $s.inner.$name($($arg),*).await
    };
    (w [] [$api:literal $($rest:literal)*] $dom:ident $s:ident $name:ident ($($arg:ident),*)) => {
        Err($crate::read_only::denied(rvirt_core::error::ErrorDomain::$dom, $api))
    };
    (wc [{$($cond:tt)*}] [$when:literal $otherwise:literal] $dom:ident $s:ident $name:ident ($($arg:ident),*)) => {
        Err($crate::read_only::denied(
            rvirt_core::error::ErrorDomain::$dom,
            if $($cond)* { $when } else { $otherwise },
        ))
    };
    (s [$flags:ident] [$api:literal] $dom:ident $s:ident $name:ident ($($arg:ident),*)) => {{
        $crate::read_only::secure_flag(rvirt_core::error::ErrorDomain::$dom, $api, $flags)?;
        $s.inner.$name($($arg),*).await
    }};
}

/// Implements a driver trait for `ReadOnlyConnection` from its method list.
macro_rules! read_only_impl {
    (
        $trait:ident for $target:ty, $dom:ident;
        $( $(#[$m:meta])* [$kind:ident $({$($cond:tt)*})? $($flag:ident)? $($api:literal)+]
           fn $name:ident($($arg:ident : $ty:ty),* $(,)?) -> $ret:ty; )*
    ) => {
        #[rvirt_core::driver::__async_trait]
        impl $trait for $target {
            $(
                $(#[$m])*
                #[allow(unused_variables)]
                async fn $name(&self, $($arg: $ty),*) -> $ret {
                    read_only_body!($kind [$({$($cond)*})? $($flag)?] [$($api)+] $dom self $name ($($arg),*))
                }
            )*
        }
    };
}
