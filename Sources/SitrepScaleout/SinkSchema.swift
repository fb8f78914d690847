/// The central store's schema, as numbered migrations applied in order, each once, each in the
/// transaction that records it in `schema_migrations`.
public enum SinkSchema {
    public struct Migration: Sendable {
        public var version: Int
        public var name: String
        public var statements: [String]
    }

    public static let migrations: [Migration] = [
        Migration(
            version: 1, name: "events, mentions, sink position",
            statements: [
                "CREATE EXTENSION IF NOT EXISTS postgis",
                """
                CREATE TABLE events (
                    id text PRIMARY KEY,
                    type text NOT NULL,
                    acled_event_type text,
                    acled_sub_event_type text,
                    date date,
                    country text,
                    killed integer,
                    injured integer,
                    location geography(Point, 4326),
                    record jsonb NOT NULL,
                    first_seen timestamptz NOT NULL DEFAULT now()
                )
                """,
                """
                CREATE TABLE mentions (
                    event_id text NOT NULL REFERENCES events (id),
                    doc_id text NOT NULL,
                    host text NOT NULL,
                    ingested_at timestamptz NOT NULL,
                    PRIMARY KEY (event_id, doc_id, host)
                )
                """,
                """
                CREATE TABLE sink_position (
                    consumer text PRIMARY KEY,
                    stream text NOT NULL,
                    stream_sequence bigint NOT NULL,
                    updated_at timestamptz NOT NULL
                )
                """,
            ]),
        Migration(
            version: 2, name: "indexes for the analysts' queries",
            statements: [
                // Events per day per country; a date range first for the radius query.
                "CREATE INDEX events_country_date ON events (country, date)",
                "CREATE INDEX events_date ON events (date)",
                // Fatal events near a point: ST_DWithin on geography uses this.
                "CREATE INDEX events_location ON events USING gist (location)",
                "CREATE INDEX events_fatal_date ON events (date) WHERE killed > 0",
                // Actors of a week: the record's source and target arrays.
                "CREATE INDEX events_record ON events USING gin (record jsonb_path_ops)",
                "CREATE INDEX mentions_host ON mentions (host, ingested_at)",
            ]),
    ]

    public static let createMigrationsTable = """
        CREATE TABLE IF NOT EXISTS schema_migrations (
            version integer PRIMARY KEY,
            name text NOT NULL,
            applied_at timestamptz NOT NULL DEFAULT now()
        )
        """

    /// One batch's events: `$1` is `SinkBatch.eventsJSON()`. Returns one row: how many were inserted
    /// (the others were already there).
    public static let insertEvents = """
        WITH inserted AS (
        INSERT INTO events (id, type, acled_event_type, acled_sub_event_type, date, country, killed, injured,
                            location, record)
        SELECT r.id, r.type, r.acled_event_type, r.acled_sub_event_type, r.date::date, r.country, r.killed,
               r.injured,
               CASE WHEN r.lat IS NULL OR r.lon IS NULL THEN NULL
                    ELSE ST_SetSRID(ST_MakePoint(r.lon, r.lat), 4326)::geography END,
               r.record::jsonb
        FROM jsonb_to_recordset($1::text::jsonb) AS r(
            id text, type text, acled_event_type text, acled_sub_event_type text, date text, country text,
            killed integer, injured integer, lat double precision, lon double precision, record text)
        ON CONFLICT (id) DO NOTHING
        RETURNING 1)
        SELECT count(*) FROM inserted
        """

    /// One batch's mentions: `$1` is `SinkBatch.mentionsJSON()`. Returns how many were inserted.
    public static let insertMentions = """
        WITH inserted AS (
        INSERT INTO mentions (event_id, doc_id, host, ingested_at)
        SELECT r.event_id, r.doc_id, r.host, to_timestamp(r.ingested_us / 1000000.0)
        FROM jsonb_to_recordset($1::text::jsonb) AS r(event_id text, doc_id text, host text, ingested_us bigint)
        ON CONFLICT DO NOTHING
        RETURNING 1)
        SELECT count(*) FROM inserted
        """

    /// `$1` consumer, `$2` stream, `$3` sequence. Never moves back (a redelivered batch is older).
    public static let savePosition = """
        INSERT INTO sink_position (consumer, stream, stream_sequence, updated_at)
        VALUES ($1, $2, $3, now())
        ON CONFLICT (consumer) DO UPDATE
        SET stream_sequence = GREATEST(sink_position.stream_sequence, EXCLUDED.stream_sequence),
            updated_at = now()
        """
}
