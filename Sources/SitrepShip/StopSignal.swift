import Dispatch
import Synchronization

#if canImport(Glibc)
    import Glibc
#endif

/// SIGTERM and SIGINT turned into a flag the loops look at between steps.
///
/// `@unchecked Sendable`: `sources` is set once in `init` and only kept alive after that; the flag
/// is atomic.
public final class StopSignal: @unchecked Sendable {
    private final class Flag: Sendable {
        let raised = Atomic<Bool>(false)
    }

    private let flag = Flag()
    private let sources: [any DispatchSourceSignal]

    public init() {
        var blocked = sigset_t()
        sigemptyset(&blocked)
        sigaddset(&blocked, SIGTERM)
        sigaddset(&blocked, SIGINT)
        pthread_sigmask(SIG_BLOCK, &blocked, nil)
        let flag = self.flag
        sources = [SIGTERM, SIGINT].map { number -> any DispatchSourceSignal in
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler { flag.raised.store(true, ordering: .relaxed) }
            source.resume()
            return source
        }
    }

    public var isRaised: Bool { flag.raised.load(ordering: .relaxed) }
}
