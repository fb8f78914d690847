/// An open-addressing map from 64-bit feature keys to dense indices, used while training.
/// Insertion order decides the indices, so the same training run gives the same table.
struct FeatureTable {
    private var keys: [UInt64]
    private var values: [Int32]
    private var mask: Int
    private(set) var count = 0

    init(capacity: Int = 1 << 16) {
        var c = 16
        while c < capacity { c <<= 1 }
        keys = [UInt64](repeating: 0, count: c)
        values = [Int32](repeating: -1, count: c)
        mask = c - 1
    }

    @inline(__always)
    private static func slot(_ key: UInt64, _ mask: Int) -> Int { Int(truncatingIfNeeded: key >> 32) & mask }

    func find(_ key: UInt64) -> Int32 {
        let key = key == 0 ? 1 : key
        var at = Self.slot(key, mask)
        while true {
            let k = keys[at]
            if k == key { return values[at] }
            if k == 0 { return -1 }
            at = (at + 1) & mask
        }
    }

    /// The index of `key`, adding it with index `count` when new.
    mutating func findOrInsert(_ key: UInt64) -> Int32 {
        let key = key == 0 ? 1 : key
        var at = Self.slot(key, mask)
        while true {
            let k = keys[at]
            if k == key { return values[at] }
            if k == 0 { break }
            at = (at + 1) & mask
        }
        keys[at] = key
        values[at] = Int32(count)
        count += 1
        if count * 2 > keys.count { grow() }
        return Int32(count - 1)
    }

    private mutating func grow() {
        let oldKeys = keys, oldValues = values
        keys = [UInt64](repeating: 0, count: oldKeys.count * 2)
        values = [Int32](repeating: -1, count: oldKeys.count * 2)
        mask = keys.count - 1
        for (i, k) in oldKeys.enumerated() where k != 0 {
            var at = Self.slot(k, mask)
            while keys[at] != 0 { at = (at + 1) & mask }
            keys[at] = k
            values[at] = oldValues[i]
        }
    }

    /// Every (key, index) pair, in index order.
    func pairs() -> [(key: UInt64, index: Int32)] {
        var out = [(key: UInt64, index: Int32)](repeating: (0, 0), count: count)
        for (i, k) in keys.enumerated() where k != 0 { out[Int(values[i])] = (k, values[i]) }
        return out
    }
}
