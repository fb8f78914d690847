/// What one drain step read, committed together: one log write, one checkpoint.
struct Batch {
    var lines: [UInt8] = []
    var events = 0
    var documents = 0
    var completed: [Checkpoint.CompletedFile] = []
    var streamPositions: [String: Checkpoint.StreamPosition] = [:]
    var names: [String] = []
    /// Size of the largest document (or stream chunk) read, to decide whether to give memory back.
    var largestInput: Int64 = 0

    var isEmpty: Bool { lines.isEmpty && completed.isEmpty && streamPositions.isEmpty }
}
