import Logging
import SitrepDaemon

enum Bootstrap {
    /// Logs go to the journal under systemd and to stderr otherwise; stdout carries only events.
    static func logging(level: String) {
        let logLevel = Logger.Level(rawValue: level) ?? .info
        let toJournal = JournalLogHandler.isConnectedToJournal
        LoggingSystem.bootstrap { label in
            var handler: any LogHandler =
                toJournal ? JournalLogHandler(label: label) : StreamLogHandler.standardError(label: label)
            handler.logLevel = logLevel
            return handler
        }
    }
}
