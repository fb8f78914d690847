import ArgumentParser

#if canImport(Glibc)
    import Glibc
#endif

// ArgumentParser exits with 64 on a usage error; sitrep promises 2 and a single line on stderr.
do {
    var command = try SitrepCommand.parseAsRoot()
    if let sink = command as? SinkCommand {
        try await sink.sink()
    } else {
        try command.run()
    }
} catch let failure as CommandFailure {
    // An empty message: the exit code says it all (`status` of a stopped daemon).
    if !failure.message.isEmpty { StandardError.line("sitrep: \(failure.message)") }
    exit(failure.exitCode)
} catch {
    if SitrepCommand.exitCode(for: error) == .success {
        SitrepCommand.exit(withError: error)
    }
    let message =
        SitrepCommand.message(for: error).split(separator: "\n").first.map(String.init) ?? "\(error)"
    StandardError.line("sitrep: error: \(message) (see 'sitrep --help')")
    exit(2)
}
