import CNats
import SitrepScaleout

#if canImport(Glibc)
    import Glibc
#endif

/// A connection to the NATS cluster and its JetStream context.
///
/// `@unchecked Sendable`: libnats documents connections and JetStream contexts as safe to use from
/// several threads; the pointers are set once in `init` and released only in `deinit`.
public final class NatsClient: @unchecked Sendable {
    private let connection: OpaquePointer
    private let jetStream: OpaquePointer
    private let acks: PublishAcks?

    /// Connects to any of the configured servers. With `acks`, asynchronous publishes report there.
    public init(_ configuration: ScaleoutConfiguration, acks: PublishAcks?, name: String) throws(ScaleoutError) {
        let servers = configuration.natsURLs.joined(separator: ",")
        func check(_ status: natsStatus, _ what: String) throws(ScaleoutError) {
            guard status == NATS_OK else {
                throw ScaleoutError(.broker, servers, "\(what): \(Self.lastError(status))")
            }
        }
        var options: OpaquePointer?
        try check(natsOptions_Create(&options), "options")
        defer { natsOptions_Destroy(options) }
        // The client picks a server and fails over to the others.
        let urls = configuration.natsURLs.map { strdup($0) }
        defer { urls.forEach { free($0) } }
        var pointers = urls.map { UnsafePointer<CChar>($0) }
        try check(natsOptions_SetServers(options, &pointers, Int32(pointers.count)), "servers")
        try check(natsOptions_SetName(options, name), "name")
        // Reconnect for ever, quickly: a broker restart or leader election must not end the process.
        try check(natsOptions_SetMaxReconnect(options, -1), "reconnect")
        try check(natsOptions_SetReconnectWait(options, 250), "reconnect wait")
        try check(natsOptions_SetTimeout(options, 2000), "timeout")
        try check(natsOptions_SetReconnectBufSize(options, 64 << 20), "reconnect buffer")
        // A server cut off by a partition sends no FIN. Without a write deadline the socket blocks:
        // once its send buffer fills, a publish waits in write() for ever, holding the connection's
        // lock, so not even the ping timer runs (the partition test found the shipper stuck on the
        // cut-off leader until the heal). With one, the write fails after 2 s and the client fails
        // over; pings every 2 s, two unanswered, catch a silent server when little is being sent.
        try check(natsOptions_SetWriteDeadline(options, 2000), "write deadline")
        try check(natsOptions_SetPingInterval(options, 2000), "ping interval")
        try check(natsOptions_SetMaxPingsOut(options, 2), "pings out")
        if let credentials = configuration.natsCredentials {
            try check(natsOptions_SetUserCredentialsFromFiles(options, credentials, nil), "credentials \(credentials)")
        }
        let tls = configuration.natsTLSRequired || configuration.natsTLSCA != nil
            || configuration.natsTLSCertificate != nil || configuration.natsURLs.contains { $0.hasPrefix("tls://") }
        if tls {
            try check(natsOptions_SetSecure(options, true), "TLS")
            if let ca = configuration.natsTLSCA {
                try check(natsOptions_LoadCATrustedCertificates(options, ca), "TLS CA \(ca)")
            }
            if let certificate = configuration.natsTLSCertificate, let key = configuration.natsTLSKey {
                try check(natsOptions_LoadCertificatesChain(options, certificate, key), "TLS certificate \(certificate)")
            }
        }
        var connection: OpaquePointer?
        try check(natsConnection_Connect(&connection, options), "connect")
        guard let connection else { throw ScaleoutError(.broker, servers, "connect returned no connection") }

        var jsOptions = jsOptions()
        jsOptions_Init(&jsOptions)
        jsOptions.Wait = 5000
        if let acks {
            jsOptions.PublishAsync.MaxPending = Int64(configuration.shipWindow) * 2 + 16
            jsOptions.PublishAsync.AckHandler = publishAckHandler
            jsOptions.PublishAsync.AckHandlerClosure = Unmanaged.passUnretained(acks).toOpaque()
        }
        var js: OpaquePointer?
        let status = natsConnection_JetStream(&js, connection, &jsOptions)
        guard status == NATS_OK, let js else {
            natsConnection_Destroy(connection)
            throw ScaleoutError(.broker, servers, "JetStream: \(Self.lastError(status))")
        }
        self.connection = connection
        self.jetStream = js
        self.acks = acks
    }

    deinit {
        jsCtx_Destroy(jetStream)
        natsConnection_Destroy(connection)
    }

    /// Creates the stream if it does not exist (replicated, file storage, de-duplication window).
    public func ensureStream(_ configuration: ScaleoutConfiguration) throws(ScaleoutError) {
        let name = configuration.stream
        // Two minutes: a cluster that is still forming answers "no suitable peers" for a while.
        for _ in 0..<240 {
            var info: UnsafeMutablePointer<jsStreamInfo>?
            var code = jsErrCode(0)
            var status = js_GetStreamInfo(&info, jetStream, name, nil, &code)
            if status == NATS_OK {
                jsStreamInfo_Destroy(info)
                return
            }
            if status == NATS_NOT_FOUND || code == JSStreamNotFoundErr {
                var config = jsStreamConfig()
                jsStreamConfig_Init(&config)
                let subject = strdup(configuration.subjectPrefix + ".>")
                defer { free(subject) }
                var subjects: [UnsafePointer<CChar>?] = [UnsafePointer(subject)]
                status = subjects.withUnsafeMutableBufferPointer { buffer in
                    name.withCString { cName in
                        config.Name = cName
                        config.Subjects = buffer.baseAddress
                        config.SubjectsLen = 1
                        config.Storage = js_FileStorage
                        config.Replicas = Int64(configuration.streamReplicas)
                        config.Duplicates = Int64(configuration.duplicateWindowSeconds) * 1_000_000_000
                        return js_AddStream(&info, jetStream, &config, nil, &code)
                    }
                }
                if status == NATS_OK {
                    jsStreamInfo_Destroy(info)
                    return
                }
                if code == JSStreamNameExistErr { return }
            }
            // No meta leader yet, or a cluster still forming: try again shortly.
            usleep(500_000)
        }
        throw ScaleoutError(.stream, name, "cannot look up or create the stream: \(Self.lastError(NATS_ERR))")
    }

    /// Publishes without waiting; the ack arrives in `acks`.
    public func publishAsync(subject: String, messageID: String, payload: [UInt8], maxWaitMilliseconds: Int64)
        -> Bool
    {
        var message: OpaquePointer?
        let created = payload.withUnsafeBufferPointer { buffer in
            buffer.baseAddress!.withMemoryRebound(to: CChar.self, capacity: buffer.count) { bytes in
                natsMsg_Create(&message, subject, nil, bytes, Int32(buffer.count))
            }
        }
        guard created == NATS_OK else { return false }
        defer { natsMsg_Destroy(message) }
        guard natsMsgHeader_Set(message, "Nats-Msg-Id", messageID) == NATS_OK else { return false }
        var options = jsPubOptions()
        jsPubOptions_Init(&options)
        options.MaxWait = maxWaitMilliseconds
        return js_PublishMsgAsync(jetStream, &message, &options) == NATS_OK
    }

    /// Whether stream sequence `sequence` holds a message with this `Nats-Msg-Id`; nil when the
    /// stream could not be asked (try again later).
    public func streamHolds(stream: String, sequence: UInt64, messageID: String) -> Bool? {
        guard sequence > 0 else { return false }
        var message: OpaquePointer?
        var code = jsErrCode(0)
        let status = js_GetMsg(&message, jetStream, stream, sequence, nil, &code)
        if status == NATS_NOT_FOUND || code == JSNoMessageFoundErr { return false }
        guard status == NATS_OK, let message else { return nil }
        defer { natsMsg_Destroy(message) }
        var value: UnsafePointer<CChar>?
        guard natsMsgHeader_Get(message, "Nats-Msg-Id", &value) == NATS_OK, let value else { return false }
        return String(cString: value) == messageID
    }

    /// A durable pull consumer on the stream, explicit acks.
    public func pullSubscription(_ configuration: ScaleoutConfiguration) throws(ScaleoutError) -> PullSubscription {
        var subscription: OpaquePointer?
        var code = jsErrCode(0)
        var options = jsSubOptions()
        jsSubOptions_Init(&options)
        let stream = strdup(configuration.stream)
        let durable = strdup(configuration.sinkConsumer)
        defer {
            free(stream)
            free(durable)
        }
        options.Stream = UnsafePointer(stream)
        options.Config.Durable = UnsafePointer(durable)
        options.Config.AckPolicy = js_AckExplicit
        // A batch not acked in 30 s (the sink died between fetch and commit) is delivered again.
        options.Config.AckWait = 30 * 1_000_000_000
        options.Config.MaxAckPending = Int64(configuration.sinkBatch) * 4
        options.Config.MaxDeliver = -1
        try matchMaxAckPending(configuration, wanted: options.Config.MaxAckPending)
        var status = NATS_OK
        // Two minutes: right after a leader loss the consumer's lookup or creation times out for a while.
        for _ in 0..<240 {
            status = js_PullSubscribe(
                &subscription, jetStream, configuration.subjectPrefix + ".>", configuration.sinkConsumer, nil,
                &options, &code)
            guard status == NATS_TIMEOUT || status == NATS_NO_RESPONDERS else { break }
            usleep(500_000)
        }
        guard status == NATS_OK, let subscription else {
            throw ScaleoutError(
                .stream, configuration.stream,
                "consumer \(configuration.sinkConsumer): \(Self.lastError(status)) (code \(code.rawValue))")
        }
        return PullSubscription(subscription)
    }

    /// An existing durable consumer keeps the ack window of the batch size it was made with, and
    /// libnats refuses to bind to it with another: after `sink_batch` changes, the window is updated
    /// on the server first (an editable field), so that a new batch size needs only a restart.
    private func matchMaxAckPending(_ configuration: ScaleoutConfiguration, wanted: Int64) throws(ScaleoutError) {
        var info: UnsafeMutablePointer<jsConsumerInfo>?
        var code = jsErrCode(0)
        var status = NATS_OK
        for _ in 0..<240 {
            status = js_GetConsumerInfo(&info, jetStream, configuration.stream, configuration.sinkConsumer, nil, &code)
            guard status == NATS_TIMEOUT || status == NATS_NO_RESPONDERS else { break }
            usleep(500_000)
        }
        // Not there yet: js_PullSubscribe creates it with the wanted window.
        guard status == NATS_OK, let info else { return }
        defer { jsConsumerInfo_Destroy(info) }
        guard let config = info.pointee.Config, config.pointee.MaxAckPending != wanted else { return }
        let previous = config.pointee.MaxAckPending
        config.pointee.MaxAckPending = wanted
        var updated: UnsafeMutablePointer<jsConsumerInfo>?
        status = js_UpdateConsumer(&updated, jetStream, configuration.stream, config, nil, &code)
        guard status == NATS_OK else {
            throw ScaleoutError(
                .stream, configuration.stream,
                "consumer \(configuration.sinkConsumer): cannot change its ack window from \(previous) to \(wanted) "
                    + "for sink_batch \(configuration.sinkBatch): \(Self.lastError(status)) (code \(code.rawValue))")
        }
        jsConsumerInfo_Destroy(updated)
    }

    static func lastError(_ status: natsStatus) -> String {
        var text = String(cString: natsStatus_GetText(status))
        if let last = nats_GetLastError(nil) {
            let detail = String(cString: last)
            if !detail.isEmpty, detail != text { text += " (\(detail))" }
        }
        return text
    }
}

/// libnats calls this on its own thread for every asynchronous publish: an ack, or an error.
private func publishAckHandler(
    _ js: OpaquePointer?, _ message: OpaquePointer?, _ ack: UnsafeMutablePointer<jsPubAck>?,
    _ error: UnsafeMutablePointer<jsPubAckErr>?, _ closure: UnsafeMutableRawPointer?
) {
    defer { natsMsg_Destroy(message) }
    guard let closure, let message else { return }
    let acks = Unmanaged<PublishAcks>.fromOpaque(closure).takeUnretainedValue()
    var value: UnsafePointer<CChar>?
    guard natsMsgHeader_Get(message, "Nats-Msg-Id", &value) == NATS_OK, let value else { return }
    let id = String(cString: value)
    if let ack {
        acks.post(.acknowledged(messageID: id, sequence: ack.pointee.Sequence, duplicate: ack.pointee.Duplicate))
    } else {
        let reason = error.flatMap { $0.pointee.ErrText.map { String(cString: $0) } } ?? "publish failed"
        acks.post(.failed(messageID: id, reason: reason))
    }
}
