"""Samples per (metric, daemon); medians/min/max, ratios, targets; markdown + JSON."""

import json
import statistics

# key: (label, unit, higher_is_better, target)
#   target: ("rel", k)   rvirt ≥ k× better than libvirtd
#           ("max", x)   rvirt ≤ x       ("floor", k)  rvirt ≤ k × raw QEMU
METRICS = {
    "rpc_1conn": ("getLibVersion, 1 connection", "calls/s", True, ("rel", 3)),
    "rpc_cpu": ("daemon CPU per getLibVersion", "µs", False, ("max", 10)),
    "rpc_1c": ("getLibVersion, 1 client process", "calls/s", True, None),
    "rpc_4c": ("getLibVersion, 4 concurrent clients", "calls/s", True, None),
    "rpc_16c": ("getLibVersion, 16 concurrent clients", "calls/s", True, None),
    "rpc_64c": ("getLibVersion, 64 concurrent clients", "calls/s", True, None),
    "virsh_version": ("`virsh version` (whole process)", "ms", False, None),
    "open_close": ("open+close qemu:///system", "conn/s", True, None),
    "define_test": ("define, test:///default", "dom/s", True, ("rel", 10)),
    "undefine_test": ("undefine, test:///default", "dom/s", True, ("rel", 5)),
    "define_qemu": ("define, qemu:///system (persistent)", "dom/s", True, ("rel", 10)),
    "undefine_qemu": ("undefine, qemu:///system (persistent)", "dom/s", True, ("rel", 5)),
    "guest_start": ("TCG guest start → running", "ms", False, ("max", 30)),
    "guest_destroy": ("destroy", "ms", False, ("floor", 1.5)),
    "guest_suspend": ("suspend", "ms", False, None),
    "guest_resume": ("resume", "ms", False, None),
    "guest_save": ("save", "ms", False, ("floor", 1.5)),
    "guest_restore": ("restore", "ms", False, ("floor", 1.5)),
    "event_latency": ("destroy call → STOPPED event", "ms", False, ("max", 5)),
    "event_rate": ("lifecycle events (define+undefine)", "events/s", True, None),
    "vol_upload": ("vol-upload (virsh)", "MiB/s", True, ("rel", 2)),
    "vol_download": ("vol-download (virsh)", "MiB/s", True, ("rel", 2)),
    "rss_idle": ("daemon RSS idle", "MiB", False, ("max", 8)),
    "rss_defined": ("daemon RSS, defined domains", "MiB", False, ("max", 12)),
    "rss_running": ("daemon RSS, running guests", "MiB", False, ("max", 14)),
    "restart_ready": ("start → first call", "ms", False, ("max", 50)),
    "kill9_ready": ("kill -9 with guests → first call", "ms", False, None),
    "kill9_reattached": ("kill -9 with guests → all re-attached", "ms", False, ("max", 1000)),
}
LIST_LEVEL_TARGET = {10000: ("max", 3.5)}
SIDES = ("rvirtd", "libvirtd", "floor")


def metric_info(key):
    if key in METRICS:
        return METRICS[key]
    if key.startswith("list_"):
        _, driver, level = key.split("_")
        uri = "test:///default" if driver == "test" else "qemu:///system"
        return (f"listAllDomains @ {level} defined, {uri}", "ms", False,
                LIST_LEVEL_TARGET.get(int(level)))
    return (key, "", True, None)


class Results:
    def __init__(self):
        self.samples = {}
        self.notes = {}
        self.order = []
        self.labels = {}

    def _touch(self, key):
        if key not in self.order:
            self.order.append(key)

    def add(self, key, side, value):
        self._touch(key)
        self.samples.setdefault((key, side), []).append(float(value))

    def na(self, key, side, note):
        self._touch(key)
        self.notes[(key, side)] = note

    def has(self, key, side):
        return (key, side) in self.samples or (key, side) in self.notes

    def copy(self, src, dst):
        self._touch(dst)
        for side in SIDES:
            if (src, side) in self.samples:
                self.samples[(dst, side)] = list(self.samples[(src, side)])

    def label(self, key, text):
        """Appends detail (counts used) to a metric's label."""
        self.labels[key] = text

    def summary(self, key, side):
        s = self.samples.get((key, side))
        if not s:
            return None
        return {"median": statistics.median(s), "min": min(s), "max": max(s), "n": len(s)}

    def rows(self):
        out = []
        for key in self.order:
            label, unit, hib, target = metric_info(key)
            row = {"key": key, "metric": label + self.labels.get(key, ""), "unit": unit,
                   "higher_is_better": hib}
            for side in SIDES:
                row[side] = self.summary(key, side)
                if row[side] is None and (key, side) in self.notes:
                    row[side] = {"note": self.notes[(key, side)]}
            r, l, f = (row[s] and row[s].get("median") for s in SIDES)
            row["ratio"] = None
            if r and l:
                row["ratio"] = r / l if hib else l / r
            row["target"] = _target_text(target, unit)
            row["gap"] = _gap(target, r, row["ratio"], f, hib)
            out.append(row)
        return out


def _target_text(t, unit):
    if t is None:
        return ""
    kind, v = t
    if kind == "rel":
        return f"≥ {v}× libvirtd"
    if kind == "max":
        return f"≤ {v:g} {unit}"
    return f"≤ {v}× raw QEMU"


def _gap(t, r, ratio, floor, hib):
    """How many times rvirt is off its target (> 1: missed), or None."""
    if t is None or r is None:
        return None
    kind, v = t
    if kind == "rel":
        return v / ratio if ratio else None
    if kind == "max":
        return r / v
    if floor:
        return r / (v * floor)
    return None


def _fmt(x):
    if x is None:
        return "—"
    if "note" in x:
        return x["note"]
    m = x["median"]
    return f"{_num(m)} ({_num(x['min'])}–{_num(x['max'])})"


def _num(v):
    if v >= 1000:
        return f"{v:,.0f}".replace(",", " ")
    if v >= 100:
        return f"{v:.0f}"
    if v >= 10:
        return f"{v:.1f}"
    return f"{v:.2f}"


def markdown(rows):
    lines = ["| metric | unit | rvirtd median (min–max) | libvirtd 9.0 median (min–max) "
             "| ratio (× better) | raw QEMU / cp floor | rvirt target | met? |",
             "|---|---|---|---|---|---|---|---|"]
    for r in rows:
        ratio = f"{r['ratio']:.2f}×" if r["ratio"] else "—"
        met = "" if r["gap"] is None else ("yes" if r["gap"] <= 1 else f"no ({r['gap']:.1f}× off)")
        floor = _fmt(r["floor"]) if r["floor"] else ""
        lines.append(f"| {r['metric']} | {r['unit']} | {_fmt(r['rvirtd'])} | "
                     f"{_fmt(r['libvirtd'])} | {ratio} | {floor} | {r['target']} | {met} |")
    return "\n".join(lines) + "\n"


def furthest(rows, n=3):
    missed = [r for r in rows if r["gap"] is not None and r["gap"] > 1]
    missed.sort(key=lambda r: r["gap"], reverse=True)
    return missed[:n]


def write(path_base, rows, meta):
    with open(path_base + ".json", "w") as f:
        json.dump({"meta": meta, "metrics": rows}, f, indent=1, ensure_ascii=False)
    md = markdown(rows)
    far = furthest(rows)
    with open(path_base + ".md", "w") as f:
        f.write(f"# rvirtd vs libvirtd — {meta['mode']} run, {meta['date']}\n\n")
        f.write(f"Machine: {meta['machine']}\n\n")
        f.write("Ratio: how many times better rvirtd is (> 1 = rvirtd wins). "
                "Medians over repeated runs, (min–max) in brackets.\n\n")
        f.write(md)
        if far:
            f.write("\nFurthest from target: " + "; ".join(
                f"{r['metric']} ({r['gap']:.1f}× off)" for r in far) + "\n")
    return md
