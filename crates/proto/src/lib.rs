//! libvirt's remote protocol: packet header, framing, programs and procedure types
