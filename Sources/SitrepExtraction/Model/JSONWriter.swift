/// A minimal, fast JSON object writer: appends UTF-8 bytes, keys in the order they are written.
/// Optional values that are nil are skipped, so omitted fields are absent rather than null.
///
/// Every event goes through here, so the writer owns one plain buffer (hence not copyable) and writes
/// through a pointer: each write first makes room for the most bytes it can produce, then stores them.
struct JSONWriter: ~Copyable {
    private var start: UnsafeMutablePointer<UInt8>
    private var capacity: Int
    private var count = 0
    /// Whether the innermost open object or array already has a member, so the next one needs a comma.
    private var needsComma = false

    init(capacity: Int = 512) {
        self.capacity = max(capacity, 64)
        start = UnsafeMutablePointer<UInt8>.allocate(capacity: self.capacity)
    }

    deinit {
        start.deallocate()
    }

    /// The bytes written so far.
    var bytes: [UInt8] { Array(UnsafeBufferPointer(start: start, count: count)) }

    var string: String { String(decoding: UnsafeBufferPointer(start: start, count: count), as: UTF8.self) }

    func append(to buffer: inout [UInt8]) {
        buffer.append(contentsOf: UnsafeBufferPointer(start: start, count: count))
    }

    mutating func beginObject() {
        appendByte(UInt8(ascii: "{"))
        needsComma = false
    }

    mutating func endObject() {
        appendByte(UInt8(ascii: "}"))
        needsComma = true
    }

    mutating func beginArray(_ key: StaticString) {
        writeKey(key)
        appendByte(UInt8(ascii: "["))
        needsComma = false
    }

    mutating func endArray() {
        appendByte(UInt8(ascii: "]"))
        needsComma = true
    }

    /// Starts a nested object as the value of `key`.
    mutating func beginObject(_ key: StaticString) {
        writeKey(key)
        beginObject()
    }

    /// Starts an object as the next element of the current array.
    mutating func beginElementObject() {
        separate()
        beginObject()
    }

    @inline(__always)
    mutating func field(_ key: StaticString, _ value: String?) {
        guard let value else { return }
        writeKey(key)
        writeString(value)
    }

    @inline(__always)
    mutating func field(_ key: StaticString, _ value: Int?) {
        guard let value else { return }
        writeKey(key)
        writeInteger(value)
    }

    @inline(__always)
    mutating func field(_ key: StaticString, _ value: Bool?) {
        guard let value else { return }
        writeKey(key)
        if value {
            let out = room(for: 4)
            out[0] = UInt8(ascii: "t")
            out[1] = UInt8(ascii: "r")
            out[2] = UInt8(ascii: "u")
            out[3] = UInt8(ascii: "e")
            count += 4
        } else {
            let out = room(for: 5)
            out[0] = UInt8(ascii: "f")
            out[1] = UInt8(ascii: "a")
            out[2] = UInt8(ascii: "l")
            out[3] = UInt8(ascii: "s")
            out[4] = UInt8(ascii: "e")
            count += 5
        }
    }

    @inline(__always)
    mutating func field(_ key: StaticString, _ value: Double?) {
        guard let value, value.isFinite else { return }
        writeKey(key)
        writeNumber(value)
    }

    mutating func element(_ value: String) {
        separate()
        writeString(value)
    }

    mutating func element(_ value: Int) {
        separate()
        writeInteger(value)
    }

    /// Shortest round-tripping form, with integral values written without a fraction.
    static func number(_ value: Double) -> String {
        var writer = JSONWriter(capacity: 64)
        writer.writeNumber(value)
        return writer.string
    }

    /// RFC 8259 escaping: quote, backslash and every control character; the rest is copied as UTF-8.
    mutating func writeString(_ value: String) {
        var value = value
        value.withUTF8 { writeString(utf8: $0) }
    }

    // MARK: - Room

    /// A pointer to the first free byte, with room for at least `maximum` bytes from there.
    @inline(__always)
    private mutating func room(for maximum: Int) -> UnsafeMutablePointer<UInt8> {
        if count + maximum > capacity { grow(to: count + maximum) }
        return start + count
    }

    @inline(never)
    private mutating func grow(to needed: Int) {
        let newCapacity = max(needed, capacity * 2)
        let newStart = UnsafeMutablePointer<UInt8>.allocate(capacity: newCapacity)
        newStart.initialize(from: start, count: count)
        start.deallocate()
        start = newStart
        capacity = newCapacity
    }

    private mutating func appendByte(_ byte: UInt8) {
        room(for: 1).pointee = byte
        count += 1
    }

    private mutating func separate() {
        if needsComma { appendByte(UInt8(ascii: ",")) }
        needsComma = true
    }

    /// Keys are the writer's own literals, plain ASCII names that need no escaping.
    @inline(__always)
    private mutating func writeKey(_ key: StaticString) {
        key.withUTF8Buffer { name in
            var out = room(for: name.count + 4)
            if needsComma {
                out[0] = UInt8(ascii: ",")
                out += 1
            }
            out[0] = UInt8(ascii: "\"")
            for index in 0..<name.count { out[1 + index] = name[index] }
            out[name.count + 1] = UInt8(ascii: "\"")
            out[name.count + 2] = UInt8(ascii: ":")
            count = out - start + name.count + 3
        }
        needsComma = true
    }

    // MARK: - Strings

    private mutating func writeString(utf8 source: UnsafeBufferPointer<UInt8>) {
        let length = source.count
        let out = room(for: length + 2)
        out[0] = UInt8(ascii: "\"")
        guard let base = source.baseAddress else {
            out[1] = UInt8(ascii: "\"")
            count += 2
            return
        }
        // Copy eight bytes at a time while none of them needs an escape.
        var index = 0
        while length - index >= 8 {
            let word = UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self)
            if JSONWriter.mayNeedEscape(word) { break }
            UnsafeMutableRawPointer(out + 1 + index).storeBytes(of: word, as: UInt64.self)
            index += 8
        }
        // Fewer than eight bytes left (not a word with an escape): the eight bytes ending the string,
        // overlapping some already copied, are one more word.
        if index < length, length - index < 8, length >= 8 {
            let last = length - 8
            let word = UnsafeRawPointer(base + last).loadUnaligned(as: UInt64.self)
            if !JSONWriter.mayNeedEscape(word) {
                UnsafeMutableRawPointer(out + 1 + last).storeBytes(of: word, as: UInt64.self)
                index = length
            }
        }
        while index < length {
            let byte = base[index]
            if JSONWriter.needsEscape(byte) {
                count += 1 + index
                writeEscaping(UnsafeBufferPointer(rebasing: source[index...]))
                return
            }
            out[1 + index] = byte
            index += 1
        }
        out[1 + length] = UInt8(ascii: "\"")
        count += length + 2
    }

    /// The rest of a string from its first byte that needs an escape, and the closing quote.
    private mutating func writeEscaping(_ rest: UnsafeBufferPointer<UInt8>) {
        var out = room(for: rest.count * 6 + 1)
        for byte in rest {
            if JSONWriter.needsEscape(byte) {
                out += JSONWriter.writeEscape(byte, to: out)
            } else {
                out.pointee = byte
                out += 1
            }
        }
        out.pointee = UInt8(ascii: "\"")
        count = out + 1 - start
    }

    @inline(__always)
    private static func needsEscape(_ byte: UInt8) -> Bool {
        byte < 0x20 || byte == 0x22 || byte == 0x5C || byte == 0x7F
    }

    private static let lowBits: UInt64 = 0x0101_0101_0101_0101
    private static let highBits: UInt64 = 0x8080_8080_8080_8080

    /// Whether any byte of `word` is below 0x20 or is '"', '\' or DEL (exact: no false positives).
    @inline(__always)
    private static func mayNeedEscape(_ word: UInt64) -> Bool {
        let below0x20 = (word &- lowBits &* 0x20) & ~word & highBits
        let quote = word ^ (lowBits &* 0x22)
        let backslash = word ^ (lowBits &* 0x5C)
        let delete = word ^ (lowBits &* 0x7F)
        return (below0x20 | hasZeroByte(quote) | hasZeroByte(backslash) | hasZeroByte(delete)) != 0
    }

    @inline(__always)
    private static func hasZeroByte(_ word: UInt64) -> UInt64 {
        (word &- lowBits) & ~word & highBits
    }

    /// The escape for one byte that needs one; returns its length (2 or 6).
    private static func writeEscape(_ byte: UInt8, to out: UnsafeMutablePointer<UInt8>) -> Int {
        out[0] = UInt8(ascii: "\\")
        switch byte {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"):
            out[1] = byte
        case 0x0A: out[1] = UInt8(ascii: "n")
        case 0x0D: out[1] = UInt8(ascii: "r")
        case 0x09: out[1] = UInt8(ascii: "t")
        default:
            out[1] = UInt8(ascii: "u")
            out[2] = UInt8(ascii: "0")
            out[3] = UInt8(ascii: "0")
            out[4] = hexDigit(byte >> 4)
            out[5] = hexDigit(byte & 0x0F)
            return 6
        }
        return 2
    }

    @inline(__always)
    private static func hexDigit(_ value: UInt8) -> UInt8 {
        value < 10 ? UInt8(ascii: "0") + value : UInt8(ascii: "a") + value - 10
    }

    // MARK: - Numbers

    private mutating func writeInteger(_ value: Int) {
        // At most 20 bytes: "-9223372036854775808".
        var out = room(for: 20)
        if value < 0 {
            out.pointee = UInt8(ascii: "-")
            out += 1
        }
        out += JSONWriter.writeDigits(UInt64(value.magnitude), minimumCount: 1, to: out)
        count = out - start
    }

    /// Integral values below 1e15 as integers; the rest as Swift's shortest round-tripping description,
    /// produced here without building a String when the value is a short decimal (see `fixedPoint`).
    private mutating func writeNumber(_ value: Double) {
        let magnitude = abs(value)
        // Same test as value == value.rounded(): below 1e15 the conversion to Int64 is exact.
        if magnitude < 1e15, Double(Int64(value)) == value {
            writeInteger(Int(Int64(value)))
            return
        }
        guard let fixed = JSONWriter.fixedPoint(magnitude) else {
            var description = "\(value)"
            description.withUTF8 { text in
                let out = room(for: text.count)
                if let source = text.baseAddress { out.update(from: source, count: text.count) }
                count += text.count
            }
            return
        }
        // A mantissa below 2^50 has at most 16 digits, written with at most a sign, "0" and a point.
        var out = room(for: 24)
        if value < 0 {
            out.pointee = UInt8(ascii: "-")
            out += 1
        }
        var scale: UInt64 = 1
        for _ in 0..<fixed.fractionDigits { scale &*= 10 }
        out += JSONWriter.writeDigits(fixed.mantissa / scale, minimumCount: 1, to: out)
        out.pointee = UInt8(ascii: ".")
        out += 1
        out += JSONWriter.writeDigits(fixed.mantissa % scale, minimumCount: fixed.fractionDigits, to: out)
        count = out - start
    }

    /// For a non-integral `magnitude`, the decimal m / 10^k with the fewest fraction digits k that reads
    /// back as `magnitude`, if one exists with m < 2^50 and `magnitude` ≥ 1e-4. That is exactly what
    /// Swift's shortest round-tripping description prints, in its plain (not exponent) form:
    /// - m / 10^k reads back as `magnitude` iff the correctly rounded quotient Double(m) / 10^k equals it,
    ///   since m and 10^k (k ≤ 17) are exact doubles;
    /// - below 2^50 the decimals that read back lie within a quarter of one unit of m, so there is at most
    ///   one per k, it is the rounded product, and no choice between candidates of equal length arises;
    /// - Swift writes values from 1e-4 up to 2^54 without an exponent.
    static func fixedPoint(_ magnitude: Double) -> (mantissa: UInt64, fractionDigits: Int)? {
        guard magnitude >= 1e-4 else { return nil }
        var scale = 1.0
        for fractionDigits in 1...17 {
            scale *= 10
            let scaled = magnitude * scale
            guard scaled < 0x1p50 else { return nil }
            // Adding one half is exact below 2^50, and the conversion truncates: round half up.
            let candidate = UInt64(scaled + 0.5)
            if Double(candidate) / scale == magnitude { return (candidate, fractionDigits) }
        }
        return nil
    }

    /// Decimal digits of `value`, left-padded with zeros to `minimumCount`; returns how many were written.
    @inline(__always)
    private static func writeDigits(
        _ value: UInt64, minimumCount: Int, to out: UnsafeMutablePointer<UInt8>
    ) -> Int {
        var digitCount = 1
        var rest = value / 10
        while rest > 0 {
            digitCount += 1
            rest /= 10
        }
        let count = max(digitCount, minimumCount)
        var remaining = value
        var index = count - 1
        while index >= 0 {
            out[index] = UInt8(ascii: "0") + UInt8(truncatingIfNeeded: remaining % 10)
            remaining /= 10
            index -= 1
        }
        return count
    }
}
