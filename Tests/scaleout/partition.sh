# Sourced by Tests/scaleout/run.sh after its main checks (it uses run.sh's check, stop, log, PID, T,
# BIN, PGBIN, PGPORT and as_user). The stream leader cut off by a network partition.
#
# A fresh 3-node JetStream cluster runs in network namespaces made here: one namespace per node, each
# joined by a veth pair to a bridge in a "hub" namespace, where the shipper, the sink and PostgreSQL
# (the main test's data directory, restarted there) run. Addresses are 10.213.0.0/24, which exists
# only inside these namespaces; the host's own network is not touched. Lines from the two hosts' logs
# are appended to a third log at a steady rate while the stream leader's link is taken down for a
# while and brought back. PostgreSQL must then hold exactly the union of the lines, and the majority
# side must have kept taking writes during the partition. Root only; skipped with a message otherwise.
# Namespaces are removed by run.sh's exit trap (after every process is stopped by its PID).

PART_NET=10.213.0
PART_CUT_SECONDS=${SCALEOUT_PARTITION_SECONDS:-16}

# The namespaces this test made, removed at exit.
declare -a NETNS=()
remove_namespaces() {
    local ns
    for ns in "${NETNS[@]}"; do ip netns del "$ns" 2>/dev/null || true; done
    NETNS=()
}

partition_test() {
    if [ "$(id -u)" != 0 ]; then
        log "skipped: the partition test needs root (network namespaces); run as root to include it"
        return 0
    fi
    if ! command -v ip >/dev/null || ! ip netns list >/dev/null 2>&1; then
        log "skipped: the partition test needs 'ip netns' (iproute2)"
        return 0
    fi
    local prefix="sitrep-$$" hub i size leader="" ready=0
    hub="$prefix-hub"
    if ! ip netns add "$hub" 2>/dev/null; then
        log "skipped: cannot create a network namespace here (no CAP_SYS_ADMIN?)"
        return 0
    fi
    NETNS+=("$hub")
    ip -n "$hub" link set lo up
    ip -n "$hub" link add br0 type bridge
    ip -n "$hub" addr add "$PART_NET.1/24" dev br0
    ip -n "$hub" link set br0 up
    for i in 1 2 3; do
        ip netns add "$prefix-n$i"
        NETNS+=("$prefix-n$i")
        ip -n "$prefix-n$i" link set lo up
        ip -n "$hub" link add "veth$i" type veth peer name eth0 netns "$prefix-n$i"
        ip -n "$hub" link set "veth$i" master br0 up
        ip -n "$prefix-n$i" addr add "$PART_NET.1$i/24" dev eth0
        ip -n "$prefix-n$i" link set eth0 up
    done
    # Foreground only: a function run with & would put a subshell's PID, not the process's, in PID[].
    in_hub() { ip netns exec "$hub" "$@"; }

    # --- The cluster, one node per namespace ---------------------------------------------------
    start_part_nats() {
        local i=$1
        mkdir -p "$T/pnats$i"
        cat > "$T/pnats$i.conf" <<CONF
server_name: p$i
listen: $PART_NET.1$i:4222
http: $PART_NET.1$i:8222
ping_interval: "2s"
ping_max: 2
jetstream { store_dir: "$T/pnats$i", max_memory_store: 64MB, max_file_store: 1GB }
cluster {
  name: sitrep-partition
  listen: $PART_NET.1$i:6222
  routes: [nats-route://$PART_NET.11:6222, nats-route://$PART_NET.12:6222, nats-route://$PART_NET.13:6222]
}
CONF
        ip netns exec "$prefix-n$i" nats-server -c "$T/pnats$i.conf" >>"$T/pnats$i.log" 2>&1 & PID[pnats$i]=$!
    }
    part_jsz() { in_hub curl -sf --max-time 2 "http://$PART_NET.1$1:8222/jsz?$2" 2>/dev/null; }
    part_stream_leader() { # node index; only nodes in $2 (default all) are asked
        local i leader
        for i in ${2:-1 2 3}; do
            leader=$(part_jsz "$i" "streams=true" |
                jq -r '[.account_details[]?.stream_detail[]? | select(.name=="EVENTS") | .cluster.leader] | first // empty') ||
                continue
            [ -n "$leader" ] && { echo "${leader#p}"; return 0; }
        done
        return 1
    }
    for i in 1 2 3; do start_part_nats "$i"; done
    for _ in $(seq 150); do
        size=$(part_jsz 1 "" | jq -r '.meta_cluster.cluster_size // 0' || echo 0)
        leader=$(part_jsz 1 "" | jq -r '.meta_cluster.leader // empty' || true)
        if [ "$size" = 3 ] && [ -n "$leader" ]; then ready=1; break; fi
        sleep 0.2
    done
    check "partition: the cluster in three namespaces has a meta leader" test "$ready" = 1

    # --- PostgreSQL, the sink and a shipper in the hub -------------------------------------------
    stop postgres INT   # a fast shutdown: the data directory is started again at once
    ip netns exec "$hub" "${as_user[@]}" "$PGBIN/postgres" -D "$T/pg/data" -p "$PGPORT" -k "$T/pgsock" \
        -c listen_addresses=127.0.0.1 >>"$T/postgres.log" 2>&1 & PID[postgres]=$!
    for _ in $(seq 100); do "$PGBIN/pg_isready" -q -h "$T/pgsock" -p "$PGPORT" && break; sleep 0.1; done
    # From outside the hub through the Unix socket (a path, not an address).
    ppsql() { command psql -X -q -v ON_ERROR_STOP=1 -h "$T/pgsock" -p "$PGPORT" -U sitrep "$@"; }
    pcount() { ppsql -d sitrep_partition -At -c "$1" 2>/dev/null || echo -1; }
    ppsql -d postgres -c "CREATE DATABASE sitrep_partition"
    local h=hP
    mkdir -p "$T/$h/state"
    : >"$T/$h/events.jsonl"
    cat > "$T/$h/sitrep.conf" <<CONF
log = "$T/$h/events.jsonl"
state = "$T/$h/state"
host = $h
nats_urls = "nats://$PART_NET.11:4222,nats://$PART_NET.12:4222,nats://$PART_NET.13:4222"
stream_replicas = 3
duplicate_window_s = 600
ship_window = 128
ack_timeout_ms = 2000
database_url = "postgres://sitrep@127.0.0.1:$PGPORT/sitrep_partition"
sink_batch = 200
sink_consumer = partition-sink
log_level = warning
CONF
    # The sink creates the stream. The shipper is given only the leader's URL, so that it is on the
    # side that will be cut off; it learns the other servers from the cluster and must fail over.
    ip netns exec "$hub" "$BIN" sink --config "$T/$h/sitrep.conf" >>"$T/$h/sink.log" 2>&1 & PID[sink-$h]=$!
    for _ in $(seq 300); do leader=$(part_stream_leader || true); [ -n "$leader" ] && break; sleep 0.2; done
    check "partition: stream EVENTS exists with a leader" test -n "$leader"
    ip netns exec "$hub" "$BIN" ship --config "$T/$h/sitrep.conf" --nats-urls "nats://$PART_NET.1${leader:-1}:4222" \
        >>"$T/$h/ship.log" 2>&1 & PID[ship-$h]=$!

    # The lines to feed: the start of both hosts' logs, where the shared documents' events are, so
    # that some lines come twice (the same message id: the stream's de-duplication and the shipper's
    # duplicate check see them).
    local half=$(( ${SCALEOUT_PARTITION_LINES:-3000} / 2 ))
    { sed -n "1,${half}p" "$T/hA/events.jsonl"; sed -n "1,${half}p" "$T/hB/events.jsonl"; } >"$T/feed.jsonl"
    local total fed=0 chunk=30
    total=$(wc -l <"$T/feed.jsonl")
    feed_for() { # seconds: appends $chunk lines every 0.25 s
        local until=$(( $(date +%s) + $1 ))
        while [ "$(date +%s)" -lt "$until" ] && [ "$fed" -lt "$total" ]; do
            sed -n "$((fed + 1)),$((fed + chunk))p" "$T/feed.jsonl" >>"$T/$h/events.jsonl"
            fed=$((fed + chunk)); [ "$fed" -gt "$total" ] && fed=$total
            sleep 0.25
        done
    }
    feed_for 4
    leader=$(part_stream_leader || true)
    local others
    others=$(for i in 1 2 3; do [ "$i" = "$leader" ] || printf '%s ' "$i"; done)
    local on_leader
    on_leader=$(in_hub curl -sf --max-time 2 "http://$PART_NET.1$leader:8222/connz" 2>/dev/null |
        jq -r '[.connections[]?.name // empty | select(startswith("sitrep-"))] | join(",")' || true)
    log "partition: cutting off the stream leader p$leader (clients on it: ${on_leader:-none}) for ${PART_CUT_SECONDS}s, $fed of $total lines fed"
    check "partition: the shipper is connected to the leader it loses" test "${on_leader#*sitrep-ship-hP}" != "$on_leader"
    ip -n "$prefix-n$leader" link set eth0 down
    feed_for $((PART_CUT_SECONDS / 2))
    local rows_mid rows_end new_leader
    rows_mid=$(pcount "SELECT count(*) FROM mentions")
    feed_for $((PART_CUT_SECONDS - PART_CUT_SECONDS / 2))
    rows_end=$(pcount "SELECT count(*) FROM mentions")
    new_leader=$(part_stream_leader "$others" || true)
    log "partition: mentions $rows_mid → $rows_end in the second half of the cut; new leader p${new_leader:-?}"
    check "partition: the majority side elected another stream leader" test -n "$new_leader" -a "$new_leader" != "$leader"
    check "partition: rows kept arriving while the leader was cut off" test "$rows_end" -gt "$rows_mid"
    ip -n "$prefix-n$leader" link set eth0 up
    log "partition: healed"
    chunk=100
    feed_for 60

    # --- Everything arrives once -------------------------------------------------------------------
    jq -r '[.id, .doc.id, "hP"] | @tsv' "$T/feed.jsonl" | sort -u >"$T/partition-expected.tsv"
    local expected_mentions expected_events deadline
    expected_mentions=$(wc -l <"$T/partition-expected.tsv")
    expected_events=$(cut -f1 "$T/partition-expected.tsv" | sort -u | wc -l)
    deadline=$(( $(date +%s) + 90 ))
    while [ "$(date +%s)" -lt "$deadline" ]; do
        [ "$(pcount 'SELECT count(*) FROM mentions')" -ge "$expected_mentions" ] &&
            [ "$(awk '{print $3}' "$T/$h/state/ship.checkpoint" 2>/dev/null)" = "$(stat -c %s "$T/$h/events.jsonl")" ] && break
        sleep 0.5
    done
    sleep 2
    local missing_events extra_events missing_mentions extra_mentions events mentions
    read -r missing_events extra_events missing_mentions extra_mentions events mentions _ < <(
        union_check "$T/partition-expected.tsv" ppsql -d sitrep_partition)
    log "partition: longest gap between rows' commit times $(pcount "SELECT round(max(g) * 1000)::int FROM (SELECT extract(epoch FROM first_seen - lag(first_seen) OVER (ORDER BY first_seen)) AS g FROM events) x") ms"
    log "partition: $total lines, events $events of $expected_events (missing $missing_events, extra $extra_events), mentions $mentions of $expected_mentions (missing $missing_mentions, extra $extra_mentions)"
    check "partition: no event or mention is missing" test "$missing_events" = 0 -a "$missing_mentions" = 0
    check "partition: no event or mention is extra" test "$extra_events" = 0 -a "$extra_mentions" = 0
    check "partition: events and mentions are exactly the union" \
        test "$events" = "$expected_events" -a "$mentions" = "$expected_mentions"
    local healed=0
    for _ in $(seq 60); do
        in_hub curl -sf --max-time 2 "http://$PART_NET.1$leader:8222/healthz" >/dev/null 2>&1 && { healed=1; break; }
        sleep 0.5
    done
    check "partition: the cut-off node is healthy again after the heal" test "$healed" = 1

    # The shipper and the sink ran without a restart: their metrics (written at stop) count every line.
    stop "ship-$h"
    stop "sink-$h"
    check "partition: the shipper acknowledged every line once" \
        test "$(prom_value "$T/$h/state/ship-metrics.prom" sitrep_ship_acknowledged_total)" = "$total"
    check "partition: the sink's inserted mentions are the union" \
        test "$(prom_value "$T/$h/state/sink-metrics.prom" 'sitrep_sink_rows_inserted_total{table="mentions"}')" = "$expected_mentions"

    for i in 1 2 3; do stop "pnats$i"; done
    remove_namespaces
}
