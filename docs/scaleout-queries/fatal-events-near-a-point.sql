-- Fatal events within 50 km of a point (Kyiv) in a date range.
SELECT id, date, type, killed, round((ST_Distance(location, ST_MakePoint(30.5234, 50.4501)::geography) / 1000)::numeric, 1) AS km,
       left(record->>'sentence', 60) AS sentence
FROM events
WHERE killed > 0
  AND date BETWEEN '2014-01-01' AND '2024-12-31'
  AND ST_DWithin(location, ST_MakePoint(30.5234, 50.4501)::geography, 50000)
ORDER BY date
LIMIT 10;
