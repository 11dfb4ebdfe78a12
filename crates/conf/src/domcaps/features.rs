//! `<features>` of the domain capabilities (`virDomainCapsFeature*`, SEV and SGX details).

use rvirt_core::error::VirResult;

use super::enums::{child_u64, supported, EnumBlock};
use crate::xml::values::{parse_yes_no, yes_no};
use crate::xml::{Attrs, NodeExt, XmlWriter};

/// `<sev supported='…'>` with the platform's SEV parameters when supported.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct SevCaps {
    pub supported: bool,
    pub cbitpos: Option<u64>,
    pub reduced_phys_bits: Option<u64>,
    pub max_guests: Option<u64>,
    pub max_es_guests: Option<u64>,
}

/// One `<section node='…' size='…' unit='KiB'/>` of SGX EPC memory.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SgxSection {
    pub node: Option<u64>,
    pub size_kib: u64,
}

/// `<sgx supported='…'>` with the SGX capabilities when supported.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct SgxCaps {
    pub supported: bool,
    pub flc: Option<bool>,
    pub sgx1: Option<bool>,
    pub sgx2: Option<bool>,
    pub section_size_kib: Option<u64>,
    pub sections: Option<Vec<SgxSection>>,
}

/// `<features>`: each entry is omitted when `None` (libvirt's "absent" tristate).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct FeaturesCaps {
    /// `<gic>` with its `version` enum.
    pub gic: Option<EnumBlock>,
    pub vmcoreinfo: Option<bool>,
    pub genid: Option<bool>,
    pub backing_store_input: Option<bool>,
    pub backup: Option<bool>,
    pub async_teardown: Option<bool>,
    pub s390_pv: Option<bool>,
    pub sev: Option<SevCaps>,
    pub sgx: Option<SgxCaps>,
    /// `<hyperv>` with its `features` enum.
    pub hyperv: Option<EnumBlock>,
}

fn single(w: &mut XmlWriter, name: &str, v: Option<bool>) {
    if let Some(v) = v {
        w.empty(name, Attrs::new().add("supported", yes_no(v)));
    }
}

fn opt_num(w: &mut XmlWriter, name: &str, v: Option<u64>) {
    if let Some(v) = v {
        w.text(name, Attrs::new(), &v.to_string());
    }
}

fn opt_flag(w: &mut XmlWriter, name: &str, v: Option<bool>) {
    if let Some(v) = v {
        w.text(name, Attrs::new(), yes_no(v));
    }
}

impl SevCaps {
    fn is_bare(&self) -> bool {
        self.cbitpos.is_none()
            && self.reduced_phys_bits.is_none()
            && self.max_guests.is_none()
            && self.max_es_guests.is_none()
    }

    fn format(&self, w: &mut XmlWriter) {
        let attrs = Attrs::new().add("supported", yes_no(self.supported));
        if !self.supported || self.is_bare() {
            w.empty("sev", attrs);
            return;
        }
        w.open("sev", attrs);
        opt_num(w, "cbitpos", self.cbitpos);
        opt_num(w, "reducedPhysBits", self.reduced_phys_bits);
        opt_num(w, "maxGuests", self.max_guests);
        opt_num(w, "maxESGuests", self.max_es_guests);
        w.close("sev");
    }

    fn parse(node: roxmltree::Node) -> VirResult<SevCaps> {
        Ok(SevCaps {
            supported: supported(node)?,
            cbitpos: child_u64(node, "cbitpos")?,
            reduced_phys_bits: child_u64(node, "reducedPhysBits")?,
            max_guests: child_u64(node, "maxGuests")?,
            max_es_guests: child_u64(node, "maxESGuests")?,
        })
    }
}

impl SgxCaps {
    fn is_bare(&self) -> bool {
        self.flc.is_none()
            && self.sgx1.is_none()
            && self.sgx2.is_none()
            && self.section_size_kib.is_none()
            && self.sections.is_none()
    }

    fn format(&self, w: &mut XmlWriter) {
        let attrs = Attrs::new().add("supported", yes_no(self.supported));
        if !self.supported || self.is_bare() {
            w.empty("sgx", attrs);
            return;
        }
        w.open("sgx", attrs);
        opt_flag(w, "flc", self.flc);
        opt_flag(w, "sgx1", self.sgx1);
        opt_flag(w, "sgx2", self.sgx2);
        if let Some(s) = self.section_size_kib {
            w.text(
                "section_size",
                Attrs::new().add("unit", "KiB"),
                &s.to_string(),
            );
        }
        if let Some(sections) = &self.sections {
            w.open("sections", Attrs::new());
            for s in sections {
                let attrs = Attrs::new()
                    .opt("node", s.node)
                    .add("size", s.size_kib)
                    .add("unit", "KiB");
                w.empty("section", attrs);
            }
            w.close("sections");
        }
        w.close("sgx");
    }

    fn parse(node: roxmltree::Node) -> VirResult<SgxCaps> {
        let flag = |name: &str| node.child_text(name).and_then(|t| parse_yes_no(t.trim()));
        let sections = node.child("sections").map(|s| {
            s.children_named("section")
                .iter()
                .map(|e| SgxSection {
                    node: e.attr("node").and_then(|v| v.parse().ok()),
                    size_kib: e.attr("size").and_then(|v| v.parse().ok()).unwrap_or(0),
                })
                .collect()
        });
        Ok(SgxCaps {
            supported: supported(node)?,
            flc: flag("flc"),
            sgx1: flag("sgx1"),
            sgx2: flag("sgx2"),
            section_size_kib: child_u64(node, "section_size")?,
            sections,
        })
    }
}

impl FeaturesCaps {
    /// Formats `<features>` in libvirt's order.
    pub(crate) fn format(&self, w: &mut XmlWriter) {
        w.open("features", Attrs::new());
        if let Some(g) = &self.gic {
            g.format(w, "gic", Attrs::new());
        }
        single(w, "vmcoreinfo", self.vmcoreinfo);
        single(w, "genid", self.genid);
        single(w, "backingStoreInput", self.backing_store_input);
        single(w, "backup", self.backup);
        single(w, "async-teardown", self.async_teardown);
        single(w, "s390-pv", self.s390_pv);
        if let Some(s) = &self.sev {
            s.format(w);
        }
        if let Some(s) = &self.sgx {
            s.format(w);
        }
        if let Some(h) = &self.hyperv {
            h.format(w, "hyperv", Attrs::new());
        }
        w.close("features");
    }

    pub(crate) fn parse(node: roxmltree::Node) -> VirResult<FeaturesCaps> {
        let single = |name: &str| node.child(name).map(supported).transpose();
        Ok(FeaturesCaps {
            gic: node.child("gic").map(EnumBlock::parse).transpose()?,
            vmcoreinfo: single("vmcoreinfo")?,
            genid: single("genid")?,
            backing_store_input: single("backingStoreInput")?,
            backup: single("backup")?,
            async_teardown: single("async-teardown")?,
            s390_pv: single("s390-pv")?,
            sev: node.child("sev").map(SevCaps::parse).transpose()?,
            sgx: node.child("sgx").map(SgxCaps::parse).transpose()?,
            hyperv: node.child("hyperv").map(EnumBlock::parse).transpose()?,
        })
    }
}
