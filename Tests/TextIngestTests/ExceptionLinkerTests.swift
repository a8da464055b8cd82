import LicensingModel
import Testing
@testable import TextIngest

/// The exception linker reads only the drafts near the exceptions it links, and gives the same links in steps as
/// all at once: a failure far back in the pending drafts, a failure just inside or just outside the window, a
/// failure already caused.
@Suite("linking exceptions to failures")
struct ExceptionLinkerTests {
    private func draft(_ kind: EventKind, line: Int, _ fields: [String: FieldValue] = [:]) -> EventDraft {
        EventDraft(
            kind: kind, line: line, fields: fields, excerpt: nil, stamp: nil, stampLine: line, notes: [], entryID: "",
            point: nil)
    }

    /// Many unrelated drafts held before, failures on both sides of each exception, some out of reach.
    private func drafts() -> [EventDraft] {
        var d: [EventDraft] = (1...300).map { draft(.communicationFailed, line: $0) }
        d += [
            draft(.communicationFailed, line: 1000),  // 60 lines before the first exception: out of reach
            draft(.communicationFailed, line: 1011, ["thread": .string("t1")]),  // 49 before: in reach
            draft(.exceptionRaised, line: 1060, ["cause": .string("UnknownHostException"), "thread": .string("t1"),
                                                  "exception": .string("java.net.UnknownHostException")]),
            draft(.exceptionRaised, line: 1100, ["cause": .string("SSLHandshakeException")]),
            draft(.communicationFailed, line: 1150, ["cause": .string("already")]),  // has a cause: left alone
            draft(.communicationFailed, line: 1151),  // 51 after: out of reach
        ]
        return d
    }

    private func causes(_ d: [EventDraft]) -> [Int: String] {
        var out: [Int: String] = [:]
        for x in d where x.kind == .communicationFailed {
            if case .string(let c)? = x.fields["cause"] { out[x.line] = c }
        }
        return out
    }

    @Test("a failure 49 lines before its exception, behind 300 held drafts, is linked; 60 before or caused is not")
    func farBack() {
        var d = drafts()
        _ = ExceptionLinker.link(&d)
        #expect(causes(d) == [1011: "UnknownHostException", 1150: "already"])
        #expect(d[301].fields["exception"] == .string("java.net.UnknownHostException"))
    }

    @Test("linking from the first exception's index, in steps, gives the same links as all at once")
    func steps() {
        var all = drafts()
        _ = ExceptionLinker.link(&all)
        var stepped = drafts()
        var next = ExceptionLinker.link(&stepped, from: 302, before: 1061)
        #expect(next == 303)
        next = ExceptionLinker.link(&stepped, from: next, before: .max)
        #expect(next == stepped.count)
        #expect(causes(stepped) == causes(all))
        #expect(causes(stepped)[1011] == "UnknownHostException")
    }
}
