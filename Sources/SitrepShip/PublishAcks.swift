import Dispatch
import Synchronization

/// Acks handed from libnats's thread to the shipper's loop, which waits on it when idle.
public final class PublishAcks: Sendable {
    public enum Event: Sendable {
        case acknowledged(messageID: String, sequence: UInt64, duplicate: Bool)
        case failed(messageID: String, reason: String)
    }

    private let events = Mutex<[Event]>([])
    private let signal = DispatchSemaphore(value: 0)

    public init() {}

    func post(_ event: Event) {
        events.withLock { $0.append(event) }
        signal.signal()
    }

    /// Waits up to `milliseconds` for an event to be posted, without taking it.
    public func wait(milliseconds: Int) {
        if events.withLock({ !$0.isEmpty }) { return }
        _ = signal.wait(timeout: .now() + .milliseconds(milliseconds))
    }

    /// Everything posted so far, waiting up to `milliseconds` if there is nothing yet.
    public func take(waitingUpTo milliseconds: Int) -> [Event] {
        let ready = events.withLock { queue -> [Event] in
            defer { queue.removeAll(keepingCapacity: true) }
            return queue
        }
        if !ready.isEmpty || milliseconds <= 0 { return ready }
        _ = signal.wait(timeout: .now() + .milliseconds(milliseconds))
        return events.withLock { queue -> [Event] in
            defer { queue.removeAll(keepingCapacity: true) }
            return queue
        }
    }
}
