//! `NWFilterDriver` for libvirtd (`nwfilterDriver`): filter definitions and bindings.

use std::collections::{HashMap, HashSet};
use std::net::Ipv4Addr;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex, MutexGuard, Weak};

use async_trait::async_trait;
use rvirt_conf::nwfilter::{NwFilterBindingDef, NwFilterDef};
use rvirt_core::driver::NWFilterDriver;
use rvirt_core::error::{ErrorCode, VirError, VirResult};
use rvirt_core::{NwFilterBindingRef, NwFilterRef, Uuid};

use crate::errors::{failed, no_binding, no_name, no_uuid, DOM};
use crate::instantiate::{self, NftCommand, NftRunner};
use crate::learn::{LearnMode, Learner};
use crate::paths::NwFilterPaths;
use crate::plan::{plan, Plan};
use crate::store;

/// `VIR_NWFILTER_DEFINE_VALIDATE` / `VIR_NWFILTER_BINDING_CREATE_VALIDATE`.
const VALIDATE: u32 = 1;

#[derive(Default)]
struct State {
    filters: Vec<NwFilterDef>,
    bindings: Vec<NwFilterBindingDef>,
    /// Addresses learned per port (kept in memory only, as libvirt does).
    learned: HashMap<String, Ipv4Addr>,
    /// Ports whose address is being learned.
    learners: HashMap<String, Learner>,
}

impl State {
    fn by_name(&self, name: &str) -> Option<&NwFilterDef> {
        self.filters.iter().find(|f| f.name == name)
    }

    /// The plan for `b` with the current filters (and `replaced` instead of its namesake).
    fn plan_for(&self, b: &NwFilterBindingDef, replaced: Option<&NwFilterDef>) -> VirResult<Plan> {
        let lookup = |n: &str| match replaced {
            Some(r) if r.name == n => Some(r),
            _ => self.by_name(n),
        };
        plan(&lookup, b, self.learned.get(&b.portdev).copied())
    }

    /// Stops the port's learner, if it has one.
    fn stop_learner(&mut self, portdev: &str) {
        if let Some(l) = self.learners.remove(portdev) {
            l.cancel();
        }
    }

    /// Whether `start` reaches `target` through `<filterref>`s (`start` itself counts).
    fn reaches(&self, start: &str, target: &str, replaced: Option<&NwFilterDef>) -> bool {
        let mut seen = HashSet::new();
        let mut stack = vec![start.to_string()];
        while let Some(n) = stack.pop() {
            if n == target {
                return true;
            }
            if !seen.insert(n.clone()) {
                continue;
            }
            let def = match replaced {
                Some(r) if r.name == n => Some(r),
                _ => self.by_name(&n),
            };
            if let Some(d) = def {
                stack.extend(d.references().map(str::to_string));
            }
        }
        false
    }

    /// The first filter reachable from `start` that is not defined.
    fn missing_from(&self, start: &str) -> Option<String> {
        let mut seen = HashSet::new();
        let mut stack = vec![start.to_string()];
        while let Some(n) = stack.pop() {
            if !seen.insert(n.clone()) {
                continue;
            }
            match self.by_name(&n) {
                Some(d) => stack.extend(d.references().map(str::to_string)),
                None => return Some(n),
            }
        }
        None
    }
}

fn fref(d: &NwFilterDef) -> NwFilterRef {
    NwFilterRef {
        name: d.name.clone(),
        uuid: Uuid(d.uuid),
    }
}

fn bref(b: &NwFilterBindingDef) -> NwFilterBindingRef {
    NwFilterBindingRef {
        portdev: b.portdev.clone(),
        filtername: b.filter.filter.clone(),
    }
}

/// The `<filterbinding>` inside a status file (`<filterbindingstatus>` wrapper or not).
fn binding_from_status(text: &str) -> VirResult<NwFilterBindingDef> {
    match (text.find("<filterbinding>"), text.rfind("</filterbinding>")) {
        (Some(s), Some(e)) if e > s => {
            NwFilterBindingDef::parse(&text[s..e + "</filterbinding>".len()])
        }
        _ => NwFilterBindingDef::parse(text),
    }
}

fn status_xml(b: &NwFilterBindingDef) -> String {
    let mut out = String::from("<filterbindingstatus>\n");
    for line in b.format().lines() {
        out.push_str("  ");
        out.push_str(line);
        out.push('\n');
    }
    out.push_str("</filterbindingstatus>\n");
    out
}

/// libvirtd's network filter driver over a config dir and a binding status dir, enforcing
/// bindings with nftables.
pub struct NwFilterDriverImpl {
    paths: NwFilterPaths,
    state: Mutex<State>,
    runner: Arc<dyn NftRunner>,
    /// This driver, for the learner threads' callbacks.
    me: Weak<NwFilterDriverImpl>,
    /// Learner threads still running.
    active_learners: Arc<AtomicUsize>,
}

impl Drop for NwFilterDriverImpl {
    /// Cancels every learner (their threads end on their own shortly after).
    fn drop(&mut self) {
        let st = self.state.get_mut().unwrap_or_else(|p| p.into_inner());
        for l in st.learners.values() {
            l.cancel();
        }
    }
}

impl NwFilterDriverImpl {
    /// Opens the driver (`nwfilterStateInitialize`) with the system's `nft`; see
    /// [`NwFilterDriverImpl::open_with_runner`].
    pub fn open(paths: NwFilterPaths) -> VirResult<Arc<Self>> {
        Self::open_with_runner(paths, Arc::new(NftCommand::new()))
    }

    /// Opens the driver (`nwfilterStateInitialize`): creates the directories, loads every
    /// `NAME.xml` filter and every binding status file (files that do not parse are skipped
    /// with a warning, as libvirt does), re-instantiates every binding (`virNWFilterBuildAll`,
    /// after a daemon restart) and drops the chains of ports that have no binding any more.
    /// Firewall failures here are logged, not fatal.
    pub fn open_with_runner(
        paths: NwFilterPaths,
        runner: Arc<dyn NftRunner>,
    ) -> VirResult<Arc<Self>> {
        store::ensure_dir(&paths.config_dir)?;
        store::ensure_dir(&paths.binding_dir)?;
        let mut st = State::default();
        for (path, text) in store::read_xml_files(&paths.config_dir) {
            match NwFilterDef::parse(&text) {
                Ok(def) if st.by_name(&def.name).is_none() => {
                    if !def.uuid_specified {
                        // keep the generated UUID stable across restarts, as libvirt does
                        let file = paths.filter_file(&def.name);
                        let data = store::header("nwfilter-edit", &def.name) + &def.format();
                        if let Err(e) = store::write_atomic(&file, &data) {
                            tracing::warn!(error = %e, "cannot save nwfilter '{}'", def.name);
                        }
                    }
                    st.filters.push(def);
                }
                Ok(def) => {
                    tracing::warn!(file = %path.display(), "duplicate nwfilter '{}'", def.name)
                }
                Err(e) => {
                    tracing::warn!(file = %path.display(), error = %e, "cannot load nwfilter")
                }
            }
        }
        for (path, text) in store::read_xml_files(&paths.binding_dir) {
            match binding_from_status(&text) {
                Ok(b) if !st.bindings.iter().any(|x| x.portdev == b.portdev) => st.bindings.push(b),
                Ok(b) => tracing::warn!(
                    file = %path.display(),
                    "unexpected binding {} already exists",
                    b.portdev
                ),
                Err(e) => {
                    tracing::warn!(file = %path.display(), error = %e, "cannot load nwfilter binding")
                }
            }
        }
        let drv = Arc::new_cyclic(|me| NwFilterDriverImpl {
            paths,
            state: Mutex::new(st),
            runner,
            me: me.clone(),
            active_learners: Arc::new(AtomicUsize::new(0)),
        });
        drv.rebuild_all();
        Ok(drv)
    }

    /// How many IP address learner threads are running (`virNWFilterLearnIPAddress`
    /// requests still pending or not yet ended).
    pub fn active_learners(&self) -> usize {
        self.active_learners.load(Ordering::SeqCst)
    }

    /// The IPv4 address learned for a port (`virNWFilterIPAddrMapGetIPAddr`), if any.
    pub fn learned_ip(&self, portdev: &str) -> Option<Ipv4Addr> {
        self.lock().learned.get(portdev).copied()
    }

    /// Puts `plan`'s rules on the binding's port and starts or stops its learner to match.
    fn activate(&self, st: &mut State, b: &NwFilterBindingDef, plan: &Plan) -> VirResult<()> {
        instantiate::apply(self.runner.as_ref(), plan.ruleset())?;
        match plan {
            Plan::Full(_) => st.stop_learner(&b.portdev),
            Plan::Learn(_, mode) => self.start_learner(st, b, mode.clone()),
        }
        Ok(())
    }

    /// `virNWFilterLearnIPAddress`: a learner thread for the binding's port (unless one runs).
    fn start_learner(&self, st: &mut State, b: &NwFilterBindingDef, mode: LearnMode) {
        if st.learners.contains_key(&b.portdev) {
            return;
        }
        let me = self.me.clone();
        let port = b.portdev.clone();
        let on_learned = Box::new(move |ip: Ipv4Addr, cancel: &AtomicBool| {
            if let Some(drv) = me.upgrade() {
                drv.learned(&port, ip, cancel);
            }
        });
        match Learner::start(
            &b.portdev,
            b.mac,
            mode,
            self.runner.netns(),
            &self.active_learners,
            on_learned,
        ) {
            Ok(l) => {
                st.learners.insert(b.portdev.clone(), l);
            }
            Err(e) => {
                tracing::warn!(portdev = %b.portdev, error = %e, "cannot start IP address learning")
            }
        }
    }

    /// A learner found `ip`: the binding's full rules replace the learning rules.
    fn learned(&self, portdev: &str, ip: Ipv4Addr, cancel: &AtomicBool) {
        let mut st = self.lock();
        if cancel.load(Ordering::SeqCst) {
            return;
        }
        st.learners.remove(portdev);
        let Some(b) = st.bindings.iter().find(|b| b.portdev == portdev).cloned() else {
            return;
        };
        tracing::info!(portdev = %portdev, ip = %ip, "learned IP address");
        st.learned.insert(portdev.to_string(), ip);
        let res = st
            .plan_for(&b, None)
            .and_then(|p| self.activate(&mut st, &b, &p));
        if let Err(e) = res {
            tracing::warn!(portdev = %portdev, error = %e, "cannot instantiate nwfilter binding");
            st.learned.remove(portdev);
            // the learning rules stay; learn again
            if let Ok(Plan::Learn(_, mode)) = st.plan_for(&b, None) {
                self.start_learner(&mut st, &b, mode);
            }
        }
    }

    /// Re-applies every binding and removes chains of ports without one whose device is
    /// gone (a port that still exists may belong to another daemon sharing the host, e.g.
    /// a second `rvirtd --root`; its rules stay until that daemon deletes the binding).
    fn rebuild_all(&self) {
        let mut st = self.lock();
        for b in st.bindings.clone() {
            let res = st
                .plan_for(&b, None)
                .and_then(|p| self.activate(&mut st, &b, &p));
            if let Err(e) = res {
                tracing::warn!(portdev = %b.portdev, error = %e, "cannot instantiate nwfilter binding");
            }
        }
        match instantiate::ports(self.runner.as_ref()) {
            Ok(ports) => {
                for p in ports {
                    if st.bindings.iter().any(|b| b.portdev == p)
                        || std::path::Path::new("/sys/class/net").join(&p).exists()
                    {
                        continue;
                    }
                    if let Err(e) = instantiate::remove(self.runner.as_ref(), &p) {
                        tracing::warn!(portdev = %p, error = %e, "cannot remove stale nwfilter rules");
                    }
                }
            }
            Err(e) => tracing::warn!(error = %e, "cannot list nwfilter rules"),
        }
    }

    /// Instantiates again every binding reaching `def` (with `def` replacing the filter of
    /// its name); all rulesets are built first, and on a failed apply the bindings already
    /// updated get their old rules back.
    /// A binding still learning its address keeps its learning rules; one with a learned
    /// address gets its rules with that address.
    fn rebuild_for(&self, st: &mut State, def: &NwFilterDef) -> VirResult<()> {
        let affected: Vec<NwFilterBindingDef> = st
            .bindings
            .iter()
            .filter(|b| st.reaches(&b.filter.filter, &def.name, Some(def)))
            .cloned()
            .collect();
        if affected.is_empty() {
            return Ok(());
        }
        let mut new = Vec::new();
        for b in &affected {
            new.push(st.plan_for(b, Some(def))?);
        }
        for (i, p) in new.iter().enumerate() {
            if let Err(e) = instantiate::apply(self.runner.as_ref(), p.ruleset()) {
                for b in &affected[..i] {
                    let back = st
                        .plan_for(b, None)
                        .and_then(|p| instantiate::apply(self.runner.as_ref(), p.ruleset()));
                    if let Err(e2) = back {
                        tracing::warn!(portdev = %b.portdev, error = %e2, "cannot restore nwfilter rules");
                    }
                }
                return Err(e);
            }
        }
        for (b, p) in affected.iter().zip(&new) {
            match p {
                Plan::Full(_) => st.stop_learner(&b.portdev),
                Plan::Learn(_, mode) => self.start_learner(st, b, mode.clone()),
            }
        }
        Ok(())
    }

    fn lock(&self) -> MutexGuard<'_, State> {
        self.state.lock().unwrap_or_else(|p| p.into_inner())
    }

    fn sorted_filters(&self) -> Vec<NwFilterRef> {
        let st = self.lock();
        let mut v: Vec<NwFilterRef> = st.filters.iter().map(fref).collect();
        v.sort_by(|a, b| a.name.cmp(&b.name));
        v
    }
}

#[async_trait]
impl NWFilterDriver for NwFilterDriverImpl {
    /// virConnectNumOfNWFilters (`nwfilterConnectNumOfNWFilters`)
    async fn num_of_nwfilters(&self) -> VirResult<i32> {
        Ok(i32::try_from(self.lock().filters.len()).unwrap_or(i32::MAX))
    }

    /// virConnectListNWFilters (`nwfilterConnectListNWFilters`)
    async fn list_nwfilters(&self, maxnames: i32) -> VirResult<Vec<String>> {
        let mut names: Vec<String> = self.sorted_filters().into_iter().map(|f| f.name).collect();
        names.truncate(usize::try_from(maxnames).unwrap_or(0));
        Ok(names)
    }

    /// virConnectListAllNWFilters (`nwfilterConnectListAllNWFilters`)
    async fn list_all_nwfilters(&self, flags: u32) -> VirResult<Vec<NwFilterRef>> {
        VirError::check_flags(DOM, flags, 0, "nwfilterConnectListAllNWFilters")?;
        Ok(self.sorted_filters())
    }

    /// virNWFilterLookupByName (`nwfilterLookupByName`)
    async fn nwfilter_lookup_by_name(&self, name: &str) -> VirResult<NwFilterRef> {
        self.lock()
            .by_name(name)
            .map(fref)
            .ok_or_else(|| no_name(name))
    }

    /// virNWFilterLookupByUUID (`nwfilterLookupByUUID`)
    async fn nwfilter_lookup_by_uuid(&self, uuid: Uuid) -> VirResult<NwFilterRef> {
        let st = self.lock();
        st.filters
            .iter()
            .find(|f| f.uuid == uuid.0)
            .map(fref)
            .ok_or_else(|| no_uuid(&uuid))
    }

    /// virNWFilterDefineXMLFlags (`nwfilterDefineXMLFlags`): a new filter, or a new
    /// definition of the filter with the same name and UUID; every binding whose filter tree
    /// reaches a redefined filter is instantiated again (`virNWFilterTriggerRebuild`). If one
    /// cannot be, the define fails and the old rules stay.
    async fn nwfilter_define_xml(&self, xml: &str, flags: u32) -> VirResult<NwFilterRef> {
        VirError::check_flags(DOM, flags, VALIDATE, "nwfilterDefineXMLFlags")?;
        let def = NwFilterDef::parse(xml)?;
        if def.name.is_empty() || def.name.contains('/') {
            return Err(VirError::new(
                ErrorCode::InvalidArg,
                DOM,
                format!("filter name '{}' cannot be used as a file name", def.name),
            ));
        }
        let mut st = self.lock();
        if let Some(old) = st.filters.iter().find(|f| f.uuid == def.uuid) {
            if old.name != def.name {
                return Err(failed(format!(
                    "filter with same UUID but different name ('{}') already exists",
                    old.name
                )));
            }
        } else if let Some(old) = st.by_name(&def.name) {
            return Err(failed(format!(
                "filter '{}' already exists with UUID {}",
                def.name,
                Uuid(old.uuid)
            )));
        }
        let loops = def
            .references()
            .any(|r| st.reaches(r, &def.name, Some(&def)));
        if loops {
            return Err(failed("filter would introduce a loop".into()));
        }
        self.rebuild_for(&mut st, &def)?;
        let data = store::header("nwfilter-edit", &def.name) + &def.format();
        store::write_atomic(&self.paths.filter_file(&def.name), &data)?;
        let r = fref(&def);
        match st.filters.iter_mut().find(|f| f.name == def.name) {
            Some(slot) => *slot = def,
            None => st.filters.push(def),
        }
        Ok(r)
    }

    /// virNWFilterUndefine (`nwfilterUndefine`): refused while a binding uses the filter.
    async fn nwfilter_undefine(&self, filter: &NwFilterRef) -> VirResult<()> {
        let mut st = self.lock();
        let name = st
            .filters
            .iter()
            .find(|f| f.uuid == filter.uuid.0)
            .map(|f| f.name.clone())
            .ok_or_else(|| no_uuid(&filter.uuid))?;
        let in_use = st
            .bindings
            .iter()
            .any(|b| st.reaches(&b.filter.filter, &name, None));
        if in_use {
            return Err(VirError::new(
                ErrorCode::OperationInvalid,
                DOM,
                "nwfilter is in use",
            ));
        }
        store::remove(&self.paths.filter_file(&name))?;
        st.filters.retain(|f| f.name != name);
        Ok(())
    }

    /// virNWFilterGetXMLDesc (`nwfilterGetXMLDesc`)
    async fn nwfilter_get_xml_desc(&self, filter: &NwFilterRef, flags: u32) -> VirResult<String> {
        VirError::check_flags(DOM, flags, 0, "nwfilterGetXMLDesc")?;
        let st = self.lock();
        st.filters
            .iter()
            .find(|f| f.uuid == filter.uuid.0)
            .map(NwFilterDef::format)
            .ok_or_else(|| no_uuid(&filter.uuid))
    }

    /// virConnectListAllNWFilterBindings (`nwfilterConnectListAllNWFilterBindings`)
    async fn list_all_nwfilter_bindings(&self, flags: u32) -> VirResult<Vec<NwFilterBindingRef>> {
        VirError::check_flags(DOM, flags, 0, "nwfilterConnectListAllNWFilterBindings")?;
        let mut v: Vec<NwFilterBindingRef> = self.lock().bindings.iter().map(bref).collect();
        v.sort_by(|a, b| a.portdev.cmp(&b.portdev));
        Ok(v)
    }

    /// virNWFilterBindingLookupByPortDev (`nwfilterBindingLookupByPortDev`)
    async fn nwfilter_binding_lookup_by_port_dev(
        &self,
        portdev: &str,
    ) -> VirResult<NwFilterBindingRef> {
        let st = self.lock();
        st.bindings
            .iter()
            .find(|b| b.portdev == portdev)
            .map(bref)
            .ok_or_else(|| no_binding(portdev))
    }

    /// virNWFilterBindingCreateXML (`nwfilterBindingCreateXML`): the filter tree is
    /// instantiated on the port (nftables) before the binding is recorded.
    async fn nwfilter_binding_create_xml(
        &self,
        xml: &str,
        flags: u32,
    ) -> VirResult<NwFilterBindingRef> {
        VirError::check_flags(DOM, flags, VALIDATE, "nwfilterBindingCreateXML")?;
        let def = NwFilterBindingDef::parse(xml)?;
        if def.portdev.is_empty() || def.portdev.contains('/') {
            return Err(VirError::new(
                ErrorCode::InvalidArg,
                DOM,
                format!("port dev '{}' cannot be used as a file name", def.portdev),
            ));
        }
        let mut st = self.lock();
        if st.bindings.iter().any(|b| b.portdev == def.portdev) {
            return Err(failed(format!("binding '{}' already exists", def.portdev)));
        }
        if let Some(missing) = st.missing_from(&def.filter.filter) {
            return Err(VirError::internal(
                DOM,
                format!("referenced filter '{missing}' is missing"),
            ));
        }
        // a stale learned address of an earlier binding of this port does not count
        st.learned.remove(&def.portdev);
        let plan = st.plan_for(&def, None)?;
        instantiate::apply(self.runner.as_ref(), plan.ruleset())?;
        if let Err(e) =
            store::write_atomic(&self.paths.binding_file(&def.portdev), &status_xml(&def))
        {
            if let Err(e2) = instantiate::remove(self.runner.as_ref(), &def.portdev) {
                tracing::warn!(portdev = %def.portdev, error = %e2, "cannot remove nwfilter rules");
            }
            return Err(e);
        }
        let r = bref(&def);
        if let Plan::Learn(_, mode) = plan {
            self.start_learner(&mut st, &def, mode);
        }
        st.bindings.push(def);
        Ok(r)
    }

    /// virNWFilterBindingDelete (`nwfilterBindingDelete`)
    async fn nwfilter_binding_delete(&self, binding: &NwFilterBindingRef) -> VirResult<()> {
        let mut st = self.lock();
        if !st.bindings.iter().any(|b| b.portdev == binding.portdev) {
            return Err(no_binding(&binding.portdev));
        }
        store::remove(&self.paths.binding_file(&binding.portdev))?;
        st.bindings.retain(|b| b.portdev != binding.portdev);
        st.stop_learner(&binding.portdev);
        st.learned.remove(&binding.portdev);
        // libvirt's teardown logs firewall failures and carries on
        if let Err(e) = instantiate::remove(self.runner.as_ref(), &binding.portdev) {
            tracing::warn!(portdev = %binding.portdev, error = %e, "cannot remove nwfilter rules");
        }
        Ok(())
    }

    /// virNWFilterBindingGetXMLDesc (`nwfilterBindingGetXMLDesc`)
    async fn nwfilter_binding_get_xml_desc(
        &self,
        binding: &NwFilterBindingRef,
        flags: u32,
    ) -> VirResult<String> {
        VirError::check_flags(DOM, flags, 0, "nwfilterBindingGetXMLDesc")?;
        let st = self.lock();
        st.bindings
            .iter()
            .find(|b| b.portdev == binding.portdev)
            .map(NwFilterBindingDef::format)
            .ok_or_else(|| no_binding(&binding.portdev))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn def(name: &str, refs: &[&str]) -> NwFilterDef {
        let refs: String = refs
            .iter()
            .map(|r| format!("<filterref filter='{r}'/>"))
            .collect();
        NwFilterDef::parse(&format!("<filter name='{name}'>{refs}</filter>")).unwrap()
    }

    #[test]
    fn reachability_and_missing_filters() {
        let st = State {
            filters: vec![def("a", &["b"]), def("b", &["c"]), def("c", &[])],
            bindings: Vec::new(),
            ..State::default()
        };
        assert!(st.reaches("a", "c", None));
        assert!(!st.reaches("c", "a", None));
        // replacing c with a version that references a closes a loop
        assert!(st.reaches("a", "c", Some(&def("c", &["a"]))));
        assert_eq!(st.missing_from("a"), None);
        let st = State {
            filters: vec![def("a", &["b", "x"]), def("b", &[])],
            bindings: Vec::new(),
            ..State::default()
        };
        assert_eq!(st.missing_from("a").as_deref(), Some("x"));
        assert_eq!(st.missing_from("nosuch").as_deref(), Some("nosuch"));
    }

    #[test]
    fn status_files_wrap_the_binding() {
        let b = NwFilterBindingDef::parse(
            "<filterbinding><owner><name>v</name>\
             <uuid>d54df46f-1ab5-4a22-8618-4560ef5fac2c</uuid></owner>\
             <portdev name='tap0'/><mac address='52:54:00:00:00:01'/>\
             <filterref filter='f'/></filterbinding>",
        )
        .unwrap();
        let status = status_xml(&b);
        assert!(status.starts_with("<filterbindingstatus>\n  <filterbinding>\n    <owner>\n"));
        assert!(status.ends_with("  </filterbinding>\n</filterbindingstatus>\n"));
        assert_eq!(binding_from_status(&status).unwrap(), b);
        assert_eq!(binding_from_status(&b.format()).unwrap(), b);
        assert!(binding_from_status("<filterbindingstatus/>").is_err());
    }
}
