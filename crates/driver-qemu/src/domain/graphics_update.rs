//! `virDomainUpdateDeviceFlags` on `<graphics>` (`qemuDomainChangeGraphics`): only the
//! password and its expiry may change; ports, listen addresses and keymap may not.

use super::driver::{not_running, qmp_err, QemuDriver};
use super::graphics::vnc_password_commands;
use super::status::save_status;
use rvirt_conf::domain::Element;
use rvirt_core::error::{ErrorCode, ErrorDomain, VirError, VirResult};
use rvirt_core::handle::DomainRef;
use std::time::Duration;

const T: Duration = Duration::from_secs(30);

fn unsupported(detail: impl Into<String>) -> VirError {
    VirError::new(
        ErrorCode::OperationUnsupported,
        ErrorDomain::Qemu,
        detail.into(),
    )
}

fn autoport(g: &Element) -> bool {
    g.attr("autoport") == Some("yes") || matches!(g.attr("port"), None | Some("-1"))
}

fn listen_address(g: &Element) -> Option<&str> {
    g.attr("listen").or_else(|| {
        g.child("listen")
            .filter(|l| l.attr("type") == Some("address"))
            .and_then(|l| l.attr("address"))
    })
}

/// `virDomainUpdateDeviceFlags` on `<graphics>`: checks that `new` only changes what a running VNC server can change.
pub fn check_graphics_change(old: &Element, new: &Element) -> VirResult<()> {
    let ty = new.attr("type").unwrap_or("");
    if ty != "vnc" {
        return Err(VirError::internal(
            ErrorDomain::Qemu,
            format!("unable to change config on '{ty}' graphics type"),
        ));
    }
    if let Some(a) = listen_address(new) {
        if listen_address(old) != Some(a) {
            return Err(unsupported(
                "cannot change listen address setting on vnc graphics",
            ));
        }
    }
    if autoport(old) != autoport(new) || (!autoport(new) && old.attr("port") != new.attr("port")) {
        return Err(unsupported("cannot change port settings on vnc graphics"));
    }
    if old.attr("keymap") != new.attr("keymap") {
        return Err(unsupported("cannot change keymap setting on vnc graphics"));
    }
    Ok(())
}

/// Copies `passwd` / `passwdValidTo` of `from` onto `to` (absent ones are removed).
fn take_password(to: &mut Element, from: &Element) {
    for a in ["passwd", "passwdValidTo"] {
        match from.attr(a) {
            Some(v) => to.set_attr(a, v),
            None => {
                to.remove_attr(a);
            }
        }
    }
}

impl QemuDriver {
    /// `virDomainUpdateDeviceFlags` with a `<graphics>`: new VNC password (`set_password`,
    /// `expire_password`) live and/or in the persistent definition.
    pub(crate) async fn update_graphics(
        &self,
        dom: &DomainRef,
        dev: Element,
        flags: u32,
    ) -> VirResult<()> {
        let job = self.job_of(dom)?;
        let _g = job.lock().await;
        let (live, config) = self.impact_of(dom, flags)?;
        let missing = || {
            VirError::internal(
                ErrorDomain::Qemu,
                "cannot find existing graphics device to modify",
            )
        };
        let ty = dev.attr("type").unwrap_or("").to_string();
        let find = |devs: &[Element]| {
            devs.iter()
                .position(|d| d.name == "graphics" && d.attr("type") == Some(ty.as_str()))
        };
        if live {
            let (vm, changed) = self.with_dom(dom, |o| {
                let l = o.live.as_ref().ok_or_else(not_running)?;
                let old = &l.devices[find(&l.devices).ok_or_else(missing)?];
                check_graphics_change(old, &dev)?;
                let changed = old.attr("passwdValidTo").is_some()
                    || dev.attr("passwdValidTo").is_some()
                    || old.attr("passwd") != dev.attr("passwd");
                Ok((o.vm.clone().ok_or_else(not_running)?, changed))
            })?;
            if changed {
                let mut g = dev.clone();
                if g.attr("passwd").is_none() {
                    g.set_attr("passwd", "");
                }
                for (cmd, args) in vnc_password_commands(&g) {
                    vm.qmp.execute(cmd, Some(args), T).await.map_err(qmp_err)?;
                }
                self.with_dom(dom, |o| {
                    if let Some(l) = o.live.as_mut() {
                        if let Some(i) = find(&l.devices) {
                            take_password(&mut l.devices[i], &dev);
                        }
                    }
                    let _ = save_status(&self.opts.paths, o);
                    Ok(())
                })?;
            }
        }
        if config {
            self.change_config(dom, |def| {
                let i = find(&def.devices).ok_or_else(missing)?;
                take_password(&mut def.devices[i], &dev);
                Ok(())
            })?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn el(xml: &str) -> Element {
        let doc = roxmltree::Document::parse(xml).unwrap();
        Element::from_node(doc.root_element())
    }

    #[test]
    fn only_passwords_may_change() {
        let old = el("<graphics type='vnc' port='5901' autoport='yes' listen='127.0.0.1'/>");
        let ok = el("<graphics type='vnc' autoport='yes' passwd='n'/>");
        assert!(check_graphics_change(&old, &ok).is_ok());
        let moved = el("<graphics type='vnc' autoport='yes' listen='0.0.0.0'/>");
        assert_eq!(
            check_graphics_change(&old, &moved).unwrap_err().message,
            "Operation not supported: cannot change listen address setting on vnc graphics"
        );
        let fixed = el("<graphics type='vnc' port='5905' autoport='no'/>");
        assert!(check_graphics_change(&old, &fixed)
            .unwrap_err()
            .message
            .contains("cannot change port settings"));
        let mut g = el("<graphics type='vnc' passwd='a' passwdValidTo='2020-01-01T00:00:00'/>");
        take_password(&mut g, &el("<graphics type='vnc' passwd='b'/>"));
        assert_eq!(g.attr("passwd"), Some("b"));
        assert_eq!(g.attr("passwdValidTo"), None);
    }
}
