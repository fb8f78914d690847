import Dispatch
import Logging
import PostgresNIO
import SitrepDaemon
import SitrepScaleout

/// `sitrep sink`: a durable pull consumer on the stream; each fetched batch becomes one PostgreSQL
/// transaction (events, mentions, the sink's position), acked only after COMMIT.
public final class Sink: Sendable {
    private let configuration: ScaleoutConfiguration
    private let database: DatabaseURL
    private let logger: Logger
    private let notifier = ServiceNotifier()
    private let fetchQueue = DispatchQueue(label: "sitrep.sink.fetch")

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
                try await connection.query(PostgresQuery(unsafeSQL: SinkSchema.createMigrationsTable), logger: logger)
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
                        "INSERT INTO schema_migrations (version, name) VALUES (\(version), \(name))", logger: logger)
                    logger.info("Applied a schema migration", metadata: ["version": "\(version)", "name": "\(name)"])
                }
            }
        } catch {
            throw ScaleoutError(.migration, database.redacted, String(reflecting: error))
        }
    }

    private func consume(_ subscription: PullSubscription, client: PostgresClient, stop: StopSignal) async throws {
        notifier.ready(status: "Sinking \(configuration.stream) into \(database.redacted)")
        var rows = 0
        var mentions = 0
        var batches = 0
        var lastStatus = MonotonicClock.milliseconds
        var windowRows = 0
        var pending: UInt64 = 0
        while !stop.isRaised {
            let fetched = await fetch(subscription)
            if let fetched {
                let batch = SinkBatch(messages: fetched.messages, subjectPrefix: configuration.subjectPrefix)
                for rejected in batch.rejected {
                    logger.warning(
                        "A message that is not an event record was skipped",
                        metadata: ["sequence": "\(rejected.streamSequence)", "reason": "\(rejected.reason)"])
                }
                do {
                    try await write(batch, client: client)
                } catch {
                    logger.error("A batch could not be written; it will be delivered again",
                        metadata: ["error": "\(String(reflecting: error))"])
                    fetched.nakAll(delayMilliseconds: 1000)
                    try await Task.sleep(for: .seconds(1))
                    continue
                }
                fetched.ackAll()
                rows += batch.events.count
                mentions += batch.mentions.count
                windowRows += batch.mentions.count
                batches += 1
                pending = fetched.pending
            }
            let now = MonotonicClock.milliseconds
            if now - lastStatus >= 2000 {
                let rate = windowRows * 1000 / Int(max(1, now - lastStatus))
                notifier.status(
                    "\(batches) batches, \(rows) events and \(mentions) mentions written, \(rate) mentions/s, "
                        + "\(pending) messages behind")
                logger.debug(
                    "Sinking",
                    metadata: [
                        "batches": "\(batches)", "events": "\(rows)", "mentions": "\(mentions)",
                        "rate": "\(rate)", "pending": "\(pending)",
                    ])
                lastStatus = now
                windowRows = 0
            }
        }
        notifier.stopping(status: "Stopping")
        logger.info("Sink stopped", metadata: ["events": "\(rows)", "mentions": "\(mentions)"])
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

    private func write(_ batch: SinkBatch, client: PostgresClient) async throws {
        let events = batch.eventsJSON()
        let mentions = batch.mentionsJSON()
        let consumer = configuration.sinkConsumer
        let stream = configuration.stream
        let sequence = Int64(batch.lastSequence)
        try await client.withTransaction(logger: logger) { connection in
            var insertEvents = PostgresQuery(unsafeSQL: SinkSchema.insertEvents)
            insertEvents.binds.append(events)
            try await connection.query(insertEvents, logger: logger)
            var insertMentions = PostgresQuery(unsafeSQL: SinkSchema.insertMentions)
            insertMentions.binds.append(mentions)
            try await connection.query(insertMentions, logger: logger)
            var position = PostgresQuery(unsafeSQL: SinkSchema.savePosition)
            position.binds.append(consumer)
            position.binds.append(stream)
            position.binds.append(sequence)
            try await connection.query(position, logger: logger)
        }
    }
}
