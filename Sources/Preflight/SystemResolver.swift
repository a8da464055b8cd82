import Foundation

/// `getaddrinfo` bounded by a deadline: the lookup runs on its own thread and the caller stops waiting at the
/// deadline (a late answer is dropped; the thread ends when the resolver returns).
enum SystemResolver {
    /// The outcome of one lookup.
    enum Outcome: Sendable {
        case addresses([String])
        /// `gai_strerror`'s text and whether the name does not exist (EAI_NONAME).
        case failed(String, noName: Bool)
        case timeout
    }

    /// A lookup running on its own thread.
    final class Pending: @unchecked Sendable {
        // Safety: written once by the lookup thread before `done` is signalled, read after the wait succeeded.
        fileprivate var outcome: Outcome = .timeout
        fileprivate let done = DispatchSemaphore(value: 0)

        /// The outcome, or `.timeout` when it has not come within `seconds`.
        func wait(seconds: Double) -> Outcome {
            guard done.wait(timeout: .now() + max(0, seconds)) == .success else { return .timeout }
            return outcome
        }
    }

    /// Starts looking `name` up; the caller waits on the result when it needs it.
    static func start(_ name: String) -> Pending {
        let pending = Pending()
        let thread = Thread {
            pending.outcome = resolve(name)
            pending.done.signal()
        }
        thread.start()
        return pending
    }

    static func lookup(_ name: String, seconds: Double) -> Outcome {
        start(name).wait(seconds: seconds)
    }

    private static func resolve(_ name: String) -> Outcome {
        var hints = addrinfo()
        hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
        hints.ai_family = AF_UNSPEC
        var list: UnsafeMutablePointer<addrinfo>?
        let rc = getaddrinfo(name, nil, &hints, &list)
        guard rc == 0 else {
            return .failed(String(cString: gai_strerror(rc)), noName: rc == EAI_NONAME)
        }
        defer { freeaddrinfo(list) }
        var out: [String] = []
        var node = list
        while let n = node {
            if let sa = n.pointee.ai_addr {
                var storage = sockaddr_storage()
                withUnsafeMutableBytes(of: &storage) { dst in
                    dst.copyMemory(from: UnsafeRawBufferPointer(start: sa, count: Int(n.pointee.ai_addrlen)))
                }
                if let a = SocketAddress.from(storage), !out.contains(a.address) { out.append(a.address) }
            }
            node = n.pointee.ai_next
        }
        // IPv4 first: CUCM's default stack (inferred, not documented).
        return .addresses(out.filter { !$0.contains(":") } + out.filter { $0.contains(":") })
    }
}
