//! XDR (RFC 4506) runtime with libvirt's conventions and bound checks
