#!/usr/bin/env python3
"""Alert storm: N targets breach within one second; how fast does Beacon's outbox drain?

  Benchmarks/storm.py [-N 1000] [-S 1] [--resolve] [--keep-workdir] [--nice -10]

1. Starts ../shared/bench/fixtures/metrics_server.py (N targets, one port each) and webhook_sink.py on
   127.0.0.1.
2. Writes a Beacon configuration with one rule per target (as Benchmarks/peer.py) whose sev2 pages all
   three layers; each layer has two people, the first on webhook channel `hook-a` (sink path /hook-a), the
   second on `hook-b` (/hook-b). So every incident queues 3 x 2 = 6 notifications: 6 N in all.
3. Starts `beacon serve`, waits for /healthz (status ok, targets == N) and until the fixture has served
   every target at least twice.
4. Flips every target's payment_success_rate to 0.5 through the fixture's control API (a few keep-alive
   connections in parallel; the flip span is reported and must stay under a second).
5. Tails the sink until 6 N notifications arrived (or --drain-timeout), then watches --settle seconds more
   for late duplicates. Reports the drain time (first flip -> last notification received), notifications
   per second, duplicates (an idempotency_key received more than once: must be 0) and the count received
   (must be 6 N), plus Beacon's CPU and peak RSS.
6. With --resolve, flips every target back and measures the `resolved` wave the same way.
Every process started here is stopped by its PID at the end (SIGTERM, SIGKILL after 10 s).

Prints a small table on stderr and one JSON line on stdout; the line is also appended to --results.
"""
import argparse
import collections
import datetime as dt
import http.client
import json
import os
import shutil
import signal
import socket
import sys
import tempfile
import threading
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
BENCH = os.path.abspath(os.environ.get("BENCH_DIR") or os.path.join(ROOT, "..", "shared", "bench"))
sys.path.insert(0, os.path.join(BENCH, "lib"))
sys.path.insert(0, HERE)

import procs  # noqa: E402  (shared: spawn/stop by PID, /proc readers)
from peer import (alerts_yaml, beacon_versions, beacon_yaml, default_timeout_ms, find_beacon,  # noqa: E402
                  health, write_config)
from peer_api import Target, http_ok, wait_until  # noqa: E402

T0 = time.monotonic()
METRIC = "payment_success_rate"
LAYERS = ("operation", "execution", "decision")


def log(msg):
    print(f"[{time.monotonic() - T0:7.1f}s] {msg}", file=sys.stderr, flush=True)


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def percentile(xs, p):
    if not xs:
        return None
    s = sorted(xs)
    k = (len(s) - 1) * p / 100.0
    f = int(k)
    c = min(f + 1, len(s) - 1)
    return s[f] + (s[c] - s[f]) * (k - f)


def r1(x):
    return None if x is None else round(x, 1)


def get_json(port, path, timeout=5.0):
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
    try:
        conn.request("GET", path)
        return json.loads(conn.getresponse().read())
    finally:
        conn.close()


def flip_all(port, indices, value, connections=4):
    """POST /control/set for every index over a few keep-alive connections; returns the flip records."""
    out, errors = [], []
    lock = threading.Lock()

    def worker(chunk):
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
        try:
            for i in chunk:
                conn.request("POST", f"/control/set?target={i}&metric={METRIC}&value={value}", body=b"")
                rec = json.loads(conn.getresponse().read())
                with lock:
                    out.append(rec)
        except Exception as e:  # noqa: BLE001
            with lock:
                errors.append(repr(e))
        finally:
            conn.close()

    chunks = [indices[k::connections] for k in range(connections)]
    threads = [threading.Thread(target=worker, args=(c,)) for c in chunks if c]
    for t in threads:
        t.start()
    for t in threads:
        t.join(60)
    if errors:
        raise RuntimeError(f"flips failed: {errors[:3]}")
    return out


class Tail:
    """Reads the sink's JSONL incrementally."""

    def __init__(self, path):
        self.path, self.pos, self.records = path, 0, []

    def poll(self):
        try:
            with open(self.path, "rb") as f:
                f.seek(self.pos)
                data = f.read()
        except FileNotFoundError:
            return 0
        end = data.rfind(b"\n")
        if end < 0:
            return 0
        self.pos += end + 1
        new = [json.loads(line) for line in data[:end].split(b"\n") if line.strip()]
        self.records.extend(new)
        return len(new)


def wave(tail, start_idx, *, event, expected, flips, timeout, settle, beacon, others=None, log_every=5.0):
    """Waits for `expected` notifications of `event` after tail.records[start_idx:]; returns the figures."""
    first_flip = min(f["mono"] for f in flips)
    last_flip = max(f["mono"] for f in flips)
    flip_of = {f"t{f['target']}": f["mono"] for f in flips}
    pids = {"beacon": beacon.pid, **(others or {})}
    sampler = procs.Sampler(pids)
    snap0 = sampler.snap()
    deadline = time.monotonic() + timeout
    next_note = time.monotonic() + log_every

    def matching():
        return [r for r in tail.records[start_idx:]
                if isinstance(r.get("body"), dict) and r["body"].get("event") == event]

    while True:
        tail.poll()
        got = len(matching())
        if got >= expected or time.monotonic() >= deadline:
            break
        if not beacon.alive():
            log(f"beacon exited rc={beacon.popen.returncode}")
            break
        if time.monotonic() >= next_note:
            next_note += log_every
            st, hb = health(beacon.port)
            log(f"{event}: {got}/{expected} received; healthz {st} {hb}")
        time.sleep(0.05)
    complete_at = time.monotonic()
    used = procs.Sampler.diff(snap0, sampler.snap())
    # watch for late arrivals and duplicates
    end = time.monotonic() + settle
    while time.monotonic() < end:
        tail.poll()
        time.sleep(0.2)
    tail.poll()
    recs = tail.records[start_idx:]
    mine, other = [], collections.Counter()
    for r in recs:
        ev = r["body"].get("event") if isinstance(r.get("body"), dict) else "non-json"
        if ev == event:
            mine.append(r)
        else:
            other[ev] += 1
    keys = collections.Counter(r["body"].get("idempotency_key") for r in mine)
    dup_keys = {k: n for k, n in keys.items() if n > 1}
    per_instance = collections.Counter(
        ((r["body"].get("incident") or {}).get("labels") or {}).get("instance") for r in mine)
    per_path = collections.Counter(r.get("path") for r in mine)
    per_layer = collections.Counter((r["body"].get("recipient") or {}).get("layer") for r in mine)
    # the ones that arrived while we waited for `expected` (not the settle period) define the drain
    in_time = [r for r in mine if r["received_mono"] <= complete_at]
    last = max((r["received_mono"] for r in in_time), default=None)
    first = min((r["received_mono"] for r in in_time), default=None)
    # per incident: flip -> first notification naming it
    first_per_inst = {}
    for r in mine:
        inst = ((r["body"].get("incident") or {}).get("labels") or {}).get("instance")
        if inst not in first_per_inst or r["received_mono"] < first_per_inst[inst]:
            first_per_inst[inst] = r["received_mono"]
    detect = [1000 * (m - flip_of[i]) for i, m in first_per_inst.items() if i in flip_of]
    drain_s = (last - first_flip) if last is not None else None
    return {
        "event": event,
        "expected": expected,
        "received": len(mine),
        "received_before_timeout": len(in_time),
        "complete": len(in_time) >= expected,
        "duplicates": sum(n - 1 for n in dup_keys.values()),
        "duplicate_keys_sample": dict(list(dup_keys.items())[:5]),
        "distinct_keys": len(keys),
        "flip_span_ms": r1(1000 * (last_flip - first_flip)),
        "drain_s": round(drain_s, 3) if drain_s is not None else None,
        "first_notification_s": round(first - first_flip, 3) if first is not None else None,
        "notifications_per_s": round(len(in_time) / drain_s, 1) if drain_s else None,
        "notifications_per_s_after_first": round((len(in_time) - 1) / (last - first), 1)
        if last is not None and last > first else None,
        "first_notification_per_incident_ms": {"p50": r1(percentile(detect, 50)), "p95": r1(percentile(detect, 95)),
                                               "max": r1(max(detect) if detect else None)},
        "incidents_notified": len(per_instance),
        "instances_short": sorted((i for i in flip_of if per_instance.get(i, 0) < expected // len(flips)),
                                  key=lambda s: int(s[1:]) if s and s[1:].isdigit() else 0)[:10],
        "by_path": dict(per_path),
        "by_layer": dict(per_layer),
        "other_events": dict(other),
        "beacon_cpu_s": round(used["cpu_s"]["beacon"], 2) if "beacon" in used["cpu_s"] else None,
        # until the last expected notification: who used the 2 cores (sink and fixture share them)
        "cpu_s_by_process": {k: round(v, 2) for k, v in used["cpu_s"].items()},
        "wait_s": round(used["seconds"], 2),
        "host_busy_pct": round(100 * used["host_busy_frac"], 1) if used["host_busy_frac"] is not None else None,
    }


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("-N", "--targets", type=int, default=1000)
    ap.add_argument("-S", "--interval", type=float, default=1.0, help="poll interval (s)")
    ap.add_argument("--endpoint", choices=["json", "metrics"], default="json")
    ap.add_argument("--drain-timeout", type=float, default=300.0, help="seconds to wait for all notifications")
    ap.add_argument("--settle", type=float, default=5.0, help="seconds to watch for late duplicates afterwards")
    ap.add_argument("--resolve", action="store_true", help="also flip everything back and measure the resolved wave")
    ap.add_argument("--ready-timeout", type=float, default=120.0)
    ap.add_argument("--flip-connections", type=int, default=4)
    ap.add_argument("--target-port-base", type=int, default=20000)
    ap.add_argument("--fixture-workers", type=int, default=2)
    ap.add_argument("--nice", type=int, default=0, help="niceness of every spawned process (e.g. -10)")
    ap.add_argument("--log-level", default="warning", help="beacon serve --log-level")
    ap.add_argument("--beacon-bin", default=None, help="default: $BEACON_BIN or .build/release/beacon")
    ap.add_argument("--results", default=os.path.join(HERE, "results", "storm.jsonl"),
                    help="append the JSON line here ('' = don't)")
    ap.add_argument("--keep-workdir", action="store_true")
    a = ap.parse_args()

    procs.NICE = a.nice
    N, S = a.targets, a.interval
    per_incident = len(LAYERS) * 2
    expected = N * per_incident
    binary = find_beacon(a.beacon_bin)
    workdir = tempfile.mkdtemp(prefix=f"beacon-storm-N{N}-", dir="/tmp")
    os.makedirs(os.path.join(workdir, "logs"))
    started = []
    result = None
    ok = False

    def spawn(role, argv, measure=True, cwd=None):
        p = procs.Proc(role, argv, os.path.join(workdir, "logs", role + ".log"), measure=measure, cwd=cwd)
        started.append(p)
        log(f"started {role} pid={p.pid}")
        return p

    def check_alive():
        for p in started:
            if not p.alive():
                raise RuntimeError(f"{p.role} (pid {p.pid}) exited rc={p.popen.returncode}; log tail:\n{p.tail()}")

    try:
        mport, sport = free_port(), free_port()
        sink_file = os.path.join(workdir, "notifications.jsonl")
        life = str(a.drain_timeout * (2 if a.resolve else 1) + a.ready_timeout + 600)
        py = sys.executable
        fixture_proc = spawn("fixture", [py, os.path.join(BENCH, "fixtures", "metrics_server.py"), "--targets", str(N),
                          "--port", str(mport), "--workers", str(a.fixture_workers), "--max-lifetime", life,
                          "--target-port-base", str(a.target_port_base),
                          "--flip-log", os.path.join(workdir, "flips.jsonl")], measure=False)
        sink_proc = spawn("sink", [py, os.path.join(BENCH, "fixtures", "webhook_sink.py"), "--port", str(sport),
                       "--out", sink_file, "--max-lifetime", life], measure=False)
        wait_until(lambda: http_ok(f"http://127.0.0.1:{mport}/healthz") and http_ok(f"http://127.0.0.1:{sport}/healthz")
                   and get_json(mport, "/control/stats")["workers_ready"] == a.fixture_workers, 60, what="fixtures")

        b = a.target_port_base
        targets = [Target(i, f"t{i}", "127.0.0.1", b + i, f"/t/{i}/metrics", f"/t/{i}/json",
                          f"http://127.0.0.1:{b + i}/t/{i}/metrics", f"http://127.0.0.1:{b + i}/t/{i}/json")
                   for i in range(N)]
        bport = free_port()
        sink = f"http://127.0.0.1:{sport}"
        chain = {layer: [(f"Storm {layer} A", f"{layer}-a", "hook-a"), (f"Storm {layer} B", f"{layer}-b", "hook-b")]
                 for layer in LAYERS}
        main_yaml = beacon_yaml(listen_port=bport, channels={"hook-a": sink + "/hook-a", "hook-b": sink + "/hook-b"},
                                chain=chain, paging={sev: list(LAYERS) for sev in ("sev1", "sev2", "sev3", "sev4")})
        alerts = alerts_yaml(targets, endpoint=a.endpoint, metric=METRIC, interval_s=S,
                             timeout_ms=default_timeout_ms(S), op="<", threshold=0.9)
        config = write_config(workdir, yaml_main=main_yaml, yaml_alerts=alerts)
        versions = beacon_versions(binary)
        log(f"storm: N={N} S={S}s -> {expected} notifications expected; workdir={workdir} versions={versions}")

        beacon = spawn("beacon", [binary, "serve", "--config", config, "--log-level", a.log_level], cwd=workdir)
        beacon.port = bport
        t_start = time.monotonic()
        note = [0.0]

        def ready():
            check_alive()
            st, hb = health(bport)
            fx = get_json(mport, "/control/stats")
            if time.monotonic() - note[0] > 10:
                note[0] = time.monotonic()
                log(f"waiting: healthz {st} {hb}; fixture min_polls={fx['min_polls_per_target']} "
                    f"targets_seen={fx['targets_seen']}/{N}")
            return (st == 200 and isinstance(hb, dict) and hb.get("status") == "ok" and hb.get("targets") == N
                    and fx["min_polls_per_target"] >= 2)

        wait_until(ready, a.ready_timeout, step=0.5, what="beacon ready and every target polled twice")
        ready_s = time.monotonic() - t_start
        log(f"ready after {ready_s:.1f}s")
        tail = Tail(sink_file)
        tail.poll()
        pre = len(tail.records)
        if pre:
            log(f"warning: {pre} notifications before the storm")

        flips = flip_all(mport, list(range(N)), 0.5, a.flip_connections)
        span = max(f["mono"] for f in flips) - min(f["mono"] for f in flips)
        log(f"flipped {len(flips)} targets to 0.5 in {1000 * span:.0f} ms; waiting for {expected} notifications")
        others = {"sink": sink_proc.pid, "fixture": fixture_proc.pid}
        others.update({f"fixture_w{k}": pid for k, pid in enumerate(get_json(mport, "/control/stats")["workers"])})
        fire = wave(tail, pre, event="page", expected=expected, flips=flips, timeout=a.drain_timeout,
                    settle=a.settle, beacon=beacon, others=others)
        check_alive()
        res = None
        if a.resolve:
            start_idx = len(tail.records)
            back = flip_all(mport, list(range(N)), 0.97, a.flip_connections)
            log(f"flipped {len(back)} targets back to 0.97; waiting for {expected} resolved notifications")
            res = wave(tail, start_idx, event="resolved", expected=expected, flips=back, timeout=a.drain_timeout,
                       settle=a.settle, beacon=beacon, others=others)
        check_alive()
        st, hb = health(bport)
        fx = get_json(mport, "/control/stats")
        result = {
            "system": "beacon",
            "test": "storm",
            "N": N,
            "S": S,
            "expected": expected,
            "received": fire["received"],
            "duplicates": fire["duplicates"],
            "drain_s": fire["drain_s"],
            "notifications_per_s": fire["notifications_per_s"],
            "flip_span_ms": fire["flip_span_ms"],
            "extra": {
                "page": fire,
                "resolved": res,
                "pre_storm_notifications": pre,
                "notifications_total": len(tail.records),
                "ready_s": round(ready_s, 1),
                "rss_peak_mb": r1((procs.status_kb(beacon.pid, "VmHWM") or 0) / 1024),
                "beacon_threads": procs.status_kb(beacon.pid, "Threads"),
                "healthz_after": hb,
                "fixture_polls_total": fx["polls_total"],
                "nice": a.nice,
                "endpoint": a.endpoint,
                "versions": versions,
                "started_at": dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds"),
                "run_s": round(time.monotonic() - T0, 1),
            },
        }
        ok = fire["complete"] and fire["received"] == expected and fire["duplicates"] == 0 and (
            res is None or (res["complete"] and res["received"] == expected and res["duplicates"] == 0))
        result["ok"] = ok
        return result
    finally:
        for p in reversed(started):
            rc = p.stop()
            log(f"stopped {p.role} pid={p.pid} rc={rc}")
        if result is not None:
            print_table(result)
            line = json.dumps(result)
            print(line, flush=True)
            if a.results:
                os.makedirs(os.path.dirname(os.path.abspath(a.results)), exist_ok=True)
                with open(a.results, "a") as f:
                    f.write(line + "\n")
        if a.keep_workdir or not ok:
            log(f"workdir kept: {workdir}")
        else:
            shutil.rmtree(workdir, ignore_errors=True)


def print_table(r):
    rows = [("wave", "expected", "received", "duplicates", "drain s", "notif/s", "first notif s",
             "per-incident first p50/p95/max ms", "beacon CPU s", "sink CPU s", "host busy %")]
    for w in (r["extra"]["page"], r["extra"]["resolved"]):
        if not w:
            continue
        d = w["first_notification_per_incident_ms"]
        rows.append((w["event"], w["expected"], w["received"], w["duplicates"], w["drain_s"], w["notifications_per_s"],
                     w["first_notification_s"], f"{d['p50']} / {d['p95']} / {d['max']}", w["beacon_cpu_s"],
                     w["cpu_s_by_process"].get("sink"), w["host_busy_pct"]))
    out = ["| " + " | ".join(str(c) for c in row) + " |" for row in rows]
    out.insert(1, "|" + "---|" * len(rows[0]))
    print(f"storm: N={r['N']} S={r['S']}s, flip span {r['flip_span_ms']} ms, beacon RSS peak "
          f"{r['extra']['rss_peak_mb']} MB, {'OK' if r['ok'] else 'FAILED'}", file=sys.stderr)
    print("\n".join(out), file=sys.stderr, flush=True)


if __name__ == "__main__":
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    signal.signal(signal.SIGHUP, lambda *_: sys.exit(129))
    try:
        res = main()
    except Exception as e:  # noqa: BLE001
        import traceback
        traceback.print_exc()
        print(json.dumps({"system": "beacon", "test": "storm", "error": f"{e.__class__.__name__}: {e}"}), flush=True)
        sys.exit(1)
    sys.exit(0 if res and res.get("ok") else 1)
