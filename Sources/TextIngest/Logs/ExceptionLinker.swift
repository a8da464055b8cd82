import LicensingModel

/// Ties Java exceptions to the communication failure they explain: a `communication.failed` within
/// ``window`` lines of an `exception.raised` carrying a `cause` (same thread when both name one) gets that
/// `cause` and the exception class, unless it already has a cause.
enum ExceptionLinker {
    static let window = 50

    static func link(_ drafts: inout [EventDraft]) {
        let failures = drafts.indices.filter { drafts[$0].kind == .communicationFailed }
        guard !failures.isEmpty else { return }
        for x in drafts.indices where drafts[x].kind == .exceptionRaised {
            guard let cause = drafts[x].fields["cause"] else { continue }
            let thread = drafts[x].fields["thread"]?.text
            var best: Int?
            for f in failures where drafts[f].fields["cause"] == nil {
                let distance = abs(drafts[f].line - drafts[x].line)
                guard distance <= window else { continue }
                if let t = thread, let ft = drafts[f].fields["thread"]?.text, t != ft { continue }
                if best.map({ abs(drafts[$0].line - drafts[x].line) > distance }) ?? true { best = f }
            }
            guard let f = best else { continue }
            drafts[f].fields["cause"] = cause
            if drafts[f].fields["exception"] == nil, let e = drafts[x].fields["exception"] {
                drafts[f].fields["exception"] = e
            }
            drafts[f].notes.append("cause `\(cause.text)` from the exception at line \(drafts[x].line)")
        }
    }
}
