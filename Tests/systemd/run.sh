#!/usr/bin/env bash
# sitrep under a real systemd: boots systemd as PID 1 in a container (systemd-nspawn, a volatile
# tmpfs root over the host's read-only /usr), installs the service with deploy/install.sh and checks
# start-up, status, ingestion, reload, logrotate, watchdog, crash restart, fatal start-up errors, stop,
# the journal and the hardening. Prints one summary line at the end.
#
#   sudo Tests/systemd/run.sh
#
# Exit status: 0 every check passed, 1 some check failed, 2 the test could not run here (not root,
# no systemd-nspawn, the container does not boot) — it never reports success without running.
# Environment: SITREP_BIN_DIR  a directory with a built `sitrep` and its *.resources (no build);
#              SITREP_SCRATCH  scratch path of the release build (default .build-systemd).
set -euo pipefail
cd "$(dirname "$0")/../.."
repo=$PWD
started=$SECONDS
machine=sitrep-test-$$
prefix=/opt/sitrep # /usr/local is the host's /usr, read-only in the container
unit=sitrep.service

passed=0
failed=0
failures=()
work=""
nspawn_pid=""
leader=""
created_paths=()
mounted_nspawn_dir=no
summary_printed=no

say() { printf '[%3ds] %s\n' $((SECONDS - started)) "$*" >&2; }
pass() {
    passed=$((passed + 1))
    say "ok    $1"
}
fail() {
    failed=$((failed + 1))
    failures+=("$1")
    say "FAIL  $1: $2"
}
cannot_run() {
    if [[ -n $work && -s $work/nspawn.log ]]; then
        say "container output (last lines):"
        tail -n 20 "$work/nspawn.log" >&2 || true
    fi
    summary_printed=yes
    echo "systemd test: NOT RUN — $1"
    exit 2
}

# ---------------------------------------------------------------------------------------------
# Teardown, whatever happens: stop the container, then undo the one host mount this script made.

cleanup() {
    local status=$?
    trap - ERR
    if [[ $summary_printed == no ]]; then
        echo "systemd test: FAIL — aborted after $passed checks passed and $failed failed, $((SECONDS - started)) s"
        ((status != 0)) || status=1
    fi
    if [[ -n $nspawn_pid ]] && kill -0 "$nspawn_pid" 2>/dev/null; then
        # nspawn turns SIGTERM into an orderly shutdown of the container.
        kill -TERM "$nspawn_pid" 2>/dev/null || true
        for _ in $(seq 100); do
            kill -0 "$nspawn_pid" 2>/dev/null || break
            sleep 0.2
        done
        if kill -0 "$nspawn_pid" 2>/dev/null; then
            if [[ -n $leader ]]; then kill -KILL "$leader" 2>/dev/null || true; fi
            kill -KILL "$nspawn_pid" 2>/dev/null || true
        fi
        wait "$nspawn_pid" 2>/dev/null || true
    fi
    if [[ $mounted_nspawn_dir == yes ]]; then
        umount /run/systemd/nspawn 2>/dev/null || umount -l /run/systemd/nspawn 2>/dev/null || true
    fi
    for dir in "${created_paths[@]}"; do rmdir "$dir" 2>/dev/null || rm -f "$dir" 2>/dev/null || true; done
    [[ -n $work ]] && rm -rf "$work"
    return $status
}
trap cleanup EXIT
trap 'say "stopped by an unexpected failure at line $LINENO: $BASH_COMMAND"' ERR
trap 'exit 130' INT TERM

# ---------------------------------------------------------------------------------------------
# Preconditions: root, the tools, a release binary.

[[ $(id -u) -eq 0 ]] || cannot_run "needs root (systemd-nspawn boots a container)"
missing=()
command -v systemd-nspawn >/dev/null || missing+=(systemd-container)
command -v logrotate >/dev/null || missing+=(logrotate)
command -v jq >/dev/null || missing+=(jq)
if ((${#missing[@]})); then
    command -v apt-get >/dev/null || cannot_run "missing ${missing[*]} and no apt-get to install them"
    say "installing ${missing[*]}"
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null ||
        cannot_run "could not install ${missing[*]}"
fi
for tool in nsenter setpriv systemd-analyze; do
    command -v $tool >/dev/null || cannot_run "$tool is missing"
done

# The hardening score needs no container. (systemd-analyze leaves a marker file in /run/systemd.)
[[ -e /run/systemd/systemd-units-load ]] || created_paths+=(/run/systemd/systemd-units-load)
exposure=$(systemd-analyze security --offline=true --no-pager deploy/sitrep.service 2>/dev/null |
    sed -n 's/.*Overall exposure level for [^:]*: \([0-9.]*\).*/\1/p')
if [[ -n $exposure ]] && awk -v e="$exposure" 'BEGIN { exit !(e <= 2.0) }'; then
    pass "systemd-analyze security: exposure $exposure (at most 2.0)"
else
    fail "hardening score" "systemd-analyze security says '${exposure:-nothing}', more than 2.0"
fi
# The shipper's and the sink's units need the network, and are held to the same bound.
for scaleout_unit in sitrep-ship sitrep-sink; do
    unit_exposure=$(systemd-analyze security --offline=true --no-pager deploy/$scaleout_unit.service 2>/dev/null |
        sed -n 's/.*Overall exposure level for [^:]*: \([0-9.]*\).*/\1/p')
    if [[ -n $unit_exposure ]] && awk -v e="$unit_exposure" 'BEGIN { exit !(e <= 2.0) }'; then
        pass "systemd-analyze security $scaleout_unit.service: exposure $unit_exposure (at most 2.0)"
    else
        fail "hardening score of $scaleout_unit" "systemd-analyze security says '${unit_exposure:-nothing}', more than 2.0"
    fi
done

if [[ -n ${SITREP_BIN_DIR:-} ]]; then
    bin=$(cd "$SITREP_BIN_DIR" && pwd)
else
    scratch=${SITREP_SCRATCH:-.build-systemd}
    say "building the release binary (static Swift runtime) in $scratch"
    if ! swift build -c release --product sitrep --static-swift-stdlib --scratch-path "$scratch" >&2; then
        fail "release build" "swift build failed"
        exit 1
    fi
    bin=$(swift build -c release --static-swift-stdlib --scratch-path "$scratch" --show-bin-path)
fi
[[ -x $bin/sitrep ]] || cannot_run "no sitrep binary in $bin"

work=$(mktemp -d /tmp/sitrep-systemd.XXXXXX)
chmod 0755 "$work"
mkdir -m 0755 "$work/articles"

# ---------------------------------------------------------------------------------------------
# Articles: short texts written for this test, each different, so every event id is distinct.

cities=(Mosul Kirkuk Basra Aleppo Homs Kabul Kandahar Mogadishu Maiduguri Tikrit)
numbers=(two three four five six seven eight nine ten eleven)
write_articles() { # group count
    local group=$1 count=$2 i city number day
    for ((i = 1; i <= count; i++)); do
        city=${cities[$(((i + ${#group}) % ${#cities[@]}))]}
        number=${numbers[$((i % ${#numbers[@]}))]}
        day=$(((i * 7 + ${#group}) % 27 + 1))
        printf 'Report %s-%d\n\nGunmen attacked a police checkpoint south of %s on %d March 2021, killing %s police officers.\n' \
            "$group" "$i" "$city" "$day" "$number" >"$work/articles/$group-$(printf %02d "$i").txt"
    done
}
write_big_article() { # name sentence-format: a few MB, so that the daemon is busy with it for a while
    local i
    for ((i = 0; i < 60000; i++)); do
        # shellcheck disable=SC2059 # the format is the argument
        printf "$2 " "${numbers[$((i % 10))]}" "${cities[$((i / 10 % 10))]}" $((i % 27 + 1))
    done >"$work/articles/$1.txt"
}
write_articles backlog 3
write_articles first 5
write_articles rotate 8
write_articles after 3
write_articles frozen 4
write_articles early 10
write_articles late 10
write_big_article big-reload 'Security forces arrested %s protesters in %s on %d March 2021.'
write_big_article huge 'Rebels shelled %s villages near %s on %d March 2021.'
chmod 0644 "$work"/articles/*

# The ids each article must produce, from `sitrep extract` (the same extraction, once).
(cd "$work/articles" && "$bin/sitrep" extract ./*.txt) | jq -r '"\(.doc.path | ltrimstr("./"))\t\(.id)"' \
    >"$work/expected.tsv"
for article in "$work"/articles/*.txt; do
    grep -q "^$(basename "$article")	" "$work/expected.tsv" ||
        cannot_run "test article $(basename "$article") yields no event, so it could not show a loss"
done
dropped=() # article groups handed to the daemon so far
expected_ids() {
    local group
    for group in "${dropped[@]}"; do grep "^${group}[-.]" "$work/expected.tsv" | cut -f2; done | sort
}

# ---------------------------------------------------------------------------------------------
# Boot the container.

# Directories nspawn leaves behind on the host are removed again if they were not there before.
for dir in /run/systemd/nspawn /run/systemd/nspawn-root; do [[ -e $dir ]] || created_paths+=("$dir"); done
if ! mountpoint -q /run && ! mountpoint -q /run/systemd/nspawn; then
    # nspawn keeps its propagation mounts there; /run is on disk on these machines.
    mkdir -p /run/systemd/nspawn
    mount -t tmpfs -o mode=0755 tmpfs /run/systemd/nspawn || cannot_run "cannot mount a tmpfs on /run/systemd/nspawn"
    mounted_nspawn_dir=yes
fi
say "booting systemd in container $machine"
systemd-nspawn -D / --volatile=yes -M "$machine" --register=no --keep-unit -b --console=pipe \
    --bind-ro="$repo:/mnt/sitrep-src" --bind-ro="$bin:/mnt/sitrep-bin" --bind-ro="$work:/mnt/sitrep-work" \
    -- systemd.mask=systemd-firstboot.service </dev/null >"$work/nspawn.log" 2>&1 &
nspawn_pid=$!
for _ in $(seq 150); do
    kill -0 "$nspawn_pid" 2>/dev/null || break
    for child in $(ps -o pid= --ppid "$nspawn_pid" 2>/dev/null); do
        [[ $(cat "/proc/$child/comm" 2>/dev/null) == systemd ]] && leader=$child
    done
    [[ -n $leader ]] && break
    sleep 0.2
done
[[ -n $leader ]] || cannot_run "systemd-nspawn did not start systemd in a container (its output is above)"

ct() { # run a command in the container, as root, with a clean environment
    nsenter -t "$leader" -a env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin LC_ALL=C.UTF-8 SYSTEMD_PAGER=cat \
        SYSTEMD_COLORS=0 "$@"
}
as_analyst() { ct setpriv --reuid=analyst --regid=analyst --init-groups "$@"; }
show() { ct systemctl show -P "$1" "$unit"; }
now_us() { date +%s%6N; }
usec() { ct systemd-analyze timespan "$1" | sed -n 's/^ *μs: //p'; }
restarted() { # old-pid: a new main process is up
    local current
    current=$(show MainPID)
    [[ $current != "$1" && $current != 0 && $(show ActiveState) == active ]]
}
wait_for() { # seconds command...: true once the command succeeds
    local deadline=$((SECONDS + $1))
    shift
    until "$@" 2>/dev/null; do
        ((SECONDS < deadline)) || return 1
        sleep 0.2
    done
}
journal_json() { ct journalctl --sync && ct journalctl -u "$unit" -o json --no-pager "$@"; }
# When (µs, realtime) the daemon with this PID sent the log entry with this message, the last time.
logged_at() { # pid message
    journal_json "_PID=$1" | jq -r --arg m "$2" \
        'select(.MESSAGE == $m) | (._SOURCE_REALTIME_TIMESTAMP // .__REALTIME_TIMESTAMP)' | tail -n 1
}
# What a process told systemd through sd_notify, as systemd itself logs it at debug level:
# one line per message since the given time, "<µs> <fields>", e.g. "1700000000000000 READY=1, STATUS=…".
notifications() { # pid since-µs
    journal_json | jq -r --arg p "$unit: Got notification message from PID $1 (" --argjson since "$2" '
        select(.MESSAGE | type == "string" and startswith($p)) |
        ((._SOURCE_REALTIME_TIMESTAMP // .__REALTIME_TIMESTAMP) | tonumber) as $at | select($at >= $since) |
        "\($at) \(.MESSAGE | ltrimstr($p) | rtrimstr(")"))"'
}
first_notification() { # pid since-µs field: the time of the first message carrying the field
    notifications "$1" "$2" | awk -v field="$3" '$0 ~ "[ ,]" field { print $1; exit }'
}

system_up() { # the manager answers and has finished booting
    state=$(timeout 60 nsenter -t "$leader" -a systemctl is-system-running --wait 2>/dev/null) || true
    [[ $state == running || $state == degraded ]]
}
state=""
wait_for 90 system_up || true
case $state in
running | degraded) say "container is up ($state)" ;;
*) cannot_run "systemd in the container did not come up (is-system-running: '${state:-no answer}')" ;;
esac
# systemd logs every sd_notify message it receives at debug level: the evidence for READY=1 & co.
ct systemd-analyze log-level debug
systemd_version=$(ct systemctl --version | sed -n '1s/^systemd \([0-9]*\).*/\1/p')
[[ $(ct cat /proc/1/comm) == systemd ]] || cannot_run "PID 1 in the container is not systemd"

# ---------------------------------------------------------------------------------------------
# Install, as an administrator would, from the same files.

if ct env SITREP_BIN_DIR=/mnt/sitrep-bin PREFIX=$prefix /mnt/sitrep-src/deploy/install.sh --no-start >"$work/install.log" 2>&1 &&
    [[ $(ct stat -c '%a %U:%G' /var/spool/sitrep/inbox) == "2775 sitrep:sitrep" ]] &&
    ct grep -q "^ExecStart=$prefix/lib/sitrep/sitrep run" /etc/systemd/system/$unit; then
    pass "install.sh installs the unit, user sitrep and the setgid inbox"
else
    cat "$work/install.log" >&2
    fail "install" "install.sh did not set up the service"
    exit 1
fi
# Enabled, as install.sh without --no-start leaves it (and so kept loaded while inactive).
ct systemctl enable --quiet $unit
# An analyst: a member of the inbox group, nothing more.
ct systemd-sysusers --inline 'u analyst - "analyst" /' 'm analyst sitrep' >/dev/null

inbox=/var/spool/sitrep/inbox
logfile=/var/log/sitrep/events.jsonl
drop() { # group: delivered the safe way, under a hidden name then renamed
    # shellcheck disable=SC2016 # expanded by the inner shell
    as_analyst sh -c 'for f in /mnt/sitrep-work/articles/"$1"[-.]*; do
        n=$(basename "$f"); cp "$f" "$2/.$n.tmp" && mv "$2/.$n.tmp" "$2/$n"; done' sh "$1" "$inbox"
    dropped+=("$1")
}
logged_ids() { ct sh -c "cat $logfile.1 $logfile 2>/dev/null" | jq -r .id | sort; }
all_logged() { # every dropped article is processed and its events are in the log
    [[ -z $(ct find "$inbox" -maxdepth 1 -name '*.txt') ]] && [[ $(logged_ids | wc -l) -ge $(expected_ids | wc -l) ]]
}
check_exactly_once() { # name
    if ! wait_for 60 all_logged; then
        fail "$1" "not every article was processed within 60 s ($(logged_ids | wc -l) of $(expected_ids | wc -l) events)"
    elif diff <(expected_ids) <(logged_ids) >"$work/diff"; then
        pass "$1: all $(expected_ids | wc -l) events of ${#dropped[@]} groups of articles, each exactly once"
    else
        fail "$1" "the log differs from the expected events (< missing, > extra): $(tr '\n' ' ' <"$work/diff" | cut -c1-300)"
    fi
}

# ---------------------------------------------------------------------------------------------
# Start: returns after READY=1, which comes after the backlog is queued.

drop backlog
ct systemctl start $unit || true
start_returned=$(now_us)
pid=$(show MainPID)
if [[ $(show ActiveState)/$(show SubState) == active/running ]] && [[ $pid -gt 0 ]]; then
    ready_at=$(first_notification "$pid" 0 READY=1)
    if [[ -n $ready_at ]] && ((ready_at <= start_returned)); then
        pass "systemctl start returns after the daemon's READY=1 (unit active/running)"
    else
        fail "start waits for READY=1" "systemctl start returned at $start_returned, READY=1 came at '${ready_at:-never}'"
    fi
else
    fail "start" "unit is $(show ActiveState)/$(show SubState) after systemctl start"
fi
exe=$(ct readlink "/proc/$pid/exe" || true)
owner=$(ct stat -c %U "/proc/$pid" || true)
sender=$(journal_json "MESSAGE=watching inbox" | jq -r '._PID' | tail -n 1)
if [[ $exe == "$prefix/lib/sitrep/sitrep" && $owner == sitrep && $sender == "$pid" ]]; then
    pass "MainPID $pid is the daemon ($exe, user sitrep, the sender of its log)"
else
    fail "MainPID" "MainPID $pid runs '$exe' as '$owner'; the daemon's log came from PID '$sender'"
fi

# ---------------------------------------------------------------------------------------------
# An analyst drops articles; events appear; the group can read the log; STATUS= follows.

drop first
check_exactly_once "analyst's articles reach the log"
if as_analyst cat "$logfile" >/dev/null && [[ $(ct stat -c '%a %G' "$logfile") == "640 sitrep" ]]; then
    pass "the event log (0640, group sitrep) is readable by the inbox group"
else
    fail "log readable by the group" "analyst cannot read $logfile ($(ct stat -c '%a %U:%G' "$logfile"))"
fi
status_text=$(show StatusText)
documents=$(grep -c . <<<"$(ct ls /var/lib/sitrep/processed)")
# "1 document," or "N documents,": the count agrees with its noun.
if [[ $status_text == "inbox $inbox: $documents document,"* || $status_text == "inbox $inbox: $documents documents,"* ]] &&
    grep -qF "Status: \"$status_text\"" <<<"$(ct systemctl status --full --no-pager $unit || true)"; then
    pass "systemctl status shows the live STATUS= line ($status_text)"
else
    fail "STATUS= line" "StatusText is '$status_text' with $documents documents processed"
fi

# Every sandboxing option of the unit is in force on the running daemon.
proc_status=$(ct cat "/proc/$pid/status")
field() { sed -n "s/^$1:[[:space:]]*//p" <<<"$proc_status"; }
sandbox_problems=()
[[ $(field NoNewPrivs) == 1 ]] || sandbox_problems+=("NoNewPrivs=$(field NoNewPrivs)")
[[ $(field Seccomp) == 2 ]] || sandbox_problems+=("Seccomp=$(field Seccomp)")
[[ $(field CapEff) == 0000000000000000 && $(field CapBnd) == 0000000000000000 ]] ||
    sandbox_problems+=("CapEff=$(field CapEff) CapBnd=$(field CapBnd)")
for property in MemoryDenyWriteExecute=yes ProtectProc=invisible ProcSubset=pid ProtectSystem=strict \
    PrivateUsers=yes PrivateNetwork=yes PrivateDevices=yes RestrictNamespaces=yes LockPersonality=yes \
    RestrictRealtime=yes ProtectKernelTunables=yes ProtectClock=yes NoNewPrivileges=yes; do
    [[ $(show "${property%%=*}") == "${property#*=}" ]] || sandbox_problems+=("$property not in force")
done
[[ -n $(show SystemCallFilter) ]] || sandbox_problems+=("no SystemCallFilter")
if ((${#sandbox_problems[@]} == 0)); then
    pass "the daemon runs with every sandboxing option on (seccomp filter, no capabilities, MDWE, ProtectProc…)"
else
    fail "sandbox in force" "${sandbox_problems[*]}"
fi

# ---------------------------------------------------------------------------------------------
# Reload: SIGHUP; `systemctl reload` returns only after RELOADING=1 → READY=1, even while the daemon
# is busy with a large document.

drop big-reload
sleep 0.3
reload_started=$(now_us)
if ct systemctl reload $unit; then
    reload_returned=$(now_us)
    reloading_at=$(first_notification "$pid" "$reload_started" RELOADING=1)
    ready_at=$(first_notification "$pid" "$reload_started" READY=1)
    reopened=$(logged_at "$pid" "event log reopened")
    if [[ $(show MainPID) == "$pid" && $(show ActiveState) == active ]] && [[ -n $reloading_at && -n $ready_at ]] &&
        ((reloading_at <= ready_at && ready_at <= reload_returned)) && [[ -n $reopened ]] && ((reopened > reload_started)); then
        pass "systemctl reload: SIGHUP, RELOADING=1 → READY=1, then it returns ($(((reload_returned - reload_started) / 1000)) ms, daemon busy)"
    else
        notifications "$pid" "$reload_started" >&2
        fail "reload waits for READY=1" "reload returned at $reload_returned; RELOADING=1 at '${reloading_at:-never}', READY=1 at '${ready_at:-never}'"
    fi
else
    fail "reload" "systemctl reload failed"
fi
check_exactly_once "events of the document in hand during the reload"

# logrotate's own snippet, while articles keep arriving: nothing lost, nothing doubled.
lines_before=$(ct sh -c "wc -l < $logfile")
drop rotate &
dropper=$!
sleep 0.3
rotate_started=$(now_us)
ct logrotate --force --state /tmp/logrotate.state /etc/logrotate.d/sitrep >"$work/logrotate.log" 2>&1 || true
wait $dropper
dropped+=(rotate) # the background drop ran in a subshell
drop after
check_exactly_once "logrotate during ingestion"
reopened=$(logged_at "$pid" "event log reopened")
if ct test -s "$logfile.1" && ct test -s "$logfile" && [[ $(ct stat -c '%a %U:%G' "$logfile") == "640 sitrep:sitrep" ]] &&
    [[ -n $reopened ]] && ((reopened > rotate_started)) && [[ $(show MainPID) == "$pid" ]]; then
    pass "logrotate renames the log, reloads the daemon, which writes on in the new file ($lines_before lines before)"
else
    cat "$work/logrotate.log" >&2
    fail "logrotate" "after rotation: $(ct ls -l /var/log/sitrep | tr '\n' ' ')"
fi

# ---------------------------------------------------------------------------------------------
# Watchdog: a frozen daemon is killed and restarted; what arrived meanwhile is read once.

watchdog_usec=$(usec "$(show WatchdogUSec)")
restarts=$(show NRestarts)
ct kill -STOP "$pid"
frozen_at=$(now_us)
drop frozen
if wait_for 60 restarted "$pid"; then
    timeout_at=$(journal_json | jq -r 'select(.MESSAGE | test("Watchdog timeout")) | .__REALTIME_TIMESTAMP' | tail -n 1)
    new_pid=$(show MainPID)
    if [[ -n $timeout_at ]] && ((timeout_at - frozen_at <= watchdog_usec + 1000000)) &&
        [[ $(show NRestarts) -eq $((restarts + 1)) ]]; then
        pass "watchdog: frozen daemon killed after $(((timeout_at - frozen_at) / 1000000)) s (WatchdogSec=$((watchdog_usec / 1000000))), restarted as PID $new_pid"
    else
        fail "watchdog" "timeout logged at '${timeout_at:-never}', frozen at $frozen_at; NRestarts $(show NRestarts)"
    fi
    pid=$new_pid
else
    fail "watchdog" "the frozen daemon was not restarted within 60 s"
    ct kill -CONT "$pid" || true
fi
check_exactly_once "after the watchdog restart"

# ---------------------------------------------------------------------------------------------
# Crash in the middle of a run of articles: killed once the first ten are logged, while it reads a
# large document, with ten more waiting. Restart=on-failure, and exactly once afterwards.

restarts=$(show NRestarts)
lines_before=$(logged_ids | wc -l)
drop early
drop huge
drop late
early_logged() { [[ $(logged_ids | wc -l) -ge $((lines_before + 10)) ]]; }
wait_for 20 early_logged || true
ct kill -KILL "$pid"
logged_before_kill=$(($(logged_ids | wc -l) - lines_before))
crash_events=$(($(expected_ids | wc -l) - lines_before))
if wait_for 30 restarted "$pid" && [[ $(show NRestarts) -eq $((restarts + 1)) ]]; then
    pass "SIGKILL with $logged_before_kill of $crash_events events logged: restarted by Restart=on-failure (PID $pid → $(show MainPID))"
    pid=$(show MainPID)
else
    fail "crash restart" "unit $(show ActiveState), MainPID $(show MainPID), NRestarts $(show NRestarts)"
fi
check_exactly_once "after a SIGKILL in the middle of a batch"

# ---------------------------------------------------------------------------------------------
# Fatal start-up errors end in a failed unit that says why, and are not restarted.

fatal_start() { # name expected-errno expected-status-substring
    ct systemctl reset-failed $unit 2>/dev/null || true
    local attempted
    attempted=$(now_us)
    if ct systemctl start $unit 2>/dev/null; then
        fail "$1" "the unit started"
        return
    fi
    sleep 0.5
    local active errno text
    active=$(show ActiveState) errno=$(show StatusErrno) text=$(show StatusText)
    if [[ $active == failed && $errno == "$2" && $text == *"$3"* && $(show ExecMainStatus) == 2 ]] &&
        [[ -n $(first_notification "$(show ExecMainPID)" "$attempted" "ERRNO=$2") ]] &&
        grep -qF "Status: \"$text\"" <<<"$(ct systemctl status --full --no-pager $unit || true)"; then
        pass "$1: unit failed, not restarted, status says \"$text\" (ERRNO=$errno)"
    else
        fail "$1" "unit $active, StatusErrno '$errno', StatusText '$text', exit $(show ExecMainStatus) pid $(show ExecMainPID)"
    fi
}
ct systemctl stop $unit
ct mkdir -p /run/systemd/system/$unit.d
printf '[Service]\nEnvironment=SITREP_INBOX=/var/spool/nowhere/inbox\n' | ct tee /run/systemd/system/$unit.d/test.conf >/dev/null
ct systemctl daemon-reload
fatal_start "missing inbox parent" 2 "/var/spool/nowhere"
ct rm -r /run/systemd/system/$unit.d
ct systemctl daemon-reload
ct cp /etc/sitrep/sitrep.conf /tmp/sitrep.conf.good
echo 'on_complete = sometimes' | ct tee -a /etc/sitrep/sitrep.conf >/dev/null
fatal_start "bad configuration" 22 "on_complete"
ct cp /tmp/sitrep.conf.good /etc/sitrep/sitrep.conf
ct systemctl reset-failed $unit
ct systemctl start $unit || fail "start after the fatal errors" "the unit did not start again"
pid=$(show MainPID)

# ---------------------------------------------------------------------------------------------
# The journal: structured entries sent with sd_journal_send, warnings with their fields.

printf 'not an article' | as_analyst tee "$inbox/notes.bin" >/dev/null
wait_for 10 ct test -e /var/lib/sitrep/failed/notes.bin.reason || true
started_entry=$(journal_json "_PID=$pid" | jq -c 'select(.MESSAGE == "watching inbox")' | tail -n 1)
rejected_entry=$(journal_json "_PID=$pid" | jq -c 'select(.SITREP_FILE == "notes.bin")' | tail -n 1)
if jq -e '._TRANSPORT == "journal" and .SYSLOG_IDENTIFIER == "sitrep" and .PRIORITY == "6"
        and .SITREP_INBOX == "/var/spool/sitrep/inbox" and (.CODE_FILE | length > 0)' <<<"${started_entry:-null}" >/dev/null &&
    jq -e '.PRIORITY == "4" and (.SITREP_REASON | length > 0)' <<<"${rejected_entry:-null}" >/dev/null; then
    pass "journalctl -u sitrep -o json: native entries with PRIORITY, CODE_*, SITREP_INBOX, SITREP_FILE, SITREP_REASON"
else
    fail "journal fields" "start entry ${started_entry:-missing}; rejection entry ${rejected_entry:-missing}"
fi
# Outside systemd the same binary logs to stderr.
# shellcheck disable=SC2016 # expanded by the inner shell
stderr_log=$(as_analyst sh -c 'd=$(mktemp -d) && mkdir "$d/inbox" &&
    timeout -s TERM 5 "$1"/bin/sitrep run --inbox "$d/inbox" --log "$d/events.jsonl" --state "$d/state" 2>&1 >/dev/null;
    rm -rf "$d"' sh "$prefix" || true)
if grep -q "watching inbox" <<<"$stderr_log"; then
    pass "outside systemd the daemon logs to stderr"
else
    fail "stderr logging" "no log on stderr outside systemd: ${stderr_log:0:200}"
fi

# ---------------------------------------------------------------------------------------------
# Stop: SIGTERM, STOPPING=1, exit 0, well within TimeoutStopSec.

stop_started=$(now_us)
ct systemctl stop $unit
stop_took=$((($(now_us) - stop_started) / 1000))
stop_timeout=$(($(usec "$(show TimeoutStopUSec)") / 1000))
stopping=$(notifications "$pid" "$stop_started" | awk '/STOPPING=1/ { $1 = ""; print substr($0, 2); exit }')
exited=$(journal_json | jq -r --argjson since "$stop_started" '
    select((.__REALTIME_TIMESTAMP | tonumber) >= $since and (.MESSAGE | type == "string")) | .MESSAGE' |
    sed -n "s/^$unit: Main process exited, //p" | head -n 1)
if [[ $(show ActiveState) == inactive && $(show Result) == success && $exited == "code=exited, status=0/SUCCESS"* &&
    -n $stopping ]] && ((stop_took < stop_timeout)); then
    pass "systemctl stop: $stopping; exit 0 after $stop_took ms (TimeoutStopSec $((stop_timeout / 1000)) s)"
else
    fail "stop" "unit $(show ActiveState)/$(show Result), main process exited '$exited', STOPPING=1 '${stopping:-not sent}', $stop_took ms of $stop_timeout"
fi
check_exactly_once "the whole run"

# ---------------------------------------------------------------------------------------------

total=$((passed + failed))
summary_printed=yes
if ((failed == 0)); then
    echo "systemd test: PASS — $passed/$total checks under systemd ${systemd_version:-?} as PID 1, exposure ${exposure:-?}, $((SECONDS - started)) s"
else
    echo "systemd test: FAIL — $failed of $total checks failed ($(
        IFS=,
        echo "${failures[*]}"
    )), $((SECONDS - started)) s"
    exit 1
fi
