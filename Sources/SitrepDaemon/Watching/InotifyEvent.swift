/// One event read from an inotify descriptor.
public struct InotifyEvent: Sendable, Equatable {
    public struct Mask: OptionSet, Sendable, Hashable {
        public let rawValue: UInt32
        public init(rawValue: UInt32) { self.rawValue = rawValue }

        public static let modify = Mask(rawValue: 0x0000_0002)
        public static let closeWrite = Mask(rawValue: 0x0000_0008)
        public static let movedFrom = Mask(rawValue: 0x0000_0040)
        public static let movedTo = Mask(rawValue: 0x0000_0080)
        public static let create = Mask(rawValue: 0x0000_0100)
        public static let delete = Mask(rawValue: 0x0000_0200)
        public static let deleteSelf = Mask(rawValue: 0x0000_0400)
        public static let moveSelf = Mask(rawValue: 0x0000_0800)
        public static let unmount = Mask(rawValue: 0x0000_2000)
        public static let queueOverflow = Mask(rawValue: 0x0000_4000)
        public static let ignored = Mask(rawValue: 0x0000_8000)
        public static let onlyDirectory = Mask(rawValue: 0x0100_0000)
        public static let isDirectory = Mask(rawValue: 0x4000_0000)
    }

    public var watch: Int32
    public var mask: Mask
    public var cookie: UInt32
    public var name: String
    /// The name's bytes when they are not valid UTF-8 (`name` then holds a lossy rendering that
    /// does not name the file).
    public var undecodableName: [UInt8]?

    /// Parses the packed `struct inotify_event` records of one `read(2)`.
    /// A truncated trailing record (which the kernel never produces) is dropped, never read past.
    public static func parse(_ bytes: UnsafeRawBufferPointer) -> [InotifyEvent] {
        let headerSize = 16
        var events: [InotifyEvent] = []
        var position = 0
        while position + headerSize <= bytes.count {
            let watch = bytes.loadUnaligned(fromByteOffset: position, as: Int32.self)
            let mask = bytes.loadUnaligned(fromByteOffset: position + 4, as: UInt32.self)
            let cookie = bytes.loadUnaligned(fromByteOffset: position + 8, as: UInt32.self)
            let length = Int(bytes.loadUnaligned(fromByteOffset: position + 12, as: UInt32.self))
            let nameStart = position + headerSize
            guard nameStart + length <= bytes.count else { break }
            var nameEnd = nameStart
            while nameEnd < nameStart + length && bytes[nameEnd] != 0 { nameEnd += 1 }
            let raw = Array(bytes[nameStart..<nameEnd])
            let name = String(decoding: raw, as: UTF8.self)
            events.append(
                InotifyEvent(
                    watch: watch, mask: Mask(rawValue: mask), cookie: cookie, name: name,
                    undecodableName: name.utf8.elementsEqual(raw) ? nil : raw))
            position = nameStart + length
        }
        return events
    }
}
