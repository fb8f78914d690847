"""Pieces the benchmarks share: a fake systemd notify socket, a daemon under test, inotify, /proc readers.

Standard library only, so the measurements themselves never depend on the throwaway virtualenv.
"""

import ctypes
import ctypes.util
import os
import re
import select
import shutil
import signal
import socket
import struct
import subprocess
import threading
import time

CLOCK_TICKS = os.sysconf("SC_CLK_TCK")
PAGE_KB = os.sysconf("SC_PAGE_SIZE") // 1024
STATUS_COUNTS = re.compile(r"(\d+) documents, (\d+) events, (\d+) failed; backlog (\d+)")


class NotifySocket:
    """A unix datagram socket standing in for systemd's NOTIFY_SOCKET.

    It is read continuously on a thread: sd_notify blocks once about ten datagrams are unread, which
    would stall the daemon and spoil every measurement.
    """

    def __init__(self, directory):
        self.path = os.path.join(directory, "notify.sock")
        self.sock = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
        self.sock.bind(self.path)
        self.messages = []  # (monotonic ns, text)
        self.changed = threading.Condition()
        self.closed = False
        self.thread = threading.Thread(target=self._read, daemon=True)
        self.thread.start()

    def _read(self):
        while not self.closed:
            try:
                data = self.sock.recv(65536)
            except OSError:
                return
            now = time.monotonic_ns()
            with self.changed:
                self.messages.append((now, data.decode("utf-8", "replace")))
                self.changed.notify_all()

    def wait_for(self, predicate, timeout, since=0):
        """The first message from index `since` on for which predicate(text) holds: (index, ns, text)."""
        deadline = time.monotonic() + timeout
        index = since
        with self.changed:
            while True:
                while index < len(self.messages):
                    stamp, text = self.messages[index]
                    if predicate(text):
                        return index, stamp, text
                    index += 1
                left = deadline - time.monotonic()
                if left <= 0:
                    raise TimeoutError("no matching notification within %.0f s" % timeout)
                self.changed.wait(left)

    def latest_counts(self):
        """(documents, events, failed, backlog) from the newest STATUS= line, or None."""
        with self.changed:
            for _, text in reversed(self.messages):
                match = STATUS_COUNTS.search(text)
                if match:
                    return tuple(int(group) for group in match.groups())
        return None

    def count(self, needle, start_ns, end_ns):
        with self.changed:
            return sum(1 for stamp, text in self.messages if start_ns <= stamp <= end_ns and needle in text)

    def close(self):
        self.closed = True
        self.sock.close()


class Daemon:
    """`sitrep run` on fresh directories under `root`, as systemd would start it."""

    def __init__(self, binary, root, watchdog_usec=None, extra_args=()):
        self.root = root
        self.inbox = os.path.join(root, "inbox")
        self.state = os.path.join(root, "state")
        self.log = os.path.join(root, "events.jsonl")
        self.processed = os.path.join(self.state, "processed")
        os.makedirs(self.inbox, exist_ok=True)
        self.notify = NotifySocket(root)
        env = dict(os.environ)
        env["NOTIFY_SOCKET"] = self.notify.path
        env.pop("WATCHDOG_PID", None)
        if watchdog_usec:
            env["WATCHDOG_USEC"] = str(watchdog_usec)
        else:
            env.pop("WATCHDOG_USEC", None)
        self.stderr = open(os.path.join(root, "daemon.stderr"), "wb")
        self.started_ns = time.monotonic_ns()
        self.process = subprocess.Popen(
            [binary, "run", "--inbox", self.inbox, "--log", self.log, "--state", self.state, *extra_args],
            env=env,
            stdin=subprocess.DEVNULL,
            stdout=self.stderr,
            stderr=self.stderr,
        )
        self.pid = self.process.pid

    def wait_ready(self, timeout=120):
        _, stamp, _ = self.notify.wait_for(lambda text: "READY=1" in text, timeout)
        return stamp

    def wait_counts(self, documents, timeout):
        """Waits until STATUS= says `documents` were read (or failed) and nothing is left."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            counts = self.notify.latest_counts()
            if counts and counts[0] + counts[2] >= documents and counts[3] == 0:
                return counts
            time.sleep(0.02)
        raise TimeoutError("daemon did not finish %d documents in %.0f s (last status %r)" % (
            documents, timeout, self.notify.latest_counts()))

    def stop(self):
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        self.notify.close()
        self.stderr.close()
        return self.process.returncode


def cpu_seconds(pid):
    """User + system CPU time of a process (all its threads), from /proc."""
    with open("/proc/%d/stat" % pid) as handle:
        fields = handle.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / CLOCK_TICKS


def thread_activity(pid):
    """Per-process sums over its threads: context switches (each one a sleep or preemption, so a
    wake-up) and CPU nanoseconds from schedstat; plus the number of threads."""
    switches = 0
    run_ns = 0
    threads = 0
    for tid in os.listdir("/proc/%d/task" % pid):
        try:
            with open("/proc/%d/task/%s/status" % (pid, tid)) as handle:
                for line in handle:
                    if line.startswith(("voluntary_ctxt_switches", "nonvoluntary_ctxt_switches")):
                        switches += int(line.split()[1])
            with open("/proc/%d/task/%s/schedstat" % (pid, tid)) as handle:
                run_ns += int(handle.read().split()[0])
            threads += 1
        except FileNotFoundError:
            continue
    return {"switches": switches, "run_ns": run_ns, "threads": threads}


def memory_kb(pid):
    """(VmRSS, VmHWM) in KiB."""
    rss = hwm = 0
    with open("/proc/%d/status" % pid) as handle:
        for line in handle:
            if line.startswith("VmRSS:"):
                rss = int(line.split()[1])
            elif line.startswith("VmHWM:"):
                hwm = int(line.split()[1])
    return rss, hwm


class MemorySampler:
    """Samples RSS (and processed-document progress) every `interval` seconds on a thread."""

    def __init__(self, daemon, interval=0.05):
        self.daemon = daemon
        self.interval = interval
        self.samples = []  # (monotonic s, rss KiB, documents done)
        self.running = True
        self.thread = threading.Thread(target=self._run, daemon=True)
        self.thread.start()

    def _run(self):
        while self.running:
            try:
                rss, _ = memory_kb(self.daemon.pid)
            except (FileNotFoundError, ProcessLookupError):
                return
            counts = self.daemon.notify.latest_counts()
            self.samples.append((time.monotonic(), rss, counts[0] if counts else 0))
            time.sleep(self.interval)

    def stop(self):
        self.running = False
        self.thread.join()
        return self.samples


class Inotify:
    """Just enough inotify (through libc) to timestamp log writes and inbox moves without polling."""

    IN_MODIFY = 0x00000002
    IN_MOVED_FROM = 0x00000040
    IN_DELETE = 0x00000200
    IN_NONBLOCK = 0o4000
    HEADER = struct.Struct("iIII")

    def __init__(self):
        self.libc = ctypes.CDLL(ctypes.util.find_library("c"), use_errno=True)
        self.fd = self.libc.inotify_init1(self.IN_NONBLOCK)
        if self.fd < 0:
            raise OSError(ctypes.get_errno(), "inotify_init1")
        self.watches = {}

    def watch(self, path, mask):
        wd = self.libc.inotify_add_watch(self.fd, path.encode(), mask)
        if wd < 0:
            raise OSError(ctypes.get_errno(), "inotify_add_watch " + path)
        self.watches[wd] = path
        return wd

    def read(self, timeout):
        """Waits up to `timeout` s; returns (monotonic ns when read, [(wd, mask, name)])."""
        ready, _, _ = select.select([self.fd], [], [], timeout)
        stamp = time.monotonic_ns()
        if not ready:
            return stamp, []
        data = os.read(self.fd, 65536)
        events = []
        offset = 0
        while offset < len(data):
            wd, mask, _, length = self.HEADER.unpack_from(data, offset)
            offset += self.HEADER.size
            name = data[offset:offset + length].rstrip(b"\0").decode("utf-8", "replace")
            offset += length
            events.append((wd, mask, name))
        return stamp, events

    def close(self):
        os.close(self.fd)


def timed_run(command, stdout, cpu=None):
    """Runs a command to completion: (wall s, user s, sys s, max RSS KiB, exit code)."""
    if cpu is not None and shutil.which("taskset"):
        command = ["taskset", "-c", str(cpu), *command]
    started = time.perf_counter()
    process = subprocess.Popen(command, stdout=stdout, stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(process.pid, 0)
    wall = time.perf_counter() - started
    return wall, usage.ru_utime, usage.ru_stime, usage.ru_maxrss, os.waitstatus_to_exitcode(status)


def percentile(values, fraction):
    ordered = sorted(values)
    if not ordered:
        return None
    position = fraction * (len(ordered) - 1)
    low = int(position)
    high = min(low + 1, len(ordered) - 1)
    return ordered[low] + (ordered[high] - ordered[low]) * (position - low)


def perf_stat(pid, seconds):
    """Context switches and task-clock (ms) of every thread of `pid` over `seconds`, or None
    without a working perf."""
    if not shutil.which("perf"):
        return None
    command = ["perf", "stat", "-x", ",", "-e", "context-switches,task-clock", "-p", str(pid),
               "--", "sleep", str(seconds)]
    try:
        output = subprocess.run(command, capture_output=True, text=True, timeout=seconds + 30)
    except (OSError, subprocess.SubprocessError):
        return None
    counts = {}
    for line in output.stderr.splitlines():
        fields = line.split(",")
        if len(fields) > 2 and fields[2] in ("context-switches", "task-clock"):
            try:
                counts[fields[2]] = float(fields[0])
            except ValueError:
                return None
    if output.returncode != 0 or len(counts) != 2:
        return None
    return counts
