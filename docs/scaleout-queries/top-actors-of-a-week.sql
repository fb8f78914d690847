-- The top actors (source or target, by canonical name) of the busiest week.
WITH week AS (
    SELECT date_trunc('week', date)::date AS start FROM events WHERE date IS NOT NULL
    GROUP BY 1 ORDER BY count(*) DESC LIMIT 1
)
SELECT actor->>'name' AS actor, count(*) AS events, count(DISTINCT m.host) AS hosts
FROM week, events e
CROSS JOIN LATERAL jsonb_array_elements(coalesce(e.record->'source', '[]') || coalesce(e.record->'target', '[]')) AS actor
JOIN mentions m ON m.event_id = e.id
WHERE e.date >= week.start AND e.date < week.start + 7 AND actor ? 'name'
GROUP BY 1
ORDER BY events DESC
LIMIT 10;
