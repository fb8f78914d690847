/// Numbers of data files read straight from their bytes, for the common plain forms; nil for any
/// other form, which the callers then read with the standard library.
enum NumberText {
    /// "[+-]digits", up to 18 digits.
    static func integer(_ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        var (negative, index) = sign(bytes)
        guard index < bytes.count, bytes.count - index <= 18 else { return nil }
        var value = 0
        while index < bytes.count {
            let digit = bytes[index] &- 0x30
            guard digit < 10 else { return nil }
            value = value * 10 + Int(digit)
            index += 1
        }
        return negative ? -value : value
    }

    /// A leading "-" or "+": whether the number is negative, and where its digits start.
    private static func sign(_ bytes: UnsafeBufferPointer<UInt8>) -> (negative: Bool, start: Int) {
        guard let first = bytes.first, first == 0x2D || first == 0x2B else { return (false, 0) }
        return (first == 0x2D, 1)
    }

    private static let powersOfTen: [Double] = (0...15).map { exponent in
        var value = 1.0
        for _ in 0..<exponent { value *= 10 }
        return value
    }

    /// "[+-]digits[.digits]" with at most 15 digits in all. Exact: both the digits as an integer and
    /// the power of ten are doubles without rounding, and one division rounds correctly, as
    /// `Double(String)` does.
    static func decimal(_ bytes: UnsafeBufferPointer<UInt8>) -> Double? {
        var (negative, index) = sign(bytes)
        var mantissa: Int64 = 0
        var digits = 0
        var fraction = -1
        while index < bytes.count {
            let byte = bytes[index]
            if byte == 0x2E {
                guard fraction < 0 else { return nil }
                fraction = 0
            } else {
                let digit = byte &- 0x30
                guard digit < 10 else { return nil }
                mantissa = mantissa * 10 + Int64(digit)
                digits += 1
                if fraction >= 0 { fraction += 1 }
                guard digits <= 15 else { return nil }
            }
            index += 1
        }
        guard digits > 0, fraction != 0 else { return nil }
        let value = Double(mantissa) / powersOfTen[max(fraction, 0)]
        return negative ? -value : value
    }
}
