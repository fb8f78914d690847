import Dispatch
import Logging
import PostgresNIO
import SitrepDaemon
import SitrepMetrics
import SitrepScaleout

/// `sitrep sink`: a durable pull consumer on the stream; each fetched batch becomes one PostgreSQL
/// transaction (events, mentions, the sink's position), acked only after COMMIT.
public final class Sink: Sendable {
    private let configuration: ScaleoutConfiguration
    private let database: DatabaseURL
    private let logger: Logger
    private let notifier = ServiceNotifier()
    private let fetchQueue = DispatchQueue(label: "sitrep.sink.fetch")
    /// Milliseconds between writes of the metrics file.
    let metricsIntervalMilliseconds: Int64 = 5000

    public init(configuration: ScaleoutConfiguration, logger: Logger) throws(ScaleoutError) {
        self.configuration = configuration
        self.database = try DatabaseURL(configuration.databaseURL)
        self.logger = logger
    }

    public func run(stop: StopSignal) async throws {
        let client = PostgresClient(configuration: clientConfiguration(), backgroundLogger: logger)
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { await client.run() }
            defer { group.cancelAll() }
            try await migrate(client)
            let nats = try NatsClient(configuration, acks: nil, name: "sitrep-sink")
            try nats.ensureStream(configuration)
            let subscription = try nats.pullSubscription(configuration)
            try await consume(subscription, client: client, stop: stop)
        }
    }

    private func clientConfiguration() -> PostgresClient.Configuration {
        let tls: PostgresClient.Configuration.TLS
        switch database.sslMode {
        case "require":
            var context = TLSConfiguration.makeClientConfiguration()
            context.certificateVerification = .none
            tls = .require(context)
        case "verify-full": tls = .require(.makeClientConfiguration())
        default: tls = .disable
        }
        var configuration = PostgresClient.Configuration(
            host: database.host, port: database.port, username: database.user, password: database.password,
            database: database.database, tls: tls)
        configuration.options.maximumConnections = 2
        return configuration
    }

    /// Applies the migrations not yet recorded, under an advisory lock so two sinks do not race.
    func migrate(_ client: PostgresClient) async throws {
        do {
            try await client.withTransaction(logger: logger) { connection in
                try await connection.query("SELECT pg_advisory_xact_lock(727001)", logger: logger)
                try await connection.query(
                    PostgresQuery(unsafeSQL: SinkSchema.createMigrationsTable), logger: logger)
                var applied: Set<Int> = []
                for try await version in try await connection.query(
                    "SELECT version FROM schema_migrations", logger: logger
                ).decode(Int.self) {
                    applied.insert(version)
                }
                for migration in SinkSchema.migrations where !applied.contains(migration.version) {
                    for statement in migration.statements {
                        try await connection.query(PostgresQuery(unsafeSQL: statement), logger: logger)
                    }
                    let version = migration.version
                    let name = migration.name
                    try await connection.query(
                        "INSERT INTO schema_migrations (version, name) VALUES (\(version), \(name))",
                        logger: logger)
                    logger.info(
                        "Applied a schema migration", metadata: ["version": "\(version)", "name": "\(name)"])
                }
            }
        } catch {
            throw ScaleoutError(.migration, database.redacted, String(reflecting: error))
        }
    }

    private func consume(_ subscription: PullSubscription, client: PostgresClient, stop: StopSignal)
        async throws
    {
        notifier.ready(status: "Sinking \(configuration.stream) into \(database.redacted)")
        let metrics = SinkMetrics(startedAtSeconds: WallClock.seconds)
        let metricsFile = MetricsTextFile(path: configuration.sinkMetricsPath)
        var metricsPublisher = MetricsFilePublisher()
        func writeMetrics(_ progress: SinkProgress) {
            metrics.update(progress, nowSeconds: WallClock.seconds)
            metricsPublisher.publish([(metricsFile, metrics.registry.exposition())], logger: logger)
        }
        var progress = SinkProgress()
        var statusProgress = progress
        var lastStatus = MonotonicClock.milliseconds
        var lastMetrics = Int64.min / 2
        while !stop.isRaised {
            let fetched = await fetch(subscription)
            if let fetched {
                let batch = SinkBatch(messages: fetched.messages, subjectPrefix: configuration.subjectPrefix)
                for rejected in batch.rejected {
                    logger.warning(
                        "A message that is not an event record was skipped",
                        metadata: ["sequence": "\(rejected.streamSequence)", "reason": "\(rejected.reason)"])
                }
                let inserted: (events: Int, mentions: Int)
                let began = MonotonicClock.nanoseconds
                do {
                    inserted = try await write(batch, client: client)
                } catch {
                    logger.error(
                        "A batch could not be written; it will be delivered again",
                        metadata: ["error": "\(String(reflecting: error))"])
                    fetched.nakAll(delayMilliseconds: 1000)
                    progress.failedBatches += 1
                    try await Task.sleep(for: .seconds(1))
                    continue
                }
                metrics.committed(nanoseconds: MonotonicClock.nanoseconds - began)
                fetched.ackAll()
                progress.committed(
                    batch, messages: fetched.messages.count, insertedEvents: inserted.events,
                    insertedMentions: inserted.mentions)
                progress.pending = fetched.pending
            }
            let now = MonotonicClock.milliseconds
            if now - lastStatus >= 2000 {
                let rate = progress.mentionsPerSecond(since: statusProgress, milliseconds: now - lastStatus)
                notifier.status(progress.status(mentionsPerSecond: rate))
                logger.debug(
                    "Sinking",
                    metadata: [
                        "batches": "\(progress.batches)", "events": "\(progress.eventsInserted)",
                        "mentions": "\(progress.mentionsInserted)", "rate": "\(rate)",
                        "pending": "\(progress.pending)",
                    ])
                lastStatus = now
                statusProgress = progress
            }
            if now - lastMetrics >= metricsIntervalMilliseconds {
                lastMetrics = now
                writeMetrics(progress)
            }
        }
        writeMetrics(progress)
        notifier.stopping(status: "Stopping")
        logger.info(
            "Sink stopped",
            metadata: ["events": "\(progress.eventsInserted)", "mentions": "\(progress.mentionsInserted)"])
    }

    /// The blocking fetch runs on its own queue, off the cooperative pool.
    private func fetch(_ subscription: PullSubscription) async -> PullSubscription.Fetched? {
        let batch = configuration.sinkBatch
        return await withCheckedContinuation { continuation in
            fetchQueue.async {
                continuation.resume(returning: subscription.fetch(batch: batch, timeoutMilliseconds: 500))
            }
        }
    }

    /// One transaction; returns the events and mentions the database inserted (not already there).
    private func write(_ batch: SinkBatch, client: PostgresClient) async throws -> (
        events: Int, mentions: Int
    ) {
        let events = batch.eventsJSON()
        let mentions = batch.mentionsJSON()
        let consumer = configuration.sinkConsumer
        let stream = configuration.stream
        let sequence = Int64(batch.lastSequence)
        let logger = self.logger
        return try await client.withTransaction(logger: logger) { connection in
            func count(_ sql: String, _ json: String) async throws -> Int {
                var query = PostgresQuery(unsafeSQL: sql)
                query.binds.append(json)
                var inserted = 0
                for try await value in try await connection.query(query, logger: logger).decode(Int.self) {
                    inserted = value
                }
                return inserted
            }
            let insertedEvents = try await count(SinkSchema.insertEvents, events)
            let insertedMentions = try await count(SinkSchema.insertMentions, mentions)
            var position = PostgresQuery(unsafeSQL: SinkSchema.savePosition)
            position.binds.append(consumer)
            position.binds.append(stream)
            position.binds.append(sequence)
            try await connection.query(position, logger: logger)
            return (events: insertedEvents, mentions: insertedMentions)
        }
    }
}
