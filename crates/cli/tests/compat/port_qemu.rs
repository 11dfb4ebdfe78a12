//! net-port-* and qemu-* commands against `test:///default`: the test driver supports
//! neither, so these compare the "not supported" errors, lookup failures, option checks and
//! `help` text with stock virsh.

use super::compat;

cases! {
    port_list => "net-port-list default";
    port_list_uuid => "net-port-list default --uuid";
    port_list_both => "net-port-list default --uuid --table";
    port_list_both_bad_net => "net-port-list nosuch --uuid --table";
    port_list_bad_net => "net-port-list nosuch";
    port_list_missing => "net-port-list";
    port_create_no_file => "net-port-create default /nonexist";
    port_create_validate => "net-port-create default /nonexist --validate";
    port_create_bad_net => "net-port-create nosuch /nonexist";
    port_create_missing => "net-port-create default";
    port_create_xml => "net-port-create default net.xml";
    port_dumpxml_bad_uuid => "net-port-dumpxml default 1234";
    port_dumpxml_unknown => "net-port-dumpxml default c5a8f22c-3d1b-4c4a-9d16-8f5d7d5d1c11";
    port_dumpxml_bad_net => "net-port-dumpxml nosuch x";
    port_dumpxml_wrap => "net-port-dumpxml default x --wrap";
    port_dumpxml_extra => "net-port-dumpxml default x /a";
    port_delete_unknown => "net-port-delete default c5a8f22c-3d1b-4c4a-9d16-8f5d7d5d1c11";
    port_delete_missing => "net-port-delete default";
    port_delete_bad_net => "net-port-delete nosuch x";
    port_delete_then_echo => "net-port-delete default x; echo after";
    mon_qmp => r#"qemu-monitor-command test '{"execute":"query-status"}'"#;
    mon_missing_cmd => "qemu-monitor-command test";
    mon_hmp => "qemu-monitor-command test --hmp info status";
    mon_bad_dom => "qemu-monitor-command nosuch x";
    mon_hmp_pretty => "qemu-monitor-command test --hmp --pretty x";
    mon_hmp_return => "qemu-monitor-command nosuch --hmp --return-value x";
    mon_pretty_return => "qemu-monitor-command test --pretty --return-value x";
    mon_fds_bad_dom => "qemu-monitor-command nosuch --pass-fds a x";
    mon_fds_empty => "qemu-monitor-command test --pass-fds '' x";
    mon_fds_bad => "qemu-monitor-command test --pass-fds 3,a x";
    mon_fds => "qemu-monitor-command test --pass-fds 3 x";
    mon_fds_no_value => "qemu-monitor-command test --pass-fds";
    agent_ping => r#"qemu-agent-command test '{"execute":"guest-ping"}'"#;
    agent_timeout_zero => "qemu-agent-command test --timeout 0 x";
    agent_timeout_negative => "qemu-agent-command test --timeout -5 x";
    agent_timeout_async => "qemu-agent-command test --timeout 5 --async x";
    agent_async_block => "qemu-agent-command test --async --block x";
    agent_missing_cmd => "qemu-agent-command test";
    agent_bad_dom => "qemu-agent-command nosuch --timeout 0 x";
    agent_bad_timeout => "qemu-agent-command test --timeout abc x";
    agent_pretty_words => "qemu-agent-command test --pretty x y";
    event_plain => "qemu-monitor-event";
    event_positional => "qemu-monitor-event test STOP 5";
    event_bad_dom => "qemu-monitor-event --domain nosuch";
    event_timeout_zero => "qemu-monitor-event --timeout 0";
    event_timeout_bad => "qemu-monitor-event --timeout abc";
    event_timeout_max => "qemu-monitor-event --timeout 2147483";
    event_timeout_overflow => "qemu-monitor-event --timeout 2147484";
    agent_timeout_overflow => "qemu-agent-command test --timeout -99999999999 x";
    agent_timeout_max => "qemu-agent-command test --timeout 2147483647 x";
    event_regex => "qemu-monitor-event --event x --regex --no-case";
    attach => "qemu-attach 123";
    attach_missing => "qemu-attach";
    attach_bad_pid => "qemu-attach abc";
    attach_negative => "qemu-attach -1";
    attach_zero => "qemu-attach 0";
    attach_too_big => "qemu-attach 99999999999";
    help_attach => "help qemu-attach";
    help_port_list => "help net-port-list";
    help_port_create => "help net-port-create";
    help_port_dumpxml => "help net-port-dumpxml";
    help_port_delete => "help net-port-delete";
    help_monitor_command => "help qemu-monitor-command";
    help_agent_command => "help qemu-agent-command";
    help_monitor_event => "help qemu-monitor-event";
}
