#!/usr/bin/env bash
# Scale-out numbers on one box: a 3-node JetStream cluster, PostgreSQL 15 + PostGIS, one shipper, one
# sink. Writes N synthetic event lines (with their write time) to a log and measures events/s from log
# to row, write-to-row latency p50/p99, the sink's rows/s per batch, and the longest gap between rows
# written while the stream leader is killed mid-run (the write stall). Prints one table.
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=${SITREP_BIN:-"$(swift build --show-bin-path)/sitrep"}
N=${BENCH_EVENTS:-20000}
RATE=${BENCH_RATE:-2000}   # lines per second written during the leader-loss run
PGBIN=/usr/lib/postgresql/15/bin
T=$(mktemp -d /tmp/sitrep-bench.XXXXXX); chmod 755 "$T"
BASE=$((20000 + RANDOM % 20000))
declare -A PID=()
stop() { local p=${PID[$1]:-}; [ -n "$p" ] || return 0; kill "$p" 2>/dev/null || true
    for _ in $(seq 50); do kill -0 "$p" 2>/dev/null || break; sleep 0.1; done
    kill -KILL "$p" 2>/dev/null || true; wait "$p" 2>/dev/null || true; unset "PID[$1]"; }
cleanup() { for n in "${!PID[@]}"; do stop "$n"; done; rm -rf "$T"; }
trap cleanup EXIT
for i in 1 2 3; do
    mkdir -p "$T/n$i"
    cat > "$T/n$i.conf" <<CONF
server_name: n$i
listen: 127.0.0.1:$((BASE + i))
http: 127.0.0.1:$((BASE + 20 + i))
jetstream { store_dir: "$T/n$i" }
cluster { name: bench, listen: 127.0.0.1:$((BASE + 10 + i)), routes: [nats-route://127.0.0.1:$((BASE + 11)), nats-route://127.0.0.1:$((BASE + 12)), nats-route://127.0.0.1:$((BASE + 13))] }
CONF
    nats-server -c "$T/n$i.conf" >"$T/n$i.log" 2>&1 & PID[n$i]=$!
done
for _ in $(seq 300); do
    [ "$(curl -sf "http://127.0.0.1:$((BASE + 21))/jsz" | jq -r '.meta_cluster.cluster_size // 0' 2>/dev/null)" = 3 ] && break; sleep 0.2
done
as_user=(); [ "$(id -u)" = 0 ] && as_user=(setpriv --reuid=nobody --regid=nogroup --clear-groups --)
mkdir -p "$T/pg"; [ "$(id -u)" = 0 ] && chown nobody:nogroup "$T/pg"
"${as_user[@]}" "$PGBIN/initdb" -D "$T/pg/data" -U sitrep --auth=trust >/dev/null
PGPORT=$((BASE + 30))
"${as_user[@]}" "$PGBIN/postgres" -D "$T/pg/data" -p "$PGPORT" -k "$T/pg" -c listen_addresses=127.0.0.1 >"$T/pg.log" 2>&1 & PID[pg]=$!
for _ in $(seq 100); do "$PGBIN/pg_isready" -q -h 127.0.0.1 -p "$PGPORT" -U sitrep && break; sleep 0.1; done
psql() { command psql -X -q -At -h 127.0.0.1 -p "$PGPORT" -U sitrep "$@"; }
psql -d postgres -c "CREATE DATABASE sitrep"
mkdir -p "$T/state"
export SITREP_NATS_URLS="nats://127.0.0.1:$((BASE + 1)),nats://127.0.0.1:$((BASE + 2)),nats://127.0.0.1:$((BASE + 3))"
export SITREP_DATABASE_URL="postgres://sitrep@127.0.0.1:$PGPORT/sitrep" SITREP_LOG_LEVEL=warning
: >"$T/events.jsonl"
"$BIN" sink >"$T/sink.log" 2>&1 & PID[sink]=$!
"$BIN" ship --log "$T/events.jsonl" --state "$T/state" --host bench >"$T/ship.log" 2>&1 & PID[ship]=$!
for _ in $(seq 600); do psql -d sitrep -c "SELECT 1 FROM schema_migrations WHERE version = 2" 2>/dev/null | grep -q 1 && break; sleep 0.2; done

# Lines carry their write time (µs) in "written_us"; rows get first_seen = their transaction's time.
write_lines() { # first count rate(0 = as fast as possible)
    python3 - "$T/events.jsonl" "$1" "$2" "$3" <<'PY'
import json, sys, time
path, first, count, rate = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4])
with open(path, "a") as log:
    start = time.time()
    for n in range(first, first + count):
        if rate:
            delay = start + (n - first) / rate - time.time()
            if delay > 0: time.sleep(delay)
        record = {"schema": "sitrep.event/1", "id": f"b{n:08d}", "doc": {"id": f"d{n // 3}"}, "type": "ASSAULT",
                  "date": "2024-03-01", "location": {"country": "UA", "lat": 50.45, "lon": 30.52}, "killed": n % 4,
                  "written_us": int(time.time() * 1e6)}
        log.write(json.dumps(record) + "\n")
        if rate or n % 500 == 0: log.flush()
PY
}
wait_rows() { while [ "$(psql -d sitrep -c 'SELECT count(*) FROM events')" -lt "$1" ]; do sleep 0.1; done; }
t0=$(date +%s.%N)
write_lines 0 "$N" 0
wait_rows "$N"
t1=$(date +%s.%N)
throughput=$(python3 -c "print(round($N / ($t1 - $t0)))")
# Latency at a steady rate (no backlog): write time to commit time.
write_lines "$N" $((RATE * 5)) "$RATE"
wait_rows $((N + RATE * 5))
latency=$(psql -d sitrep -c "SELECT round(percentile_cont(0.5) WITHIN GROUP (ORDER BY l))::int || ' ' || round(percentile_cont(0.99) WITHIN GROUP (ORDER BY l))::int FROM (SELECT extract(epoch FROM first_seen) * 1000 - (record->>'written_us')::bigint / 1000.0 AS l FROM events WHERE id >= 'b$(printf %08d "$N")') x")
# Sink alone: stop it, let the backlog build, then time the drain.
stop sink
write_lines $((N + RATE * 5)) "$N" 0
sleep 5
s0=$(date +%s.%N)
"$BIN" sink >>"$T/sink.log" 2>&1 & PID[sink]=$!
wait_rows $((2 * N + RATE * 5))
s1=$(date +%s.%N)
sink_rate=$(python3 -c "print(round($N / ($s1 - $s0)))")
# Leader loss at a steady rate: the longest gap between consecutive rows' commit times.
leader=""
for i in 1 2 3; do
    l=$(curl -sf "http://127.0.0.1:$((BASE + 20 + i))/jsz?streams=true" | jq -r '[.account_details[]?.stream_detail[]? | select(.name=="EVENTS") | .cluster.leader] | first // empty')
    [ -n "$l" ] && { leader=${l#n}; break; }
done
( sleep 3; kill -KILL "${PID[n$leader]}" ) & killer=$!
B=$((2 * N + RATE * 5))
write_lines "$B" $((RATE * 8)) "$RATE"
wait "$killer" || true
wait "${PID[n$leader]}" 2>/dev/null || true; unset "PID[n$leader]"
wait_rows $((B + RATE * 8))
stall=$(psql -d sitrep -c "SELECT round(max(g) * 1000)::int FROM (SELECT extract(epoch FROM first_seen - lag(first_seen) OVER (ORDER BY first_seen)) AS g FROM events WHERE id >= 'b$(printf %08d "$B")') x")
# The sink's throughput per batch size: for each size a fresh database and a fresh durable consumer
# drain the whole stream (every line written above), so each run inserts the same rows into empty
# tables, in the same run of the cluster and PostgreSQL.
total=$(wc -l <"$T/events.jsonl")
stop sink
sweep=()
for batch in ${BENCH_BATCHES:-50 100 200 500 1000}; do
    psql -d postgres -c "CREATE DATABASE sitrep_b$batch"
    b0=$(date +%s.%N)
    SITREP_DATABASE_URL="postgres://sitrep@127.0.0.1:$PGPORT/sitrep_b$batch" SITREP_SINK_BATCH=$batch \
        SITREP_SINK_CONSUMER="bench-b$batch" "$BIN" sink >>"$T/sink-b$batch.log" 2>&1 & PID[sink]=$!
    for _ in $(seq 6000); do
        [ "$(psql -d "sitrep_b$batch" -c 'SELECT count(*) FROM events' 2>/dev/null || echo 0)" -ge "$total" ] && break
        kill -0 "${PID[sink]}" 2>/dev/null || { echo "sink with batch $batch exited:" >&2; cat "$T/sink-b$batch.log" >&2; exit 1; }
        sleep 0.1
    done
    b1=$(date +%s.%N)
    stop sink
    sweep+=("| sink alone, backlog of $total, batch $batch (rows/s) | $(python3 -c "print(round($total / ($b1 - $b0)))") |")
done
echo "| measure | value |"
echo "|---|---|"
echo "| events/s, log to row (ship + sink, $N events) | $throughput |"
echo "| write-to-row latency p50 / p99 at $RATE lines/s (ms) | ${latency% *} / ${latency#* } |"
echo "| sink alone, backlog of $N, batch 500 (rows/s) | $sink_rate |"
echo "| write stall during stream leader loss at $RATE lines/s (ms) | $stall |"
printf '%s\n' "${sweep[@]}"
