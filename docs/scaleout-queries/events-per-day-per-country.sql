-- Events per day per country, last 30 days of event dates in the store.
SELECT date, country, count(*) AS events, sum(killed) AS killed
FROM events
WHERE date >= (SELECT max(date) FROM events) - 30 AND country IS NOT NULL
GROUP BY date, country
ORDER BY date DESC, events DESC
LIMIT 10;
