import Testing

@testable import SitrepDaemon

struct ConfigurationTests {
    @Test func parsesKeyValueLinesWithCommentsAndQuotes() throws {
        let text = """
            # a comment
            inbox = "/srv/in box"
            on_complete = keep   # trailing comment

            settle_ms=250
            """
        let entries = try ConfigurationFile.parse(text, path: "x.conf")
        #expect(entries.map(\.key) == ["inbox", "on_complete", "settle_ms"])
        #expect(entries.map(\.value) == ["/srv/in box", "keep", "250"])
        #expect(entries.map(\.line) == [2, 3, 5])
    }

    @Test func readsCRLFLinesAndAByteOrderMark() throws {
        let text = "\u{FEFF}# written on Windows\r\ninbox = /srv/in\r\nsettle_ms = 250\r\n"
        let entries = try ConfigurationFile.parse(text, path: "x.conf")
        #expect(entries.map(\.key) == ["inbox", "settle_ms"])
        #expect(entries.map(\.value) == ["/srv/in", "250"])
        #expect(entries.map(\.line) == [2, 3])
    }

    @Test func aQuotedValueMayHaveATrailingComment() throws {
        let entries = try ConfigurationFile.parse("inbox = \"/srv/#in\"   # where articles land", path: "x")
        #expect(entries.first?.value == "/srv/#in")
        #expect(throws: ConfigurationError.self) {
            try ConfigurationFile.parse("inbox = \"/a\" b", path: "x")
        }
    }

    @Test func aDuplicateKeyIsAnErrorNamingBothLines() {
        do {
            _ = try ConfigurationFile.parse("settle_ms = 1\nlog = /l\nsettle_ms = 2\n", path: "x.conf")
            Issue.record("no error")
        } catch {
            #expect(error.code == .duplicateKey)
            #expect(error.message.contains("x.conf:3") && error.message.contains("line 1"))
        }
    }

    @Test func unknownSitrepVariablesAreNamed() {
        let names = DaemonConfiguration.unknownEnvironmentNames([
            "SITREP_SETLE_MS": "5", "SITREP_INBOX": "/in", "SITREP_CONFIG": "/c", "HOME": "/root",
        ])
        #expect(names == ["SITREP_SETLE_MS"])
    }

    @Test(arguments: [
        ("just words", ConfigurationError.Code.syntax),
        ("inbox = \"unterminated", .syntax),
        ("= value", .syntax),
    ])
    func rejectsMalformedLines(text: String, code: ConfigurationError.Code) {
        #expect(throws: ConfigurationError.self) { try ConfigurationFile.parse(text, path: "x.conf") }
        do {
            _ = try ConfigurationFile.parse(text, path: "x.conf")
        } catch {
            #expect(error.code == code)
            #expect(error.message.hasPrefix("x.conf:1:"))
        }
    }

    @Test func flagsWinOverEnvironmentWhichWinsOverTheFile() throws {
        let configuration = try DaemonConfiguration.resolve(
            file: [("inbox", "/from/file", 1), ("log", "/file.log", 2), ("state", "/file-state", 3)],
            filePath: "c.conf",
            environment: ["SITREP_LOG": "/env.log", "SITREP_STATE": "/env-state"],
            flags: [.state: "/flag-state"])
        #expect(configuration.inbox == "/from/file")
        #expect(configuration.log == "/env.log")
        #expect(configuration.state == "/flag-state")
    }

    @Test func defaultsSuitALocalRun() throws {
        let configuration = try DaemonConfiguration.resolve(
            file: [], filePath: nil, environment: [:], flags: [:])
        #expect(configuration.inbox == "./inbox")
        #expect(configuration.log == "./events.jsonl")
        #expect(configuration.state == "./.sitrep")
        #expect(configuration.onComplete == .move)
    }

    @Test(arguments: [
        ([("on_complete", "archive", 4)], "c.conf:4: on_complete must be move, delete or keep"),
        ([("settle_ms", "-5", 1)], "c.conf:1: settle_ms must be a whole number >= 0"),
        ([("colour", "blue", 2)], "c.conf:2: unknown key 'colour'"),
    ])
    func explainsBadValuesWithTheirPlace(entries: [(String, String, Int)], message: String) {
        do {
            _ = try DaemonConfiguration.resolve(
                file: entries.map { (key: $0.0, value: $0.1, line: $0.2) }, filePath: "c.conf",
                environment: [:],
                flags: [:])
            Issue.record("expected an error")
        } catch {
            #expect(error.message.hasPrefix(message))
        }
    }

    @Test func environmentValuesAreValidatedToo() {
        #expect(throws: ConfigurationError.self) {
            try DaemonConfiguration.resolve(
                file: [], filePath: nil, environment: ["SITREP_LOG_LEVEL": "loud"], flags: [:])
        }
    }
}
