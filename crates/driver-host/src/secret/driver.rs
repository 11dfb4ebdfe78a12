//! `SecretDriver` for libvirtd (`secretDriver`): persistent and ephemeral secrets.

use super::key::SecretKey;
use super::paths::SecretPaths;
use super::store;
use async_trait::async_trait;
use rvirt_conf::secret::{SecretDef, SecretUsageType};
use rvirt_core::driver::SecretDriver;
use rvirt_core::error::{ErrorCode, ErrorDomain, VirError, VirResult};
use rvirt_core::event::{Event, EventBus, SecretEventKind};
use rvirt_core::handle::{SecretRef, Uuid};
use std::path::PathBuf;
use std::sync::{Arc, Mutex, MutexGuard};

const DOM: ErrorDomain = ErrorDomain::Secret;
/// `VIR_CONNECT_LIST_SECRETS_*` bits.
const LIST_EPHEMERAL: u32 = 1;
const LIST_NO_EPHEMERAL: u32 = 2;
const LIST_PRIVATE: u32 = 4;
const LIST_NO_PRIVATE: u32 = 8;
/// `VIR_SECRET_DEFINE_VALIDATE`.
const DEFINE_VALIDATE: u32 = 1;
/// `VIR_SECRET_EVENT_DEFINED` / `_UNDEFINED`.
const EVENT_DEFINED: i32 = 0;
const EVENT_UNDEFINED: i32 = 1;

struct SecretObj {
    def: SecretDef,
    value: Option<Vec<u8>>,
    /// Why a persistent value could not be loaded (wrong key, corrupt file); cleared by
    /// the next `secretSetValue`.
    value_error: Option<VirError>,
}

impl SecretObj {
    /// The value, or why there is none.
    fn stored_value(&self, uuid: &Uuid) -> VirResult<Vec<u8>> {
        match (&self.value, &self.value_error) {
            (Some(v), _) => Ok(v.clone()),
            (None, Some(e)) => Err(e.clone()),
            (None, None) => Err(no_value(uuid)),
        }
    }

    fn sref(&self) -> SecretRef {
        SecretRef {
            uuid: Uuid(self.def.uuid),
            usage_type: self.def.usage.usage_type.number(),
            usage_id: self.def.usage.id.clone().unwrap_or_default(),
        }
    }
}

/// libvirtd's secret driver over a config directory (normally `/etc/libvirt/secrets`).
pub struct SecretDriverImpl {
    dir: PathBuf,
    key: Option<SecretKey>,
    events: EventBus,
    secrets: Mutex<Vec<SecretObj>>,
}

fn no_uuid(uuid: &Uuid) -> VirError {
    VirError::new(
        ErrorCode::NoSecret,
        DOM,
        format!("no secret with matching uuid '{uuid}'"),
    )
}

fn internal(detail: impl Into<String>) -> VirError {
    VirError::new(ErrorCode::InternalError, DOM, detail)
}

impl SecretDriverImpl {
    /// Opens the driver (`secretStateInitialize`) with everything in `config_dir`,
    /// including the generated `secrets-encryption-key` ([`SecretPaths::in_dir`]).
    pub fn open(config_dir: PathBuf, events: EventBus) -> VirResult<Arc<Self>> {
        Self::open_with(SecretPaths::in_dir(config_dir), events)
    }

    /// Opens the driver (`secretStateInitialize`): creates the config directory if needed,
    /// loads (or generates) the encryption key, then loads every persistent secret. A key
    /// that cannot be read or has the wrong size fails the open.
    pub fn open_with(paths: SecretPaths, events: EventBus) -> VirResult<Arc<Self>> {
        store::ensure_dir(&paths.config_dir)?;
        let key = match &paths.key {
            Some(source) => Some(SecretKey::load(source)?),
            None => None,
        };
        let secrets = store::load_all(&paths.config_dir, key.as_ref())
            .into_iter()
            .map(|l| {
                let (value, value_error) = match l.value {
                    Ok(v) => (v, None),
                    Err(e) => (None, Some(e)),
                };
                SecretObj {
                    def: l.def,
                    value,
                    value_error,
                }
            })
            .collect();
        Ok(Arc::new(SecretDriverImpl {
            dir: paths.config_dir,
            key,
            events,
            secrets: Mutex::new(secrets),
        }))
    }

    fn lock(&self) -> MutexGuard<'_, Vec<SecretObj>> {
        self.secrets.lock().unwrap_or_else(|p| p.into_inner())
    }

    fn emit(&self, secret: SecretRef, kind: SecretEventKind) {
        self.events.publish(Event::Secret { secret, kind });
    }

    /// A secret's value for another driver (`virSecretGetSecretString` with
    /// `VIR_SECRET_GET_VALUE_INTERNAL_CALL`): private secrets are returned too.
    pub fn get_value_internal(&self, uuid: Uuid) -> VirResult<Vec<u8>> {
        let list = self.lock();
        let o = list
            .iter()
            .find(|o| o.def.uuid == uuid.0)
            .ok_or_else(|| no_uuid(&uuid))?;
        o.stored_value(&uuid)
    }

    fn save_config(&self, def: &SecretDef) -> VirResult<()> {
        let uuid = Uuid(def.uuid).to_string();
        store::write_atomic(&store::xml_path(&self.dir, &uuid), def.format().as_bytes())
    }

    fn save_value(&self, uuid: &Uuid, value: &[u8]) -> VirResult<()> {
        store::save_value(&self.dir, &uuid.to_string(), self.key.as_ref(), value)
    }

    fn delete_files(&self, uuid: &Uuid) -> VirResult<()> {
        store::delete_files(&self.dir, &uuid.to_string())
    }
}

fn no_value(uuid: &Uuid) -> VirError {
    VirError::new(
        ErrorCode::NoSecret,
        DOM,
        format!("secret '{uuid}' does not have a value"),
    )
}

/// Both or neither of a filter pair set means "don't filter".
fn pair_ok(flags: u32, yes: u32, no: u32, has: bool) -> bool {
    let (y, n) = (flags & yes != 0, flags & no != 0);
    y == n || (y && has) || (n && !has)
}

#[async_trait]
impl SecretDriver for SecretDriverImpl {
    async fn list_all_secrets(&self, flags: u32) -> VirResult<Vec<SecretRef>> {
        VirError::check_flags(DOM, flags, 0xf, "secretConnectListAllSecrets")?;
        Ok(self
            .lock()
            .iter()
            .filter(|o| {
                pair_ok(flags, LIST_EPHEMERAL, LIST_NO_EPHEMERAL, o.def.ephemeral)
                    && pair_ok(flags, LIST_PRIVATE, LIST_NO_PRIVATE, o.def.private)
            })
            .map(SecretObj::sref)
            .collect())
    }

    async fn secret_lookup_by_uuid(&self, uuid: Uuid) -> VirResult<SecretRef> {
        self.lock()
            .iter()
            .find(|o| o.def.uuid == uuid.0)
            .map(SecretObj::sref)
            .ok_or_else(|| no_uuid(&uuid))
    }

    async fn secret_lookup_by_usage(
        &self,
        usage_type: i32,
        usage_id: &str,
    ) -> VirResult<SecretRef> {
        self.lock()
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
        VirError::check_flags(DOM, flags, DEFINE_VALIDATE, "secretDefineXML")?;
        let def = SecretDef::parse(xml)?;
        let uuid = Uuid(def.uuid);
        let r = {
            let mut list = self.lock();
            match list.iter().position(|o| o.def.uuid == def.uuid) {
                Some(i) => {
                    let old = &list[i].def;
                    if old.usage.id != def.usage.id {
                        return Err(internal(format!(
                            "a secret with UUID {uuid} is already defined for use with {}",
                            old.usage.id.as_deref().unwrap_or("(null)")
                        )));
                    }
                    if old.private && !def.private {
                        return Err(internal("cannot change private flag on existing secret"));
                    }
                    let was_ephemeral = old.ephemeral;
                    if !def.ephemeral {
                        self.save_config(&def)?;
                        if was_ephemeral {
                            if let Some(v) = &list[i].value {
                                self.save_value(&uuid, v)?;
                            }
                        }
                    } else if !was_ephemeral {
                        self.delete_files(&uuid)?;
                    }
                    list[i].def = def;
                    list[i].sref()
                }
                None => {
                    if def.usage.usage_type != SecretUsageType::None {
                        if let Some(o) = list.iter().find(|o| {
                            o.def.usage.usage_type == def.usage.usage_type
                                && o.def.usage.id == def.usage.id
                        }) {
                            return Err(internal(format!(
                                "a secret with UUID {} already defined for use with {}",
                                Uuid(o.def.uuid),
                                def.usage.id.as_deref().unwrap_or("(null)")
                            )));
                        }
                    }
                    if !def.ephemeral {
                        self.save_config(&def)?;
                    }
                    list.push(SecretObj {
                        def,
                        value: None,
                        value_error: None,
                    });
                    list[list.len() - 1].sref()
                }
            }
        };
        self.emit(
            r.clone(),
            SecretEventKind::Lifecycle {
                event: EVENT_DEFINED,
                detail: 0,
            },
        );
        Ok(r)
    }

    async fn secret_get_xml_desc(&self, secret: &SecretRef, flags: u32) -> VirResult<String> {
        VirError::check_flags(DOM, flags, 0, "secretGetXMLDesc")?;
        self.lock()
            .iter()
            .find(|o| o.def.uuid == secret.uuid.0)
            .map(|o| o.def.format())
            .ok_or_else(|| no_uuid(&secret.uuid))
    }

    async fn secret_set_value(
        &self,
        secret: &SecretRef,
        value: Vec<u8>,
        flags: u32,
    ) -> VirResult<()> {
        VirError::check_flags(DOM, flags, 0, "secretSetValue")?;
        let r = {
            let mut list = self.lock();
            let o = list
                .iter_mut()
                .find(|o| o.def.uuid == secret.uuid.0)
                .ok_or_else(|| no_uuid(&secret.uuid))?;
            if !o.def.ephemeral {
                self.save_value(&secret.uuid, &value)?;
            }
            if let Some(mut old) = o.value.replace(value) {
                old.fill(0);
            }
            o.value_error = None;
            o.sref()
        };
        self.emit(r, SecretEventKind::ValueChanged);
        Ok(())
    }

    async fn secret_get_value(&self, secret: &SecretRef, flags: u32) -> VirResult<Vec<u8>> {
        VirError::check_flags(DOM, flags, 0, "secretGetValue")?;
        let list = self.lock();
        let o = list
            .iter()
            .find(|o| o.def.uuid == secret.uuid.0)
            .ok_or_else(|| no_uuid(&secret.uuid))?;
        if o.def.private {
            return Err(VirError::new(
                ErrorCode::InvalidSecret,
                DOM,
                "secret is private",
            ));
        }
        o.stored_value(&secret.uuid)
    }

    async fn secret_undefine(&self, secret: &SecretRef) -> VirResult<()> {
        let r = {
            let mut list = self.lock();
            let i = list
                .iter()
                .position(|o| o.def.uuid == secret.uuid.0)
                .ok_or_else(|| no_uuid(&secret.uuid))?;
            if !list[i].def.ephemeral {
                self.delete_files(&secret.uuid)?;
            }
            let mut gone = list.remove(i);
            if let Some(v) = gone.value.as_mut() {
                v.fill(0);
            }
            gone.sref()
        };
        self.emit(
            r,
            SecretEventKind::Lifecycle {
                event: EVENT_UNDEFINED,
                detail: 0,
            },
        );
        Ok(())
    }
}
