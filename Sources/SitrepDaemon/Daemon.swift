import CSystemd
import Dispatch
import Logging
import SitrepExtraction
import SitrepFormats
import SitrepMetrics

#if canImport(Glibc)
    import Glibc
#endif

/// The long-running service: inotify, signals and timers as Dispatch sources on one serial queue,
/// feeding the `Ingestor`, with the state reported to systemd.
///
/// Everything mutable is touched only on `queue` (sources and timers target it; `start()` runs on
/// it synchronously), which is why the `@unchecked Sendable` is sound.
public final class Daemon: @unchecked Sendable {
    public typealias ConfigurationSource = @Sendable () throws(ConfigurationError) -> DaemonConfiguration

    let queue = DispatchQueue(label: "sitrep.daemon")
    let extractor: Extractor
    let notifier: ServiceNotifier
    var logger: Logger
    let clock: SystemClock
    let reloadConfiguration: ConfigurationSource
    let startedMonotonic: Int64
    var configuration: DaemonConfiguration

    var ingestor: Ingestor?
    /// Held until the process ends.
    var stateLock: StateLock?
    var watcher: InboxWatcher?
    var sources: [DispatchSourceProtocol] = []
    var rescanTimer: DispatchSourceTimer?
    var lastStatus = ""
    var pendingStatus: String?
    var lastPublished: Int64 = 0
    var statusTimer: DispatchSourceTimer?
    let statusIntervalNanoseconds: Int64 = 200_000_000
    var metrics: IngestMetrics?
    var serviceState = ServiceState()
    /// The statistics already counted into `serviceState`'s day counts.
    var countedStatistics = IngestStatistics()
    var metricsPublisher = MetricsFilePublisher()
    let metricsIntervalSeconds = 5

    public init(
        configuration: DaemonConfiguration, extractor: Extractor, logger: Logger,
        notifier: ServiceNotifier = ServiceNotifier(), clock: SystemClock = .live,
        reloadConfiguration: @escaping ConfigurationSource
    ) {
        self.configuration = configuration
        self.extractor = extractor
        self.logger = logger
        self.notifier = notifier
        self.clock = clock
        self.reloadConfiguration = reloadConfiguration
        startedMonotonic = clock.monotonicNanoseconds()
    }

    /// Prepares directories, recovers from the last run, queues the backlog, sends READY=1, then
    /// runs the Dispatch main loop. Never returns: the process exits from a signal handler, or
    /// through `onStartupFailure`.
    ///
    /// Everything happens in blocks on `queue`; nothing waits on it synchronously (a `sync` on the
    /// main thread before `dispatchMain()` was seen to leave the queue without a wake-up).
    public func run(onStartupFailure: @escaping @Sendable (StartupError) -> Never) -> Never {
        // libdispatch reads signals from a signalfd, which only sees signals no thread takes the
        // ordinary way. Blocked here, on the main thread before any other thread exists (threads
        // inherit the mask), a SIGTERM sent at any moment, even before the signal sources are
        // registered, waits for them instead of being lost or killing the process.
        var handled = sigset_t()
        sigemptyset(&handled)
        for signalNumber in [SIGTERM, SIGINT, SIGHUP] { sigaddset(&handled, signalNumber) }
        pthread_sigmask(SIG_BLOCK, &handled, nil)
        signal(SIGPIPE, SIG_IGN)
        // systemd's watchdog ends a hung daemon with SIGABRT. The Swift runtime's backtracer (active
        // in static builds) catches it, prints a backtrace and lets the process go on, so the
        // service would never be restarted: the default action, which dumps core and ends the
        // process, is put back.
        signal(SIGABRT, SIG_DFL)
        var abort = sigset_t()
        sigemptyset(&abort)
        sigaddset(&abort, SIGABRT)
        pthread_sigmask(SIG_UNBLOCK, &abort, nil)
        queue.async { [self] in
            do throws(StartupError) {
                try startOnQueue()
            } catch {
                onStartupFailure(error)
            }
        }
        dispatchMain()
    }

    private func startOnQueue() throws(StartupError) {
        // Loading the extractor parsed megabytes of data files into compact tables: hand the freed
        // heap pages back to the system rather than keep them for the daemon's whole life.
        sitrep_release_free_memory()
        try StartupCheck.prepare(configuration)
        stateLock = try StateLock(
            directory: configuration.state, now: clock.wallNanoseconds() / 1_000_000_000)
        let notifier = self.notifier
        let ingestor: Ingestor
        do throws(SystemError) {
            ingestor = try Ingestor(
                configuration: configuration, extractor: extractor, queue: queue, logger: logger,
                clock: clock,
                onStatusChange: { [weak self] status in self?.publish(status) })
            // Watch before scanning, so nothing dropped during the scan is missed.
            do {
                watcher = try InboxWatcher(directory: configuration.inbox, queue: queue) {
                    [weak self] events in
                    self?.inboxChanged(events)
                }
            } catch  where [ENOSPC, EMFILE, ENFILE, ENOMEM].contains(error.errno) {
                logger.warning(
                    "inotify is unavailable (watch or instance limit); polling the inbox every second",
                    metadata: ["error": "\(error)"])
                startPolling(ingestor)
            }
            try ingestor.start()
        } catch {
            throw StartupError(errno: error.errno, message: error.description)
        }
        self.ingestor = ingestor
        startMetrics(ingestor)
        watcher?.activate()
        installSignalHandlers()
        installTimers()
        logger.info(
            "watching inbox",
            metadata: [
                "inbox": "\(configuration.inbox)", "log": "\(configuration.log)",
                "state": "\(configuration.state)",
                "backlog": "\(ingestor.backlog)",
            ])
        lastStatus = ingestor.statusLine
        notifier.ready(status: lastStatus)
        serviceState.phase = .running
        writeMetrics()
    }

    /// Metrics and the status file: written now, every `metricsIntervalSeconds`, and at stop.
    private func startMetrics(_ ingestor: Ingestor) {
        let now = clock.wallNanoseconds() / 1_000_000_000
        let metrics = IngestMetrics(startedAtSeconds: Double(now))
        ingestor.metrics = metrics
        self.metrics = metrics
        // Today's counts go on across a restart on the same day.
        let previous = FileReader.readSmallFile(configuration.serviceStatePath).map {
            ServiceState(parsing: String(decoding: $0, as: UTF8.self))
        }
        if let previous, previous.day == ServiceState.utcDay(now) { serviceState = previous }
        serviceState.phase = .starting
        serviceState.pid = getpid()
        serviceState.started = now
        serviceState.metricsFile = configuration.metricsPath
        serviceState.roll(to: now)
        let timer = DispatchSource.makeTimerSource(queue: queue)
        let interval = DispatchTimeInterval.seconds(metricsIntervalSeconds)
        timer.schedule(deadline: .now() + interval, repeating: interval, leeway: .milliseconds(500))
        timer.setEventHandler { [weak self] in self?.writeMetrics() }
        timer.activate()
        sources.append(timer)
    }

    private func writeMetrics() {
        guard let ingestor, let metrics else { return }
        let nowNanoseconds = clock.wallNanoseconds()
        let now = nowNanoseconds / 1_000_000_000
        let statistics = ingestor.statistics
        serviceState.record(
            documents: statistics.documents - countedStatistics.documents,
            events: statistics.events - countedStatistics.events,
            failed: statistics.failed - countedStatistics.failed, atSeconds: now)
        countedStatistics = statistics
        if ingestor.lastEventWallNanoseconds > 0 {
            serviceState.lastEvent = ingestor.lastEventWallNanoseconds / 1_000_000_000
        }
        serviceState.updated = now
        serviceState.status = lastStatus
        let waiting = ingestor.backlog > 0 || !ingestor.dirtyStreams.isEmpty
        let sinceCheckpoint =
            clock.monotonicNanoseconds()
            - (ingestor.lastCheckpointNanoseconds > 0 ? ingestor.lastCheckpointNanoseconds : startedMonotonic)
        metrics.sample(
            backlog: ingestor.backlog, logBytes: ingestor.eventLog.committedLength,
            checkpointLagSeconds: waiting ? Double(sinceCheckpoint) / 1e9 : 0,
            nowSeconds: Double(nowNanoseconds) / 1e9)
        metricsPublisher.publish(
            [
                (MetricsTextFile(path: configuration.metricsPath), metrics.registry.exposition()),
                (MetricsTextFile(path: configuration.serviceStatePath), Array(serviceState.text.utf8)),
            ], logger: logger)
    }

    /// Sends STATUS= at most every `statusInterval`: sd_notify blocks when the service manager
    /// falls behind, and a busy daemon changes its status many times a second.
    private func publish(_ status: String) {
        pendingStatus = status
        guard statusTimer == nil else { return }
        let now = clock.monotonicNanoseconds()
        let wait = lastPublished + statusIntervalNanoseconds - now
        if wait <= 0 {
            flushStatus()
            return
        }
        let timer = DispatchSource.makeTimerSource(queue: queue)
        timer.schedule(deadline: .now() + .nanoseconds(Int(wait)))
        timer.setEventHandler { [weak self] in
            self?.statusTimer = nil
            self?.flushStatus()
        }
        statusTimer = timer
        timer.activate()
    }

    private func flushStatus() {
        guard let status = pendingStatus, status != lastStatus else { return }
        pendingStatus = nil
        lastStatus = status
        lastPublished = clock.monotonicNanoseconds()
        serviceState.status = status
        notifier.status(status)
    }

    private func inboxChanged(_ events: [InotifyEvent]) {
        guard let ingestor else { return }
        if !ingestor.handle(events) {
            logger.critical(
                "inbox directory was removed or moved", metadata: ["inbox": "\(configuration.inbox)"])
            notifier.failed(errno: ENOENT, status: "inbox \(configuration.inbox) was removed or moved")
            exit(1)
        }
    }

    private func installSignalHandlers() {
        for signalNumber in [SIGTERM, SIGINT] {
            let source = DispatchSource.makeSignalSource(signal: signalNumber, queue: queue)
            source.setEventHandler { [weak self] in self?.shutDown(signal: signalNumber) }
            source.activate()
            sources.append(source)
        }
        let hangUp = DispatchSource.makeSignalSource(signal: SIGHUP, queue: queue)
        hangUp.setEventHandler { [weak self] in self?.reload() }
        hangUp.activate()
        sources.append(hangUp)
    }

    /// The fallback when inotify cannot watch: scans find new files (read once unchanged for
    /// `settle_ms`) and stream growth.
    private func startPolling(_ ingestor: Ingestor) {
        let timer = DispatchSource.makeTimerSource(queue: queue)
        timer.schedule(deadline: .now() + .seconds(1), repeating: .seconds(1), leeway: .milliseconds(100))
        timer.setEventHandler { ingestor.scan() }
        timer.activate()
        sources.append(timer)
    }

    private func installTimers() {
        if let interval = notifier.watchdogIntervalMicroseconds {
            let timer = DispatchSource.makeTimerSource(queue: queue)
            let half = DispatchTimeInterval.microseconds(Int(min(interval / 2, UInt64(Int32.max))))
            timer.schedule(deadline: .now() + half, repeating: half, leeway: .milliseconds(50))
            let notifier = self.notifier
            timer.setEventHandler { notifier.watchdog() }
            timer.activate()
            sources.append(timer)
        }
        scheduleRescan()
    }

    private func scheduleRescan() {
        rescanTimer?.cancel()
        rescanTimer = nil
        guard configuration.rescanSeconds > 0 else { return }
        let timer = DispatchSource.makeTimerSource(queue: queue)
        let interval = DispatchTimeInterval.seconds(configuration.rescanSeconds)
        timer.schedule(
            deadline: .now() + interval, repeating: interval,
            leeway: .seconds(max(1, configuration.rescanSeconds / 10)))
        timer.setEventHandler { [weak self] in
            self?.ingestor?.checkLog()
            self?.ingestor?.scan()
        }
        timer.activate()
        rescanTimer = timer
    }

    private func reload() {
        guard let ingestor else { return }
        notifier.reloading()
        logger.info("reloading configuration")
        do {
            let fresh = try reloadConfiguration()
            configuration.onComplete = fresh.onComplete
            configuration.settleMilliseconds = fresh.settleMilliseconds
            configuration.maxFileBytes = fresh.maxFileBytes
            configuration.maxLineBytes = fresh.maxLineBytes
            configuration.maxDocumentMilliseconds = fresh.maxDocumentMilliseconds
            configuration.log = fresh.log
            configuration.rescanSeconds = fresh.rescanSeconds
            configuration.logLevel = fresh.logLevel
            if let level = Logger.Level(rawValue: fresh.logLevel) { logger.logLevel = level }
            ingestor.reload(configuration)
            scheduleRescan()
        } catch {
            logger.error(
                "configuration not reloaded; keeping the previous one", metadata: ["error": "\(error)"])
            ingestor.reopenLog()
        }
        lastStatus = ingestor.statusLine
        notifier.ready(status: lastStatus)
    }

    private func shutDown(signal signalNumber: Int32) {
        let statistics = ingestor?.statistics ?? IngestStatistics()
        ingestor?.stop()
        let stopping =
            "Stopping: \(CountPhrase.of(statistics.documents, "document", "documents")), "
            + CountPhrase.of(statistics.events, "event", "events")
        notifier.stopping(status: stopping)
        lastStatus = stopping
        serviceState.phase = .stopped
        writeMetrics()
        logger.info(
            "stopping",
            metadata: [
                "signal": "\(signalNumber)", "documents": "\(statistics.documents)",
                "events": "\(statistics.events)",
                "failed": "\(statistics.failed)",
            ])
        exit(0)
    }
}
