//! Typed procedure markers: one zero-sized type per REMOTE procedure tying its number to its
//! CALL and REPLY body types, plus a body re-encoder for every procedure.
//!
//! A client calls e.g. `call::<procs::DomainLookupByName>(&args)`; for event procedures
//! (`ProcedureInfo::event`), `Args` is the MESSAGE body (`*Msg`) and `Ret` is `()`.

use bytes::BytesMut;
use rvirt_xdr::{Decode, Encode, XdrError};

use super::*;
use crate::REMOTE_PROGRAM;

/// A procedure of one of libvirt's RPC programs, tying its number to its body types.
pub trait Procedure {
    /// Program number (`REMOTE_PROGRAM`, `QEMU_PROGRAM`, …).
    const PROGRAM: u32;
    /// Procedure number within the program.
    const NUMBER: i32;
    /// Name without the program prefix (`REMOTE_PROC_`, `QEMU_PROC_`).
    const NAME: &'static str;
    /// CALL body (for event procedures: the MESSAGE body); `()` when void.
    type Args: Encode + Decode;
    /// REPLY body; `()` when void.
    type Ret: Encode + Decode;
}

/// Which body of a procedure a byte string holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum BodyPart {
    /// The CALL body, or the MESSAGE body of an event procedure.
    Args,
    /// The REPLY body (status OK).
    Ret,
}

fn reencode<T: Encode + Decode>(body: &[u8]) -> Result<BytesMut, XdrError> {
    rvirt_xdr::to_bytes(&rvirt_xdr::from_bytes::<T>(body)?)
}

macro_rules! procedures {
    ($($num:literal $marker:ident $name:literal: $args:ty => $ret:ty;)*) => {
        $(
            #[doc = concat!("`REMOTE_PROC_", $name, "` (", stringify!($num), ").")]
            #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
            pub struct $marker;

            impl Procedure for $marker {
                const PROGRAM: u32 = REMOTE_PROGRAM;
                const NUMBER: i32 = $num;
                const NAME: &'static str = $name;
                type Args = $args;
                type Ret = $ret;
            }
        )*

        /// Decodes `body` as the given body of REMOTE procedure `num` and encodes it again:
        /// a canonical copy, or the decoding error. `None` for unknown procedures. Trailing
        /// bytes after the body are dropped (libvirtd ignores them too).
        pub fn reencode_body(
            num: i32,
            part: BodyPart,
            body: &[u8],
        ) -> Option<Result<BytesMut, XdrError>> {
            Some(match (num, part) {
                $(
                    ($num, BodyPart::Args) => reencode::<$args>(body),
                    ($num, BodyPart::Ret) => reencode::<$ret>(body),
                )*
                _ => return None,
            })
        }

        /// `(number, name)` of every procedure marker, for cross-checks against the table.
        pub const MARKERS: &[(i32, &str)] = &[$(($num, $name)),*];
    };
}

procedures! {
    1 ConnectOpen "CONNECT_OPEN": ConnectOpenArgs => ();
    2 ConnectClose "CONNECT_CLOSE": () => ();
    3 ConnectGetType "CONNECT_GET_TYPE": () => ConnectGetTypeRet;
    4 ConnectGetVersion "CONNECT_GET_VERSION": () => ConnectGetVersionRet;
    5 ConnectGetMaxVcpus "CONNECT_GET_MAX_VCPUS": ConnectGetMaxVcpusArgs => ConnectGetMaxVcpusRet;
    6 NodeGetInfo "NODE_GET_INFO": () => NodeGetInfoRet;
    7 ConnectGetCapabilities "CONNECT_GET_CAPABILITIES": () => ConnectGetCapabilitiesRet;
    8 DomainAttachDevice "DOMAIN_ATTACH_DEVICE": DomainAttachDeviceArgs => ();
    9 DomainCreate "DOMAIN_CREATE": DomainCreateArgs => ();
    10 DomainCreateXml "DOMAIN_CREATE_XML": DomainCreateXmlArgs => DomainCreateXmlRet;
    11 DomainDefineXml "DOMAIN_DEFINE_XML": DomainDefineXmlArgs => DomainDefineXmlRet;
    12 DomainDestroy "DOMAIN_DESTROY": DomainDestroyArgs => ();
    13 DomainDetachDevice "DOMAIN_DETACH_DEVICE": DomainDetachDeviceArgs => ();
    14 DomainGetXmlDesc "DOMAIN_GET_XML_DESC": DomainGetXmlDescArgs => DomainGetXmlDescRet;
    15 DomainGetAutostart "DOMAIN_GET_AUTOSTART": DomainGetAutostartArgs => DomainGetAutostartRet;
    16 DomainGetInfo "DOMAIN_GET_INFO": DomainGetInfoArgs => DomainGetInfoRet;
    17 DomainGetMaxMemory "DOMAIN_GET_MAX_MEMORY": DomainGetMaxMemoryArgs => DomainGetMaxMemoryRet;
    18 DomainGetMaxVcpus "DOMAIN_GET_MAX_VCPUS": DomainGetMaxVcpusArgs => DomainGetMaxVcpusRet;
    19 DomainGetOsType "DOMAIN_GET_OS_TYPE": DomainGetOsTypeArgs => DomainGetOsTypeRet;
    20 DomainGetVcpus "DOMAIN_GET_VCPUS": DomainGetVcpusArgs => DomainGetVcpusRet;
    21 ConnectListDefinedDomains "CONNECT_LIST_DEFINED_DOMAINS":
        ConnectListDefinedDomainsArgs => ConnectListDefinedDomainsRet;
    22 DomainLookupById "DOMAIN_LOOKUP_BY_ID": DomainLookupByIdArgs => DomainLookupByIdRet;
    23 DomainLookupByName "DOMAIN_LOOKUP_BY_NAME": DomainLookupByNameArgs => DomainLookupByNameRet;
    24 DomainLookupByUuid "DOMAIN_LOOKUP_BY_UUID": DomainLookupByUuidArgs => DomainLookupByUuidRet;
    25 ConnectNumOfDefinedDomains "CONNECT_NUM_OF_DEFINED_DOMAINS":
        () => ConnectNumOfDefinedDomainsRet;
    26 DomainPinVcpu "DOMAIN_PIN_VCPU": DomainPinVcpuArgs => ();
    27 DomainReboot "DOMAIN_REBOOT": DomainRebootArgs => ();
    28 DomainResume "DOMAIN_RESUME": DomainResumeArgs => ();
    29 DomainSetAutostart "DOMAIN_SET_AUTOSTART": DomainSetAutostartArgs => ();
    30 DomainSetMaxMemory "DOMAIN_SET_MAX_MEMORY": DomainSetMaxMemoryArgs => ();
    31 DomainSetMemory "DOMAIN_SET_MEMORY": DomainSetMemoryArgs => ();
    32 DomainSetVcpus "DOMAIN_SET_VCPUS": DomainSetVcpusArgs => ();
    33 DomainShutdown "DOMAIN_SHUTDOWN": DomainShutdownArgs => ();
    34 DomainSuspend "DOMAIN_SUSPEND": DomainSuspendArgs => ();
    35 DomainUndefine "DOMAIN_UNDEFINE": DomainUndefineArgs => ();
    36 ConnectListDefinedNetworks "CONNECT_LIST_DEFINED_NETWORKS":
        ConnectListDefinedNetworksArgs => ConnectListDefinedNetworksRet;
    37 ConnectListDomains "CONNECT_LIST_DOMAINS": ConnectListDomainsArgs => ConnectListDomainsRet;
    38 ConnectListNetworks "CONNECT_LIST_NETWORKS":
        ConnectListNetworksArgs => ConnectListNetworksRet;
    39 NetworkCreate "NETWORK_CREATE": NetworkCreateArgs => ();
    40 NetworkCreateXml "NETWORK_CREATE_XML": NetworkCreateXmlArgs => NetworkCreateXmlRet;
    41 NetworkDefineXml "NETWORK_DEFINE_XML": NetworkDefineXmlArgs => NetworkDefineXmlRet;
    42 NetworkDestroy "NETWORK_DESTROY": NetworkDestroyArgs => ();
    43 NetworkGetXmlDesc "NETWORK_GET_XML_DESC": NetworkGetXmlDescArgs => NetworkGetXmlDescRet;
    44 NetworkGetAutostart "NETWORK_GET_AUTOSTART":
        NetworkGetAutostartArgs => NetworkGetAutostartRet;
    45 NetworkGetBridgeName "NETWORK_GET_BRIDGE_NAME":
        NetworkGetBridgeNameArgs => NetworkGetBridgeNameRet;
    46 NetworkLookupByName "NETWORK_LOOKUP_BY_NAME":
        NetworkLookupByNameArgs => NetworkLookupByNameRet;
    47 NetworkLookupByUuid "NETWORK_LOOKUP_BY_UUID":
        NetworkLookupByUuidArgs => NetworkLookupByUuidRet;
    48 NetworkSetAutostart "NETWORK_SET_AUTOSTART": NetworkSetAutostartArgs => ();
    49 NetworkUndefine "NETWORK_UNDEFINE": NetworkUndefineArgs => ();
    50 ConnectNumOfDefinedNetworks "CONNECT_NUM_OF_DEFINED_NETWORKS":
        () => ConnectNumOfDefinedNetworksRet;
    51 ConnectNumOfDomains "CONNECT_NUM_OF_DOMAINS": () => ConnectNumOfDomainsRet;
    52 ConnectNumOfNetworks "CONNECT_NUM_OF_NETWORKS": () => ConnectNumOfNetworksRet;
    53 DomainCoreDump "DOMAIN_CORE_DUMP": DomainCoreDumpArgs => ();
    54 DomainRestore "DOMAIN_RESTORE": DomainRestoreArgs => ();
    55 DomainSave "DOMAIN_SAVE": DomainSaveArgs => ();
    56 DomainGetSchedulerType "DOMAIN_GET_SCHEDULER_TYPE":
        DomainGetSchedulerTypeArgs => DomainGetSchedulerTypeRet;
    57 DomainGetSchedulerParameters "DOMAIN_GET_SCHEDULER_PARAMETERS":
        DomainGetSchedulerParametersArgs => DomainGetSchedulerParametersRet;
    58 DomainSetSchedulerParameters "DOMAIN_SET_SCHEDULER_PARAMETERS":
        DomainSetSchedulerParametersArgs => ();
    59 ConnectGetHostname "CONNECT_GET_HOSTNAME": () => ConnectGetHostnameRet;
    60 ConnectSupportsFeature "CONNECT_SUPPORTS_FEATURE":
        ConnectSupportsFeatureArgs => ConnectSupportsFeatureRet;
    61 DomainMigratePrepare "DOMAIN_MIGRATE_PREPARE":
        DomainMigratePrepareArgs => DomainMigratePrepareRet;
    62 DomainMigratePerform "DOMAIN_MIGRATE_PERFORM": DomainMigratePerformArgs => ();
    63 DomainMigrateFinish "DOMAIN_MIGRATE_FINISH":
        DomainMigrateFinishArgs => DomainMigrateFinishRet;
    64 DomainBlockStats "DOMAIN_BLOCK_STATS": DomainBlockStatsArgs => DomainBlockStatsRet;
    65 DomainInterfaceStats "DOMAIN_INTERFACE_STATS":
        DomainInterfaceStatsArgs => DomainInterfaceStatsRet;
    66 AuthList "AUTH_LIST": () => AuthListRet;
    67 AuthSaslInit "AUTH_SASL_INIT": () => AuthSaslInitRet;
    68 AuthSaslStart "AUTH_SASL_START": AuthSaslStartArgs => AuthSaslStartRet;
    69 AuthSaslStep "AUTH_SASL_STEP": AuthSaslStepArgs => AuthSaslStepRet;
    70 AuthPolkit "AUTH_POLKIT": () => AuthPolkitRet;
    71 ConnectNumOfStoragePools "CONNECT_NUM_OF_STORAGE_POOLS": () => ConnectNumOfStoragePoolsRet;
    72 ConnectListStoragePools "CONNECT_LIST_STORAGE_POOLS":
        ConnectListStoragePoolsArgs => ConnectListStoragePoolsRet;
    73 ConnectNumOfDefinedStoragePools "CONNECT_NUM_OF_DEFINED_STORAGE_POOLS":
        () => ConnectNumOfDefinedStoragePoolsRet;
    74 ConnectListDefinedStoragePools "CONNECT_LIST_DEFINED_STORAGE_POOLS":
        ConnectListDefinedStoragePoolsArgs => ConnectListDefinedStoragePoolsRet;
    75 ConnectFindStoragePoolSources "CONNECT_FIND_STORAGE_POOL_SOURCES":
        ConnectFindStoragePoolSourcesArgs => ConnectFindStoragePoolSourcesRet;
    76 StoragePoolCreateXml "STORAGE_POOL_CREATE_XML":
        StoragePoolCreateXmlArgs => StoragePoolCreateXmlRet;
    77 StoragePoolDefineXml "STORAGE_POOL_DEFINE_XML":
        StoragePoolDefineXmlArgs => StoragePoolDefineXmlRet;
    78 StoragePoolCreate "STORAGE_POOL_CREATE": StoragePoolCreateArgs => ();
    79 StoragePoolBuild "STORAGE_POOL_BUILD": StoragePoolBuildArgs => ();
    80 StoragePoolDestroy "STORAGE_POOL_DESTROY": StoragePoolDestroyArgs => ();
    81 StoragePoolDelete "STORAGE_POOL_DELETE": StoragePoolDeleteArgs => ();
    82 StoragePoolUndefine "STORAGE_POOL_UNDEFINE": StoragePoolUndefineArgs => ();
    83 StoragePoolRefresh "STORAGE_POOL_REFRESH": StoragePoolRefreshArgs => ();
    84 StoragePoolLookupByName "STORAGE_POOL_LOOKUP_BY_NAME":
        StoragePoolLookupByNameArgs => StoragePoolLookupByNameRet;
    85 StoragePoolLookupByUuid "STORAGE_POOL_LOOKUP_BY_UUID":
        StoragePoolLookupByUuidArgs => StoragePoolLookupByUuidRet;
    86 StoragePoolLookupByVolume "STORAGE_POOL_LOOKUP_BY_VOLUME":
        StoragePoolLookupByVolumeArgs => StoragePoolLookupByVolumeRet;
    87 StoragePoolGetInfo "STORAGE_POOL_GET_INFO": StoragePoolGetInfoArgs => StoragePoolGetInfoRet;
    88 StoragePoolGetXmlDesc "STORAGE_POOL_GET_XML_DESC":
        StoragePoolGetXmlDescArgs => StoragePoolGetXmlDescRet;
    89 StoragePoolGetAutostart "STORAGE_POOL_GET_AUTOSTART":
        StoragePoolGetAutostartArgs => StoragePoolGetAutostartRet;
    90 StoragePoolSetAutostart "STORAGE_POOL_SET_AUTOSTART": StoragePoolSetAutostartArgs => ();
    91 StoragePoolNumOfVolumes "STORAGE_POOL_NUM_OF_VOLUMES":
        StoragePoolNumOfVolumesArgs => StoragePoolNumOfVolumesRet;
    92 StoragePoolListVolumes "STORAGE_POOL_LIST_VOLUMES":
        StoragePoolListVolumesArgs => StoragePoolListVolumesRet;
    93 StorageVolCreateXml "STORAGE_VOL_CREATE_XML":
        StorageVolCreateXmlArgs => StorageVolCreateXmlRet;
    94 StorageVolDelete "STORAGE_VOL_DELETE": StorageVolDeleteArgs => ();
    95 StorageVolLookupByName "STORAGE_VOL_LOOKUP_BY_NAME":
        StorageVolLookupByNameArgs => StorageVolLookupByNameRet;
    96 StorageVolLookupByKey "STORAGE_VOL_LOOKUP_BY_KEY":
        StorageVolLookupByKeyArgs => StorageVolLookupByKeyRet;
    97 StorageVolLookupByPath "STORAGE_VOL_LOOKUP_BY_PATH":
        StorageVolLookupByPathArgs => StorageVolLookupByPathRet;
    98 StorageVolGetInfo "STORAGE_VOL_GET_INFO": StorageVolGetInfoArgs => StorageVolGetInfoRet;
    99 StorageVolGetXmlDesc "STORAGE_VOL_GET_XML_DESC":
        StorageVolGetXmlDescArgs => StorageVolGetXmlDescRet;
    100 StorageVolGetPath "STORAGE_VOL_GET_PATH": StorageVolGetPathArgs => StorageVolGetPathRet;
    101 NodeGetCellsFreeMemory "NODE_GET_CELLS_FREE_MEMORY":
        NodeGetCellsFreeMemoryArgs => NodeGetCellsFreeMemoryRet;
    102 NodeGetFreeMemory "NODE_GET_FREE_MEMORY": () => NodeGetFreeMemoryRet;
    103 DomainBlockPeek "DOMAIN_BLOCK_PEEK": DomainBlockPeekArgs => DomainBlockPeekRet;
    104 DomainMemoryPeek "DOMAIN_MEMORY_PEEK": DomainMemoryPeekArgs => DomainMemoryPeekRet;
    105 ConnectDomainEventRegister "CONNECT_DOMAIN_EVENT_REGISTER":
        () => ConnectDomainEventRegisterRet;
    106 ConnectDomainEventDeregister "CONNECT_DOMAIN_EVENT_DEREGISTER":
        () => ConnectDomainEventDeregisterRet;
    107 DomainEventLifecycle "DOMAIN_EVENT_LIFECYCLE": DomainEventLifecycleMsg => ();
    108 DomainMigratePrepare2 "DOMAIN_MIGRATE_PREPARE2":
        DomainMigratePrepare2Args => DomainMigratePrepare2Ret;
    109 DomainMigrateFinish2 "DOMAIN_MIGRATE_FINISH2":
        DomainMigrateFinish2Args => DomainMigrateFinish2Ret;
    110 ConnectGetUri "CONNECT_GET_URI": () => ConnectGetUriRet;
    111 NodeNumOfDevices "NODE_NUM_OF_DEVICES": NodeNumOfDevicesArgs => NodeNumOfDevicesRet;
    112 NodeListDevices "NODE_LIST_DEVICES": NodeListDevicesArgs => NodeListDevicesRet;
    113 NodeDeviceLookupByName "NODE_DEVICE_LOOKUP_BY_NAME":
        NodeDeviceLookupByNameArgs => NodeDeviceLookupByNameRet;
    114 NodeDeviceGetXmlDesc "NODE_DEVICE_GET_XML_DESC":
        NodeDeviceGetXmlDescArgs => NodeDeviceGetXmlDescRet;
    115 NodeDeviceGetParent "NODE_DEVICE_GET_PARENT":
        NodeDeviceGetParentArgs => NodeDeviceGetParentRet;
    116 NodeDeviceNumOfCaps "NODE_DEVICE_NUM_OF_CAPS":
        NodeDeviceNumOfCapsArgs => NodeDeviceNumOfCapsRet;
    117 NodeDeviceListCaps "NODE_DEVICE_LIST_CAPS": NodeDeviceListCapsArgs => NodeDeviceListCapsRet;
    118 NodeDeviceDettach "NODE_DEVICE_DETTACH": NodeDeviceDettachArgs => ();
    119 NodeDeviceReAttach "NODE_DEVICE_RE_ATTACH": NodeDeviceReAttachArgs => ();
    120 NodeDeviceReset "NODE_DEVICE_RESET": NodeDeviceResetArgs => ();
    121 DomainGetSecurityLabel "DOMAIN_GET_SECURITY_LABEL":
        DomainGetSecurityLabelArgs => DomainGetSecurityLabelRet;
    122 NodeGetSecurityModel "NODE_GET_SECURITY_MODEL": () => NodeGetSecurityModelRet;
    123 NodeDeviceCreateXml "NODE_DEVICE_CREATE_XML":
        NodeDeviceCreateXmlArgs => NodeDeviceCreateXmlRet;
    124 NodeDeviceDestroy "NODE_DEVICE_DESTROY": NodeDeviceDestroyArgs => ();
    125 StorageVolCreateXmlFrom "STORAGE_VOL_CREATE_XML_FROM":
        StorageVolCreateXmlFromArgs => StorageVolCreateXmlFromRet;
    126 ConnectNumOfInterfaces "CONNECT_NUM_OF_INTERFACES": () => ConnectNumOfInterfacesRet;
    127 ConnectListInterfaces "CONNECT_LIST_INTERFACES":
        ConnectListInterfacesArgs => ConnectListInterfacesRet;
    128 InterfaceLookupByName "INTERFACE_LOOKUP_BY_NAME":
        InterfaceLookupByNameArgs => InterfaceLookupByNameRet;
    129 InterfaceLookupByMacString "INTERFACE_LOOKUP_BY_MAC_STRING":
        InterfaceLookupByMacStringArgs => InterfaceLookupByMacStringRet;
    130 InterfaceGetXmlDesc "INTERFACE_GET_XML_DESC":
        InterfaceGetXmlDescArgs => InterfaceGetXmlDescRet;
    131 InterfaceDefineXml "INTERFACE_DEFINE_XML": InterfaceDefineXmlArgs => InterfaceDefineXmlRet;
    132 InterfaceUndefine "INTERFACE_UNDEFINE": InterfaceUndefineArgs => ();
    133 InterfaceCreate "INTERFACE_CREATE": InterfaceCreateArgs => ();
    134 InterfaceDestroy "INTERFACE_DESTROY": InterfaceDestroyArgs => ();
    135 ConnectDomainXmlFromNative "CONNECT_DOMAIN_XML_FROM_NATIVE":
        ConnectDomainXmlFromNativeArgs => ConnectDomainXmlFromNativeRet;
    136 ConnectDomainXmlToNative "CONNECT_DOMAIN_XML_TO_NATIVE":
        ConnectDomainXmlToNativeArgs => ConnectDomainXmlToNativeRet;
    137 ConnectNumOfDefinedInterfaces "CONNECT_NUM_OF_DEFINED_INTERFACES":
        () => ConnectNumOfDefinedInterfacesRet;
    138 ConnectListDefinedInterfaces "CONNECT_LIST_DEFINED_INTERFACES":
        ConnectListDefinedInterfacesArgs => ConnectListDefinedInterfacesRet;
    139 ConnectNumOfSecrets "CONNECT_NUM_OF_SECRETS": () => ConnectNumOfSecretsRet;
    140 ConnectListSecrets "CONNECT_LIST_SECRETS": ConnectListSecretsArgs => ConnectListSecretsRet;
    141 SecretLookupByUuid "SECRET_LOOKUP_BY_UUID": SecretLookupByUuidArgs => SecretLookupByUuidRet;
    142 SecretDefineXml "SECRET_DEFINE_XML": SecretDefineXmlArgs => SecretDefineXmlRet;
    143 SecretGetXmlDesc "SECRET_GET_XML_DESC": SecretGetXmlDescArgs => SecretGetXmlDescRet;
    144 SecretSetValue "SECRET_SET_VALUE": SecretSetValueArgs => ();
    145 SecretGetValue "SECRET_GET_VALUE": SecretGetValueArgs => SecretGetValueRet;
    146 SecretUndefine "SECRET_UNDEFINE": SecretUndefineArgs => ();
    147 SecretLookupByUsage "SECRET_LOOKUP_BY_USAGE":
        SecretLookupByUsageArgs => SecretLookupByUsageRet;
    148 DomainMigratePrepareTunnel "DOMAIN_MIGRATE_PREPARE_TUNNEL":
        DomainMigratePrepareTunnelArgs => ();
    149 ConnectIsSecure "CONNECT_IS_SECURE": () => ConnectIsSecureRet;
    150 DomainIsActive "DOMAIN_IS_ACTIVE": DomainIsActiveArgs => DomainIsActiveRet;
    151 DomainIsPersistent "DOMAIN_IS_PERSISTENT": DomainIsPersistentArgs => DomainIsPersistentRet;
    152 NetworkIsActive "NETWORK_IS_ACTIVE": NetworkIsActiveArgs => NetworkIsActiveRet;
    153 NetworkIsPersistent "NETWORK_IS_PERSISTENT":
        NetworkIsPersistentArgs => NetworkIsPersistentRet;
    154 StoragePoolIsActive "STORAGE_POOL_IS_ACTIVE":
        StoragePoolIsActiveArgs => StoragePoolIsActiveRet;
    155 StoragePoolIsPersistent "STORAGE_POOL_IS_PERSISTENT":
        StoragePoolIsPersistentArgs => StoragePoolIsPersistentRet;
    156 InterfaceIsActive "INTERFACE_IS_ACTIVE": InterfaceIsActiveArgs => InterfaceIsActiveRet;
    157 ConnectGetLibVersion "CONNECT_GET_LIB_VERSION": () => ConnectGetLibVersionRet;
    158 ConnectCompareCpu "CONNECT_COMPARE_CPU": ConnectCompareCpuArgs => ConnectCompareCpuRet;
    159 DomainMemoryStats "DOMAIN_MEMORY_STATS": DomainMemoryStatsArgs => DomainMemoryStatsRet;
    160 DomainAttachDeviceFlags "DOMAIN_ATTACH_DEVICE_FLAGS": DomainAttachDeviceFlagsArgs => ();
    161 DomainDetachDeviceFlags "DOMAIN_DETACH_DEVICE_FLAGS": DomainDetachDeviceFlagsArgs => ();
    162 ConnectBaselineCpu "CONNECT_BASELINE_CPU": ConnectBaselineCpuArgs => ConnectBaselineCpuRet;
    163 DomainGetJobInfo "DOMAIN_GET_JOB_INFO": DomainGetJobInfoArgs => DomainGetJobInfoRet;
    164 DomainAbortJob "DOMAIN_ABORT_JOB": DomainAbortJobArgs => ();
    165 StorageVolWipe "STORAGE_VOL_WIPE": StorageVolWipeArgs => ();
    166 DomainMigrateSetMaxDowntime "DOMAIN_MIGRATE_SET_MAX_DOWNTIME":
        DomainMigrateSetMaxDowntimeArgs => ();
    167 ConnectDomainEventRegisterAny "CONNECT_DOMAIN_EVENT_REGISTER_ANY":
        ConnectDomainEventRegisterAnyArgs => ();
    168 ConnectDomainEventDeregisterAny "CONNECT_DOMAIN_EVENT_DEREGISTER_ANY":
        ConnectDomainEventDeregisterAnyArgs => ();
    169 DomainEventReboot "DOMAIN_EVENT_REBOOT": DomainEventRebootMsg => ();
    170 DomainEventRtcChange "DOMAIN_EVENT_RTC_CHANGE": DomainEventRtcChangeMsg => ();
    171 DomainEventWatchdog "DOMAIN_EVENT_WATCHDOG": DomainEventWatchdogMsg => ();
    172 DomainEventIoError "DOMAIN_EVENT_IO_ERROR": DomainEventIoErrorMsg => ();
    173 DomainEventGraphics "DOMAIN_EVENT_GRAPHICS": DomainEventGraphicsMsg => ();
    174 DomainUpdateDeviceFlags "DOMAIN_UPDATE_DEVICE_FLAGS": DomainUpdateDeviceFlagsArgs => ();
    175 NwfilterLookupByName "NWFILTER_LOOKUP_BY_NAME":
        NwfilterLookupByNameArgs => NwfilterLookupByNameRet;
    176 NwfilterLookupByUuid "NWFILTER_LOOKUP_BY_UUID":
        NwfilterLookupByUuidArgs => NwfilterLookupByUuidRet;
    177 NwfilterGetXmlDesc "NWFILTER_GET_XML_DESC": NwfilterGetXmlDescArgs => NwfilterGetXmlDescRet;
    178 ConnectNumOfNwfilters "CONNECT_NUM_OF_NWFILTERS": () => ConnectNumOfNwfiltersRet;
    179 ConnectListNwfilters "CONNECT_LIST_NWFILTERS":
        ConnectListNwfiltersArgs => ConnectListNwfiltersRet;
    180 NwfilterDefineXml "NWFILTER_DEFINE_XML": NwfilterDefineXmlArgs => NwfilterDefineXmlRet;
    181 NwfilterUndefine "NWFILTER_UNDEFINE": NwfilterUndefineArgs => ();
    182 DomainManagedSave "DOMAIN_MANAGED_SAVE": DomainManagedSaveArgs => ();
    183 DomainHasManagedSaveImage "DOMAIN_HAS_MANAGED_SAVE_IMAGE":
        DomainHasManagedSaveImageArgs => DomainHasManagedSaveImageRet;
    184 DomainManagedSaveRemove "DOMAIN_MANAGED_SAVE_REMOVE": DomainManagedSaveRemoveArgs => ();
    185 DomainSnapshotCreateXml "DOMAIN_SNAPSHOT_CREATE_XML":
        DomainSnapshotCreateXmlArgs => DomainSnapshotCreateXmlRet;
    186 DomainSnapshotGetXmlDesc "DOMAIN_SNAPSHOT_GET_XML_DESC":
        DomainSnapshotGetXmlDescArgs => DomainSnapshotGetXmlDescRet;
    187 DomainSnapshotNum "DOMAIN_SNAPSHOT_NUM": DomainSnapshotNumArgs => DomainSnapshotNumRet;
    188 DomainSnapshotListNames "DOMAIN_SNAPSHOT_LIST_NAMES":
        DomainSnapshotListNamesArgs => DomainSnapshotListNamesRet;
    189 DomainSnapshotLookupByName "DOMAIN_SNAPSHOT_LOOKUP_BY_NAME":
        DomainSnapshotLookupByNameArgs => DomainSnapshotLookupByNameRet;
    190 DomainHasCurrentSnapshot "DOMAIN_HAS_CURRENT_SNAPSHOT":
        DomainHasCurrentSnapshotArgs => DomainHasCurrentSnapshotRet;
    191 DomainSnapshotCurrent "DOMAIN_SNAPSHOT_CURRENT":
        DomainSnapshotCurrentArgs => DomainSnapshotCurrentRet;
    192 DomainRevertToSnapshot "DOMAIN_REVERT_TO_SNAPSHOT": DomainRevertToSnapshotArgs => ();
    193 DomainSnapshotDelete "DOMAIN_SNAPSHOT_DELETE": DomainSnapshotDeleteArgs => ();
    194 DomainGetBlockInfo "DOMAIN_GET_BLOCK_INFO": DomainGetBlockInfoArgs => DomainGetBlockInfoRet;
    195 DomainEventIoErrorReason "DOMAIN_EVENT_IO_ERROR_REASON": DomainEventIoErrorReasonMsg => ();
    196 DomainCreateWithFlags "DOMAIN_CREATE_WITH_FLAGS":
        DomainCreateWithFlagsArgs => DomainCreateWithFlagsRet;
    197 DomainSetMemoryParameters "DOMAIN_SET_MEMORY_PARAMETERS":
        DomainSetMemoryParametersArgs => ();
    198 DomainGetMemoryParameters "DOMAIN_GET_MEMORY_PARAMETERS":
        DomainGetMemoryParametersArgs => DomainGetMemoryParametersRet;
    199 DomainSetVcpusFlags "DOMAIN_SET_VCPUS_FLAGS": DomainSetVcpusFlagsArgs => ();
    200 DomainGetVcpusFlags "DOMAIN_GET_VCPUS_FLAGS":
        DomainGetVcpusFlagsArgs => DomainGetVcpusFlagsRet;
    201 DomainOpenConsole "DOMAIN_OPEN_CONSOLE": DomainOpenConsoleArgs => ();
    202 DomainIsUpdated "DOMAIN_IS_UPDATED": DomainIsUpdatedArgs => DomainIsUpdatedRet;
    203 ConnectGetSysinfo "CONNECT_GET_SYSINFO": ConnectGetSysinfoArgs => ConnectGetSysinfoRet;
    204 DomainSetMemoryFlags "DOMAIN_SET_MEMORY_FLAGS": DomainSetMemoryFlagsArgs => ();
    205 DomainSetBlkioParameters "DOMAIN_SET_BLKIO_PARAMETERS": DomainSetBlkioParametersArgs => ();
    206 DomainGetBlkioParameters "DOMAIN_GET_BLKIO_PARAMETERS":
        DomainGetBlkioParametersArgs => DomainGetBlkioParametersRet;
    207 DomainMigrateSetMaxSpeed "DOMAIN_MIGRATE_SET_MAX_SPEED": DomainMigrateSetMaxSpeedArgs => ();
    208 StorageVolUpload "STORAGE_VOL_UPLOAD": StorageVolUploadArgs => ();
    209 StorageVolDownload "STORAGE_VOL_DOWNLOAD": StorageVolDownloadArgs => ();
    210 DomainInjectNmi "DOMAIN_INJECT_NMI": DomainInjectNmiArgs => ();
    211 DomainScreenshot "DOMAIN_SCREENSHOT": DomainScreenshotArgs => DomainScreenshotRet;
    212 DomainGetState "DOMAIN_GET_STATE": DomainGetStateArgs => DomainGetStateRet;
    213 DomainMigrateBegin3 "DOMAIN_MIGRATE_BEGIN3":
        DomainMigrateBegin3Args => DomainMigrateBegin3Ret;
    214 DomainMigratePrepare3 "DOMAIN_MIGRATE_PREPARE3":
        DomainMigratePrepare3Args => DomainMigratePrepare3Ret;
    215 DomainMigratePrepareTunnel3 "DOMAIN_MIGRATE_PREPARE_TUNNEL3":
        DomainMigratePrepareTunnel3Args => DomainMigratePrepareTunnel3Ret;
    216 DomainMigratePerform3 "DOMAIN_MIGRATE_PERFORM3":
        DomainMigratePerform3Args => DomainMigratePerform3Ret;
    217 DomainMigrateFinish3 "DOMAIN_MIGRATE_FINISH3":
        DomainMigrateFinish3Args => DomainMigrateFinish3Ret;
    218 DomainMigrateConfirm3 "DOMAIN_MIGRATE_CONFIRM3": DomainMigrateConfirm3Args => ();
    219 DomainSetSchedulerParametersFlags "DOMAIN_SET_SCHEDULER_PARAMETERS_FLAGS":
        DomainSetSchedulerParametersFlagsArgs => ();
    220 InterfaceChangeBegin "INTERFACE_CHANGE_BEGIN": InterfaceChangeBeginArgs => ();
    221 InterfaceChangeCommit "INTERFACE_CHANGE_COMMIT": InterfaceChangeCommitArgs => ();
    222 InterfaceChangeRollback "INTERFACE_CHANGE_ROLLBACK": InterfaceChangeRollbackArgs => ();
    223 DomainGetSchedulerParametersFlags "DOMAIN_GET_SCHEDULER_PARAMETERS_FLAGS":
        DomainGetSchedulerParametersFlagsArgs => DomainGetSchedulerParametersFlagsRet;
    224 DomainEventControlError "DOMAIN_EVENT_CONTROL_ERROR": DomainEventControlErrorMsg => ();
    225 DomainPinVcpuFlags "DOMAIN_PIN_VCPU_FLAGS": DomainPinVcpuFlagsArgs => ();
    226 DomainSendKey "DOMAIN_SEND_KEY": DomainSendKeyArgs => ();
    227 NodeGetCpuStats "NODE_GET_CPU_STATS": NodeGetCpuStatsArgs => NodeGetCpuStatsRet;
    228 NodeGetMemoryStats "NODE_GET_MEMORY_STATS": NodeGetMemoryStatsArgs => NodeGetMemoryStatsRet;
    229 DomainGetControlInfo "DOMAIN_GET_CONTROL_INFO":
        DomainGetControlInfoArgs => DomainGetControlInfoRet;
    230 DomainGetVcpuPinInfo "DOMAIN_GET_VCPU_PIN_INFO":
        DomainGetVcpuPinInfoArgs => DomainGetVcpuPinInfoRet;
    231 DomainUndefineFlags "DOMAIN_UNDEFINE_FLAGS": DomainUndefineFlagsArgs => ();
    232 DomainSaveFlags "DOMAIN_SAVE_FLAGS": DomainSaveFlagsArgs => ();
    233 DomainRestoreFlags "DOMAIN_RESTORE_FLAGS": DomainRestoreFlagsArgs => ();
    234 DomainDestroyFlags "DOMAIN_DESTROY_FLAGS": DomainDestroyFlagsArgs => ();
    235 DomainSaveImageGetXmlDesc "DOMAIN_SAVE_IMAGE_GET_XML_DESC":
        DomainSaveImageGetXmlDescArgs => DomainSaveImageGetXmlDescRet;
    236 DomainSaveImageDefineXml "DOMAIN_SAVE_IMAGE_DEFINE_XML": DomainSaveImageDefineXmlArgs => ();
    237 DomainBlockJobAbort "DOMAIN_BLOCK_JOB_ABORT": DomainBlockJobAbortArgs => ();
    238 DomainGetBlockJobInfo "DOMAIN_GET_BLOCK_JOB_INFO":
        DomainGetBlockJobInfoArgs => DomainGetBlockJobInfoRet;
    239 DomainBlockJobSetSpeed "DOMAIN_BLOCK_JOB_SET_SPEED": DomainBlockJobSetSpeedArgs => ();
    240 DomainBlockPull "DOMAIN_BLOCK_PULL": DomainBlockPullArgs => ();
    241 DomainEventBlockJob "DOMAIN_EVENT_BLOCK_JOB": DomainEventBlockJobMsg => ();
    242 DomainMigrateGetMaxSpeed "DOMAIN_MIGRATE_GET_MAX_SPEED":
        DomainMigrateGetMaxSpeedArgs => DomainMigrateGetMaxSpeedRet;
    243 DomainBlockStatsFlags "DOMAIN_BLOCK_STATS_FLAGS":
        DomainBlockStatsFlagsArgs => DomainBlockStatsFlagsRet;
    244 DomainSnapshotGetParent "DOMAIN_SNAPSHOT_GET_PARENT":
        DomainSnapshotGetParentArgs => DomainSnapshotGetParentRet;
    245 DomainReset "DOMAIN_RESET": DomainResetArgs => ();
    246 DomainSnapshotNumChildren "DOMAIN_SNAPSHOT_NUM_CHILDREN":
        DomainSnapshotNumChildrenArgs => DomainSnapshotNumChildrenRet;
    247 DomainSnapshotListChildrenNames "DOMAIN_SNAPSHOT_LIST_CHILDREN_NAMES":
        DomainSnapshotListChildrenNamesArgs => DomainSnapshotListChildrenNamesRet;
    248 DomainEventDiskChange "DOMAIN_EVENT_DISK_CHANGE": DomainEventDiskChangeMsg => ();
    249 DomainOpenGraphics "DOMAIN_OPEN_GRAPHICS": DomainOpenGraphicsArgs => ();
    250 NodeSuspendForDuration "NODE_SUSPEND_FOR_DURATION": NodeSuspendForDurationArgs => ();
    251 DomainBlockResize "DOMAIN_BLOCK_RESIZE": DomainBlockResizeArgs => ();
    252 DomainSetBlockIoTune "DOMAIN_SET_BLOCK_IO_TUNE": DomainSetBlockIoTuneArgs => ();
    253 DomainGetBlockIoTune "DOMAIN_GET_BLOCK_IO_TUNE":
        DomainGetBlockIoTuneArgs => DomainGetBlockIoTuneRet;
    254 DomainSetNumaParameters "DOMAIN_SET_NUMA_PARAMETERS": DomainSetNumaParametersArgs => ();
    255 DomainGetNumaParameters "DOMAIN_GET_NUMA_PARAMETERS":
        DomainGetNumaParametersArgs => DomainGetNumaParametersRet;
    256 DomainSetInterfaceParameters "DOMAIN_SET_INTERFACE_PARAMETERS":
        DomainSetInterfaceParametersArgs => ();
    257 DomainGetInterfaceParameters "DOMAIN_GET_INTERFACE_PARAMETERS":
        DomainGetInterfaceParametersArgs => DomainGetInterfaceParametersRet;
    258 DomainShutdownFlags "DOMAIN_SHUTDOWN_FLAGS": DomainShutdownFlagsArgs => ();
    259 StorageVolWipePattern "STORAGE_VOL_WIPE_PATTERN": StorageVolWipePatternArgs => ();
    260 StorageVolResize "STORAGE_VOL_RESIZE": StorageVolResizeArgs => ();
    261 DomainPmSuspendForDuration "DOMAIN_PM_SUSPEND_FOR_DURATION":
        DomainPmSuspendForDurationArgs => ();
    262 DomainGetCpuStats "DOMAIN_GET_CPU_STATS": DomainGetCpuStatsArgs => DomainGetCpuStatsRet;
    263 DomainGetDiskErrors "DOMAIN_GET_DISK_ERRORS":
        DomainGetDiskErrorsArgs => DomainGetDiskErrorsRet;
    264 DomainSetMetadata "DOMAIN_SET_METADATA": DomainSetMetadataArgs => ();
    265 DomainGetMetadata "DOMAIN_GET_METADATA": DomainGetMetadataArgs => DomainGetMetadataRet;
    266 DomainBlockRebase "DOMAIN_BLOCK_REBASE": DomainBlockRebaseArgs => ();
    267 DomainPmWakeup "DOMAIN_PM_WAKEUP": DomainPmWakeupArgs => ();
    268 DomainEventTrayChange "DOMAIN_EVENT_TRAY_CHANGE": DomainEventTrayChangeMsg => ();
    269 DomainEventPmwakeup "DOMAIN_EVENT_PMWAKEUP": DomainEventPmwakeupMsg => ();
    270 DomainEventPmsuspend "DOMAIN_EVENT_PMSUSPEND": DomainEventPmsuspendMsg => ();
    271 DomainSnapshotIsCurrent "DOMAIN_SNAPSHOT_IS_CURRENT":
        DomainSnapshotIsCurrentArgs => DomainSnapshotIsCurrentRet;
    272 DomainSnapshotHasMetadata "DOMAIN_SNAPSHOT_HAS_METADATA":
        DomainSnapshotHasMetadataArgs => DomainSnapshotHasMetadataRet;
    273 ConnectListAllDomains "CONNECT_LIST_ALL_DOMAINS":
        ConnectListAllDomainsArgs => ConnectListAllDomainsRet;
    274 DomainListAllSnapshots "DOMAIN_LIST_ALL_SNAPSHOTS":
        DomainListAllSnapshotsArgs => DomainListAllSnapshotsRet;
    275 DomainSnapshotListAllChildren "DOMAIN_SNAPSHOT_LIST_ALL_CHILDREN":
        DomainSnapshotListAllChildrenArgs => DomainSnapshotListAllChildrenRet;
    276 DomainEventBalloonChange "DOMAIN_EVENT_BALLOON_CHANGE": DomainEventBalloonChangeMsg => ();
    277 DomainGetHostname "DOMAIN_GET_HOSTNAME": DomainGetHostnameArgs => DomainGetHostnameRet;
    278 DomainGetSecurityLabelList "DOMAIN_GET_SECURITY_LABEL_LIST":
        DomainGetSecurityLabelListArgs => DomainGetSecurityLabelListRet;
    279 DomainPinEmulator "DOMAIN_PIN_EMULATOR": DomainPinEmulatorArgs => ();
    280 DomainGetEmulatorPinInfo "DOMAIN_GET_EMULATOR_PIN_INFO":
        DomainGetEmulatorPinInfoArgs => DomainGetEmulatorPinInfoRet;
    281 ConnectListAllStoragePools "CONNECT_LIST_ALL_STORAGE_POOLS":
        ConnectListAllStoragePoolsArgs => ConnectListAllStoragePoolsRet;
    282 StoragePoolListAllVolumes "STORAGE_POOL_LIST_ALL_VOLUMES":
        StoragePoolListAllVolumesArgs => StoragePoolListAllVolumesRet;
    283 ConnectListAllNetworks "CONNECT_LIST_ALL_NETWORKS":
        ConnectListAllNetworksArgs => ConnectListAllNetworksRet;
    284 ConnectListAllInterfaces "CONNECT_LIST_ALL_INTERFACES":
        ConnectListAllInterfacesArgs => ConnectListAllInterfacesRet;
    285 ConnectListAllNodeDevices "CONNECT_LIST_ALL_NODE_DEVICES":
        ConnectListAllNodeDevicesArgs => ConnectListAllNodeDevicesRet;
    286 ConnectListAllNwfilters "CONNECT_LIST_ALL_NWFILTERS":
        ConnectListAllNwfiltersArgs => ConnectListAllNwfiltersRet;
    287 ConnectListAllSecrets "CONNECT_LIST_ALL_SECRETS":
        ConnectListAllSecretsArgs => ConnectListAllSecretsRet;
    288 NodeSetMemoryParameters "NODE_SET_MEMORY_PARAMETERS": NodeSetMemoryParametersArgs => ();
    289 NodeGetMemoryParameters "NODE_GET_MEMORY_PARAMETERS":
        NodeGetMemoryParametersArgs => NodeGetMemoryParametersRet;
    290 DomainBlockCommit "DOMAIN_BLOCK_COMMIT": DomainBlockCommitArgs => ();
    291 NetworkUpdate "NETWORK_UPDATE": NetworkUpdateArgs => ();
    292 DomainEventPmsuspendDisk "DOMAIN_EVENT_PMSUSPEND_DISK": DomainEventPmsuspendDiskMsg => ();
    293 NodeGetCpuMap "NODE_GET_CPU_MAP": NodeGetCpuMapArgs => NodeGetCpuMapRet;
    294 DomainFstrim "DOMAIN_FSTRIM": DomainFstrimArgs => ();
    295 DomainSendProcessSignal "DOMAIN_SEND_PROCESS_SIGNAL": DomainSendProcessSignalArgs => ();
    296 DomainOpenChannel "DOMAIN_OPEN_CHANNEL": DomainOpenChannelArgs => ();
    297 NodeDeviceLookupScsiHostByWwn "NODE_DEVICE_LOOKUP_SCSI_HOST_BY_WWN":
        NodeDeviceLookupScsiHostByWwnArgs => NodeDeviceLookupScsiHostByWwnRet;
    298 DomainGetJobStats "DOMAIN_GET_JOB_STATS": DomainGetJobStatsArgs => DomainGetJobStatsRet;
    299 DomainMigrateGetCompressionCache "DOMAIN_MIGRATE_GET_COMPRESSION_CACHE":
        DomainMigrateGetCompressionCacheArgs => DomainMigrateGetCompressionCacheRet;
    300 DomainMigrateSetCompressionCache "DOMAIN_MIGRATE_SET_COMPRESSION_CACHE":
        DomainMigrateSetCompressionCacheArgs => ();
    301 NodeDeviceDetachFlags "NODE_DEVICE_DETACH_FLAGS": NodeDeviceDetachFlagsArgs => ();
    302 DomainMigrateBegin3Params "DOMAIN_MIGRATE_BEGIN3_PARAMS":
        DomainMigrateBegin3ParamsArgs => DomainMigrateBegin3ParamsRet;
    303 DomainMigratePrepare3Params "DOMAIN_MIGRATE_PREPARE3_PARAMS":
        DomainMigratePrepare3ParamsArgs => DomainMigratePrepare3ParamsRet;
    304 DomainMigratePrepareTunnel3Params "DOMAIN_MIGRATE_PREPARE_TUNNEL3_PARAMS":
        DomainMigratePrepareTunnel3ParamsArgs => DomainMigratePrepareTunnel3ParamsRet;
    305 DomainMigratePerform3Params "DOMAIN_MIGRATE_PERFORM3_PARAMS":
        DomainMigratePerform3ParamsArgs => DomainMigratePerform3ParamsRet;
    306 DomainMigrateFinish3Params "DOMAIN_MIGRATE_FINISH3_PARAMS":
        DomainMigrateFinish3ParamsArgs => DomainMigrateFinish3ParamsRet;
    307 DomainMigrateConfirm3Params "DOMAIN_MIGRATE_CONFIRM3_PARAMS":
        DomainMigrateConfirm3ParamsArgs => ();
    308 DomainSetMemoryStatsPeriod "DOMAIN_SET_MEMORY_STATS_PERIOD":
        DomainSetMemoryStatsPeriodArgs => ();
    309 DomainCreateXmlWithFiles "DOMAIN_CREATE_XML_WITH_FILES":
        DomainCreateXmlWithFilesArgs => DomainCreateXmlWithFilesRet;
    310 DomainCreateWithFiles "DOMAIN_CREATE_WITH_FILES":
        DomainCreateWithFilesArgs => DomainCreateWithFilesRet;
    311 DomainEventDeviceRemoved "DOMAIN_EVENT_DEVICE_REMOVED": DomainEventDeviceRemovedMsg => ();
    312 ConnectGetCpuModelNames "CONNECT_GET_CPU_MODEL_NAMES":
        ConnectGetCpuModelNamesArgs => ConnectGetCpuModelNamesRet;
    313 ConnectNetworkEventRegisterAny "CONNECT_NETWORK_EVENT_REGISTER_ANY":
        ConnectNetworkEventRegisterAnyArgs => ConnectNetworkEventRegisterAnyRet;
    314 ConnectNetworkEventDeregisterAny "CONNECT_NETWORK_EVENT_DEREGISTER_ANY":
        ConnectNetworkEventDeregisterAnyArgs => ();
    315 NetworkEventLifecycle "NETWORK_EVENT_LIFECYCLE": NetworkEventLifecycleMsg => ();
    316 ConnectDomainEventCallbackRegisterAny "CONNECT_DOMAIN_EVENT_CALLBACK_REGISTER_ANY":
        ConnectDomainEventCallbackRegisterAnyArgs => ConnectDomainEventCallbackRegisterAnyRet;
    317 ConnectDomainEventCallbackDeregisterAny "CONNECT_DOMAIN_EVENT_CALLBACK_DEREGISTER_ANY":
        ConnectDomainEventCallbackDeregisterAnyArgs => ();
    318 DomainEventCallbackLifecycle "DOMAIN_EVENT_CALLBACK_LIFECYCLE":
        DomainEventCallbackLifecycleMsg => ();
    319 DomainEventCallbackReboot "DOMAIN_EVENT_CALLBACK_REBOOT":
        DomainEventCallbackRebootMsg => ();
    320 DomainEventCallbackRtcChange "DOMAIN_EVENT_CALLBACK_RTC_CHANGE":
        DomainEventCallbackRtcChangeMsg => ();
    321 DomainEventCallbackWatchdog "DOMAIN_EVENT_CALLBACK_WATCHDOG":
        DomainEventCallbackWatchdogMsg => ();
    322 DomainEventCallbackIoError "DOMAIN_EVENT_CALLBACK_IO_ERROR":
        DomainEventCallbackIoErrorMsg => ();
    323 DomainEventCallbackGraphics "DOMAIN_EVENT_CALLBACK_GRAPHICS":
        DomainEventCallbackGraphicsMsg => ();
    324 DomainEventCallbackIoErrorReason "DOMAIN_EVENT_CALLBACK_IO_ERROR_REASON":
        DomainEventCallbackIoErrorReasonMsg => ();
    325 DomainEventCallbackControlError "DOMAIN_EVENT_CALLBACK_CONTROL_ERROR":
        DomainEventCallbackControlErrorMsg => ();
    326 DomainEventCallbackBlockJob "DOMAIN_EVENT_CALLBACK_BLOCK_JOB":
        DomainEventCallbackBlockJobMsg => ();
    327 DomainEventCallbackDiskChange "DOMAIN_EVENT_CALLBACK_DISK_CHANGE":
        DomainEventCallbackDiskChangeMsg => ();
    328 DomainEventCallbackTrayChange "DOMAIN_EVENT_CALLBACK_TRAY_CHANGE":
        DomainEventCallbackTrayChangeMsg => ();
    329 DomainEventCallbackPmwakeup "DOMAIN_EVENT_CALLBACK_PMWAKEUP":
        DomainEventCallbackPmwakeupMsg => ();
    330 DomainEventCallbackPmsuspend "DOMAIN_EVENT_CALLBACK_PMSUSPEND":
        DomainEventCallbackPmsuspendMsg => ();
    331 DomainEventCallbackBalloonChange "DOMAIN_EVENT_CALLBACK_BALLOON_CHANGE":
        DomainEventCallbackBalloonChangeMsg => ();
    332 DomainEventCallbackPmsuspendDisk "DOMAIN_EVENT_CALLBACK_PMSUSPEND_DISK":
        DomainEventCallbackPmsuspendDiskMsg => ();
    333 DomainEventCallbackDeviceRemoved "DOMAIN_EVENT_CALLBACK_DEVICE_REMOVED":
        DomainEventCallbackDeviceRemovedMsg => ();
    334 DomainCoreDumpWithFormat "DOMAIN_CORE_DUMP_WITH_FORMAT": DomainCoreDumpWithFormatArgs => ();
    335 DomainFsfreeze "DOMAIN_FSFREEZE": DomainFsfreezeArgs => DomainFsfreezeRet;
    336 DomainFsthaw "DOMAIN_FSTHAW": DomainFsthawArgs => DomainFsthawRet;
    337 DomainGetTime "DOMAIN_GET_TIME": DomainGetTimeArgs => DomainGetTimeRet;
    338 DomainSetTime "DOMAIN_SET_TIME": DomainSetTimeArgs => ();
    339 DomainEventBlockJob2 "DOMAIN_EVENT_BLOCK_JOB_2": DomainEventBlockJob2Msg => ();
    340 NodeGetFreePages "NODE_GET_FREE_PAGES": NodeGetFreePagesArgs => NodeGetFreePagesRet;
    341 NetworkGetDhcpLeases "NETWORK_GET_DHCP_LEASES":
        NetworkGetDhcpLeasesArgs => NetworkGetDhcpLeasesRet;
    342 ConnectGetDomainCapabilities "CONNECT_GET_DOMAIN_CAPABILITIES":
        ConnectGetDomainCapabilitiesArgs => ConnectGetDomainCapabilitiesRet;
    343 DomainOpenGraphicsFd "DOMAIN_OPEN_GRAPHICS_FD": DomainOpenGraphicsFdArgs => ();
    344 ConnectGetAllDomainStats "CONNECT_GET_ALL_DOMAIN_STATS":
        ConnectGetAllDomainStatsArgs => ConnectGetAllDomainStatsRet;
    345 DomainBlockCopy "DOMAIN_BLOCK_COPY": DomainBlockCopyArgs => ();
    346 DomainEventCallbackTunable "DOMAIN_EVENT_CALLBACK_TUNABLE":
        DomainEventCallbackTunableMsg => ();
    347 NodeAllocPages "NODE_ALLOC_PAGES": NodeAllocPagesArgs => NodeAllocPagesRet;
    348 DomainEventCallbackAgentLifecycle "DOMAIN_EVENT_CALLBACK_AGENT_LIFECYCLE":
        DomainEventCallbackAgentLifecycleMsg => ();
    349 DomainGetFsinfo "DOMAIN_GET_FSINFO": DomainGetFsinfoArgs => DomainGetFsinfoRet;
    350 DomainDefineXmlFlags "DOMAIN_DEFINE_XML_FLAGS":
        DomainDefineXmlFlagsArgs => DomainDefineXmlFlagsRet;
    351 DomainGetIothreadInfo "DOMAIN_GET_IOTHREAD_INFO":
        DomainGetIothreadInfoArgs => DomainGetIothreadInfoRet;
    352 DomainPinIothread "DOMAIN_PIN_IOTHREAD": DomainPinIothreadArgs => ();
    353 DomainInterfaceAddresses "DOMAIN_INTERFACE_ADDRESSES":
        DomainInterfaceAddressesArgs => DomainInterfaceAddressesRet;
    354 DomainEventCallbackDeviceAdded "DOMAIN_EVENT_CALLBACK_DEVICE_ADDED":
        DomainEventCallbackDeviceAddedMsg => ();
    355 DomainAddIothread "DOMAIN_ADD_IOTHREAD": DomainAddIothreadArgs => ();
    356 DomainDelIothread "DOMAIN_DEL_IOTHREAD": DomainDelIothreadArgs => ();
    357 DomainSetUserPassword "DOMAIN_SET_USER_PASSWORD": DomainSetUserPasswordArgs => ();
    358 DomainRename "DOMAIN_RENAME": DomainRenameArgs => DomainRenameRet;
    359 DomainEventCallbackMigrationIteration "DOMAIN_EVENT_CALLBACK_MIGRATION_ITERATION":
        DomainEventCallbackMigrationIterationMsg => ();
    360 ConnectRegisterCloseCallback "CONNECT_REGISTER_CLOSE_CALLBACK": () => ();
    361 ConnectUnregisterCloseCallback "CONNECT_UNREGISTER_CLOSE_CALLBACK": () => ();
    362 ConnectEventConnectionClosed "CONNECT_EVENT_CONNECTION_CLOSED":
        ConnectEventConnectionClosedMsg => ();
    363 DomainEventCallbackJobCompleted "DOMAIN_EVENT_CALLBACK_JOB_COMPLETED":
        DomainEventCallbackJobCompletedMsg => ();
    364 DomainMigrateStartPostCopy "DOMAIN_MIGRATE_START_POST_COPY":
        DomainMigrateStartPostCopyArgs => ();
    365 DomainGetPerfEvents "DOMAIN_GET_PERF_EVENTS":
        DomainGetPerfEventsArgs => DomainGetPerfEventsRet;
    366 DomainSetPerfEvents "DOMAIN_SET_PERF_EVENTS": DomainSetPerfEventsArgs => ();
    367 DomainEventCallbackDeviceRemovalFailed "DOMAIN_EVENT_CALLBACK_DEVICE_REMOVAL_FAILED":
        DomainEventCallbackDeviceRemovalFailedMsg => ();
    368 ConnectStoragePoolEventRegisterAny "CONNECT_STORAGE_POOL_EVENT_REGISTER_ANY":
        ConnectStoragePoolEventRegisterAnyArgs => ConnectStoragePoolEventRegisterAnyRet;
    369 ConnectStoragePoolEventDeregisterAny "CONNECT_STORAGE_POOL_EVENT_DEREGISTER_ANY":
        ConnectStoragePoolEventDeregisterAnyArgs => ();
    370 StoragePoolEventLifecycle "STORAGE_POOL_EVENT_LIFECYCLE":
        StoragePoolEventLifecycleMsg => ();
    371 DomainGetGuestVcpus "DOMAIN_GET_GUEST_VCPUS":
        DomainGetGuestVcpusArgs => DomainGetGuestVcpusRet;
    372 DomainSetGuestVcpus "DOMAIN_SET_GUEST_VCPUS": DomainSetGuestVcpusArgs => ();
    373 StoragePoolEventRefresh "STORAGE_POOL_EVENT_REFRESH": StoragePoolEventRefreshMsg => ();
    374 ConnectNodeDeviceEventRegisterAny "CONNECT_NODE_DEVICE_EVENT_REGISTER_ANY":
        ConnectNodeDeviceEventRegisterAnyArgs => ConnectNodeDeviceEventRegisterAnyRet;
    375 ConnectNodeDeviceEventDeregisterAny "CONNECT_NODE_DEVICE_EVENT_DEREGISTER_ANY":
        ConnectNodeDeviceEventDeregisterAnyArgs => ();
    376 NodeDeviceEventLifecycle "NODE_DEVICE_EVENT_LIFECYCLE": NodeDeviceEventLifecycleMsg => ();
    377 NodeDeviceEventUpdate "NODE_DEVICE_EVENT_UPDATE": NodeDeviceEventUpdateMsg => ();
    378 StorageVolGetInfoFlags "STORAGE_VOL_GET_INFO_FLAGS":
        StorageVolGetInfoFlagsArgs => StorageVolGetInfoFlagsRet;
    379 DomainEventCallbackMetadataChange "DOMAIN_EVENT_CALLBACK_METADATA_CHANGE":
        DomainEventCallbackMetadataChangeMsg => ();
    380 ConnectSecretEventRegisterAny "CONNECT_SECRET_EVENT_REGISTER_ANY":
        ConnectSecretEventRegisterAnyArgs => ConnectSecretEventRegisterAnyRet;
    381 ConnectSecretEventDeregisterAny "CONNECT_SECRET_EVENT_DEREGISTER_ANY":
        ConnectSecretEventDeregisterAnyArgs => ();
    382 SecretEventLifecycle "SECRET_EVENT_LIFECYCLE": SecretEventLifecycleMsg => ();
    383 SecretEventValueChanged "SECRET_EVENT_VALUE_CHANGED": SecretEventValueChangedMsg => ();
    384 DomainSetVcpu "DOMAIN_SET_VCPU": DomainSetVcpuArgs => ();
    385 DomainEventBlockThreshold "DOMAIN_EVENT_BLOCK_THRESHOLD":
        DomainEventBlockThresholdMsg => ();
    386 DomainSetBlockThreshold "DOMAIN_SET_BLOCK_THRESHOLD": DomainSetBlockThresholdArgs => ();
    387 DomainMigrateGetMaxDowntime "DOMAIN_MIGRATE_GET_MAX_DOWNTIME":
        DomainMigrateGetMaxDowntimeArgs => DomainMigrateGetMaxDowntimeRet;
    388 DomainManagedSaveGetXmlDesc "DOMAIN_MANAGED_SAVE_GET_XML_DESC":
        DomainManagedSaveGetXmlDescArgs => DomainManagedSaveGetXmlDescRet;
    389 DomainManagedSaveDefineXml "DOMAIN_MANAGED_SAVE_DEFINE_XML":
        DomainManagedSaveDefineXmlArgs => ();
    390 DomainSetLifecycleAction "DOMAIN_SET_LIFECYCLE_ACTION": DomainSetLifecycleActionArgs => ();
    391 StoragePoolLookupByTargetPath "STORAGE_POOL_LOOKUP_BY_TARGET_PATH":
        StoragePoolLookupByTargetPathArgs => StoragePoolLookupByTargetPathRet;
    392 DomainDetachDeviceAlias "DOMAIN_DETACH_DEVICE_ALIAS": DomainDetachDeviceAliasArgs => ();
    393 ConnectCompareHypervisorCpu "CONNECT_COMPARE_HYPERVISOR_CPU":
        ConnectCompareHypervisorCpuArgs => ConnectCompareHypervisorCpuRet;
    394 ConnectBaselineHypervisorCpu "CONNECT_BASELINE_HYPERVISOR_CPU":
        ConnectBaselineHypervisorCpuArgs => ConnectBaselineHypervisorCpuRet;
    395 NodeGetSevInfo "NODE_GET_SEV_INFO": NodeGetSevInfoArgs => NodeGetSevInfoRet;
    396 DomainGetLaunchSecurityInfo "DOMAIN_GET_LAUNCH_SECURITY_INFO":
        DomainGetLaunchSecurityInfoArgs => DomainGetLaunchSecurityInfoRet;
    397 NwfilterBindingLookupByPortDev "NWFILTER_BINDING_LOOKUP_BY_PORT_DEV":
        NwfilterBindingLookupByPortDevArgs => NwfilterBindingLookupByPortDevRet;
    398 NwfilterBindingGetXmlDesc "NWFILTER_BINDING_GET_XML_DESC":
        NwfilterBindingGetXmlDescArgs => NwfilterBindingGetXmlDescRet;
    399 NwfilterBindingCreateXml "NWFILTER_BINDING_CREATE_XML":
        NwfilterBindingCreateXmlArgs => NwfilterBindingCreateXmlRet;
    400 NwfilterBindingDelete "NWFILTER_BINDING_DELETE": NwfilterBindingDeleteArgs => ();
    401 ConnectListAllNwfilterBindings "CONNECT_LIST_ALL_NWFILTER_BINDINGS":
        ConnectListAllNwfilterBindingsArgs => ConnectListAllNwfilterBindingsRet;
    402 DomainSetIothreadParams "DOMAIN_SET_IOTHREAD_PARAMS": DomainSetIothreadParamsArgs => ();
    403 ConnectGetStoragePoolCapabilities "CONNECT_GET_STORAGE_POOL_CAPABILITIES":
        ConnectGetStoragePoolCapabilitiesArgs => ConnectGetStoragePoolCapabilitiesRet;
    404 NetworkListAllPorts "NETWORK_LIST_ALL_PORTS":
        NetworkListAllPortsArgs => NetworkListAllPortsRet;
    405 NetworkPortLookupByUuid "NETWORK_PORT_LOOKUP_BY_UUID":
        NetworkPortLookupByUuidArgs => NetworkPortLookupByUuidRet;
    406 NetworkPortCreateXml "NETWORK_PORT_CREATE_XML":
        NetworkPortCreateXmlArgs => NetworkPortCreateXmlRet;
    407 NetworkPortGetParameters "NETWORK_PORT_GET_PARAMETERS":
        NetworkPortGetParametersArgs => NetworkPortGetParametersRet;
    408 NetworkPortSetParameters "NETWORK_PORT_SET_PARAMETERS": NetworkPortSetParametersArgs => ();
    409 NetworkPortGetXmlDesc "NETWORK_PORT_GET_XML_DESC":
        NetworkPortGetXmlDescArgs => NetworkPortGetXmlDescRet;
    410 NetworkPortDelete "NETWORK_PORT_DELETE": NetworkPortDeleteArgs => ();
    411 DomainCheckpointCreateXml "DOMAIN_CHECKPOINT_CREATE_XML":
        DomainCheckpointCreateXmlArgs => DomainCheckpointCreateXmlRet;
    412 DomainCheckpointGetXmlDesc "DOMAIN_CHECKPOINT_GET_XML_DESC":
        DomainCheckpointGetXmlDescArgs => DomainCheckpointGetXmlDescRet;
    413 DomainListAllCheckpoints "DOMAIN_LIST_ALL_CHECKPOINTS":
        DomainListAllCheckpointsArgs => DomainListAllCheckpointsRet;
    414 DomainCheckpointListAllChildren "DOMAIN_CHECKPOINT_LIST_ALL_CHILDREN":
        DomainCheckpointListAllChildrenArgs => DomainCheckpointListAllChildrenRet;
    415 DomainCheckpointLookupByName "DOMAIN_CHECKPOINT_LOOKUP_BY_NAME":
        DomainCheckpointLookupByNameArgs => DomainCheckpointLookupByNameRet;
    416 DomainCheckpointGetParent "DOMAIN_CHECKPOINT_GET_PARENT":
        DomainCheckpointGetParentArgs => DomainCheckpointGetParentRet;
    417 DomainCheckpointDelete "DOMAIN_CHECKPOINT_DELETE": DomainCheckpointDeleteArgs => ();
    418 DomainGetGuestInfo "DOMAIN_GET_GUEST_INFO": DomainGetGuestInfoArgs => DomainGetGuestInfoRet;
    419 ConnectSetIdentity "CONNECT_SET_IDENTITY": ConnectSetIdentityArgs => ();
    420 DomainAgentSetResponseTimeout "DOMAIN_AGENT_SET_RESPONSE_TIMEOUT":
        DomainAgentSetResponseTimeoutArgs => DomainAgentSetResponseTimeoutRet;
    421 DomainBackupBegin "DOMAIN_BACKUP_BEGIN": DomainBackupBeginArgs => ();
    422 DomainBackupGetXmlDesc "DOMAIN_BACKUP_GET_XML_DESC":
        DomainBackupGetXmlDescArgs => DomainBackupGetXmlDescRet;
    423 DomainEventMemoryFailure "DOMAIN_EVENT_MEMORY_FAILURE": DomainEventMemoryFailureMsg => ();
    424 DomainAuthorizedSshKeysGet "DOMAIN_AUTHORIZED_SSH_KEYS_GET":
        DomainAuthorizedSshKeysGetArgs => DomainAuthorizedSshKeysGetRet;
    425 DomainAuthorizedSshKeysSet "DOMAIN_AUTHORIZED_SSH_KEYS_SET":
        DomainAuthorizedSshKeysSetArgs => ();
    426 DomainGetMessages "DOMAIN_GET_MESSAGES": DomainGetMessagesArgs => DomainGetMessagesRet;
    427 DomainStartDirtyRateCalc "DOMAIN_START_DIRTY_RATE_CALC": DomainStartDirtyRateCalcArgs => ();
    428 NodeDeviceDefineXml "NODE_DEVICE_DEFINE_XML":
        NodeDeviceDefineXmlArgs => NodeDeviceDefineXmlRet;
    429 NodeDeviceUndefine "NODE_DEVICE_UNDEFINE": NodeDeviceUndefineArgs => ();
    430 NodeDeviceCreate "NODE_DEVICE_CREATE": NodeDeviceCreateArgs => ();
    431 NwfilterDefineXmlFlags "NWFILTER_DEFINE_XML_FLAGS":
        NwfilterDefineXmlFlagsArgs => NwfilterDefineXmlFlagsRet;
    432 NetworkDefineXmlFlags "NETWORK_DEFINE_XML_FLAGS":
        NetworkDefineXmlFlagsArgs => NetworkDefineXmlFlagsRet;
    433 NodeDeviceGetAutostart "NODE_DEVICE_GET_AUTOSTART":
        NodeDeviceGetAutostartArgs => NodeDeviceGetAutostartRet;
    434 NodeDeviceSetAutostart "NODE_DEVICE_SET_AUTOSTART": NodeDeviceSetAutostartArgs => ();
    435 NodeDeviceIsPersistent "NODE_DEVICE_IS_PERSISTENT":
        NodeDeviceIsPersistentArgs => NodeDeviceIsPersistentRet;
    436 NodeDeviceIsActive "NODE_DEVICE_IS_ACTIVE": NodeDeviceIsActiveArgs => NodeDeviceIsActiveRet;
    437 NetworkCreateXmlFlags "NETWORK_CREATE_XML_FLAGS":
        NetworkCreateXmlFlagsArgs => NetworkCreateXmlFlagsRet;
    438 DomainEventMemoryDeviceSizeChange "DOMAIN_EVENT_MEMORY_DEVICE_SIZE_CHANGE":
        DomainEventMemoryDeviceSizeChangeMsg => ();
    439 DomainSetLaunchSecurityState "DOMAIN_SET_LAUNCH_SECURITY_STATE":
        DomainSetLaunchSecurityStateArgs => ();
    440 DomainSaveParams "DOMAIN_SAVE_PARAMS": DomainSaveParamsArgs => ();
    441 DomainRestoreParams "DOMAIN_RESTORE_PARAMS": DomainRestoreParamsArgs => ();
    442 DomainAbortJobFlags "DOMAIN_ABORT_JOB_FLAGS": DomainAbortJobFlagsArgs => ();
    443 DomainFdAssociate "DOMAIN_FD_ASSOCIATE": DomainFdAssociateArgs => ();
}
