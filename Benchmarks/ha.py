#!/usr/bin/env python3
"""Beacon on several nodes: three `beacon serve` on one PostgreSQL against one on SQLite, in the same run.

  Benchmarks/ha.py [-N 10000] [-S 1] [-W 30] [--storm 1000] [--nodes 3] [--nice -10] [--keep-workdir]

1. Starts ../shared/bench/fixtures/metrics_server.py (N targets) and webhook_sink.py on 127.0.0.1.
2. One node on SQLite polls the N targets; once every target was polled twice, measures W seconds: the node's CPU
   and the polls the fixture served -> CPU ms per 1,000 polls. Stops it.
3. Starts a PostgreSQL (Debian's binaries, a fresh cluster in the workdir; run as the `postgres` user when root)
   and --nodes `beacon serve` on it, each with its own listen port and `cluster: { node, heartbeat: 2s }`. Once
   their healthz targets add up to N and every target was polled twice, measures W seconds: CPU per node and in
   total, polls per node (its /metrics) and in total (the fixture).
4. `kill -9` of one node: the time until every target has been polled again after the kill (the survivors took the
   dead node's sources over), and until the survivors' healthz targets add up to N.
5. A storm across the survivors: --storm targets breach at once; each incident pages one person on the sink.
   Reports the drain time (first flip -> last page received) and duplicates (an idempotency key twice).
Every process started here is stopped by its PID at the end. Prints a table on stderr and one JSON line on
stdout (appended to --results).
"""
import argparse
import datetime as dt
import json
import os
import pwd
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import urllib.request

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)

import storm  # noqa: E402  (the fixture, the sink, flips and waves, as the storm runs them)
from storm import BENCH, METRIC, Tail, flip_all, free_port, get_json, log, wave  # noqa: E402
import procs  # noqa: E402
from peer import (alerts_yaml, beacon_versions, beacon_yaml, default_timeout_ms, find_beacon,  # noqa: E402
                  health, write_config)
from peer_api import Target, http_ok, wait_until  # noqa: E402


def polls_by_metrics(port):
    """The node's own poll count: the sum of its beacon_polls_total series."""
    try:
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/metrics", timeout=10) as r:
            text = r.read().decode()
    except OSError:
        return None
    return sum(float(line.rsplit(" ", 1)[1]) for line in text.splitlines() if line.startswith("beacon_polls_total{"))


def postgres_binaries():
    root = "/usr/lib/postgresql"
    for version in sorted(os.listdir(root), reverse=True) if os.path.isdir(root) else []:
        path = os.path.join(root, version, "bin")
        if os.path.exists(os.path.join(path, "initdb")):
            return path
    raise RuntimeError("PostgreSQL is not installed (scripts/install-deps.sh test installs it)")


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("-N", "--targets", type=int, default=10000)
    ap.add_argument("-S", "--interval", type=float, default=1.0)
    ap.add_argument("-W", "--window", type=float, default=30.0, help="seconds measured per configuration")
    ap.add_argument("--nodes", type=int, default=3)
    ap.add_argument("--storm", type=int, default=1000, help="targets that breach at once after the kill")
    ap.add_argument("--ready-timeout", type=float, default=180.0)
    ap.add_argument("--target-port-base", type=int, default=20000)
    ap.add_argument("--fixture-workers", type=int, default=2)
    ap.add_argument("--nice", type=int, default=0)
    ap.add_argument("--beacon-bin", default=None)
    ap.add_argument("--results", default=os.path.join(HERE, "results", "ha.jsonl"))
    ap.add_argument("--keep-workdir", action="store_true")
    a = ap.parse_args()

    procs.NICE = a.nice
    N, S = a.targets, a.interval
    binary = find_beacon(a.beacon_bin)
    workdir = tempfile.mkdtemp(prefix=f"beacon-ha-N{N}-", dir="/tmp")
    os.makedirs(os.path.join(workdir, "logs"))
    started = []
    cleanup = []
    result = None

    def spawn(role, argv, measure=True, cwd=None, env=None):
        old = {k: os.environ.get(k) for k in (env or {})}
        os.environ.update(env or {})
        try:
            p = procs.Proc(role, argv, os.path.join(workdir, "logs", role + ".log"), measure=measure, cwd=cwd)
        finally:
            for k, v in old.items():
                if v is None:
                    os.environ.pop(k, None)
                else:
                    os.environ[k] = v
        started.append(p)
        log(f"started {role} pid={p.pid}")
        return p

    try:
        mport, sport = free_port(), free_port()
        sink_file = os.path.join(workdir, "notifications.jsonl")
        life = str(a.ready_timeout * 3 + a.window * 4 + 900)
        py = sys.executable
        fixture = spawn("fixture", [py, os.path.join(BENCH, "fixtures", "metrics_server.py"), "--targets", str(N),
                                    "--port", str(mport), "--workers", str(a.fixture_workers), "--max-lifetime", life,
                                    "--target-port-base", str(a.target_port_base),
                                    "--flip-log", os.path.join(workdir, "flips.jsonl")], measure=False)
        sink = spawn("sink", [py, os.path.join(BENCH, "fixtures", "webhook_sink.py"), "--port", str(sport),
                              "--out", sink_file, "--max-lifetime", life], measure=False)
        wait_until(lambda: http_ok(f"http://127.0.0.1:{mport}/healthz") and http_ok(f"http://127.0.0.1:{sport}/healthz")
                   and get_json(mport, "/control/stats")["workers_ready"] == a.fixture_workers, 60, what="fixtures")
        b = a.target_port_base
        targets = [Target(i, f"t{i}", "127.0.0.1", b + i, f"/t/{i}/metrics", f"/t/{i}/json",
                          f"http://127.0.0.1:{b + i}/t/{i}/metrics", f"http://127.0.0.1:{b + i}/t/{i}/json")
                   for i in range(N)]
        alerts = alerts_yaml(targets, endpoint="json", metric=METRIC, interval_s=S, timeout_ms=default_timeout_ms(S),
                             op="<", threshold=0.9)
        chain = {layer: [(f"HA {layer}", f"{layer}-a", "sink")] for layer in ("operation", "execution", "decision")}
        paging = {sev: ["operation"] for sev in ("sev1", "sev2", "sev3", "sev4")}

        def config(directory, port, store, extra=""):
            os.makedirs(directory, exist_ok=True)
            main_yaml = beacon_yaml(listen_port=port, channels={"sink": f"http://127.0.0.1:{sport}/hook"}, chain=chain,
                                    paging=paging, store=store) + extra
            return write_config(directory, yaml_main=main_yaml, yaml_alerts=alerts)

        def measure(nodes):
            """CPU and polls over the window, once every target was polled twice since now."""
            base = get_json(mport, "/control/stats", timeout=30)["min_polls_per_target"]
            wait_until(lambda: get_json(mport, "/control/stats", timeout=30)["min_polls_per_target"] >= base + 2,
                       a.ready_timeout, step=0.5, what="every target polled twice")
            sampler = procs.Sampler({name: node.pid for name, node in nodes.items()})
            polls0 = get_json(mport, "/control/stats", timeout=30)["polls_total"]
            own0 = {name: polls_by_metrics(node.port) for name, node in nodes.items()}
            snap0 = sampler.snap()
            time.sleep(a.window)
            used = procs.Sampler.diff(snap0, sampler.snap())
            polls = get_json(mport, "/control/stats", timeout=30)["polls_total"] - polls0
            own = {name: (polls_by_metrics(node.port) or 0) - (own0[name] or 0) for name, node in nodes.items()}
            per_node = {name: {"cpu_s": round(used["cpu_s"][name], 2), "polls": int(own[name]),
                               "cpu_ms_per_1k_polls": round(1e6 * used["cpu_s"][name] / own[name], 1) if own[name] else None,
                               "rss_mb": round((procs.status_kb(node.pid, "VmRSS") or 0) / 1024, 1)}
                        for name, node in nodes.items()}
            total_cpu = sum(used["cpu_s"][name] for name in nodes)
            return {"seconds": round(used["seconds"], 1), "polls": polls, "polls_per_s": round(polls / used["seconds"], 1),
                    "cpu_s": round(total_cpu, 2), "cpu_ms_per_1k_polls": round(1e6 * total_cpu / polls, 1),
                    "cpu_pct_of_core": round(100 * total_cpu / used["seconds"], 1), "nodes": per_node}

        # 2. One node on SQLite.
        port = free_port()
        single = spawn("sqlite", [binary, "serve", "--config", config(os.path.join(workdir, "sqlite"), port,
                                                                      "beacon.sqlite"), "--log-level", "warning"])
        single.port = port
        wait_until(lambda: (lambda st, hb: st == 200 and isinstance(hb, dict) and hb.get("targets") == N)(*health(port)),
                   a.ready_timeout, step=0.5, what="the SQLite node ready")
        sqlite_figures = measure({"sqlite": single})
        log(f"sqlite: {sqlite_figures['cpu_ms_per_1k_polls']} CPU ms / 1k polls, {sqlite_figures['polls_per_s']} polls/s")
        single.stop()

        # 3. PostgreSQL and the nodes.
        binaries = postgres_binaries()
        # Its own folder under /tmp: the run's workdir is private (0700), and the server runs as `postgres`.
        pgdir = tempfile.mkdtemp(prefix="beacon-ha-pg-", dir="/tmp")
        cleanup.append(pgdir)
        owner = "postgres" if os.getuid() == 0 else None
        as_owner = ["/usr/bin/setpriv", f"--reuid={owner}", f"--regid={owner}", "--init-groups"] if owner else []
        if owner:
            uid = pwd.getpwnam(owner)
            os.chown(pgdir, uid.pw_uid, uid.pw_gid)
        subprocess.run(as_owner + [os.path.join(binaries, "initdb"), "-D", os.path.join(pgdir, "data"), "-U", "beacon",
                                   "--auth=trust", "-E", "UTF8", "--locale=C"], check=True, capture_output=True)
        pgport = free_port()
        postgres = spawn("postgres", as_owner + [os.path.join(binaries, "postgres"), "-D", os.path.join(pgdir, "data"),
                                                 "-h", "127.0.0.1", "-p", str(pgport), "-k", pgdir,
                                                 "-c", "max_connections=200"], measure=False)
        wait_until(lambda: "ready to accept connections" in open(os.path.join(workdir, "logs", "postgres.log")).read(),
                   60, what="PostgreSQL")
        url = f"postgres://beacon@127.0.0.1:{pgport}/postgres?sslmode=disable"
        nodes = {}
        for k in range(a.nodes):
            name = f"node-{chr(ord('a') + k)}"
            port = free_port()
            path = config(os.path.join(workdir, name), port, f'"{url}"',
                          extra=f'cluster: {{ node: "{name}", heartbeat: 2s }}\n')
            node = spawn(name, [binary, "serve", "--config", path, "--log-level", "warning"])
            node.port = port
            nodes[name] = node

        def owned():
            total = 0
            for node in nodes.values():
                if not node.alive():
                    continue
                st, hb = health(node.port)
                if st != 200 or not isinstance(hb, dict):
                    return -1
                total += hb.get("targets", 0)
            return total

        wait_until(lambda: owned() == N, a.ready_timeout, step=0.5, what="the nodes sharing every target")
        cluster_figures = measure(nodes)
        log(f"cluster: {cluster_figures['cpu_ms_per_1k_polls']} CPU ms / 1k polls in total")

        # 4. kill -9 of one node.
        victim_name = sorted(nodes)[1]
        victim = nodes[victim_name]
        before = get_json(mport, "/control/stats?detail=1", timeout=30)["per_target"]
        killed = time.monotonic()
        os.kill(victim.pid, signal.SIGKILL)
        victim.popen.wait()
        shared_again = None
        polled_again = None
        while time.monotonic() - killed < 120 and (shared_again is None or polled_again is None):
            if shared_again is None and owned() == N:
                shared_again = time.monotonic() - killed
            if polled_again is None:
                now = get_json(mport, "/control/stats?detail=1", timeout=30)["per_target"]
                if all(after > before_i for after, before_i in zip(now, before)):
                    polled_again = time.monotonic() - killed
            time.sleep(0.2)
        del nodes[victim_name]
        log(f"kill -9 {victim_name}: every source polled again after {polled_again} s; shared again after {shared_again} s")

        # 5. A storm across the survivors.
        tail = Tail(sink_file)
        tail.poll()
        pre = len(tail.records)
        flips = flip_all(mport, list(range(a.storm)), 0.5, 4)
        survivor = next(iter(nodes.values()))
        fire = wave(tail, pre, event="page", expected=a.storm, flips=flips, timeout=300, settle=5, beacon=survivor,
                    others={name: node.pid for name, node in nodes.items()})
        result = {
            "system": "beacon", "test": "ha", "N": N, "S": S, "window_s": a.window, "nodes": a.nodes,
            "sqlite_single": sqlite_figures, "postgres_cluster": cluster_figures,
            "kill": {"node": victim_name, "every_source_polled_again_s": round(polled_again, 2) if polled_again else None,
                     "shared_again_s": round(shared_again, 2) if shared_again else None, "heartbeat_s": 2.0},
            "storm": {"incidents": a.storm, "received": fire["received"], "duplicates": fire["duplicates"],
                      "drain_s": fire["drain_s"], "notifications_per_s": fire["notifications_per_s"]},
            "versions": beacon_versions(binary), "nice": a.nice,
            "started_at": dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds"),
        }
        result["ok"] = bool(polled_again) and fire["received"] == a.storm and fire["duplicates"] == 0
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
        for path in cleanup:
            shutil.rmtree(path, ignore_errors=True)
        if a.keep_workdir or not (result or {}).get("ok"):
            log(f"workdir kept: {workdir}")
        else:
            shutil.rmtree(workdir, ignore_errors=True)


def print_table(r):
    s, c = r["sqlite_single"], r["postgres_cluster"]
    rows = [("configuration", "polls/s", "CPU ms / 1k polls", "CPU % of a core", "RSS MB")]
    rows.append(("1 node, SQLite", s["polls_per_s"], s["cpu_ms_per_1k_polls"], s["cpu_pct_of_core"],
                 s["nodes"]["sqlite"]["rss_mb"]))
    rows.append((f"{r['nodes']} nodes, PostgreSQL (total)", c["polls_per_s"], c["cpu_ms_per_1k_polls"],
                 c["cpu_pct_of_core"], round(sum(n["rss_mb"] for n in c["nodes"].values()), 1)))
    for name, n in sorted(c["nodes"].items()):
        rows.append((f"  {name}", round(n["polls"] / c["seconds"], 1), n["cpu_ms_per_1k_polls"],
                     round(100 * n["cpu_s"] / c["seconds"], 1), n["rss_mb"]))
    out = ["| " + " | ".join(str(x) for x in row) + " |" for row in rows]
    out.insert(1, "|" + "---|" * len(rows[0]))
    k, st = r["kill"], r["storm"]
    print(f"ha: N={r['N']} S={r['S']}s, window {r['window_s']} s; kill -9 {k['node']}: every source polled again "
          f"after {k['every_source_polled_again_s']} s (heartbeat {k['heartbeat_s']} s); storm of {st['incidents']}: "
          f"{st['received']} pages in {st['drain_s']} s, {st['duplicates']} duplicates; "
          f"{'OK' if r['ok'] else 'FAILED'}", file=sys.stderr)
    print("\n".join(out), file=sys.stderr, flush=True)


if __name__ == "__main__":
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    signal.signal(signal.SIGHUP, lambda *_: sys.exit(129))
    try:
        res = main()
    except Exception as e:  # noqa: BLE001
        import traceback
        traceback.print_exc()
        print(json.dumps({"system": "beacon", "test": "ha", "error": f"{e.__class__.__name__}: {e}"}), flush=True)
        sys.exit(1)
    sys.exit(0 if res and res.get("ok") else 1)
