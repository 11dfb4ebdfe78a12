//! The permission each REMOTE procedure needs: libvirt's `@acl: object:permission`
//! annotations (object kinds and permission names of `viraccessperm.h`), one entry per
//! procedure number 1..=443. Flag-conditional extras (`read_secure` with
//! `VIR_DOMAIN_XML_SECURE`, …) are left to the handlers, like the read-only rule.
//!
//! An empty slice means the procedure needs no permission (`@acl: none`: authentication,
//! close, server-sent events).

/// Permissions of REMOTE procedure `name` (without `REMOTE_PROC_`), `None` if unknown.
pub fn permissions(name: &str) -> Option<&'static [&'static str]> {
    Some(match name {
        // ---- no check -------------------------------------------------------------
        "CONNECT_CLOSE"
        | "AUTH_LIST"
        | "AUTH_SASL_INIT"
        | "AUTH_SASL_START"
        | "AUTH_SASL_STEP"
        | "AUTH_POLKIT"
        | "CONNECT_SUPPORTS_FEATURE"
        | "CONNECT_IS_SECURE"
        | "CONNECT_REGISTER_CLOSE_CALLBACK"
        | "CONNECT_UNREGISTER_CLOSE_CALLBACK" => &[],
        n if is_event(n) => &[],

        // ---- connect --------------------------------------------------------------
        "CONNECT_OPEN"
        | "CONNECT_GET_TYPE"
        | "CONNECT_GET_VERSION"
        | "CONNECT_GET_LIB_VERSION"
        | "CONNECT_GET_HOSTNAME"
        | "CONNECT_GET_URI" => &["connect:getattr"],
        "CONNECT_GET_MAX_VCPUS"
        | "NODE_GET_INFO"
        | "CONNECT_GET_CAPABILITIES"
        | "NODE_GET_CELLS_FREE_MEMORY"
        | "NODE_GET_FREE_MEMORY"
        | "NODE_GET_SECURITY_MODEL"
        | "CONNECT_GET_SYSINFO"
        | "NODE_GET_CPU_STATS"
        | "NODE_GET_MEMORY_STATS"
        | "NODE_GET_MEMORY_PARAMETERS"
        | "NODE_GET_CPU_MAP"
        | "CONNECT_COMPARE_CPU"
        | "CONNECT_BASELINE_CPU"
        | "CONNECT_GET_CPU_MODEL_NAMES"
        | "NODE_GET_FREE_PAGES"
        | "NODE_GET_SEV_INFO"
        | "CONNECT_GET_STORAGE_POOL_CAPABILITIES"
        | "CONNECT_DOMAIN_EVENT_DEREGISTER"
        | "CONNECT_DOMAIN_EVENT_DEREGISTER_ANY"
        | "CONNECT_DOMAIN_EVENT_CALLBACK_DEREGISTER_ANY"
        | "CONNECT_NETWORK_EVENT_DEREGISTER_ANY"
        | "CONNECT_STORAGE_POOL_EVENT_DEREGISTER_ANY"
        | "CONNECT_NODE_DEVICE_EVENT_DEREGISTER_ANY"
        | "CONNECT_SECRET_EVENT_DEREGISTER_ANY" => &["connect:read"],
        "CONNECT_GET_DOMAIN_CAPABILITIES"
        | "CONNECT_DOMAIN_XML_FROM_NATIVE"
        | "CONNECT_DOMAIN_XML_TO_NATIVE"
        | "CONNECT_COMPARE_HYPERVISOR_CPU"
        | "CONNECT_BASELINE_HYPERVISOR_CPU"
        | "NODE_SET_MEMORY_PARAMETERS"
        | "NODE_ALLOC_PAGES"
        | "CONNECT_SET_IDENTITY" => &["connect:write"],
        "NODE_SUSPEND_FOR_DURATION" => &["connect:pm_control"],
        "INTERFACE_CHANGE_BEGIN" | "INTERFACE_CHANGE_COMMIT" | "INTERFACE_CHANGE_ROLLBACK" => {
            &["connect:interface_transaction"]
        }
        "CONNECT_FIND_STORAGE_POOL_SOURCES" => &["connect:detect_storage_pools"],
        "CONNECT_LIST_DOMAINS"
        | "CONNECT_NUM_OF_DOMAINS"
        | "CONNECT_LIST_DEFINED_DOMAINS"
        | "CONNECT_NUM_OF_DEFINED_DOMAINS"
        | "CONNECT_LIST_ALL_DOMAINS"
        | "CONNECT_GET_ALL_DOMAIN_STATS"
        | "CONNECT_DOMAIN_EVENT_REGISTER"
        | "CONNECT_DOMAIN_EVENT_REGISTER_ANY"
        | "CONNECT_DOMAIN_EVENT_CALLBACK_REGISTER_ANY" => &["connect:search_domains"],
        "CONNECT_LIST_NETWORKS"
        | "CONNECT_NUM_OF_NETWORKS"
        | "CONNECT_LIST_DEFINED_NETWORKS"
        | "CONNECT_NUM_OF_DEFINED_NETWORKS"
        | "CONNECT_LIST_ALL_NETWORKS"
        | "CONNECT_NETWORK_EVENT_REGISTER_ANY" => &["connect:search_networks"],
        "CONNECT_LIST_STORAGE_POOLS"
        | "CONNECT_NUM_OF_STORAGE_POOLS"
        | "CONNECT_LIST_DEFINED_STORAGE_POOLS"
        | "CONNECT_NUM_OF_DEFINED_STORAGE_POOLS"
        | "CONNECT_LIST_ALL_STORAGE_POOLS"
        | "CONNECT_STORAGE_POOL_EVENT_REGISTER_ANY" => &["connect:search_storage_pools"],
        "CONNECT_LIST_INTERFACES"
        | "CONNECT_NUM_OF_INTERFACES"
        | "CONNECT_LIST_DEFINED_INTERFACES"
        | "CONNECT_NUM_OF_DEFINED_INTERFACES"
        | "CONNECT_LIST_ALL_INTERFACES" => &["connect:search_interfaces"],
        "NODE_NUM_OF_DEVICES"
        | "NODE_LIST_DEVICES"
        | "CONNECT_LIST_ALL_NODE_DEVICES"
        | "CONNECT_NODE_DEVICE_EVENT_REGISTER_ANY" => &["connect:search_node_devices"],
        "CONNECT_NUM_OF_SECRETS"
        | "CONNECT_LIST_SECRETS"
        | "CONNECT_LIST_ALL_SECRETS"
        | "CONNECT_SECRET_EVENT_REGISTER_ANY" => &["connect:search_secrets"],
        "CONNECT_NUM_OF_NWFILTERS" | "CONNECT_LIST_NWFILTERS" | "CONNECT_LIST_ALL_NWFILTERS" => {
            &["connect:search_nwfilters"]
        }
        "CONNECT_LIST_ALL_NWFILTER_BINDINGS" => &["connect:search_nwfilter_bindings"],

        // ---- domain ---------------------------------------------------------------
        "DOMAIN_LOOKUP_BY_ID" | "DOMAIN_LOOKUP_BY_NAME" | "DOMAIN_LOOKUP_BY_UUID" => {
            &["domain:getattr"]
        }
        "DOMAIN_GET_XML_DESC"
        | "DOMAIN_GET_AUTOSTART"
        | "DOMAIN_GET_INFO"
        | "DOMAIN_GET_MAX_MEMORY"
        | "DOMAIN_GET_MAX_VCPUS"
        | "DOMAIN_GET_OS_TYPE"
        | "DOMAIN_GET_VCPUS"
        | "DOMAIN_GET_SCHEDULER_TYPE"
        | "DOMAIN_GET_SCHEDULER_PARAMETERS"
        | "DOMAIN_GET_SCHEDULER_PARAMETERS_FLAGS"
        | "DOMAIN_BLOCK_STATS"
        | "DOMAIN_BLOCK_STATS_FLAGS"
        | "DOMAIN_INTERFACE_STATS"
        | "DOMAIN_GET_SECURITY_LABEL"
        | "DOMAIN_GET_SECURITY_LABEL_LIST"
        | "DOMAIN_IS_ACTIVE"
        | "DOMAIN_IS_PERSISTENT"
        | "DOMAIN_IS_UPDATED"
        | "DOMAIN_MEMORY_STATS"
        | "DOMAIN_GET_JOB_INFO"
        | "DOMAIN_GET_JOB_STATS"
        | "DOMAIN_HAS_MANAGED_SAVE_IMAGE"
        | "DOMAIN_GET_BLOCK_INFO"
        | "DOMAIN_GET_MEMORY_PARAMETERS"
        | "DOMAIN_GET_VCPUS_FLAGS"
        | "DOMAIN_GET_BLKIO_PARAMETERS"
        | "DOMAIN_GET_STATE"
        | "DOMAIN_GET_CONTROL_INFO"
        | "DOMAIN_GET_VCPU_PIN_INFO"
        | "DOMAIN_GET_BLOCK_JOB_INFO"
        | "DOMAIN_GET_BLOCK_IO_TUNE"
        | "DOMAIN_GET_NUMA_PARAMETERS"
        | "DOMAIN_GET_INTERFACE_PARAMETERS"
        | "DOMAIN_GET_CPU_STATS"
        | "DOMAIN_GET_DISK_ERRORS"
        | "DOMAIN_GET_METADATA"
        | "DOMAIN_GET_HOSTNAME"
        | "DOMAIN_GET_EMULATOR_PIN_INFO"
        | "DOMAIN_GET_IOTHREAD_INFO"
        | "DOMAIN_INTERFACE_ADDRESSES"
        | "DOMAIN_GET_PERF_EVENTS"
        | "DOMAIN_MANAGED_SAVE_GET_XML_DESC"
        | "DOMAIN_GET_LAUNCH_SECURITY_INFO"
        | "DOMAIN_BACKUP_GET_XML_DESC"
        | "DOMAIN_GET_MESSAGES"
        | "DOMAIN_SAVE_IMAGE_GET_XML_DESC"
        | "DOMAIN_SNAPSHOT_GET_XML_DESC"
        | "DOMAIN_SNAPSHOT_NUM"
        | "DOMAIN_SNAPSHOT_LIST_NAMES"
        | "DOMAIN_SNAPSHOT_LOOKUP_BY_NAME"
        | "DOMAIN_HAS_CURRENT_SNAPSHOT"
        | "DOMAIN_SNAPSHOT_CURRENT"
        | "DOMAIN_SNAPSHOT_GET_PARENT"
        | "DOMAIN_SNAPSHOT_NUM_CHILDREN"
        | "DOMAIN_SNAPSHOT_LIST_CHILDREN_NAMES"
        | "DOMAIN_SNAPSHOT_IS_CURRENT"
        | "DOMAIN_SNAPSHOT_HAS_METADATA"
        | "DOMAIN_LIST_ALL_SNAPSHOTS"
        | "DOMAIN_SNAPSHOT_LIST_ALL_CHILDREN"
        | "DOMAIN_CHECKPOINT_GET_XML_DESC"
        | "DOMAIN_LIST_ALL_CHECKPOINTS"
        | "DOMAIN_CHECKPOINT_LIST_ALL_CHILDREN"
        | "DOMAIN_CHECKPOINT_LOOKUP_BY_NAME"
        | "DOMAIN_CHECKPOINT_GET_PARENT" => &["domain:read"],
        "DOMAIN_ATTACH_DEVICE"
        | "DOMAIN_ATTACH_DEVICE_FLAGS"
        | "DOMAIN_DETACH_DEVICE"
        | "DOMAIN_DETACH_DEVICE_FLAGS"
        | "DOMAIN_DETACH_DEVICE_ALIAS"
        | "DOMAIN_UPDATE_DEVICE_FLAGS"
        | "DOMAIN_PIN_VCPU"
        | "DOMAIN_PIN_VCPU_FLAGS"
        | "DOMAIN_SET_AUTOSTART"
        | "DOMAIN_SET_MAX_MEMORY"
        | "DOMAIN_SET_MEMORY"
        | "DOMAIN_SET_MEMORY_FLAGS"
        | "DOMAIN_SET_VCPUS"
        | "DOMAIN_SET_VCPUS_FLAGS"
        | "DOMAIN_SET_VCPU"
        | "DOMAIN_SET_SCHEDULER_PARAMETERS"
        | "DOMAIN_SET_SCHEDULER_PARAMETERS_FLAGS"
        | "DOMAIN_SET_MEMORY_PARAMETERS"
        | "DOMAIN_SET_BLKIO_PARAMETERS"
        | "DOMAIN_SET_BLOCK_IO_TUNE"
        | "DOMAIN_SET_NUMA_PARAMETERS"
        | "DOMAIN_SET_INTERFACE_PARAMETERS"
        | "DOMAIN_SET_METADATA"
        | "DOMAIN_PIN_EMULATOR"
        | "DOMAIN_PIN_IOTHREAD"
        | "DOMAIN_ADD_IOTHREAD"
        | "DOMAIN_DEL_IOTHREAD"
        | "DOMAIN_SET_IOTHREAD_PARAMS"
        | "DOMAIN_SET_MEMORY_STATS_PERIOD"
        | "DOMAIN_SET_PERF_EVENTS"
        | "DOMAIN_GET_GUEST_VCPUS"
        | "DOMAIN_SET_GUEST_VCPUS"
        | "DOMAIN_SET_BLOCK_THRESHOLD"
        | "DOMAIN_SET_LIFECYCLE_ACTION"
        | "DOMAIN_BLOCK_JOB_ABORT"
        | "DOMAIN_BLOCK_JOB_SET_SPEED"
        | "DOMAIN_BLOCK_PULL"
        | "DOMAIN_BLOCK_REBASE"
        | "DOMAIN_BLOCK_COMMIT"
        | "DOMAIN_BLOCK_COPY"
        | "DOMAIN_BLOCK_RESIZE"
        | "DOMAIN_ABORT_JOB"
        | "DOMAIN_ABORT_JOB_FLAGS"
        | "DOMAIN_GET_TIME"
        | "DOMAIN_GET_GUEST_INFO"
        | "DOMAIN_AGENT_SET_RESPONSE_TIMEOUT"
        | "DOMAIN_AUTHORIZED_SSH_KEYS_GET"
        | "DOMAIN_AUTHORIZED_SSH_KEYS_SET"
        | "DOMAIN_SET_LAUNCH_SECURITY_STATE"
        | "DOMAIN_START_DIRTY_RATE_CALC"
        | "DOMAIN_FD_ASSOCIATE" => &["domain:write"],
        "DOMAIN_CREATE" | "DOMAIN_CREATE_WITH_FLAGS" | "DOMAIN_CREATE_WITH_FILES" => {
            &["domain:start"]
        }
        "DOMAIN_CREATE_XML" | "DOMAIN_CREATE_XML_WITH_FILES" => &["domain:write", "domain:start"],
        "DOMAIN_DEFINE_XML" | "DOMAIN_DEFINE_XML_FLAGS" => &["domain:write", "domain:save"],
        "DOMAIN_RENAME" => &["domain:write", "domain:save"],
        "DOMAIN_UNDEFINE" | "DOMAIN_UNDEFINE_FLAGS" => &["domain:delete"],
        "DOMAIN_DESTROY" | "DOMAIN_DESTROY_FLAGS" => &["domain:stop"],
        "DOMAIN_SHUTDOWN" | "DOMAIN_SHUTDOWN_FLAGS" | "DOMAIN_REBOOT" => &["domain:init_control"],
        "DOMAIN_RESET" => &["domain:reset"],
        "DOMAIN_SUSPEND" | "DOMAIN_RESUME" => &["domain:suspend"],
        "DOMAIN_SAVE"
        | "DOMAIN_SAVE_FLAGS"
        | "DOMAIN_SAVE_PARAMS"
        | "DOMAIN_MANAGED_SAVE"
        | "DOMAIN_MANAGED_SAVE_REMOVE" => &["domain:hibernate"],
        "DOMAIN_MANAGED_SAVE_DEFINE_XML" | "DOMAIN_SAVE_IMAGE_DEFINE_XML" => {
            &["domain:write", "domain:hibernate"]
        }
        "DOMAIN_RESTORE" | "DOMAIN_RESTORE_FLAGS" | "DOMAIN_RESTORE_PARAMS" => {
            &["domain:write", "domain:start"]
        }
        "DOMAIN_CORE_DUMP" | "DOMAIN_CORE_DUMP_WITH_FORMAT" => &["domain:core_dump"],
        "DOMAIN_BLOCK_PEEK" => &["domain:block_read"],
        "DOMAIN_MEMORY_PEEK" => &["domain:mem_read"],
        "DOMAIN_OPEN_CONSOLE" | "DOMAIN_OPEN_CHANNEL" => &["domain:open_device"],
        "DOMAIN_OPEN_GRAPHICS" | "DOMAIN_OPEN_GRAPHICS_FD" => &["domain:open_graphics"],
        "DOMAIN_SCREENSHOT" => &["domain:screenshot"],
        "DOMAIN_INJECT_NMI" => &["domain:inject_nmi"],
        "DOMAIN_SEND_KEY" => &["domain:send_input"],
        "DOMAIN_SEND_PROCESS_SIGNAL" => &["domain:send_signal"],
        "DOMAIN_FSTRIM" => &["domain:fs_trim"],
        "DOMAIN_FSFREEZE" | "DOMAIN_FSTHAW" | "DOMAIN_GET_FSINFO" => &["domain:fs_freeze"],
        "DOMAIN_PM_SUSPEND_FOR_DURATION" | "DOMAIN_PM_WAKEUP" => &["domain:pm_control"],
        "DOMAIN_SET_TIME" => &["domain:set_time"],
        "DOMAIN_SET_USER_PASSWORD" => &["domain:set_password"],
        "DOMAIN_SNAPSHOT_CREATE_XML" | "DOMAIN_REVERT_TO_SNAPSHOT" | "DOMAIN_SNAPSHOT_DELETE" => {
            &["domain:snapshot"]
        }
        "DOMAIN_CHECKPOINT_CREATE_XML" | "DOMAIN_CHECKPOINT_DELETE" => &["domain:checkpoint"],
        "DOMAIN_BACKUP_BEGIN" => &["domain:checkpoint", "domain:block_read"],
        "DOMAIN_MIGRATE_PREPARE"
        | "DOMAIN_MIGRATE_PREPARE2"
        | "DOMAIN_MIGRATE_PREPARE3"
        | "DOMAIN_MIGRATE_PREPARE3_PARAMS"
        | "DOMAIN_MIGRATE_PREPARE_TUNNEL"
        | "DOMAIN_MIGRATE_PREPARE_TUNNEL3"
        | "DOMAIN_MIGRATE_PREPARE_TUNNEL3_PARAMS" => &["domain:migrate", "domain:start"],
        "DOMAIN_MIGRATE_PERFORM"
        | "DOMAIN_MIGRATE_PERFORM3"
        | "DOMAIN_MIGRATE_PERFORM3_PARAMS"
        | "DOMAIN_MIGRATE_FINISH"
        | "DOMAIN_MIGRATE_FINISH2"
        | "DOMAIN_MIGRATE_FINISH3"
        | "DOMAIN_MIGRATE_FINISH3_PARAMS"
        | "DOMAIN_MIGRATE_BEGIN3"
        | "DOMAIN_MIGRATE_BEGIN3_PARAMS"
        | "DOMAIN_MIGRATE_CONFIRM3"
        | "DOMAIN_MIGRATE_CONFIRM3_PARAMS"
        | "DOMAIN_MIGRATE_SET_MAX_DOWNTIME"
        | "DOMAIN_MIGRATE_GET_MAX_DOWNTIME"
        | "DOMAIN_MIGRATE_SET_MAX_SPEED"
        | "DOMAIN_MIGRATE_GET_MAX_SPEED"
        | "DOMAIN_MIGRATE_GET_COMPRESSION_CACHE"
        | "DOMAIN_MIGRATE_SET_COMPRESSION_CACHE"
        | "DOMAIN_MIGRATE_START_POST_COPY" => &["domain:migrate"],

        // ---- network and network ports ---------------------------------------------
        "NETWORK_LOOKUP_BY_NAME" | "NETWORK_LOOKUP_BY_UUID" => &["network:getattr"],
        "NETWORK_GET_XML_DESC"
        | "NETWORK_GET_AUTOSTART"
        | "NETWORK_GET_BRIDGE_NAME"
        | "NETWORK_IS_ACTIVE"
        | "NETWORK_IS_PERSISTENT"
        | "NETWORK_GET_DHCP_LEASES" => &["network:read"],
        "NETWORK_CREATE" => &["network:start"],
        "NETWORK_CREATE_XML" | "NETWORK_CREATE_XML_FLAGS" => &["network:write", "network:start"],
        "NETWORK_DEFINE_XML" | "NETWORK_DEFINE_XML_FLAGS" | "NETWORK_UPDATE" => {
            &["network:write", "network:save"]
        }
        "NETWORK_DESTROY" => &["network:stop"],
        "NETWORK_UNDEFINE" => &["network:delete"],
        "NETWORK_SET_AUTOSTART" => &["network:write"],
        "NETWORK_LIST_ALL_PORTS" => &["network:search_ports"],
        "NETWORK_PORT_LOOKUP_BY_UUID" => &["network_port:getattr"],
        "NETWORK_PORT_GET_PARAMETERS" | "NETWORK_PORT_GET_XML_DESC" => &["network_port:read"],
        "NETWORK_PORT_SET_PARAMETERS" => &["network_port:write"],
        "NETWORK_PORT_CREATE_XML" => &["network_port:create"],
        "NETWORK_PORT_DELETE" => &["network_port:delete"],

        // ---- storage --------------------------------------------------------------
        "STORAGE_POOL_LOOKUP_BY_NAME"
        | "STORAGE_POOL_LOOKUP_BY_UUID"
        | "STORAGE_POOL_LOOKUP_BY_VOLUME"
        | "STORAGE_POOL_LOOKUP_BY_TARGET_PATH" => &["storage_pool:getattr"],
        "STORAGE_POOL_GET_INFO"
        | "STORAGE_POOL_GET_XML_DESC"
        | "STORAGE_POOL_GET_AUTOSTART"
        | "STORAGE_POOL_IS_ACTIVE"
        | "STORAGE_POOL_IS_PERSISTENT" => &["storage_pool:read"],
        "STORAGE_POOL_NUM_OF_VOLUMES"
        | "STORAGE_POOL_LIST_VOLUMES"
        | "STORAGE_POOL_LIST_ALL_VOLUMES" => &["storage_pool:search_storage_vols"],
        "STORAGE_POOL_CREATE" => &["storage_pool:start"],
        "STORAGE_POOL_CREATE_XML" => &["storage_pool:write", "storage_pool:start"],
        "STORAGE_POOL_DEFINE_XML" => &["storage_pool:write", "storage_pool:save"],
        "STORAGE_POOL_BUILD" | "STORAGE_POOL_DELETE" => &["storage_pool:format"],
        "STORAGE_POOL_DESTROY" => &["storage_pool:stop"],
        "STORAGE_POOL_UNDEFINE" => &["storage_pool:delete"],
        "STORAGE_POOL_REFRESH" => &["storage_pool:refresh"],
        "STORAGE_POOL_SET_AUTOSTART" => &["storage_pool:write"],
        "STORAGE_VOL_LOOKUP_BY_NAME"
        | "STORAGE_VOL_LOOKUP_BY_KEY"
        | "STORAGE_VOL_LOOKUP_BY_PATH" => &["storage_vol:getattr"],
        "STORAGE_VOL_GET_INFO"
        | "STORAGE_VOL_GET_INFO_FLAGS"
        | "STORAGE_VOL_GET_XML_DESC"
        | "STORAGE_VOL_GET_PATH" => &["storage_vol:read"],
        "STORAGE_VOL_CREATE_XML" => &["storage_vol:create"],
        "STORAGE_VOL_CREATE_XML_FROM" => &["storage_vol:create", "storage_vol:data_read"],
        "STORAGE_VOL_DELETE" => &["storage_vol:delete"],
        "STORAGE_VOL_WIPE" | "STORAGE_VOL_WIPE_PATTERN" => &["storage_vol:format"],
        "STORAGE_VOL_RESIZE" => &["storage_vol:resize"],
        "STORAGE_VOL_UPLOAD" => &["storage_vol:data_write"],
        "STORAGE_VOL_DOWNLOAD" => &["storage_vol:data_read"],

        // ---- interfaces -----------------------------------------------------------
        "INTERFACE_LOOKUP_BY_NAME" | "INTERFACE_LOOKUP_BY_MAC_STRING" => &["interface:getattr"],
        "INTERFACE_GET_XML_DESC" | "INTERFACE_IS_ACTIVE" => &["interface:read"],
        "INTERFACE_DEFINE_XML" => &["interface:write", "interface:save"],
        "INTERFACE_UNDEFINE" => &["interface:delete"],
        "INTERFACE_CREATE" => &["interface:start"],
        "INTERFACE_DESTROY" => &["interface:stop"],

        // ---- node devices ---------------------------------------------------------
        "NODE_DEVICE_LOOKUP_BY_NAME" | "NODE_DEVICE_LOOKUP_SCSI_HOST_BY_WWN" => {
            &["node_device:getattr"]
        }
        "NODE_DEVICE_GET_XML_DESC"
        | "NODE_DEVICE_GET_PARENT"
        | "NODE_DEVICE_NUM_OF_CAPS"
        | "NODE_DEVICE_LIST_CAPS"
        | "NODE_DEVICE_GET_AUTOSTART"
        | "NODE_DEVICE_IS_PERSISTENT"
        | "NODE_DEVICE_IS_ACTIVE" => &["node_device:read"],
        "NODE_DEVICE_DETTACH"
        | "NODE_DEVICE_DETACH_FLAGS"
        | "NODE_DEVICE_RE_ATTACH"
        | "NODE_DEVICE_RESET" => &["node_device:detach"],
        "NODE_DEVICE_CREATE_XML" => &["node_device:write", "node_device:start"],
        "NODE_DEVICE_DEFINE_XML" => &["node_device:write", "node_device:save"],
        "NODE_DEVICE_CREATE" => &["node_device:start"],
        "NODE_DEVICE_DESTROY" => &["node_device:stop"],
        "NODE_DEVICE_UNDEFINE" => &["node_device:delete"],
        "NODE_DEVICE_SET_AUTOSTART" => &["node_device:write"],

        // ---- network filters ------------------------------------------------------
        "NWFILTER_LOOKUP_BY_NAME" | "NWFILTER_LOOKUP_BY_UUID" => &["nwfilter:getattr"],
        "NWFILTER_GET_XML_DESC" => &["nwfilter:read"],
        "NWFILTER_DEFINE_XML" | "NWFILTER_DEFINE_XML_FLAGS" => &["nwfilter:write", "nwfilter:save"],
        "NWFILTER_UNDEFINE" => &["nwfilter:delete"],
        "NWFILTER_BINDING_LOOKUP_BY_PORT_DEV" => &["nwfilter_binding:getattr"],
        "NWFILTER_BINDING_GET_XML_DESC" => &["nwfilter_binding:read"],
        "NWFILTER_BINDING_CREATE_XML" => &["nwfilter_binding:create"],
        "NWFILTER_BINDING_DELETE" => &["nwfilter_binding:delete"],

        // ---- secrets --------------------------------------------------------------
        "SECRET_LOOKUP_BY_UUID" | "SECRET_LOOKUP_BY_USAGE" => &["secret:getattr"],
        "SECRET_GET_XML_DESC" => &["secret:read"],
        "SECRET_DEFINE_XML" => &["secret:write", "secret:save"],
        "SECRET_SET_VALUE" => &["secret:write"],
        "SECRET_GET_VALUE" => &["secret:read_secure"],
        "SECRET_UNDEFINE" => &["secret:delete"],

        _ => return None,
    })
}

/// Server-sent event messages (`…_EVENT_…` procedures other than the register calls).
fn is_event(name: &str) -> bool {
    rvirt_proto::remote::procedure_by_name(name).is_some_and(|p| p.event)
}

#[cfg(test)]
mod tests {
    use super::*;
    use rvirt_proto::remote::{PROCEDURES, REMOTE_PROCEDURE_COUNT};

    #[test]
    fn every_procedure_has_a_permission_entry() {
        let missing: Vec<&str> = PROCEDURES
            .iter()
            .filter(|p| permissions(p.name).is_none())
            .map(|p| p.name)
            .collect();
        assert!(
            missing.is_empty(),
            "procedures without an ACL entry: {missing:?}"
        );
        assert_eq!(PROCEDURES.len(), REMOTE_PROCEDURE_COUNT);
    }

    #[test]
    fn calls_that_change_state_need_more_than_read_access() {
        // every procedure refused on a read-only connection needs a permission beyond
        // getattr/read/search (or is an agent/secret-reading call marked write-like)
        for p in PROCEDURES.iter().filter(|p| p.writes) {
            let perms = permissions(p.name).unwrap_or(&[]);
            assert!(
                !perms.is_empty(),
                "{} writes but needs no permission",
                p.name
            );
        }
        for p in PROCEDURES.iter().filter(|p| p.event) {
            assert_eq!(permissions(p.name), Some(&[][..]), "{}", p.name);
        }
    }

    #[test]
    fn permission_names_are_libvirts() {
        for p in PROCEDURES.iter() {
            for perm in permissions(p.name).unwrap_or(&[]) {
                let (obj, name) = perm.split_once(':').unwrap();
                assert!(
                    [
                        "connect",
                        "domain",
                        "network",
                        "network_port",
                        "storage_pool",
                        "storage_vol",
                        "interface",
                        "node_device",
                        "nwfilter",
                        "nwfilter_binding",
                        "secret"
                    ]
                    .contains(&obj),
                    "{perm}"
                );
                assert!(!name.is_empty() && !name.contains(':'), "{perm}");
            }
        }
        assert_eq!(permissions("DOMAIN_CREATE"), Some(&["domain:start"][..]));
        assert_eq!(
            permissions("SECRET_GET_VALUE"),
            Some(&["secret:read_secure"][..])
        );
        assert_eq!(permissions("NO_SUCH_PROC"), None);
    }
}
