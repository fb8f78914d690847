import ArgumentParser

struct SitrepCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sitrep",
        abstract: "Turns news articles into a log of political and conflict events.",
        discussion: """
            sitrep watches an inbox directory for news articles (.txt, .md, .html, .json, RSS/Atom .xml, \
            and .jsonl streams of article records) and appends every political or conflict event they \
            report to a JSON-lines event log: what happened (PLOVER, CAMEO, ACLED types), who did it to \
            whom, where (with coordinates), when, and how many were killed and injured. The record is \
            described in docs/event-schema.md.

            Exit codes: 0 success, 1 some input could not be processed (extract), 2 bad usage or \
            configuration, or a directory that is missing or not writable.
            """,
        version: SitrepVersion.current,
        subcommands: [RunCommand.self, ExtractCommand.self, ParseCommand.self]
    )
}

enum SitrepVersion {
    static let current = "0.1.0"
}
