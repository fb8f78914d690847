import Foundation

/// A set of byte-string keys, each with its `KeyHash` and a dense index, in an open-addressing table.
///
/// Lookups start from a hash the caller already has (a token's, or a phrase's folded from its words'),
/// and compare the stored bytes only when the hashes agree, so a lookup hashes no string. The keys'
/// bytes live in one array: a hundred thousand place names cost a few bytes each, not a `String`.
struct KeyTable: Sendable {
    /// For each slot, the index of its key plus one; 0 = empty.
    private var slots: [UInt32] = Array(repeating: 0, count: 16)
    private var hashes: [UInt64] = []
    /// Key `i` is `bytes[ends[i - 1]..<ends[i]]` (from 0 for the first).
    private var ends: [UInt32] = []
    private var bytes: [UInt8] = []

    var count: Int { hashes.count }

    /// The index of the key with `hash` whose bytes satisfy `isKey`.
    @inline(__always)
    func index(hash: UInt64, where isKey: (ArraySlice<UInt8>) -> Bool) -> Int? {
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: hash) & mask
        while true {
            let entry = Int(slots[slot])
            if entry == 0 { return nil }
            if hashes[entry - 1] == hash && isKey(key(entry - 1)) { return entry - 1 }
            slot = (slot + 1) & mask
        }
    }

    /// The index of a one-word key, with the word's hash.
    func index(hash: UInt64, word: String) -> Int? {
        index(hash: hash) { stored in KeyTable.equal(stored, word) }
    }

    /// The index of the phrase made of `count` tokens from `start`, joined by single spaces.
    func index(hash: UInt64, tokens: [Token], from start: Int, count: Int) -> Int? {
        index(hash: hash) { stored in
            var offset = stored.startIndex
            for k in start..<(start + count) {
                if k > start {
                    guard offset < stored.endIndex, stored[offset] == 0x20 else { return false }
                    offset += 1
                }
                let word = tokens[k].key.utf8
                guard stored.endIndex - offset >= word.count else { return false }
                if !KeyTable.equal(stored[offset..<(offset + word.count)], tokens[k].key) { return false }
                offset += word.count
            }
            return offset == stored.endIndex
        }
    }

    /// The index of a key given as bytes.
    func index<Bytes: Collection<UInt8>>(hash: UInt64, bytes key: Bytes) -> Int? {
        index(hash: hash) { stored in stored.elementsEqual(key) }
    }

    /// The bytes of key `index`.
    func key(_ index: Int) -> ArraySlice<UInt8> {
        bytes[(index == 0 ? 0 : Int(ends[index - 1]))..<Int(ends[index])]
    }

    /// Adds a key if it is new; its index either way.
    @discardableResult
    mutating func insert<Bytes: Collection<UInt8>>(hash: UInt64, bytes key: Bytes) -> (
        index: Int, isNew: Bool
    ) {
        if let found = index(hash: hash, bytes: key) { return (found, false) }
        if (hashes.count + 1) * 2 > slots.count { grow() }
        let index = hashes.count
        hashes.append(hash)
        bytes.append(contentsOf: key)
        ends.append(UInt32(bytes.count))
        place(index)
        return (index, true)
    }

    /// Room for `count` more keys of about `averageLength` bytes.
    mutating func reserveCapacity(_ count: Int, averageLength: Int) {
        hashes.reserveCapacity(hashes.count + count)
        ends.reserveCapacity(ends.count + count)
        bytes.reserveCapacity(bytes.count + count * averageLength)
        var size = slots.count
        while size < (hashes.count + count) * 2 { size *= 2 }
        if size > slots.count { rebuild(size: size) }
    }

    /// Gives back the room reserved while the table was built (the slots stay at most half full).
    mutating func shrinkToFit() {
        hashes = hashes.withUnsafeBufferPointer { Array($0) }
        ends = ends.withUnsafeBufferPointer { Array($0) }
        bytes = bytes.withUnsafeBufferPointer { Array($0) }
        var size = 16
        while size < hashes.count * 2 { size *= 2 }
        if size < slots.count { rebuild(size: size) }
    }

    private mutating func grow() { rebuild(size: slots.count * 2) }

    private mutating func rebuild(size: Int) {
        slots = Array(repeating: 0, count: size)
        for index in hashes.indices { place(index) }
    }

    private mutating func place(_ index: Int) {
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: hashes[index]) & mask
        while slots[slot] != 0 { slot = (slot + 1) & mask }
        slots[slot] = UInt32(index + 1)
    }

    /// Stored bytes against a string's UTF-8, without copying the string.
    @inline(__always)
    static func equal(_ stored: ArraySlice<UInt8>, _ word: String) -> Bool {
        let utf8 = word.utf8
        let length = stored.count
        guard utf8.count == length else { return false }
        if let same = utf8.withContiguousStorageIfAvailable({ buffer in
            stored.withUnsafeBufferPointer { storedBuffer in
                // Most keys are a few bytes: compared in place rather than through a call to memcmp.
                guard length > 16 else {
                    for k in 0..<length where storedBuffer[k] != buffer[k] { return false }
                    return true
                }
                return memcmp(storedBuffer.baseAddress!, buffer.baseAddress!, length) == 0
            }
        }) {
            return same
        }
        return stored.elementsEqual(utf8)
    }
}
