//! Types shaped like libvirt's `.x` definitions, used by the other test modules.

use rvirt_xdr::{CharArray, Chars, Opaque, Xdr};

pub const REMOTE_DOMAIN_LIST_MAX: u32 = 16384;
pub const REMOTE_SECURITY_MODEL_MAX: u32 = 257;

/// remote_nonnull_domain
#[derive(Xdr, Debug, Clone, PartialEq)]
pub struct NonnullDomain {
    pub name: String,
    pub uuid: [u8; 16],
    pub id: i32,
}

/// remote_connect_list_all_domains_ret
#[derive(Xdr, Debug, Clone, PartialEq)]
pub struct ListAllDomainsRet {
    #[xdr(max = REMOTE_DOMAIN_LIST_MAX)]
    pub domains: Vec<NonnullDomain>,
    pub ret: u32,
}

/// remote_node_get_info_ret
#[derive(Xdr, Debug, Clone, PartialEq)]
pub struct NodeGetInfoRet {
    pub model: CharArray<32>,
    pub memory: u64,
    pub cpus: i32,
    pub mhz: i32,
    pub nodes: i32,
    pub sockets: i32,
    pub cores: i32,
    pub threads: i32,
}

/// remote_domain_get_info_ret (uchar state, ushort nrVirtCpu)
#[derive(Xdr, Debug, Clone, PartialEq)]
pub struct DomainGetInfoRet {
    pub state: u8,
    pub max_mem: u64,
    pub memory: u64,
    pub nr_virt_cpu: u16,
    pub cpu_time: u64,
}

/// remote_node_get_security_model_ret
#[derive(Xdr, Debug, Clone, PartialEq)]
pub struct SecurityModelRet {
    #[xdr(max = REMOTE_SECURITY_MODEL_MAX)]
    pub model: Chars,
    #[xdr(max = REMOTE_SECURITY_MODEL_MAX)]
    pub doi: Chars,
}

/// remote_typed_param_value
#[derive(Xdr, Debug, Clone, PartialEq)]
pub enum TypedParamValue {
    #[xdr(discriminant = 1)]
    Int(i32),
    #[xdr(discriminant = 2)]
    UInt(u32),
    #[xdr(discriminant = 3)]
    LLong(i64),
    #[xdr(discriminant = 4)]
    ULLong(u64),
    #[xdr(discriminant = 5)]
    Double(f64),
    #[xdr(discriminant = 6)]
    Boolean(i32),
    #[xdr(discriminant = 7)]
    String(String),
}

/// remote_typed_param
#[derive(Xdr, Debug, Clone, PartialEq)]
pub struct TypedParam {
    pub field: String,
    pub value: TypedParamValue,
}

/// An XDR enum numbered by `#[repr(i32)]`.
#[derive(Xdr, Debug, Clone, Copy, PartialEq, Eq)]
#[repr(i32)]
pub enum Lifecycle {
    Defined = 0,
    Undefined,
    Started,
    Stopped = 5,
}

const SHUTDOWN: i32 = 6;

/// An XDR enum numbered by attributes.
#[derive(Xdr, Debug, Clone, Copy, PartialEq, Eq)]
pub enum Event {
    #[xdr(value = 2)]
    Started,
    #[xdr(value = SHUTDOWN)]
    Shutdown,
}

/// A union with void arms, a bounded arm and a catch-all.
#[derive(Xdr, Debug, Clone, PartialEq)]
pub enum Status {
    #[xdr(discriminant = 0)]
    Ok,
    #[xdr(discriminant = 1)]
    Error(#[xdr(max = 8)] Option<String>),
    #[xdr(default)]
    Other(i32),
}

/// Tuple struct with a bounded opaque.
#[derive(Xdr, Debug, Clone, PartialEq)]
pub struct Blob(pub u32, #[xdr(max = 64)] pub Opaque);

/// void
#[derive(Xdr, Debug, Clone, PartialEq)]
pub struct Void;

/// Every other supported construct in one struct.
#[derive(Xdr, Debug, Clone, PartialEq)]
pub struct Kitchen {
    pub flag: bool,
    pub small: i8,
    pub short: i16,
    pub opt_dom: Option<NonnullDomain>,
    #[xdr(max = 4)]
    pub opt_str: Option<String>,
    #[xdr(max = 8)]
    pub params: Vec<TypedParam>,
    pub words: [u32; 3],
    pub bytes: Vec<u8>,
    pub event: Event,
    pub lifecycle: Lifecycle,
    pub status: Status,
    pub blob: Blob,
    pub void: Void,
    pub unit: (),
}
