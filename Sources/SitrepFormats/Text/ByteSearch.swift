/// Substring search over UTF-8 bytes without building Strings.
enum ByteSearch {
    /// First index at or after `from` where `needle` (lowercase ASCII) starts, ignoring ASCII case.
    static func firstIndex(
        of needle: [UInt8], in bytes: ArraySlice<UInt8>, from: Int
    ) -> Int? {
        guard let first = needle.first, needle.count <= bytes.endIndex - from else { return nil }
        let firstUpper = first >= 0x61 && first <= 0x7A ? first - 0x20 : first
        var index = from
        let last = bytes.endIndex - needle.count
        while index <= last {
            let byte = bytes[index]
            if byte == first || byte == firstUpper {
                var matched = 1
                while matched < needle.count, ByteClass.lowercased(bytes[index + matched]) == needle[matched]
                {
                    matched += 1
                }
                if matched == needle.count { return index }
            }
            index += 1
        }
        return nil
    }

    static func containsASCIICaseInsensitive(_ bytes: ArraySlice<UInt8>, _ needle: String) -> Bool {
        firstIndex(of: Array(needle.lowercased().utf8), in: bytes, from: bytes.startIndex) != nil
    }

    /// Range of `bytes` without leading and trailing ASCII whitespace.
    static func trimmed(_ bytes: ArraySlice<UInt8>) -> ArraySlice<UInt8> {
        var lower = bytes.startIndex
        var upper = bytes.endIndex
        while lower < upper, ByteClass.isWhitespace(bytes[lower]) { lower += 1 }
        while upper > lower, ByteClass.isWhitespace(bytes[upper - 1]) { upper -= 1 }
        return bytes[lower..<upper]
    }
}
