/// HTML character references: named (the common set), decimal and hexadecimal.
enum HTMLEntities {
    /// `bytes` with every recognised character reference replaced by its UTF-8.
    static func decodeAll(_ bytes: ArraySlice<UInt8>) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var index = bytes.startIndex
        while index < bytes.endIndex {
            let byte = bytes[index]
            if byte == UInt8(ascii: "&"), let (scalar, length) = reference(bytes, at: index) {
                appendUTF8(scalar, to: &out)
                index += length
            } else {
                out.append(byte)
                index += 1
            }
        }
        return out
    }

    /// The scalar of the reference starting with the "&" at `index`, and the reference's length in bytes.
    static func reference(_ bytes: ArraySlice<UInt8>, at index: Int) -> (UInt32, Int)? {
        var cursor = index + 1
        let end = bytes.endIndex
        guard cursor < end else { return nil }
        if bytes[cursor] == UInt8(ascii: "#") {
            cursor += 1
            var hex = false
            if cursor < end, bytes[cursor] | 0x20 == UInt8(ascii: "x") {
                hex = true
                cursor += 1
            }
            var value: UInt32 = 0
            var digits = 0
            while cursor < end, digits < 8 {
                let digit: UInt32? =
                    hex
                    ? ByteClass.hexValue(bytes[cursor])
                    : (ByteClass.isDigit(bytes[cursor]) ? UInt32(bytes[cursor] - 0x30) : nil)
                guard let digit else { break }
                value = value * (hex ? 16 : 10) + digit
                digits += 1
                cursor += 1
            }
            guard digits > 0 else { return nil }
            if cursor < end, bytes[cursor] == UInt8(ascii: ";") { cursor += 1 }
            return (numericScalar(value), cursor - index)
        }
        let nameStart = cursor
        while cursor < end, cursor - nameStart < 10, ByteClass.isAlphanumeric(bytes[cursor]) { cursor += 1 }
        guard cursor > nameStart, cursor < end, bytes[cursor] == UInt8(ascii: ";") else { return nil }
        let name = String(decoding: bytes[nameStart..<cursor], as: UTF8.self)
        guard let scalar = named[name] else { return nil }
        return (scalar, cursor + 1 - index)
    }

    /// Numeric references as browsers read them: 128-159 are Windows-1252, invalid ones are U+FFFD.
    private static func numericScalar(_ value: UInt32) -> UInt32 {
        if value >= 0x80 && value <= 0x9F { return windows1252[Int(value - 0x80)] }
        if value == 0 || value > 0x10FFFF || (value >= 0xD800 && value <= 0xDFFF) { return 0xFFFD }
        return value
    }

    static func appendUTF8(_ scalar: UInt32, to out: inout [UInt8]) {
        switch scalar {
        case 0..<0x80:
            out.append(UInt8(scalar))
        case 0x80..<0x800:
            out.append(UInt8(0xC0 | scalar >> 6))
            out.append(UInt8(0x80 | scalar & 0x3F))
        case 0x800..<0x10000:
            out.append(UInt8(0xE0 | scalar >> 12))
            out.append(UInt8(0x80 | (scalar >> 6) & 0x3F))
            out.append(UInt8(0x80 | scalar & 0x3F))
        default:
            out.append(UInt8(0xF0 | (scalar >> 18) & 0x07))
            out.append(UInt8(0x80 | (scalar >> 12) & 0x3F))
            out.append(UInt8(0x80 | (scalar >> 6) & 0x3F))
            out.append(UInt8(0x80 | scalar & 0x3F))
        }
    }

    private static let windows1252: [UInt32] = [
        0x20AC, 0xFFFD, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
        0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0xFFFD, 0x017D, 0xFFFD,
        0xFFFD, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
        0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0xFFFD, 0x017E, 0x0178,
    ]

    /// Names of U+00A0...U+00FF in code point order (the Latin-1 entity block).
    private static let latin1Names = """
        nbsp iexcl cent pound curren yen brvbar sect uml copy ordf laquo not shy reg macr \
        deg plusmn sup2 sup3 acute micro para middot cedil sup1 ordm raquo frac14 frac12 frac34 iquest \
        Agrave Aacute Acirc Atilde Auml Aring AElig Ccedil Egrave Eacute Ecirc Euml Igrave Iacute Icirc Iuml \
        ETH Ntilde Ograve Oacute Ocirc Otilde Ouml times Oslash Ugrave Uacute Ucirc Uuml Yacute THORN szlig \
        agrave aacute acirc atilde auml aring aelig ccedil egrave eacute ecirc euml igrave iacute icirc iuml \
        eth ntilde ograve oacute ocirc otilde ouml divide oslash ugrave uacute ucirc uuml yacute thorn yuml
        """

    /// Names of U+0391...U+03C9 in code point order; "-" marks unassigned or unnamed code points.
    private static let greekNames = """
        Alpha Beta Gamma Delta Epsilon Zeta Eta Theta Iota Kappa Lambda Mu Nu Xi Omicron Pi Rho - \
        Sigma Tau Upsilon Phi Chi Psi Omega - - - - - - - \
        alpha beta gamma delta epsilon zeta eta theta iota kappa lambda mu nu xi omicron pi rho sigmaf \
        sigma tau upsilon phi chi psi omega
        """

    private static let otherNames: [String: UInt32] = [
        "amp": 0x26, "lt": 0x3C, "gt": 0x3E, "quot": 0x22, "apos": 0x27,
        "AMP": 0x26, "LT": 0x3C, "GT": 0x3E, "QUOT": 0x22,
        "ensp": 0x2002, "emsp": 0x2003, "thinsp": 0x2009, "hairsp": 0x200A, "zwnj": 0x200C,
        "zwj": 0x200D, "lrm": 0x200E, "rlm": 0x200F, "ndash": 0x2013, "mdash": 0x2014,
        "horbar": 0x2015, "lsquo": 0x2018, "rsquo": 0x2019, "sbquo": 0x201A, "ldquo": 0x201C,
        "rdquo": 0x201D, "bdquo": 0x201E, "dagger": 0x2020, "Dagger": 0x2021, "bull": 0x2022,
        "hellip": 0x2026, "permil": 0x2030, "prime": 0x2032, "Prime": 0x2033, "lsaquo": 0x2039,
        "rsaquo": 0x203A, "oline": 0x203E, "frasl": 0x2044, "euro": 0x20AC, "trade": 0x2122,
        "larr": 0x2190, "uarr": 0x2191, "rarr": 0x2192, "darr": 0x2193, "harr": 0x2194,
        "minus": 0x2212, "lowast": 0x2217, "le": 0x2264, "ge": 0x2265, "ne": 0x2260,
        "asymp": 0x2248, "infin": 0x221E, "deg": 0xB0, "OElig": 0x152, "oelig": 0x153,
        "Scaron": 0x160, "scaron": 0x161, "Yuml": 0x178, "fnof": 0x192, "circ": 0x2C6, "tilde": 0x2DC,
        "Zcaron": 0x17D, "zcaron": 0x17E, "Ccaron": 0x10C, "ccaron": 0x10D, "Cacute": 0x106,
        "cacute": 0x107, "Lstrok": 0x141, "lstrok": 0x142, "Nacute": 0x143, "nacute": 0x144,
        "Sacute": 0x15A, "sacute": 0x15B, "Zacute": 0x179, "zacute": 0x17A, "Zdot": 0x17B, "zdot": 0x17C,
        "Scedil": 0x15E, "scedil": 0x15F, "Gbreve": 0x11E, "gbreve": 0x11F, "Idot": 0x130,
        "imath": 0x131, "Ecaron": 0x11A, "ecaron": 0x11B, "Rcaron": 0x158, "rcaron": 0x159,
        "Dstrok": 0x110, "dstrok": 0x111, "Abreve": 0x102, "abreve": 0x103, "Tcedil": 0x162,
        "tcedil": 0x163, "spades": 0x2660, "clubs": 0x2663, "hearts": 0x2665, "diams": 0x2666,
        "laquo": 0xAB, "raquo": 0xBB, "nbsp": 0xA0, "NewLine": 0x0A, "Tab": 0x09,
    ]

    static let named: [String: UInt32] = {
        var table = otherNames
        for (offset, name) in latin1Names.split(separator: " ").enumerated() {
            table[String(name)] = 0xA0 + UInt32(offset)
        }
        for (offset, name) in greekNames.split(separator: " ").enumerated() where name != "-" {
            table[String(name)] = 0x391 + UInt32(offset)
        }
        return table
    }()
}
