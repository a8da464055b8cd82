import Foundation
@testable import Preflight
import Testing

/// A system resolver that does not answer must not leave a growing number of lookup threads behind. The resolver
/// here blocks every lookup until the test releases it (as `getaddrinfo` does when the DNS server swallows the
/// queries), so nothing depends on timing: waits of 0 s time out, and the release ends every lookup.
@Suite("bounded system resolver")
struct SystemResolverTests {
    /// A resolve function that never answers until released; counts the lookups actually started.
    final class Silent: @unchecked Sendable {
        private let gate = DispatchSemaphore(value: 0)
        private let lock = NSLock()
        private var names: [String] = []

        var started: [String] { lock.withLock { names } }

        @Sendable func resolve(_ name: String) -> SystemResolver.Outcome {
            lock.withLock { names.append(name) }
            gate.wait()
            gate.signal()  // once released, every lookup returns
            return .addresses(["127.0.0.1"])
        }

        func release() { gate.signal() }
    }

    @Test("timed-out lookups do not pile up: the same name joins the lookup still running, others stop at the limit")
    func timedOutLookupsAreBounded() {
        let silent = Silent()
        let resolver = SystemResolver(limit: 2, resolve: silent.resolve)
        defer { silent.release() }

        let first = resolver.start("licensing.example.test")
        #expect(first.wait(seconds: 0) == .timeout)
        let joined = resolver.start("LICENSING.example.test")
        #expect(joined === first, "a second lookup of the same name joins the first")
        #expect(joined.wait(seconds: 0) == .timeout)
        #expect(resolver.outstanding == 1)
        let other = resolver.start("proxy.example.test")
        #expect(other.wait(seconds: 0) == .timeout)
        #expect(resolver.outstanding == 2)
        #expect(resolver.lookup("third.example.test", seconds: 30) == .backlog(2), "past the limit nothing is started, and the wait is not spent")
        #expect(resolver.outstanding == 2)

        silent.release()
        #expect(first.wait(seconds: 30) == .addresses(["127.0.0.1"]))
        #expect(joined.wait(seconds: 30) == .addresses(["127.0.0.1"]), "every waiter gets the answer")
        #expect(other.wait(seconds: 30) == .addresses(["127.0.0.1"]))
        #expect(resolver.outstanding == 0, "an answered lookup's thread is gone from the count")
        #expect(resolver.lookup("third.example.test", seconds: 30) == .addresses(["127.0.0.1"]))
        #expect(silent.started.count == 3, "\(silent.started)")
    }

    @Test("a backlog is a DNS stage without a comparison, worded as such")
    func backlogWording() {
        let c = ResolverComparison(serverAnswers: ["127.0.0.1"], system: .backlog(4))
        #expect(c.agrees == nil)
        #expect(c.systemText("localhost", budget: "5 s")
            == "system resolver: not asked for localhost (4 earlier lookups have not returned; the resolver is not answering)")
    }
}
