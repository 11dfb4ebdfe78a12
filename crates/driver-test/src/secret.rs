//! `SecretDriver`: in-memory secrets. An extension: libvirt's test driver has no secret
//! driver (virsh answers "this function is not supported"); the lead asked for one here.

use crate::driver::TestConnection;
use crate::errors::check_flags;
use crate::objects::{DriverState, SecretObj};
use async_trait::async_trait;
use rvirt_conf::secret::{SecretDef, SecretUsageType};
use rvirt_core::driver::SecretDriver;
use rvirt_core::error::{ErrorCode, ErrorDomain, VirError, VirResult};
use rvirt_core::event::{Event, SecretEventKind};
use rvirt_core::handle::{SecretRef, Uuid};

const DOM: ErrorDomain = ErrorDomain::Secret;

fn idx(s: &DriverState, uuid: &Uuid) -> VirResult<usize> {
    s.secrets
        .iter()
        .position(|x| x.def.uuid == uuid.0)
        .ok_or_else(|| {
            VirError::new(
                ErrorCode::NoSecret,
                DOM,
                format!("no secret with matching uuid '{uuid}'"),
            )
        })
}

impl TestConnection {
    fn secret_event(&self, r: SecretRef, kind: SecretEventKind) {
        self.emit(Event::Secret { secret: r, kind });
    }
}

#[async_trait]
impl SecretDriver for TestConnection {
    async fn list_all_secrets(&self, flags: u32) -> VirResult<Vec<SecretRef>> {
        check_flags(flags, 0xf, "testConnectListAllSecrets")?;
        let pair = |y: bool, n: bool, has: bool| y == n || (y && has) || (n && !has);
        Ok(self
            .state()
            .secrets
            .iter()
            .filter(|s| {
                let eph = s.def.ephemeral;
                pair(flags & 1 != 0, flags & 2 != 0, eph)
                    && pair(flags & 4 != 0, flags & 8 != 0, s.def.private)
            })
            .map(SecretObj::sref)
            .collect())
    }
    async fn secret_lookup_by_uuid(&self, uuid: Uuid) -> VirResult<SecretRef> {
        self.with_state(|s| Ok(s.secrets[idx(s, &uuid)?].sref()))
    }
    async fn secret_lookup_by_usage(
        &self,
        usage_type: i32,
        usage_id: &str,
    ) -> VirResult<SecretRef> {
        self.state()
            .secrets
            .iter()
            .map(SecretObj::sref)
            .find(|r| r.usage_type == usage_type && r.usage_id == usage_id)
            .ok_or_else(|| {
                VirError::new(
                    ErrorCode::NoSecret,
                    DOM,
                    format!("no secret with matching usage '{usage_id}'"),
                )
            })
    }
    async fn secret_define_xml(&self, xml: &str, flags: u32) -> VirResult<SecretRef> {
        check_flags(flags, 1, "testSecretDefineXML")?;
        let def = SecretDef::parse(xml)?;
        let r = self.with_state(|s| {
            let id = def.usage.id.clone().unwrap_or_default();
            if let Some(o) = s.secrets.iter().find(|o| {
                o.def.uuid != def.uuid
                    && def.usage.usage_type != SecretUsageType::None
                    && o.def.usage == def.usage
            }) {
                return Err(VirError::new(
                    ErrorCode::InternalError,
                    DOM,
                    format!(
                        "a secret with UUID {} already defined for use with {id}",
                        Uuid(o.def.uuid)
                    ),
                ));
            }
            match s.secrets.iter().position(|o| o.def.uuid == def.uuid) {
                Some(i) => {
                    s.secrets[i].def = def;
                    Ok(s.secrets[i].sref())
                }
                None => {
                    s.secrets.push(SecretObj { def, value: None });
                    Ok(s.secrets[s.secrets.len() - 1].sref())
                }
            }
        })?;
        self.secret_event(
            r.clone(),
            SecretEventKind::Lifecycle {
                event: 0,
                detail: 0,
            },
        );
        Ok(r)
    }
    async fn secret_get_xml_desc(&self, secret: &SecretRef, flags: u32) -> VirResult<String> {
        check_flags(flags, 0, "testSecretGetXMLDesc")?;
        self.with_state(|s| Ok(s.secrets[idx(s, &secret.uuid)?].def.format()))
    }
    async fn secret_set_value(
        &self,
        secret: &SecretRef,
        value: Vec<u8>,
        flags: u32,
    ) -> VirResult<()> {
        check_flags(flags, 0, "testSecretSetValue")?;
        self.with_state(|s| {
            let i = idx(s, &secret.uuid)?;
            s.secrets[i].value = Some(value);
            Ok(())
        })?;
        self.secret_event(secret.clone(), SecretEventKind::ValueChanged);
        Ok(())
    }
    async fn secret_get_value(&self, secret: &SecretRef, flags: u32) -> VirResult<Vec<u8>> {
        check_flags(flags, 0, "testSecretGetValue")?;
        self.with_state(|s| {
            let o = &s.secrets[idx(s, &secret.uuid)?];
            if o.def.private {
                return Err(VirError::new(
                    ErrorCode::InvalidSecret,
                    DOM,
                    "secret is private",
                ));
            }
            o.value.clone().ok_or_else(|| {
                VirError::new(
                    ErrorCode::NoSecret,
                    DOM,
                    format!("secret '{}' does not have a value", secret.uuid),
                )
            })
        })
    }
    async fn secret_undefine(&self, secret: &SecretRef) -> VirResult<()> {
        let r = self.with_state(|s| {
            let i = idx(s, &secret.uuid)?;
            Ok(s.secrets.remove(i).sref())
        })?;
        self.secret_event(
            r,
            SecretEventKind::Lifecycle {
                event: 1,
                detail: 0,
            },
        );
        Ok(())
    }
}
