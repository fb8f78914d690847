# shellcheck shell=bash
# The exactly-once check both scale-out tests make: PostgreSQL against the lines the hosts logged.
#   union_check EXPECTED_TSV PSQL_COMMAND…
# EXPECTED_TSV holds one "event id, document id, host" line per mention the logs hold. Prints one line:
# missing_events extra_events missing_mentions extra_mentions events mentions events_on_two_hosts
union_check() {
    local expected=$1; shift
    "$@" -At -F ' ' <<SQL
CREATE TEMP TABLE expected (event_id text, doc_id text, host text);
\copy expected FROM '$expected'
SELECT
  (SELECT count(*) FROM (SELECT DISTINCT event_id FROM expected EXCEPT SELECT id FROM events) x),
  (SELECT count(*) FROM (SELECT id FROM events EXCEPT SELECT event_id FROM expected) x),
  (SELECT count(*) FROM (SELECT * FROM expected EXCEPT SELECT event_id, doc_id, host FROM mentions) x),
  (SELECT count(*) FROM (SELECT event_id, doc_id, host FROM mentions EXCEPT SELECT * FROM expected) x),
  (SELECT count(*) FROM events), (SELECT count(*) FROM mentions),
  (SELECT count(*) FROM (SELECT event_id FROM mentions GROUP BY event_id HAVING count(DISTINCT host) = 2) x);
SQL
}
