#!/usr/bin/env python3
"""Statistics and input generation for bench/compare-redis.

  report.py gen-strings N              RESP SET commands for N keys: 16-byte keys "key:%012d",
                                       32-byte values "val:%028d" (for redis-cli --pipe)
  report.py gen-hashes N               N x HSET key:%012d f1 v1 f2 v2
  report.py gen-list N                 RPUSH list:00000000000 of N 10-byte values v%09d, 100 per
                                       command
  report.py loop-score RAW LOOPS       geometric mean rps of the event-loop probe of brisk-LOOPS
  report.py report --raw RAW --out CSV ...   markdown tables, PASS/MISS targets, result CSV

Raw samples (one per redis-benchmark invocation): server,test,pipeline,round,rps,requests,
cpu_seconds,client_busy_pct. Server names are "redis", "brisk-<event loops>" or "null" (the null
server: no work, Redis's reply shapes; its rate is the load generator's ceiling); round < 0 marks
uncounted warm-up (-1) and event-loop probe (-2) samples.
"""
import argparse
import csv
import math
import statistics
import sys

# test id (what "-t" takes) -> the label in redis-benchmark's --csv output
LABELS = {"ping_inline": "PING_INLINE", "ping_mbulk": "PING_MBULK", "set": "SET", "get": "GET",
          "incr": "INCR", "lpush": "LPUSH", "rpush": "RPUSH", "lpop": "LPOP", "rpop": "RPOP",
          "sadd": "SADD", "hset": "HSET", "spop": "SPOP", "zadd": "ZADD", "zpopmin": "ZPOPMIN",
          "lrange_100": "LRANGE_100", "lrange_300": "LRANGE_300", "lrange_500": "LRANGE_500",
          "lrange_600": "LRANGE_600", "mset": "MSET (10 keys)",
          "lpush_fill": "LPUSH (needed to benchmark LRANGE)"}

# Targets: rps ratio brisk/redis must be >= bound, cpu ratio <= bound. A test id of "*" means
# every test measured at that depth (a more specific bound for a test replaces it).
RPS_TARGETS = [(16, ["*"], 1.3), (16, ["lrange_300", "lrange_500", "lrange_600"], 1.5),
               (1, ["set", "get", "incr"], 1.0)]
CPU_TARGETS = [(1, ["set", "get", "incr"], 0.8)]


def write_commands(commands):
    out = sys.stdout.buffer
    chunk = []
    for c in commands:
        chunk.append(c)
        if len(chunk) == 10000:
            out.write(b"".join(chunk))
            chunk = []
    out.write(b"".join(chunk))


def gen_strings(n):
    write_commands(b"*3\r\n$3\r\nSET\r\n$16\r\nkey:%012d\r\n$32\r\nval:%028d\r\n" % (i, i)
                   for i in range(n))


def gen_hashes(n):
    write_commands(b"*6\r\n$4\r\nHSET\r\n$16\r\nkey:%012d\r\n$2\r\nf1\r\n$2\r\nv1\r\n$2\r\nf2\r\n"
                   b"$2\r\nv2\r\n" % i for i in range(n))


def gen_list(n, batch=100):
    def commands():
        for start in range(0, n, batch):
            k = min(batch, n - start)
            yield (b"*%d\r\n$5\r\nRPUSH\r\n$16\r\nlist:00000000000\r\n" % (k + 2) +
                   b"".join(b"$10\r\nv%09d\r\n" % i for i in range(start, start + k)))
    write_commands(commands())


def read_raw(path):
    with open(path, newline="") as f:
        return [dict(r, pipeline=int(r["pipeline"]), round=int(r["round"]), rps=float(r["rps"]),
                     requests=int(r["requests"]), cpu_seconds=float(r["cpu_seconds"]),
                     client_busy=float(r["client_busy_pct"]) if r.get("client_busy_pct") else None)
                for r in csv.DictReader(f)]


def loop_score(raw, loops):
    rows = [r for r in read_raw(raw) if r["server"] == f"brisk-{loops}" and r["round"] == -2]
    if not rows:
        print("0 0")
        return
    gm = math.exp(statistics.fmean(math.log(r["rps"]) for r in rows))
    cpu = statistics.fmean(r["cpu_seconds"] / r["requests"] * 1e6 for r in rows)
    print(f"{gm:.0f} {cpu:.2f}")


def fmt(v, spec):
    return "n/a" if v is None else format(v, spec)


def ratio(a, b):
    return None if a is None or b is None or b == 0 else a / b


def rounds_at(args, depth):
    per = dict(kv.split(":") for kv in args.rounds_per_depth.split())
    return int(per.get(str(depth), args.rounds))


def throughput(args, rows):
    counted = [r for r in rows if r["round"] > 0]
    tests = [t for t in args.tests.split(",") if t]
    depths = [int(d) for d in args.pipelines.split()]
    table = []
    for d in depths:
        for t in tests:
            entry = {"test": t, "pipeline": d}
            for server in ("redis", "brisk", "null"):
                s = [r for r in counted if r["server"].split("-")[0] == server
                     and r["test"] == t and r["pipeline"] == d]
                entry[server + "_n"] = len(s)
                entry[server + "_rps"] = statistics.median(r["rps"] for r in s) if s else None
                entry[server + "_cpu"] = (statistics.median(r["cpu_seconds"] / r["requests"] * 1e6
                                                            for r in s) if s else None)
                # share of its one CPU the server used during the run (run time = requests/rps):
                # far below 100 % means redis-benchmark, not the server, set the pace
                entry[server + "_busy"] = (statistics.median(
                    100 * r["cpu_seconds"] * r["rps"] / r["requests"] for r in s) if s else None)
                # the load generator's CPU in the same runs: near 100 % caps the rate for both servers
                cb = [r["client_busy"] for r in s if r["client_busy"] is not None]
                entry[server + "_client"] = statistics.median(cb) if cb else None
            entry["rps_ratio"] = ratio(entry["brisk_rps"], entry["redis_rps"])
            entry["cpu_ratio"] = ratio(entry["brisk_cpu"], entry["redis_cpu"])
            # the most any server could be measured at, in units of Redis's rate
            entry["ceiling"] = ratio(entry["null_rps"], entry["redis_rps"])
            table.append(entry)

    print("| test | -P | redis rps | brisk rps | rps brisk/redis "
          "| redis CPU µs/req | brisk CPU µs/req | CPU brisk/redis | redis CPU busy | brisk CPU busy "
          "| client CPU busy (vs redis / vs brisk) | null-server rps | ceiling: null/redis |")
    print("|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|")
    for e in table:
        print(f"| {LABELS.get(e['test'], e['test'])} | {e['pipeline']} | {fmt(e['redis_rps'], ',.0f')} "
              f"| {fmt(e['brisk_rps'], ',.0f')} | {fmt(e['rps_ratio'], '.2f')} "
              f"| {fmt(e['redis_cpu'], '.2f')} | {fmt(e['brisk_cpu'], '.2f')} "
              f"| {fmt(e['cpu_ratio'], '.2f')} | {fmt(e['redis_busy'], '.0f')}% "
              f"| {fmt(e['brisk_busy'], '.0f')}% "
              f"| {fmt(e['redis_client'], '.0f')}% / {fmt(e['brisk_client'], '.0f')}% "
              f"| {fmt(e['null_rps'], ',.0f')} | {fmt(e['ceiling'], '.2f')} |")
    short = [f"{LABELS.get(e['test'], e['test'])} -P{e['pipeline']} ({e['redis_n']}/{e['brisk_n']})"
             for e in table if e["brisk_n"] > 0 and min(e["redis_n"], e["brisk_n"]) < rounds_at(args, e["pipeline"])]
    if short:
        print(f"\nFewer samples than rounds (redis/brisk): {', '.join(short)}")

    with open(args.out, "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(["test", "pipeline", "redis_rps", "brisk_rps", "rps_ratio", "redis_cpu_us_per_req",
                    "brisk_cpu_us_per_req", "cpu_ratio", "redis_cpu_busy_pct", "brisk_cpu_busy_pct",
                    "redis_samples", "brisk_samples", "client_busy_pct_vs_redis", "client_busy_pct_vs_brisk",
                    "brisk_event_loops_note", "null_rps", "null_samples", "ceiling_null_over_redis"])
        for e in table:
            w.writerow([LABELS.get(e["test"], e["test"]), e["pipeline"]] +
                       ["" if e[k] is None else round(e[k], 4) for k in
                        ("redis_rps", "brisk_rps", "rps_ratio", "redis_cpu", "brisk_cpu", "cpu_ratio",
                         "redis_busy", "brisk_busy")] +
                       [e["redis_n"], e["brisk_n"]] +
                       ["" if e[k] is None else round(e[k], 1) for k in ("redis_client", "brisk_client")] +
                       [args.loops_note] +
                       ["" if e["null_rps"] is None else round(e["null_rps"], 2), e["null_n"],
                        "" if e["ceiling"] is None else round(e["ceiling"], 4)])
    return table


MEM_SETS = {"strings": ("keys", "SET key:%012d val:%028d (16-byte keys, 32-byte values)"),
            "hashes": ("keys", "HSET key:%012d f1 v1 f2 v2 (16-byte keys, 2 fields)"),
            "list": ("elements", "one list, RPUSH of 10-byte values, 100 per command")}


def memory(args):
    """Prints a table per data set; returns {dataset: {"growth": (redis, brisk), "total": (...)}}."""
    with open(args.memory, newline="") as f:
        rows = list(csv.DictReader(f))
    if not rows:
        return {}
    result = {}
    for dataset in dict.fromkeys(r["dataset"] for r in rows):
        by = {r["server"]: r for r in rows if r["dataset"] == dataset}

        def num(server, key):
            v = by.get(server, {}).get(key, "")
            return float(v) if v not in ("", None) else None

        n = int(next(iter(by.values()))["elements"])
        unit, desc = MEM_SETS.get(dataset, ("elements", dataset))
        lines = []
        for what, before, after in (("used_memory", "used_memory_before", "used_memory_after"),
                                    ("RSS", "rss_before", "rss_after")):
            vals = {}
            for s in ("redis", "brisk"):
                b, a = num(s, before), num(s, after)
                vals[s] = (b, a, None if a is None or b is None else (a - b) / n,
                           None if a is None else a / n)
            for i, label in enumerate([f"{what} before (MB)", f"{what} after (MB)",
                                       f"{what} per {unit[:-1]}, (after-before)/{unit} (bytes)",
                                       f"{what} per {unit[:-1]}, after/{unit} (bytes)"]):
                r, b = vals["redis"][i], vals["brisk"][i]
                scale = 1 / 2**20 if i < 2 else 1
                lines.append((label, None if r is None else r * scale,
                              None if b is None else b * scale, ratio(b, r)))
            if what == "RSS":
                result[dataset] = {"unit": unit, "growth": (vals["redis"][2], vals["brisk"][2]),
                                   "total": (vals["redis"][3], vals["brisk"][3])}
        h0, h1, hc = num("brisk", "heap_live_before"), num("brisk", "heap_live_after"), num("brisk", "heap_capacity_after")
        if h1 is not None:
            lines.append(("Brisk JVM heap live after full GC, before / after load (MB)", None,
                          None, None, f"{fmt(h0 and h0 / 2**20, '.1f')} / {h1 / 2**20:.1f}"))
            lines.append((f"Brisk JVM heap live per {unit[:-1]}, growth after full GC (bytes)", None,
                          None if h0 is None else (h1 - h0) / n, None))
            if hc is not None:
                lines.append(("Brisk JVM heap capacity after load (MB)", None, hc / 2**20, None))
        print(f"\nMemory, {dataset}: {n:,} {unit}, {desc}; fresh instance of each:\n")
        print("| | redis | brisk | brisk/redis |")
        print("|---|--:|--:|--:|")
        counted = "DBSIZE" if dataset != "list" else "LLEN"
        print(f"| commands acknowledged (--pipe replies) / {counted} | "
              f"{by.get('redis', {}).get('replies', '?')} / {by.get('redis', {}).get('count') or 'n/a'} | "
              f"{by.get('brisk', {}).get('replies', '?')} / {by.get('brisk', {}).get('count') or 'n/a'} | |")
        for label, r, b, q, *text in lines:
            shown = text[0] if text else fmt(b, '.1f')
            print(f"| {label} | {fmt(r, '.1f')} | {shown} | {fmt(q, '.2f')} |")
    return result


def client_ceiling(e):
    """
    How fast redis-benchmark itself could go, in units of Redis's rate: its rate over its CPU 0 busy
    share, at the cost per request it had against Redis and against Brisk. A target above both is out
    of reach of this load generator on its one CPU unless the server makes its requests cheaper.
    """
    rc, bc, rr, br = e["redis_client"], e["brisk_client"], e["redis_rps"], e["brisk_rps"]
    if not rc or not bc or not rr or not br:
        return ""
    return f"; client ceiling {100 / rc:.2f}x / {br * 100 / bc / rr:.2f}x at its cost vs redis / brisk"


def report(args):
    rows = read_raw(args.raw)
    depths = [int(d) for d in args.pipelines.split()]
    per = {d: rounds_at(args, d) for d in depths}
    rounds_desc = (f"{args.rounds} round{'s' if args.rounds != 1 else ''}" if len(set(per.values())) == 1 else
                   ", ".join(f"{r} round{'s' if r != 1 else ''} at -P{d}" for d, r in per.items()))
    print(f"## Brisk vs Redis ({args.stamp})\n" if args.stamp else "## Brisk vs Redis\n")
    if any(r["round"] > 0 for r in rows):
        print(f"redis-benchmark -c {args.clients} -n {args.requests} -P 1 and -P 16, one invocation per "
              f"test. Servers pinned to CPU 1, redis-benchmark to CPU 0; servers interleaved "
              f"(redis, brisk, ...) over {rounds_desc} after an uncounted Brisk JIT warm-up. "
              f"Figures are medians; other processes share this 2-core machine (load average at the "
              f"end: {args.load}), so read the ratios, not the absolute numbers. Server CPU = "
              f"utime+stime of the server process (all threads) around each invocation / requests "
              f"(resolution 10 ms per invocation); CPU busy = that CPU time / the run's duration, the share of its one CPU the server used: when both are well below 100 % the server is not what limits the rate (redis-benchmark, one thread on CPU 0, and the loopback round trips are) and the rps ratio says little. Brisk: {args.loops_note or 'n/a'}.\n")
    for line in filter(None, args.incidents.splitlines()):
        print(f"**Incident:** {line}\n")
    table = throughput(args, rows) if any(r["round"] > 0 for r in rows) else []
    rss = {} if args.no_memory else memory(args)

    print("\nTargets:")
    lines = []
    by = {(e["test"], e["pipeline"]): e for e in table}
    if table:
        measured = [t for t in args.tests.split(",") if t]
        bounds = {}   # (test, depth) -> bound; a specific target overrides "*"
        for depth, tests, bound in RPS_TARGETS:
            for t in (measured if tests == ["*"] else tests):
                if t in measured and (tests != ["*"] or (t, depth) not in bounds):
                    bounds[(t, depth)] = bound
        for depth in [int(d) for d in args.pipelines.split()]:
            for t in measured:
                if (t, depth) not in bounds:
                    continue
                bound = bounds[(t, depth)]
                e = by.get((t, depth))
                q = e and e["rps_ratio"]
                busy = (f" (server CPU busy: redis {fmt(e['redis_busy'], '.0f')}%, brisk "
                        f"{fmt(e['brisk_busy'], '.0f')}%; client CPU busy {fmt(e['redis_client'], '.0f')}% / "
                        f"{fmt(e['brisk_client'], '.0f')}%{client_ceiling(e)})") if q is not None else ""
                c = e and e["ceiling"]
                reach = ("" if c is None or q is None or q >= bound or c >= bound else
                         f" — out of this load generator's reach: the null server (no work) reached {c:.2f}x")
                lines.append((q is not None and q >= bound,
                              f"-P{depth} {LABELS[t]} rps brisk/redis {fmt(q, '.2f')} >= {bound}{busy}{reach}"
                              + ("" if q is not None else " (not measured: Brisk lacks the command?)")))
        for depth, tests, bound in CPU_TARGETS:
            if str(depth) not in args.pipelines.split():
                continue   # that depth was not measured in this run (PIPELINES)
            for t in tests:
                e = by.get((t, depth))
                q = e and e["cpu_ratio"]
                if t not in args.tests.split(","):
                    continue
                lines.append((q is not None and q <= bound,
                              f"-P{depth} {LABELS[t]} server CPU/request brisk/redis {fmt(q, '.2f')} <= {bound}"
                              + ("" if q is not None else " (not measured: Brisk lacks the command?)")))
    for dataset, m in rss.items():
        for kind, how in (("growth", "(after-before)/n, the per-element cost"),
                          ("total", "after/n, includes the fixed start-up RSS")):
            r, b = m[kind]
            lines.append((r is not None and b is not None and b <= r,
                          f"RSS per {m['unit'][:-1]} ({dataset}, {how}) brisk {fmt(b, '.1f')} B "
                          f"<= redis {fmt(r, '.1f')} B"))
    for ok, text in lines:
        print(f"{'PASS' if ok else 'MISS'}  {text}")


def main():
    gens = {"gen-strings": gen_strings, "gen-sets": gen_strings, "gen-hashes": gen_hashes,
            "gen-list": gen_list}
    if len(sys.argv) >= 3 and sys.argv[1] in gens:
        return gens[sys.argv[1]](int(sys.argv[2]))
    if len(sys.argv) >= 4 and sys.argv[1] == "loop-score":
        return loop_score(sys.argv[2], sys.argv[3])
    p = argparse.ArgumentParser(prog="report.py report")
    p.add_argument("cmd", choices=["report"])
    p.add_argument("--raw", required=True)
    p.add_argument("--out", required=True)
    p.add_argument("--memory", default="")
    p.add_argument("--no-memory", action="store_true")
    p.add_argument("--rounds", type=int, default=3)
    p.add_argument("--requests", default="100000")
    p.add_argument("--clients", type=int, default=50)
    p.add_argument("--tests", default=",".join(t for t in LABELS if t != "lpush_fill"))
    p.add_argument("--pipelines", default="1 16")
    p.add_argument("--loops-note", default="")
    p.add_argument("--rounds-per-depth", default="", help='e.g. "1:1 16:3" (default: --rounds)')
    p.add_argument("--load", default="?")
    p.add_argument("--stamp", default="")
    p.add_argument("--incidents", default="")
    args = p.parse_args()
    report(args)


if __name__ == "__main__":
    main()
