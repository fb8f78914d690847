/// A small JSON (RFC 8259) parser over bytes. Iterative, so nesting costs heap, not stack; nesting beyond
/// `maximumDepth` is rejected with `tooDeep`. Raw control characters inside strings are accepted, since
/// news exports often carry them and the text normaliser removes them anyway.
struct JSONParser {
    static let maximumDepth = 512

    private let bytes: ArraySlice<UInt8>
    private var index: Int

    private enum Frame {
        case array([JSONValue])
        case object([(key: String, value: JSONValue)], key: String)
    }

    /// Parses `bytes` as exactly one JSON value surrounded by optional whitespace.
    static func parse(_ bytes: ArraySlice<UInt8>) throws(DecodeError) -> JSONValue {
        var parser = JSONParser(bytes: bytes, index: bytes.startIndex)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { parser.index += 3 }
        let value = try parser.parseValue()
        parser.skipWhitespace()
        guard parser.index == bytes.endIndex else {
            throw parser.failure("unexpected content after the JSON value")
        }
        return value
    }

    private mutating func parseValue() throws(DecodeError) -> JSONValue {
        var stack: [Frame] = []
        parsing: while true {
            skipWhitespace()
            guard index < bytes.endIndex else { throw failure("unexpected end of input") }
            var value: JSONValue
            switch bytes[index] {
            case UInt8(ascii: "{"):
                index += 1
                skipWhitespace()
                if index < bytes.endIndex, bytes[index] == UInt8(ascii: "}") {
                    index += 1
                    value = .object([])
                } else {
                    try checkDepth(stack.count)
                    stack.append(.object([], key: try parseKey()))
                    continue parsing
                }
            case UInt8(ascii: "["):
                index += 1
                skipWhitespace()
                if index < bytes.endIndex, bytes[index] == UInt8(ascii: "]") {
                    index += 1
                    value = .array([])
                } else {
                    try checkDepth(stack.count)
                    stack.append(.array([]))
                    continue parsing
                }
            case UInt8(ascii: "\""):
                value = .string(try parseString())
            case UInt8(ascii: "t"):
                try expectLiteral("true")
                value = .bool(true)
            case UInt8(ascii: "f"):
                try expectLiteral("false")
                value = .bool(false)
            case UInt8(ascii: "n"):
                try expectLiteral("null")
                value = .null
            case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
                value = .number(try parseNumber())
            default:
                throw failure("unexpected character")
            }
            // Attach the finished value to its containers, closing every container that ends here.
            while let frame = stack.popLast() {
                skipWhitespace()
                let next: UInt8? = index < bytes.endIndex ? bytes[index] : nil
                switch frame {
                case .array(var elements):
                    elements.append(value)
                    if next == UInt8(ascii: ",") {
                        index += 1
                        stack.append(.array(elements))
                        continue parsing
                    }
                    guard next == UInt8(ascii: "]") else { throw failure("expected ',' or ']' in array") }
                    index += 1
                    value = .array(elements)
                case .object(var members, let key):
                    members.append((key, value))
                    if next == UInt8(ascii: ",") {
                        index += 1
                        skipWhitespace()
                        stack.append(.object(members, key: try parseKey()))
                        continue parsing
                    }
                    guard next == UInt8(ascii: "}") else { throw failure("expected ',' or '}' in object") }
                    index += 1
                    value = .object(members)
                }
            }
            return value
        }
    }

    private func checkDepth(_ depth: Int) throws(DecodeError) {
        if depth >= Self.maximumDepth {
            throw DecodeError(
                .tooDeep,
                "nesting deeper than \(Self.maximumDepth) at byte \(index - bytes.startIndex)")
        }
    }

    /// A member name and its colon; the cursor is on the opening quote.
    private mutating func parseKey() throws(DecodeError) -> String {
        guard index < bytes.endIndex, bytes[index] == UInt8(ascii: "\"") else {
            throw failure("expected a member name")
        }
        let key = String(decoding: try parseString(), as: UTF8.self)
        skipWhitespace()
        guard index < bytes.endIndex, bytes[index] == UInt8(ascii: ":") else {
            throw failure("expected ':' after member name")
        }
        index += 1
        return key
    }

    /// The unescaped bytes of the string whose opening quote is under the cursor.
    private mutating func parseString() throws(DecodeError) -> [UInt8] {
        let start = index
        index += 1
        var runStart = index
        var out: [UInt8] = []
        while index < bytes.endIndex {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\"") {
                out.append(contentsOf: bytes[runStart..<index])
                index += 1
                return out
            }
            guard byte == UInt8(ascii: "\\") else {
                index += 1
                continue
            }
            out.append(contentsOf: bytes[runStart..<index])
            index += 1
            guard index < bytes.endIndex else { break }
            let escape = bytes[index]
            index += 1
            switch escape {
            case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): out.append(escape)
            case UInt8(ascii: "b"): out.append(0x08)
            case UInt8(ascii: "f"): out.append(0x0C)
            case UInt8(ascii: "n"): out.append(0x0A)
            case UInt8(ascii: "r"): out.append(0x0D)
            case UInt8(ascii: "t"): out.append(0x09)
            case UInt8(ascii: "u"):
                var scalar = try parseHex4()
                if scalar >= 0xD800 && scalar <= 0xDBFF {
                    if index + 1 < bytes.endIndex, bytes[index] == UInt8(ascii: "\\"),
                        bytes[index + 1] == UInt8(ascii: "u")
                    {
                        let save = index
                        index += 2
                        let low = try parseHex4()
                        if low >= 0xDC00 && low <= 0xDFFF {
                            scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                        } else {
                            scalar = 0xFFFD
                            index = save
                        }
                    } else {
                        scalar = 0xFFFD
                    }
                } else if scalar >= 0xDC00 && scalar <= 0xDFFF {
                    scalar = 0xFFFD
                }
                HTMLEntities.appendUTF8(scalar, to: &out)
            default:
                throw failure("invalid escape in string")
            }
            runStart = index
        }
        index = start
        throw failure("unterminated string")
    }

    private mutating func parseHex4() throws(DecodeError) -> UInt32 {
        guard index + 4 <= bytes.endIndex else { throw failure("truncated \\u escape") }
        var value: UInt32 = 0
        for offset in 0..<4 {
            guard let digit = ByteClass.hexValue(bytes[index + offset]) else {
                throw failure("invalid \\u escape")
            }
            value = value << 4 | digit
        }
        index += 4
        return value
    }

    private mutating func parseNumber() throws(DecodeError) -> String {
        let start = index
        if bytes[index] == UInt8(ascii: "-") { index += 1 }
        let integerStart = index
        skipDigits()
        guard index > integerStart else { throw failure("invalid number") }
        if bytes[integerStart] == UInt8(ascii: "0") && index - integerStart > 1 {
            throw failure("invalid number (leading zero)")
        }
        if index < bytes.endIndex, bytes[index] == UInt8(ascii: ".") {
            index += 1
            let fractionStart = index
            skipDigits()
            guard index > fractionStart else { throw failure("invalid number") }
        }
        if index < bytes.endIndex, bytes[index] | 0x20 == UInt8(ascii: "e") {
            index += 1
            if index < bytes.endIndex, bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-")
            {
                index += 1
            }
            let exponentStart = index
            skipDigits()
            guard index > exponentStart else { throw failure("invalid number") }
        }
        return String(decoding: bytes[start..<index], as: UTF8.self)
    }

    private mutating func skipDigits() {
        while index < bytes.endIndex, ByteClass.isDigit(bytes[index]) { index += 1 }
    }

    private mutating func expectLiteral(_ literal: String) throws(DecodeError) {
        let count = literal.utf8.count
        guard index + count <= bytes.endIndex else { throw failure("unexpected end of input") }
        guard literal.utf8.elementsEqual(bytes[index..<(index + count)]) else {
            throw failure("unexpected character")
        }
        index += count
    }

    private mutating func skipWhitespace() {
        while index < bytes.endIndex {
            let byte = bytes[index]
            guard byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09 else { return }
            index += 1
        }
    }

    private func failure(_ what: String) -> DecodeError {
        DecodeError(.invalidJSON, "\(what) at byte \(index - bytes.startIndex)")
    }
}
