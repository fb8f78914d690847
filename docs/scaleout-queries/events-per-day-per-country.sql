-- Events per day per country in a date range, busiest first.
SELECT date, country, count(*) AS events, coalesce(sum(killed), 0) AS killed
FROM events
WHERE date BETWEEN '2019-01-01' AND '2022-12-31' AND country IS NOT NULL
GROUP BY date, country
ORDER BY events DESC, date, country
LIMIT 10;
