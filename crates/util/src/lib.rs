//! Host helpers: libvirt .conf parser, command runner, /proc and sysfs readers
