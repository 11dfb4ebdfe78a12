//! `<guest>` entries of the capabilities document (`virCapsGuest`).

use crate::xml::{Attrs, XmlWriter};

/// `<domain type='…'>` inside a guest's `<arch>`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GuestDomain {
    pub domain_type: String,
    pub emulator: Option<String>,
    pub machines: Vec<String>,
}

/// One `<guest>`: an OS type on an architecture.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GuestCaps {
    pub os_type: String,
    pub arch: String,
    pub wordsize: u32,
    pub emulator: Option<String>,
    pub machines: Vec<String>,
    pub domains: Vec<GuestDomain>,
    pub features: Vec<String>,
}

impl GuestCaps {
    /// Writes `<guest>` (`virCapabilitiesFormatGuestXML`).
    pub fn format(&self, w: &mut XmlWriter) {
        w.open("guest", Attrs::new());
        w.text("os_type", Attrs::new(), &self.os_type);
        w.open("arch", Attrs::new().add("name", &self.arch));
        w.text("wordsize", Attrs::new(), &self.wordsize.to_string());
        w.opt_text("emulator", self.emulator.as_deref());
        for m in &self.machines {
            w.text("machine", Attrs::new(), m);
        }
        for d in &self.domains {
            let a = Attrs::new().add("type", &d.domain_type);
            if d.emulator.is_none() && d.machines.is_empty() {
                w.empty("domain", a);
            } else {
                w.open("domain", a);
                w.opt_text("emulator", d.emulator.as_deref());
                for m in &d.machines {
                    w.text("machine", Attrs::new(), m);
                }
                w.close("domain");
            }
        }
        w.close("arch");
        if !self.features.is_empty() {
            w.open("features", Attrs::new());
            for f in &self.features {
                w.empty(f, Attrs::new());
            }
            w.close("features");
        }
        w.close("guest");
    }
}
