//! `<cpu>` of the domain capabilities: the four CPU modes (`virDomainCapsCPU`).

use rvirt_core::error::VirResult;

use super::enums::{supported, EnumBlock};
use crate::xml::ident::missing_attr;
use crate::xml::values::{parse_yes_no, yes_no};
use crate::xml::{Attrs, NodeExt, XmlWriter};

/// One `<feature policy='…' name='…'/>` of the host-model CPU.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HostModelFeature {
    pub policy: String,
    pub name: String,
}

/// `<mode name='host-model' supported='…'>`: the CPU a host-model guest gets.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct HostModelCaps {
    pub supported: bool,
    pub model: Option<String>,
    /// `fallback=` of `<model>` (`forbid` in libvirt's output).
    pub fallback: Option<String>,
    pub vendor: Option<String>,
    pub features: Vec<HostModelFeature>,
}

/// One `<model usable='…' vendor='…'>NAME</model>` of the custom mode.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CustomModel {
    pub name: String,
    /// `yes`, `no` or `unknown`.
    pub usable: String,
    /// `deprecated='yes|no'`, formatted when set.
    pub deprecated: Option<bool>,
    pub vendor: Option<String>,
}

/// `<mode name='custom' supported='…'>`: the named CPU models.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct CustomModels {
    pub supported: bool,
    pub models: Vec<CustomModel>,
}

/// `<cpu>`: host-passthrough, maximum, host-model and custom, each omitted when `None`.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct CpuCaps {
    pub host_passthrough: Option<EnumBlock>,
    pub maximum: Option<EnumBlock>,
    pub host_model: Option<HostModelCaps>,
    pub custom: Option<CustomModels>,
}

fn mode_attrs(name: &str) -> Attrs {
    Attrs::new().add("name", name)
}

impl HostModelCaps {
    fn format(&self, w: &mut XmlWriter) {
        let attrs = mode_attrs("host-model").add("supported", yes_no(self.supported));
        if !self.supported
            || (self.model.is_none() && self.vendor.is_none() && self.features.is_empty())
        {
            w.empty("mode", attrs);
            return;
        }
        w.open("mode", attrs);
        if let Some(m) = &self.model {
            w.text(
                "model",
                Attrs::new().opt("fallback", self.fallback.as_ref()),
                m,
            );
        }
        w.opt_text("vendor", self.vendor.as_deref());
        for f in &self.features {
            w.empty(
                "feature",
                Attrs::new().add("policy", &f.policy).add("name", &f.name),
            );
        }
        w.close("mode");
    }

    fn parse(node: roxmltree::Node) -> VirResult<HostModelCaps> {
        let model = node.child("model");
        let features = node
            .children_named("feature")
            .into_iter()
            .map(|f| {
                Ok(HostModelFeature {
                    policy: f.attr("policy").unwrap_or("require").to_string(),
                    name: f
                        .attr("name")
                        .ok_or_else(|| missing_attr("name", "feature"))?
                        .to_string(),
                })
            })
            .collect::<VirResult<Vec<_>>>()?;
        Ok(HostModelCaps {
            supported: supported(node)?,
            model: model.map(|m| m.text().unwrap_or("").to_string()),
            fallback: model.and_then(|m| m.attr("fallback")).map(str::to_string),
            vendor: node.child_text("vendor").map(str::to_string),
            features,
        })
    }
}

impl CustomModels {
    fn format(&self, w: &mut XmlWriter) {
        let attrs = mode_attrs("custom").add("supported", yes_no(self.supported));
        if !self.supported || self.models.is_empty() {
            w.empty("mode", attrs);
            return;
        }
        w.open("mode", attrs);
        for m in &self.models {
            let attrs = Attrs::new()
                .add("usable", &m.usable)
                .opt("deprecated", m.deprecated.map(yes_no))
                .opt("vendor", m.vendor.as_ref());
            w.text("model", attrs, &m.name);
        }
        w.close("mode");
    }

    fn parse(node: roxmltree::Node) -> VirResult<CustomModels> {
        Ok(CustomModels {
            supported: supported(node)?,
            models: node
                .children_named("model")
                .iter()
                .map(|m| CustomModel {
                    name: m.text().unwrap_or("").to_string(),
                    usable: m.attr("usable").unwrap_or("unknown").to_string(),
                    deprecated: m.attr("deprecated").and_then(parse_yes_no),
                    vendor: m.attr("vendor").map(str::to_string),
                })
                .collect(),
        })
    }
}

impl CpuCaps {
    /// Formats `<cpu>` with its modes in libvirt's order.
    pub(crate) fn format(&self, w: &mut XmlWriter) {
        w.open("cpu", Attrs::new());
        if let Some(b) = &self.host_passthrough {
            b.format(w, "mode", mode_attrs("host-passthrough"));
        }
        if let Some(b) = &self.maximum {
            b.format(w, "mode", mode_attrs("maximum"));
        }
        if let Some(h) = &self.host_model {
            h.format(w);
        }
        if let Some(c) = &self.custom {
            c.format(w);
        }
        w.close("cpu");
    }

    pub(crate) fn parse(node: roxmltree::Node) -> VirResult<CpuCaps> {
        let mut cpu = CpuCaps::default();
        for m in node.children_named("mode") {
            match m.attr("name") {
                Some("host-passthrough") => cpu.host_passthrough = Some(EnumBlock::parse(m)?),
                Some("maximum") => cpu.maximum = Some(EnumBlock::parse(m)?),
                Some("host-model") => cpu.host_model = Some(HostModelCaps::parse(m)?),
                Some("custom") => cpu.custom = Some(CustomModels::parse(m)?),
                Some(other) => {
                    return Err(crate::xml::ident::invalid_attr("name", "mode", other));
                }
                None => return Err(missing_attr("name", "mode")),
            }
        }
        Ok(cpu)
    }
}
