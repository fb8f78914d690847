-- Fatal events within 50 km of a point (London) in a date range.
SELECT id, date, type, killed, round((ST_Distance(location, ST_MakePoint(-0.1276, 51.5072)::geography) / 1000)::numeric, 1) AS km,
       left(record->>'sentence', 60) AS sentence
FROM events
WHERE killed > 0
  AND date BETWEEN '2019-01-01' AND '2022-12-31'
  AND ST_DWithin(location, ST_MakePoint(-0.1276, 51.5072)::geography, 50000)
ORDER BY date
LIMIT 10;
