#!/usr/bin/env python3
"""Measures what users of sitrep feel and writes it as JSON.

    measure.py --binary PATH --shared DIR --work DIR --out FILE [--burst N ...] [--alternative PYTHON]

Extraction throughput of `sitrep extract` on one core against the `cat` floor of the same corpus;
end-to-end daemon bursts (files/s, events/s, RSS); drop-to-log latency at idle; idle CPU and
wake-ups; start-up time to READY=1. The corpus is built at run time from the dev sets and the sample
article in `shared/` (nothing from them is stored in the repository).
"""

import argparse
import glob
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import harness  # noqa: E402

MB = 1_000_000


def log(message):
    print("bench: " + message, file=sys.stderr, flush=True)


# MARK: corpus


def load_articles(shared):
    """(id, text) of every dev-set record and seed article, in a fixed order."""
    articles = []
    for path in sorted(glob.glob(os.path.join(shared, "eval", "dev", "*.jsonl"))):
        with open(path, encoding="utf-8") as handle:
            for line in handle:
                if line.strip():
                    record = json.loads(line)
                    articles.append((str(record["id"]), record["text"]))
    for path in sorted(glob.glob(os.path.join(shared, "seeds", "*.txt"))):
        with open(path, encoding="utf-8") as handle:
            articles.append((os.path.basename(path), handle.read()))
    if not articles:
        raise SystemExit("bench: no articles under %s (expected eval/dev/*.jsonl and seeds/*.txt)" % shared)
    return articles


def write_corpus(articles, path, minimum_bytes):
    """The articles repeated (each copy with its own id) until the file holds `minimum_bytes`."""
    size = documents = text_bytes = passes = 0
    with open(path, "w", encoding="utf-8") as out:
        while size < minimum_bytes:
            for identifier, text in articles:
                line = json.dumps({"id": "%s~%d" % (identifier, passes), "text": text}, ensure_ascii=False) + "\n"
                out.write(line)
                size += len(line.encode("utf-8"))
                text_bytes += len(text.encode("utf-8"))
                documents += 1
            passes += 1
    return {"path": path, "bytes": size, "text_bytes": text_bytes, "documents": documents, "passes": passes,
            "distinct_articles": len(articles)}


# MARK: extraction


def bench_extract(binary, work, corpus, runs):
    def repeat(command, runs):
        results = []
        for _ in range(runs):
            with open(os.devnull, "wb") as sink:
                wall, user, system, maxrss, code = harness.timed_run(command, sink, cpu=0)
            if code not in (0, 1):
                raise SystemExit("bench: %s exited %d" % (command, code))
            results.append({"wall_s": wall, "cpu_s": user + system, "max_rss_kb": maxrss})
        return results

    # Warm the page cache and count the events once.
    events_path = os.path.join(work, "extract-events.jsonl")
    with open(events_path, "wb") as out:
        subprocess.run([binary, "extract", corpus["path"]], stdout=out, check=True)
    with open(events_path, "rb") as handle:
        events = sum(1 for _ in handle)

    empty = os.path.join(work, "empty.jsonl")
    open(empty, "w").close()
    start_up = repeat([binary, "extract", empty], runs)
    runs_sitrep = repeat([binary, "extract", corpus["path"]], runs)
    runs_cat = repeat(["cat", corpus["path"]], runs)

    def summary(results, amount):
        wall = statistics.median(result["wall_s"] for result in results)
        cpu = statistics.median(result["cpu_s"] for result in results)
        return {"runs": results, "wall_s": wall, "cpu_s": cpu, "mb_per_s": amount / MB / wall,
                "mb_per_cpu_s": amount / MB / cpu if cpu else None}

    sitrep = summary(runs_sitrep, corpus["bytes"])
    sitrep["documents_per_s"] = corpus["documents"] / sitrep["wall_s"]
    sitrep["events"] = events
    sitrep["max_rss_kb"] = max(result["max_rss_kb"] for result in runs_sitrep)
    load = statistics.median(result["wall_s"] for result in start_up)
    sitrep["load_s"] = load
    sitrep["mb_per_s_excluding_load"] = corpus["bytes"] / MB / (sitrep["wall_s"] - load)
    floor = summary(runs_cat, corpus["bytes"])
    return {"sitrep": sitrep, "cat": floor, "floor_ratio": floor["wall_s"] / sitrep["wall_s"],
            "events_path": events_path}


def eventful_articles(articles, events_path):
    """Articles of which at least one event was extracted (for the latency probe)."""
    with_events = set()
    with open(events_path, encoding="utf-8") as handle:
        for line in handle:
            identifier = json.loads(line)["doc"].get("id", "")
            with_events.add(identifier.rsplit("~", 1)[0])
    return [(identifier, text) for identifier, text in articles if identifier in with_events]


# MARK: files


def write_files(directory, articles, count, prefix):
    """`count` small .txt articles, written as quickly as Python can."""
    os.makedirs(directory, exist_ok=True)
    encoded = [text.encode("utf-8") for _, text in articles]
    names = []
    for index in range(count):
        name = "%s-%06d.txt" % (prefix, index)
        fd = os.open(os.path.join(directory, name), os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644)
        os.write(fd, encoded[index % len(encoded)])
        os.close(fd)
        names.append(name)
    return names


def age_files(directory, names, seconds):
    """Back-dates files so that a start-up scan treats them as settled (written long ago)."""
    stamp = time.time() - seconds
    for name in names:
        os.utime(os.path.join(directory, name), (stamp, stamp))


def count_lines(path):
    if not os.path.exists(path):
        return 0
    with open(path, "rb") as handle:
        return sum(1 for _ in handle)


# MARK: daemon


def bench_burst(binary, work, articles, count):
    """`count` files renamed into the inbox of an idle daemon as fast as possible."""
    root = os.path.join(work, "burst-%d" % count)
    staging = os.path.join(root, "staging")
    log("burst %d: writing files" % count)
    names = write_files(staging, articles, count, "burst")
    age_files(staging, names, 10)
    daemon = harness.Daemon(binary, root)
    try:
        daemon.wait_ready()
        time.sleep(0.5)
        idle_rss, _ = harness.memory_kb(daemon.pid)
        cpu_before = harness.cpu_seconds(daemon.pid)
        sampler = harness.MemorySampler(daemon)
        log("burst %d: dropping" % count)
        started_wall_ns = time.time_ns()
        started = time.monotonic()
        for name in names:
            os.rename(os.path.join(staging, name), os.path.join(daemon.inbox, name))
        dropped = time.monotonic() - started
        counts = daemon.wait_counts(count, timeout=max(120, count / 100))
        # STATUS= is sent at most every 200 ms; the last move into processed/ dates the end exactly.
        finished_ns = os.stat(daemon.processed).st_mtime_ns
        elapsed = (finished_ns - started_wall_ns) / 1e9
        cpu = harness.cpu_seconds(daemon.pid) - cpu_before
        time.sleep(2.0)
        samples = sampler.stop()
        steady_rss, peak_rss = harness.memory_kb(daemon.pid)
        events = count_lines(daemon.log)
    finally:
        daemon.stop()
    with open(os.path.join(root, "daemon.stderr"), "rb") as handle:
        overflows = handle.read().count(b"inotify queue overflowed")
    base = samples[0][0] if samples else 0
    result = {
        "files": count, "documents": counts[0], "failed": counts[2], "events": events,
        "drop_s": dropped, "elapsed_s": elapsed, "files_per_s": count / elapsed, "events_per_s": events / elapsed,
        "daemon_cpu_s": cpu, "cpu_ms_per_file": cpu * 1000 / count, "inotify_overflows": overflows,
        "rss_idle_kb": idle_rss, "rss_peak_kb": peak_rss, "rss_steady_kb": steady_rss,
        "samples": [[round(t - base, 3), rss, done] for t, rss, done in samples],
    }
    shutil.rmtree(root, ignore_errors=True)
    log("burst %d: %.0f files/s, %.0f events/s, peak RSS %.1f MB" % (
        count, result["files_per_s"], result["events_per_s"], peak_rss / 1024))
    return result


def bench_latency(binary, work, articles, samples, gap):
    """Single files renamed into an idle inbox: time until their line is in the log (the write that
    `tail -f` sees) and until they are committed (log fsynced, checkpoint written, file moved out)."""
    root = os.path.join(work, "latency")
    staging = os.path.join(root, "staging")
    names = write_files(staging, articles, samples, "probe")
    age_files(staging, names, 10)
    daemon = harness.Daemon(binary, root)
    to_line = []
    to_commit = []
    try:
        daemon.wait_ready()
        open(daemon.log, "ab").close()
        watcher = harness.Inotify()
        log_watch = watcher.watch(daemon.log, harness.Inotify.IN_MODIFY)
        watcher.watch(daemon.inbox, harness.Inotify.IN_MOVED_FROM | harness.Inotify.IN_DELETE)
        time.sleep(0.5)
        for name in names:
            while watcher.read(0)[1]:
                pass
            started = time.monotonic_ns()
            os.rename(os.path.join(staging, name), os.path.join(daemon.inbox, name))
            line_at = commit_at = None
            deadline = time.monotonic() + 10
            while commit_at is None and time.monotonic() < deadline:
                stamp, events = watcher.read(1.0)
                for wd, mask, event_name in events:
                    if wd == log_watch and line_at is None:
                        line_at = stamp
                    elif event_name == name:
                        commit_at = stamp
            if commit_at is None:
                raise SystemExit("bench: %s was not read within 10 s" % name)
            if line_at is not None:
                to_line.append((line_at - started) / 1e6)
            to_commit.append((commit_at - started) / 1e6)
            time.sleep(gap)
        watcher.close()
    finally:
        daemon.stop()
    shutil.rmtree(root, ignore_errors=True)

    def summary(values):
        return {"samples": len(values), "p50_ms": harness.percentile(values, 0.5),
                "p90_ms": harness.percentile(values, 0.9), "p99_ms": harness.percentile(values, 0.99),
                "max_ms": max(values), "values_ms": [round(value, 3) for value in values]}

    result = {"to_line": summary(to_line), "to_commit": summary(to_commit), "gap_s": gap}
    log("latency: drop to line p50 %.2f ms p99 %.2f ms" % (result["to_line"]["p50_ms"], result["to_line"]["p99_ms"]))
    return result


def bench_idle(binary, work, seconds, watchdog_usec):
    """CPU time and wake-ups (context switches: each one a sleep or a preemption) of an idle daemon
    over `seconds`. `perf stat` counts every thread, including worker threads that exit in the
    window; without perf the /proc sums miss the switches of threads that exited."""
    root = os.path.join(work, "idle-%s" % ("watchdog" if watchdog_usec else "plain"))
    daemon = harness.Daemon(binary, root, watchdog_usec=watchdog_usec)
    try:
        daemon.wait_ready()
        # Let start-up work and the first STATUS= timer finish, and let libdispatch retire the worker
        # threads start-up used (it does so after 5 s idle: a one-off wake-up, not a periodic one).
        time.sleep(6.0)
        before = harness.thread_activity(daemon.pid)
        started_ns = time.monotonic_ns()
        counted = harness.perf_stat(daemon.pid, seconds)
        if counted is None:
            time.sleep(seconds)
        ended_ns = time.monotonic_ns()
        after = harness.thread_activity(daemon.pid)
        pings = daemon.notify.count("WATCHDOG=1", started_ns, ended_ns)
    finally:
        daemon.stop()
    shutil.rmtree(root, ignore_errors=True)
    if counted is not None:
        wakeups, cpu_ms, method = counted["context-switches"], counted["task-clock"], "perf stat"
    else:
        wakeups = after["switches"] - before["switches"]
        cpu_ms, method = (after["run_ns"] - before["run_ns"]) / 1e6, "/proc (threads that exit are missed)"
    result = {"seconds": seconds, "watchdog_usec": watchdog_usec, "cpu_ms": cpu_ms, "wakeups": wakeups,
              "watchdog_pings": pings, "method": method,
              "threads_before": before["threads"], "threads_after": after["threads"]}
    log("idle (%s): %.2f ms CPU, %d context switches, %d watchdog pings, %d threads" % (
        "watchdog" if watchdog_usec else "no watchdog", result["cpu_ms"], wakeups, pings, after["threads"]))
    return result


def bench_startup(binary, work, articles, backlog, runs):
    """Exec to READY=1, with an empty inbox or a backlog of old files; with a backlog also the time
    until it is all read."""
    ready = []
    drained = []
    for run in range(runs):
        root = os.path.join(work, "startup-%d-%d" % (backlog, run))
        if backlog:
            names = write_files(os.path.join(root, "inbox"), articles, backlog, "backlog")
            age_files(os.path.join(root, "inbox"), names, 10)
        daemon = harness.Daemon(binary, root)
        try:
            ready_ns = daemon.wait_ready()
            ready.append((ready_ns - daemon.started_ns) / 1e9)
            if backlog:
                daemon.wait_counts(backlog, timeout=600)
                finished_ns = os.stat(daemon.processed).st_mtime_ns
                # The wall clock of the start, from the monotonic one, dates the whole backlog.
                started_wall_ns = time.time_ns() - (time.monotonic_ns() - daemon.started_ns)
                drained.append((finished_ns - started_wall_ns) / 1e9)
        finally:
            daemon.stop()
        shutil.rmtree(root, ignore_errors=True)
    result = {"backlog": backlog, "runs": runs, "ready_s": statistics.median(ready), "ready_all_s": ready}
    if drained:
        result["drained_s"] = statistics.median(drained)
    log("start-up with %d files: READY=1 after %.3f s" % (backlog, result["ready_s"]))
    return result


# MARK: machine


def machine(binary):
    def first(command):
        try:
            return subprocess.run(command, capture_output=True, text=True, timeout=60).stdout.strip().splitlines()[0]
        except (OSError, IndexError, subprocess.SubprocessError):
            return "unknown"

    model = "unknown"
    with open("/proc/cpuinfo") as handle:
        for line in handle:
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    with open("/proc/meminfo") as handle:
        memory_kb = int(handle.readline().split()[1])
    repository = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    return {
        "date": time.strftime("%Y-%m-%d %H:%M:%S %Z"),
        "nproc": os.cpu_count(), "cpu": model, "memory_gb": round(memory_kb / 1024 / 1024, 1),
        "kernel": platform.release(), "swift": first(["swift", "--version"]),
        "python": platform.python_version(),
        "commit": first(["git", "-C", repository, "rev-parse", "--short", "HEAD"]),
        "load_average_at_start": list(os.getloadavg()),
        "binary_bytes": os.path.getsize(binary),
    }


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--binary", required=True)
    parser.add_argument("--shared", required=True, help="the shared/ directory (eval/dev, seeds)")
    parser.add_argument("--work", required=True, help="scratch directory (same file system as a real inbox)")
    parser.add_argument("--out", required=True)
    parser.add_argument("--corpus-mb", type=float, default=20)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--burst", type=int, action="append", help="burst sizes (default 2000 and 100000)")
    parser.add_argument("--latency-samples", type=int, default=200)
    parser.add_argument("--idle-seconds", type=float, default=10)
    parser.add_argument("--backlog", type=int, default=10000)
    parser.add_argument("--alternative", help="python of a virtualenv with spaCy: also run bench/alternative.py")
    parser.add_argument("--alternative-mb", type=float, default=2, help="corpus slice given to the alternative")
    arguments = parser.parse_args()

    binary = os.path.abspath(arguments.binary)
    work = os.path.abspath(arguments.work)
    os.makedirs(work, exist_ok=True)
    results = {"machine": machine(binary)}
    started = time.monotonic()

    articles = load_articles(arguments.shared)
    corpus = write_corpus(articles, os.path.join(work, "corpus.jsonl"), arguments.corpus_mb * MB)
    results["corpus"] = {key: value for key, value in corpus.items() if key != "path"}
    log("corpus: %.1f MB, %d documents (%d articles x %d)" % (
        corpus["bytes"] / MB, corpus["documents"], len(articles), corpus["passes"]))

    extract = bench_extract(binary, work, corpus, arguments.runs)
    events_path = extract.pop("events_path")
    results["extract"] = extract
    log("extract: %.1f MB/s, %.0f documents/s on one core; cat %.0f MB/s" % (
        extract["sitrep"]["mb_per_s"], extract["sitrep"]["documents_per_s"], extract["cat"]["mb_per_s"]))

    if arguments.alternative:
        slice_path = os.path.join(work, "alternative.jsonl")
        alternative_corpus = write_corpus(articles, slice_path, arguments.alternative_mb * MB)
        here = os.path.dirname(os.path.abspath(__file__))
        command = ["taskset", "-c", "0", arguments.alternative, os.path.join(here, "alternative.py"),
                   "--corpus", slice_path, "--triggers",
                   os.path.join(os.path.dirname(here), "Sources", "SitrepExtraction", "Resources", "triggers.tsv"),
                   "--gazetteer",
                   os.path.join(os.path.dirname(here), "Sources", "SitrepExtraction", "Resources", "gazetteer.tsv")]
        if os.environ.get("SITREP_BENCH_SPACY_MODEL"):
            command += ["--model", os.environ["SITREP_BENCH_SPACY_MODEL"]]
        output = subprocess.run(command, capture_output=True, text=True)
        if output.returncode != 0:
            log("alternative failed: " + output.stderr.strip()[-2000:])
        else:
            alternative = json.loads(output.stdout)
            alternative["ratio_sitrep_to_alternative"] = extract["sitrep"]["mb_per_s"] / alternative["mb_per_s"]
            results["alternative"] = alternative
            log("alternative (%s): %.2f MB/s" % (alternative["pipeline"], alternative["mb_per_s"]))

    probes = eventful_articles(articles, events_path)
    results["bursts"] = [bench_burst(binary, work, articles, count) for count in (arguments.burst or [2000, 100000])]
    results["latency"] = bench_latency(binary, work, probes, arguments.latency_samples, gap=0.05)
    results["idle"] = [bench_idle(binary, work, arguments.idle_seconds, None),
                       bench_idle(binary, work, arguments.idle_seconds, 2_000_000)]
    results["startup"] = [bench_startup(binary, work, articles, 0, 5),
                          bench_startup(binary, work, articles, arguments.backlog, 3)]
    results["duration_s"] = time.monotonic() - started

    with open(arguments.out, "w") as out:
        json.dump(results, out, indent=1)
        out.write("\n")
    log("wrote %s in %.0f s" % (arguments.out, results["duration_s"]))


if __name__ == "__main__":
    main()
