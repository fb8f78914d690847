#!/usr/bin/env bash
# Many hosts, one store, for real on one box: a 3-node JetStream cluster, PostgreSQL 15 + PostGIS from
# initdb, two `sitrep run` hosts with their shippers, one sink; shippers, the sink and the stream leader
# are SIGKILLed at random while documents arrive. At the end PostgreSQL must hold exactly the union of
# the hosts' events and mentions, and the shippers' and the sink's metrics files must parse. Then, as
# root, the partition test (Tests/scaleout/partition.sh): the stream leader alone in a network
# namespace while a shipper keeps publishing. Every process is started and stopped here by its PID.
# Needs: nats-server, postgresql-15, postgresql-15-postgis-3, curl, jq, python3, iproute2.
set -euo pipefail
cd "$(dirname "$0")/../.."
BIN=${SITREP_BIN:-"$(swift build --show-bin-path)/sitrep"}
[ -x "$BIN" ] || swift build
DOCS=${SCALEOUT_DOCS:-2000}          # documents in all
SHARED=${SCALEOUT_SHARED:-400}       # of which dropped on both hosts
LIMIT=${SCALEOUT_SECONDS:-480}       # the whole test is bounded by this
PGBIN=/usr/lib/postgresql/15/bin
T=$(mktemp -d /tmp/sitrep-scaleout.XXXXXX)
chmod 755 "$T"
BASE=$((20000 + RANDOM % 20000))
declare -A PID=()
passed=0 failed=0
started=$(date +%s)

log() { printf '[%3ds] %s\n' "$(( $(date +%s) - started ))" "$*"; }
check() { # name, then a command that must succeed
    local name=$1; shift
    if "$@"; then passed=$((passed + 1)); log "ok: $name"; else failed=$((failed + 1)); log "FAILED: $name"; fi
}
stop() { # name [signal]
    local name=$1 signal=${2:-TERM} pid=${PID[$1]:-}
    [ -n "$pid" ] || return 0
    kill -s "$signal" "$pid" 2>/dev/null || true
    for _ in $(seq 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    kill -s KILL "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
    unset "PID[$name]"
}
# shellcheck source=union.sh
. Tests/scaleout/union.sh
# shellcheck source=partition.sh
. Tests/scaleout/partition.sh
cleanup() {
    local code=$?
    for name in "${!PID[@]}"; do stop "$name"; done
    remove_namespaces
    if [ "${KEEP:-0}" = 1 ]; then echo "kept $T"; else rm -rf "$T"; fi
    exit $code
}
trap cleanup EXIT
prom_value() { # file, sample (`name` or `name{label="value"}`): its value; fails unless the whole
    # file is the Prometheus text format (comments HELP/TYPE, then `name{labels} value [timestamp]`)
    python3 - "$1" "$2" <<'PY'
import re, sys
sample = re.compile(r'^([a-zA-Z_:][a-zA-Z0-9_:]*)(\{(?:[a-zA-Z_][a-zA-Z0-9_]*="(?:[^"\\]|\\.)*",?)*\})? '
                    r'([-+]?[0-9.]+(?:[eE][-+]?[0-9]+)?|[-+]Inf|NaN)(?: -?[0-9]+)?$')
values = {}
for line in open(sys.argv[1]).read().splitlines():
    if not line:
        continue
    if line.startswith('#'):
        words = line.split(' ')
        if len(words) < 3 or words[1] not in ('HELP', 'TYPE') or \
                (words[1] == 'TYPE' and words[3:] not in (['counter'], ['gauge'], ['histogram'], ['summary'], ['untyped'])):
            sys.exit(f'{sys.argv[1]}: not a HELP or TYPE line: {line}')
        continue
    match = sample.match(line)
    if not match:
        sys.exit(f'{sys.argv[1]}: not a sample line: {line}')
    values[match.group(1) + (match.group(2) or '')] = float(match.group(3))
if sys.argv[2] not in values:
    sys.exit(f'{sys.argv[1]}: no sample {sys.argv[2]}')
value = values[sys.argv[2]]
print(int(value) if value == int(value) else value)
PY
}
trap 'log "time limit reached"; exit 1' ALRM
( sleep "$LIMIT"; kill -s ALRM $$ 2>/dev/null ) & PID[watchdog]=$!

# --- NATS: three nodes, fresh store directories ------------------------------------------------
client_port() { echo $((BASE + $1)); }
route_port() { echo $((BASE + 10 + $1)); }
monitor_port() { echo $((BASE + 20 + $1)); }
start_nats() {
    local i=$1
    mkdir -p "$T/nats$i"
    cat > "$T/nats$i.conf" <<CONF
server_name: n$i
listen: 127.0.0.1:$(client_port $i)
http: 127.0.0.1:$(monitor_port $i)
jetstream { store_dir: "$T/nats$i", max_memory_store: 64MB, max_file_store: 1GB }
cluster {
  name: sitrep
  listen: 127.0.0.1:$(route_port $i)
  routes: [nats-route://127.0.0.1:$(route_port 1), nats-route://127.0.0.1:$(route_port 2), nats-route://127.0.0.1:$(route_port 3)]
}
CONF
    nats-server -c "$T/nats$i.conf" >>"$T/nats$i.log" 2>&1 & PID[nats$i]=$!
}
meta_leader() {
    for i in 1 2 3; do
        curl -sf "http://127.0.0.1:$(monitor_port $i)/jsz" 2>/dev/null | jq -r '.meta_cluster.leader // empty' && return 0
    done
    return 1
}
stream_leader() { # the node index whose server leads stream EVENTS
    for i in 1 2 3; do
        local leader
        leader=$(curl -sf "http://127.0.0.1:$(monitor_port $i)/jsz?streams=true" 2>/dev/null |
            jq -r '[.account_details[]?.stream_detail[]? | select(.name=="EVENTS") | .cluster.leader] | first // empty') || continue
        [ -n "$leader" ] && { echo "${leader#n}"; return 0; }
    done
    return 1
}
for i in 1 2 3; do start_nats "$i"; done
for _ in $(seq 100); do
    ok=1
    for i in 1 2 3; do curl -sf "http://127.0.0.1:$(monitor_port $i)/healthz" >/dev/null 2>&1 || ok=0; done
    size=$(curl -sf "http://127.0.0.1:$(monitor_port 1)/jsz" 2>/dev/null | jq -r '.meta_cluster.cluster_size // 0' || echo 0)
    [ $ok = 1 ] && [ -n "$(meta_leader || true)" ] && [ "$size" = 3 ] && break
    sleep 0.2
done
check "the NATS cluster is healthy and has a meta leader" test -n "$(meta_leader || true)"
URLS="nats://127.0.0.1:$(client_port 1),nats://127.0.0.1:$(client_port 2),nats://127.0.0.1:$(client_port 3)"

# --- PostgreSQL 15 from initdb, on loopback, as an unprivileged user ---------------------------
PGPORT=$((BASE + 30))
as_user=()
if [ "$(id -u)" = 0 ]; then as_user=(setpriv --reuid=nobody --regid=nogroup --clear-groups --); fi
mkdir -p "$T/pg" "$T/pgsock"
[ "$(id -u)" = 0 ] && chown nobody:nogroup "$T/pg" "$T/pgsock"
"${as_user[@]}" "$PGBIN/initdb" -D "$T/pg/data" -U sitrep --auth=trust -E UTF8 >"$T/initdb.log" 2>&1
"${as_user[@]}" "$PGBIN/postgres" -D "$T/pg/data" -p "$PGPORT" -k "$T/pgsock" -c listen_addresses=127.0.0.1 \
    >"$T/postgres.log" 2>&1 & PID[postgres]=$!
for _ in $(seq 100); do "$PGBIN/pg_isready" -q -h 127.0.0.1 -p "$PGPORT" && break; sleep 0.1; done
psql() { command psql -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$PGPORT" -U sitrep "$@"; }
psql -d postgres -c "CREATE DATABASE sitrep"
check "PostgreSQL accepts connections" "$PGBIN/pg_isready" -q -h 127.0.0.1 -p "$PGPORT"
DB="postgres://sitrep@127.0.0.1:$PGPORT/sitrep"

# --- Two hosts: daemon + shipper each; one sink -------------------------------------------------
for h in hA hB; do
    mkdir -p "$T/$h/inbox" "$T/$h/state" "$T/$h/drop"
    cat > "$T/$h/sitrep.conf" <<CONF
inbox = "$T/$h/inbox"
log = "$T/$h/events.jsonl"
state = "$T/$h/state"
settle_ms = 100
on_complete = delete
host = $h
nats_urls = "$URLS"
stream_replicas = 3
duplicate_window_s = 600
ship_window = 128
ack_timeout_ms = 2000
database_url = "$DB"
sink_batch = 200
log_level = warning
CONF
done
start_daemon() { "$BIN" run --config "$T/$1/sitrep.conf" >>"$T/$1/run.log" 2>&1 & PID[run-$1]=$!; }
start_shipper() { "$BIN" ship --config "$T/$1/sitrep.conf" >>"$T/$1/ship.log" 2>&1 & PID[ship-$1]=$!; }
# Each restart of the sink takes the next batch size: an existing durable consumer keeps the ack
# window of the size it was made with, and the sink must change it rather than refuse to start.
sink_batches=(200 50 500) sink_starts=0
start_sink() {
    local batch=${sink_batches[$((sink_starts % ${#sink_batches[@]}))]}
    sink_starts=$((sink_starts + 1))
    SITREP_SINK_BATCH=$batch SITREP_LOG_LEVEL=${SINK_LOG_LEVEL:-warning} "$BIN" sink --config "$T/hA/sitrep.conf" \
        >>"$T/sink.log" 2>&1 & PID[sink]=$!
}
for h in hA hB; do start_daemon $h; start_shipper $h; done
start_sink

for _ in $(seq 600); do [ -n "$(stream_leader || true)" ] && break; sleep 0.2; done
check "stream EVENTS exists with a leader" test -n "$(stream_leader || true)"

# Documents: wikinews articles, each in several variants (another id and publication date give other
# events); the first $SHARED records go to both hosts, the rest to one or the other.
python3 - "$T" "$DOCS" "$SHARED" <<'PY'
import json, sys, datetime
root, total, shared = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
articles = [json.loads(l) for l in open("../shared/eval/news/wikinews.jsonl")]
records = []
for n in range(total):
    a = articles[n % len(articles)]
    k = n // len(articles)
    day = datetime.date.fromisoformat(a.get("published", "2020-01-01")[:10]) + datetime.timedelta(days=k)
    records.append({"id": f"{a['id']}#{k}", "title": a.get("title", ""), "text": a["text"], "published": day.isoformat()})
hosts = {"hA": records[:shared], "hB": records[:shared]}
for i, r in enumerate(records[shared:]):
    hosts["hA" if i % 2 == 0 else "hB"].append(r)
import os
for h, rs in hosts.items():
    for n, r in enumerate(rs):
        group = f"{root}/{h}/drop/{n // 10:04d}"
        os.makedirs(group, exist_ok=True)
        with open(f"{group}/{n:05d}.json", "w") as out:
            json.dump(r, out)
PY
drop_next() { # moves one prepared group of documents into a host's inbox; false when none are left
    local h=$1 group
    group=$(ls "$T/$h/drop" | head -1)
    [ -n "$group" ] || return 1
    mv "$T/$h/drop/$group"/*.json "$T/$h/inbox/"
    rmdir "$T/$h/drop/$group"
}
log "dropping $DOCS documents ($SHARED on both hosts) while killing at random"
kills=0 leader_kills=0
while :; do
    more=0
    for h in hA hB; do drop_next $h && more=1 || true; done
    case $((RANDOM % 6)) in
        0) h=$([ $((RANDOM % 2)) = 0 ] && echo hA || echo hB); stop "ship-$h" KILL; start_shipper $h; kills=$((kills + 1)) ;;
        1) stop sink KILL; start_sink; kills=$((kills + 1)) ;;
        2) if [ $leader_kills -lt 3 ] && l=$(stream_leader); then
               stop "nats$l" KILL; leader_kills=$((leader_kills + 1)); sleep 1; start_nats "$l"
           fi ;;
    esac
    [ $more = 1 ] || break
    sleep 0.$((RANDOM % 9 + 1))
done
log "all documents dropped; $kills shipper/sink kills, $leader_kills stream leader kills"

# --- Wait for the daemons to finish, the shippers to catch up and the sink to drain ------------
inbox_empty() { [ -z "$(find "$T/hA/inbox" "$T/hB/inbox" -type f)" ]; }
shipped() {
    local h=$1 size offset
    size=$(stat -c %s "$T/$h/events.jsonl" 2>/dev/null || echo 0)
    offset=$(awk '{print $3}' "$T/$h/state/ship.checkpoint" 2>/dev/null || echo -1)
    [ "$size" = "$offset" ]
}
while ! inbox_empty; do sleep 1; done
check "both hosts extracted every document" inbox_empty
sleep 2
while ! { shipped hA && shipped hB; }; do sleep 0.5; done
check "both shippers' checkpoints reached the end of their logs" eval "shipped hA && shipped hB"
expected() {
    for h in hA hB; do jq -r --arg h "$h" '[.id, .doc.id, $h] | @tsv' "$T/$h/events.jsonl"; done | sort -u
}
expected >"$T/expected.tsv"
mentions_expected=$(wc -l <"$T/expected.tsv")
events_expected=$(cut -f1 "$T/expected.tsv" | sort -u | wc -l)
count() { psql -d sitrep -At -c "$1" 2>/dev/null || echo -1; }
while [ "$(count 'SELECT count(*) FROM mentions')" -lt "$mentions_expected" ]; do sleep 0.5; done
sleep 3   # anything extra would show up now
log "expecting $events_expected events and $mentions_expected mentions"

read -r missing_events extra_events missing_mentions extra_mentions events mentions on_both < <(
    union_check "$T/expected.tsv" psql -d sitrep)
log "events $events (missing $missing_events, extra $extra_events), mentions $mentions (missing $missing_mentions, extra $extra_mentions), $on_both events on both hosts"
check "no event is missing" test "$missing_events" = 0
check "no event is extra" test "$extra_events" = 0
check "no mention is missing" test "$missing_mentions" = 0
check "no mention is extra" test "$extra_mentions" = 0
check "events and mentions are exactly the union" test "$events" = "$events_expected" -a "$mentions" = "$mentions_expected"
check "shared documents are one event with a mention from each host" test "$on_both" -gt 0
check "the random kills happened" test "$kills" -gt 0 -a "$leader_kills" -gt 0
check "typed columns and PostGIS points are filled" test \
    "$(count "SELECT count(*) FROM events WHERE location IS NOT NULL AND record ? 'id' AND type IS NOT NULL")" -gt 0
check "the sink's position is the stream's last sequence or less" test "$(count 'SELECT count(*) FROM sink_position')" = 1
check "migrations are recorded" test "$(count "SELECT string_agg(version::text, ',' ORDER BY version) FROM schema_migrations")" = "1,2"

# The analysts' queries (docs/scaleout.md) run against what the test stored.
for query in docs/scaleout-queries/*.sql; do
    echo "--- $(basename "$query")"
    check "query $(basename "$query" .sql) runs" psql -d sitrep -P pager=off -f "$query"
done

# A new sink_batch on the existing durable consumer: each restart takes the next size.
for _ in 1 2; do stop sink; start_sink; sleep 3; kill -0 "${PID[sink]}" 2>/dev/null || break; done
check "the sink restarts with another sink_batch ($sink_starts starts over sizes ${sink_batches[*]})" \
    eval 'kill -0 "${PID[sink]}" 2>/dev/null && ! grep -qi "max ack pending" "$T/sink.log"'

# Metrics: SIGTERM makes the shippers and the sink write their files a last time.
for h in hA hB; do stop "ship-$h"; done
stop sink
now=$(date +%s)
for h in hA hB; do
    file="$T/$h/state/ship-metrics.prom"
    check "$h's shipper metrics parse and show no lag after the catch-up" test \
        "$(prom_value "$file" sitrep_ship_lag_bytes)" = 0 -a "$(prom_value "$file" sitrep_ship_in_flight)" = 0 \
        -a "$(prom_value "$file" sitrep_ship_window_capacity)" = 128
    check "$h's shipper metrics were written at stop and count no more lines than the log has" test \
        "$(prom_value "$file" sitrep_ship_metrics_written_timestamp_seconds | cut -d. -f1)" -ge $((now - 30)) \
        -a "$(prom_value "$file" sitrep_ship_acknowledged_total)" -le "$(wc -l <"$T/$h/events.jsonl")"
done
file="$T/hA/state/sink-metrics.prom"
check "the sink's metrics parse: nothing pending, one commit time per committed batch" test \
    "$(prom_value "$file" sitrep_sink_consumer_pending_messages)" = 0 -a \
    "$(prom_value "$file" sitrep_sink_commit_seconds_count)" = "$(prom_value "$file" 'sitrep_sink_batches_total{outcome="committed"}')"
check "the sink's metrics count no more mentions than PostgreSQL holds" test \
    "$(prom_value "$file" 'sitrep_sink_rows_inserted_total{table="mentions"}')" -le "$mentions"

# The partition test (root only; it logs why when it is skipped).
partition_test

for name in "${!PID[@]}"; do [ "$name" = watchdog ] || stop "$name"; done
stop watchdog
log "run time $(( $(date +%s) - started )) s"
echo "$passed passed, $failed failed"
[ "$failed" = 0 ]
