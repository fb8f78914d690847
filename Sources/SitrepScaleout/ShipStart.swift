/// Where the shipper starts, given its checkpoint and the files it finds: the checkpointed file if it
/// is still the live log, the rotated file (`<log>.1`) if the checkpoint is there, else the live log
/// from its start (a checkpoint for a file that is gone: its lines were shipped or are lost with it).
public enum ShipStart: Sendable, Equatable {
    case live(offset: Int64)
    case rotated(offset: Int64)
    case liveFromStart

    public static func decide(checkpoint: LogPosition?, live: LogPosition?, rotated: LogPosition?) -> ShipStart {
        guard let checkpoint else { return .liveFromStart }
        if let live, live.sameFile(as: checkpoint) { return .live(offset: checkpoint.offset) }
        if let rotated, rotated.sameFile(as: checkpoint) { return .rotated(offset: checkpoint.offset) }
        return .liveFromStart
    }
}
