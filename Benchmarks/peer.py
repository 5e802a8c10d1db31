"""Beacon as a peer of the shared benchmark harness (../shared/bench).

The harness hands us N targets, the interval S, the rule (payment_success_rate < 0.9) and the sink URL.
We write a complete Beacon configuration into the run's workdir and start `beacon serve` on it:

  beacon.yaml          store in the workdir, listen on a free loopback port, one webhook channel `sink`
                       (the harness' sink), a command chain with one person per layer, all on `sink`,
                       deadlines of 1d so nothing escalates during a run, and paging that sends every
                       severity to the operation layer only: one breach = one `page`, one `resolved`.
  Alerts/bench-<k>.yaml  one threshold rule per target (files under 1 MiB, as Beacon requires): id t<i>, labels {instance: t<i>}, for 0s,
                       resolve_after 0s, interval S, timeout min(0.8 S, 2 s).
  Playbooks/           empty (zero playbooks is valid).

Peer options (--peer-opt K=V):
  endpoint=json|metrics   poll /t/<i>/json (format json, path payment_success_rate; default) or
                          /t/<i>/metrics (format prometheus, metric payment_success_rate)
  beacon_bin=PATH         the beacon executable (default: $BEACON_BIN or <repo>/.build/release/beacon)
  log_level=warning       serve's --log-level
  timeout_ms=MS           the rules' source timeout (default min(0.8 S, 2 s))

Latency stages (explain(), read back from Beacon's SQLite store after the trials):
  poll_wait   flip -> the incident's opened_at: waiting for the target's next poll, the response, the
              evaluation of the response and the commit of the incident with its outbox rows
  notify      opened_at -> webhook received by the sink: the outbox dispatcher picking the row up and the
              POST (computed as the rest of the latency, so the stages add up exactly)
"""
import json
import os
import socket
import sqlite3
import subprocess
import urllib.error
import urllib.request

from peer_api import BasePeer

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)

# Which webhook events count as what for the harness. `raised` would only come from a severity rise,
# which a single sev2 level never produces; it is still a firing notification if it ever arrives.
FIRING_EVENTS = ("page", "raised")
RESOLVED_EVENTS = ("resolved",)


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def duration(seconds):
    """A Beacon duration: whole seconds as `<n>s`, anything else in whole milliseconds."""
    ms = round(float(seconds) * 1000)
    return f"{ms // 1000}s" if ms % 1000 == 0 else f"{ms}ms"


def default_timeout_ms(interval_s):
    """Strictly shorter than the interval: min(0.8 S, 2 s), at least 1 ms below S."""
    s_ms = round(float(interval_s) * 1000)
    return max(1, min(round(0.8 * s_ms), 2000, s_ms - 1))


def q(s):
    """A YAML double-quoted scalar (JSON strings are valid YAML)."""
    return json.dumps(str(s))


def beacon_yaml(*, listen_port, channels, chain, paging, store="beacon.sqlite"):
    """The main configuration.

    channels: {id: url}; chain: {layer: [(name, login, channel_id), ...]}; paging: {sevN: [layers]}."""
    deadline_key = {"operation": "ack_within", "execution": "assess_within", "decision": "instruct_within"}
    out = [
        "# Written by Benchmarks/peer.py for one benchmark run.",
        f"store: {store}",
        f"listen: 127.0.0.1:{listen_port}",
        f"public_url: http://127.0.0.1:{listen_port}",
        "alerts: Alerts",
        "playbooks: Playbooks",
        "channels:",
    ]
    for cid, url in channels.items():
        # One message per person, as the harness counts them (a webhook is a group channel unless it says so).
        out += [f"  {cid}:", "    type: webhook", f"    url: {q(url)}", "    timeout: 5s", "    audience: personal"]
    out.append("chain:")
    for layer in ("operation", "execution", "decision"):
        out += [f"  {layer}:", f"    {deadline_key[layer]}: 1d", "    people:"]
        for name, login, channel in chain[layer]:
            out += [f"      - name: {q(name)}", f"        login: {login}", f"        channels: [{channel}]"]
    out.append("paging:")
    for sev, layers in paging.items():
        out.append(f"  {sev}: [{', '.join(layers)}]")
    return "\n".join(out) + "\n"


def rule_yaml(*, rule_id, title, url, endpoint, metric, interval_s, timeout_ms, op, threshold, instance):
    src = [f"      url: {q(url)}"]
    if endpoint == "metrics":
        src += ["      format: prometheus", f"      metric: {metric}"]
    else:
        src += ["      format: json", f"      path: {metric}"]
    src += [f"      interval: {duration(interval_s)}", f"      timeout: {timeout_ms}ms"]
    return "\n".join([
        f"  - id: {rule_id}",
        f"    title: {q(title)}",
        "    category: system",
        "    source:",
        *src,
        "    condition:",
        "      kind: threshold",
        f"      op: {q(op)}",
        f"      levels: {{ sev2: {threshold!r} }}",
        "    for: 0s",
        "    resolve_after: 0s",
        f"    labels: {{ instance: {instance} }}",
    ]) + "\n"


def alerts_yaml(targets, *, endpoint, metric, interval_s, timeout_ms, op, threshold):
    parts = [f"# Written by Benchmarks/peer.py: one rule per target ({len(targets)}).\nrules:\n"]
    for t in targets:
        parts.append(rule_yaml(
            rule_id=t.instance, title=f"Payment success rate {t.instance}",
            url=t.metrics_url if endpoint == "metrics" else t.json_url, endpoint=endpoint, metric=metric,
            interval_s=interval_s, timeout_ms=timeout_ms, op=op, threshold=threshold, instance=t.instance))
    return "".join(parts)


def write_config(workdir, *, yaml_main, yaml_alerts, max_bytes=900_000):
    """Writes beacon.yaml and the rules, split over Alerts/bench-<k>.yaml files of at most `max_bytes` each
    (Beacon refuses a configuration file over 1 MiB)."""
    os.makedirs(os.path.join(workdir, "Alerts"), exist_ok=True)
    os.makedirs(os.path.join(workdir, "Playbooks"), exist_ok=True)
    with open(os.path.join(workdir, "beacon.yaml"), "w") as f:
        f.write(yaml_main)
    header, _, body = yaml_alerts.partition("rules:\n")
    rules = ["  - id: " + r for r in body.split("  - id: ") if r.strip()]
    chunks, current, size = [], [], 0
    for rule in rules:
        if current and size + len(rule) > max_bytes:
            chunks.append(current)
            current, size = [], 0
        current.append(rule)
        size += len(rule)
    chunks.append(current)
    for k, chunk in enumerate(chunks):
        with open(os.path.join(workdir, "Alerts", f"bench-{k}.yaml"), "w") as f:
            f.write(header + "rules:\n" + "".join(chunk))
    return os.path.join(workdir, "beacon.yaml")


def find_beacon(explicit=None):
    for p in (explicit, os.environ.get("BEACON_BIN"), os.path.join(ROOT, ".build", "release", "beacon")):
        if p and os.access(p, os.X_OK):
            return os.path.abspath(p)
    raise FileNotFoundError("beacon not built: run `swift build -c release --product beacon` "
                            "(Benchmarks/run.sh does) or set BEACON_BIN")


def beacon_versions(binary):
    out = {"beacon_bin": binary}
    try:
        r = subprocess.run([binary, "--version"], capture_output=True, text=True, timeout=20)
        line = (r.stdout or "").strip().splitlines()
        if r.returncode == 0 and line:
            out["beacon"] = line[0]
    except (OSError, subprocess.SubprocessError):
        pass
    try:
        r = subprocess.run(["git", "-C", ROOT, "describe", "--always", "--dirty", "--abbrev=12"],
                           capture_output=True, text=True, timeout=20)
        if r.returncode == 0:
            out["git"] = r.stdout.strip()
    except (OSError, subprocess.SubprocessError):
        pass
    return out


def health(port, timeout=2.0):
    """(http status, parsed JSON or None); (None, None) when nothing answers."""
    try:
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=timeout) as r:
            body = r.read()
            status = r.status
    except urllib.error.HTTPError as e:
        status, body = e.code, e.read()
    except OSError:
        return None, None
    try:
        return status, json.loads(body)
    except ValueError:
        return status, None


def webhook_events(body):
    """Beacon's webhook body (docs/webhook.md) -> [(instance, "firing"|"resolved")]."""
    if not isinstance(body, dict):
        return []
    ev = body.get("event")
    if ev in FIRING_EVENTS:
        st = "firing"
    elif ev in RESOLVED_EVENTS:
        st = "resolved"
    else:
        return []
    inst = ((body.get("incident") or {}).get("labels") or {}).get("instance")
    return [(str(inst), st)] if inst is not None else []


def open_store(path):
    """The run's store, read-only (Beacon keeps running and writing while we read)."""
    db = sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=10)
    db.execute("PRAGMA query_only = 1")
    return db


def opened_at_by_instance(path):
    """{instance: [opened_at (unix s), ...]} for every incident in the store."""
    out = {}
    db = open_store(path)
    try:
        for labels, opened in db.execute("SELECT labels, opened_at FROM incident ORDER BY opened_at"):
            try:
                inst = json.loads(labels).get("instance")
            except ValueError:
                continue
            out.setdefault(inst, []).append(float(opened))
    finally:
        db.close()
    return out


def store_figures(path):
    """Counts from the store: incidents by status, outbox rows by state, retries."""
    db = open_store(path)
    try:
        q1 = lambda sql: db.execute(sql).fetchone()[0]  # noqa: E731
        return {
            "incidents_by_status": dict(db.execute("SELECT status, count(*) FROM incident GROUP BY status")),
            "notifications_by_state": dict(db.execute("SELECT state, count(*) FROM notification GROUP BY state")),
            "notifications_retried": q1("SELECT count(*) FROM notification WHERE attempts > 1"),
            "notification_max_attempts": q1("SELECT max(attempts) FROM notification"),
            "dispatch_ms_max": q1("SELECT round(1000 * max(delivered_at - created_at), 1) FROM notification"),
            "series_samples": q1("SELECT count(*) FROM series_sample"),
        }
    finally:
        db.close()


class Peer(BasePeer):
    name = "beacon"

    def __init__(self):
        self.bin = find_beacon()
        self.port = None
        self.proc = None
        self.last_health = None

    def versions(self):
        return beacon_versions(self.bin)

    def configure(self, ctx):
        self.bin = find_beacon(ctx.opt("beacon_bin"))
        endpoint = ctx.opt("endpoint", "json")
        if endpoint not in ("json", "metrics"):
            raise ValueError("--peer-opt endpoint must be json or metrics")
        S = ctx.interval_s
        timeout_ms = int(ctx.opt("timeout_ms", default_timeout_ms(S)))
        if timeout_ms >= S * 1000:
            raise ValueError(f"timeout {timeout_ms}ms must be shorter than the interval {S}s")
        self.port = free_port()
        r = ctx.rule
        chain = {"operation": [("Bench Operation", "bench-op", "sink")],
                 "execution": [("Bench Execution", "bench-exec", "sink")],
                 "decision": [("Bench Decision", "bench-dec", "sink")]}
        main = beacon_yaml(listen_port=self.port, channels={"sink": ctx.sink_url}, chain=chain,
                           paging={sev: ["operation"] for sev in ("sev1", "sev2", "sev3", "sev4")})
        alerts = alerts_yaml(ctx.targets, endpoint=endpoint, metric=r.metric, interval_s=S, timeout_ms=timeout_ms,
                             op=r.op, threshold=r.threshold)
        self.config = write_config(ctx.workdir, yaml_main=main, yaml_alerts=alerts)
        ctx.log(f"beacon config: {self.config} ({len(ctx.targets)} rules, endpoint={endpoint}, "
                f"interval={duration(S)}, timeout={timeout_ms}ms, listen 127.0.0.1:{self.port})")

    def start(self, ctx):
        self.proc = ctx.spawn("beacon", [self.bin, "serve", "--config", self.config,
                                         "--log-level", ctx.opt("log_level", "warning")], cwd=ctx.workdir)

    def ready(self, ctx):
        status, body = health(self.port)
        self.last_health = (status, body)
        return status == 200 and isinstance(body, dict) and body.get("status") == "ok" \
            and body.get("targets") == ctx.n

    def status(self, ctx):
        return f"healthz={self.last_health}" if self.last_health else ""

    def store_path(self, ctx):
        return ctx.path("beacon.sqlite")

    def explain(self, ctx, trials, fire_records):
        opened = opened_at_by_instance(self.store_path(ctx))
        out = []
        for t in trials:
            cands = [o for o in opened.get(t["instance"], []) if o >= t["flip_wall"] - 0.5]
            if t["detect_ms"] is None or not cands:
                out.append(None)
                continue
            poll = 1000 * (min(cands) - t["flip_wall"])
            out.append({"poll_wait_ms": poll, "notify_ms": t["detect_ms"] - poll})
        return out

    def diagnostics(self, ctx):
        status, body = health(self.port, timeout=5.0)
        out = {"healthz_status": status, "healthz": body}
        try:
            out["store"] = store_figures(self.store_path(ctx))
        except sqlite3.Error as e:
            out["store"] = {"error": repr(e)}
        log = os.path.join(ctx.workdir, "logs", "beacon.log")
        try:
            with open(log, "rb") as f:
                lines = f.read().decode("utf-8", "replace").splitlines()
            out["serve_log_lines"] = len(lines)
            out["serve_log_tail"] = lines[-10:]
        except OSError:
            pass
        return out

    def events(self, body):
        return webhook_events(body)
