/// A `postgres://user[:password]@host[:port]/database[?sslmode=…]` URL taken apart.
public struct DatabaseURL: Sendable, Equatable {
    public var user: String
    public var password: String?
    public var host: String
    public var port: Int
    public var database: String
    /// `disable` (default), `require` or `verify-full`.
    public var sslMode: String

    public init(_ text: String, origin: String = "database_url") throws(ScaleoutError) {
        func fail(_ why: String) -> ScaleoutError { ScaleoutError(.invalidValue, origin, "database_url: \(why)") }
        var rest = Substring(text)
        if rest.hasPrefix("postgres://") {
            rest = rest.dropFirst("postgres://".count)
        } else if rest.hasPrefix("postgresql://") {
            rest = rest.dropFirst("postgresql://".count)
        } else {
            throw fail("must start with postgres://")
        }
        var query = ""
        if let mark = rest.firstIndex(of: "?") {
            query = String(rest[rest.index(after: mark)...])
            rest = rest[..<mark]
        }
        guard let slash = rest.firstIndex(of: "/") else { throw fail("no /database") }
        database = String(rest[rest.index(after: slash)...])
        var authority = rest[..<slash]
        guard !database.isEmpty else { throw fail("no database name") }
        user = "postgres"
        password = nil
        if let at = authority.lastIndex(of: "@") {
            let credentials = authority[..<at]
            authority = authority[authority.index(after: at)...]
            if let colon = credentials.firstIndex(of: ":") {
                user = Self.percentDecoded(credentials[..<colon])
                password = Self.percentDecoded(credentials[credentials.index(after: colon)...])
            } else {
                user = Self.percentDecoded(credentials)
            }
        }
        port = 5432
        if let colon = authority.lastIndex(of: ":") {
            guard let number = Int(authority[authority.index(after: colon)...]), (1...65535).contains(number) else {
                throw fail("bad port")
            }
            port = number
            authority = authority[..<colon]
        }
        guard !authority.isEmpty else { throw fail("no host") }
        host = String(authority)
        sslMode = "disable"
        for pair in query.split(separator: "&") {
            let parts = pair.split(separator: "=", maxSplits: 1).map(String.init)
            guard parts.count == 2 else { throw fail("bad parameter '\(pair)'") }
            switch parts[0] {
            case "sslmode":
                guard ["disable", "require", "verify-full"].contains(parts[1]) else {
                    throw fail("sslmode must be disable, require or verify-full")
                }
                sslMode = parts[1]
            default: throw fail("unknown parameter '\(parts[0])'")
            }
        }
    }

    /// The URL without its password, for logs and errors.
    public var redacted: String { "postgres://\(user)@\(host):\(port)/\(database)" }

    private static func percentDecoded(_ text: Substring) -> String {
        var bytes: [UInt8] = []
        var iterator = Array(text.utf8).makeIterator()
        while let byte = iterator.next() {
            if byte == UInt8(ascii: "%"), let high = iterator.next(), let low = iterator.next(),
                let value = UInt8(String(decoding: [high, low], as: UTF8.self), radix: 16)
            {
                bytes.append(value)
            } else {
                bytes.append(byte)
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
