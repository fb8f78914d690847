import CNats
import SitrepScaleout

/// The sink's durable pull subscription: fetch a batch, ack it after COMMIT.
///
/// `@unchecked Sendable`: a subscription is used by one task at a time (the sink's loop), and
/// libnats allows that thread to change between calls.
public final class PullSubscription: @unchecked Sendable {
    private let subscription: OpaquePointer

    init(_ subscription: OpaquePointer) { self.subscription = subscription }

    deinit { natsSubscription_Destroy(subscription) }

    /// Fetched messages; must be acked or naked and then released, by the same owner.
    ///
    /// `@unchecked Sendable`: handed once from the fetch thread to the sink's loop, never shared.
    public final class Fetched: @unchecked Sendable {
        fileprivate var list: natsMsgList
        public let messages: [SinkBatch.Message]
        /// Messages still to be delivered to this consumer after these (lag).
        public let pending: UInt64

        fileprivate init(_ list: natsMsgList) {
            self.list = list
            var messages: [SinkBatch.Message] = []
            var pending: UInt64 = 0
            for index in 0..<Int(list.Count) {
                guard let message = list.Msgs[index] else { continue }
                var meta: UnsafeMutablePointer<jsMsgMetaData>?
                guard natsMsg_GetMetaData(&meta, message) == NATS_OK, let meta else { continue }
                defer { jsMsgMetaData_Destroy(meta) }
                let length = Int(natsMsg_GetDataLength(message))
                let payload: [UInt8] =
                    if length > 0, let data = natsMsg_GetData(message) {
                        data.withMemoryRebound(to: UInt8.self, capacity: length) {
                            Array(UnsafeBufferPointer(start: $0, count: length))
                        }
                    } else { [] }
                messages.append(
                    SinkBatch.Message(
                        subject: String(cString: natsMsg_GetSubject(message)), payload: payload,
                        streamSequence: meta.pointee.Sequence.Stream, storedAtNanoseconds: meta.pointee.Timestamp))
                pending = meta.pointee.NumPending
            }
            self.messages = messages
            self.pending = pending
        }

        deinit { natsMsgList_Destroy(&list) }

        /// After COMMIT. An ack lost here only means a redelivery, which the primary keys absorb.
        public func ackAll() {
            for index in 0..<Int(list.Count) { _ = natsMsg_Ack(list.Msgs[index], nil) }
        }

        /// After a failed transaction: deliver again soon.
        public func nakAll(delayMilliseconds: Int64) {
            for index in 0..<Int(list.Count) {
                _ = natsMsg_NakWithDelay(list.Msgs[index], delayMilliseconds, nil)
            }
        }
    }

    /// Up to `batch` messages, waiting up to `timeoutMilliseconds` for the first; nil on a timeout
    /// or while the cluster elects a leader.
    public func fetch(batch: Int, timeoutMilliseconds: Int64) -> Fetched? {
        var list = natsMsgList(Msgs: nil, Count: 0)
        var code = jsErrCode(0)
        let status = natsSubscription_Fetch(&list, subscription, Int32(batch), timeoutMilliseconds, &code)
        guard status == NATS_OK, list.Count > 0 else {
            natsMsgList_Destroy(&list)
            return nil
        }
        return Fetched(list)
    }
}
