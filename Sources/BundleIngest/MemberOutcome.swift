import Inflate
import LicensingModel

/// How extracting one member ended.
enum MemberOutcome: Equatable {
    /// Every byte was extracted.
    case complete
    /// Damage stopped extraction; what was extracted is kept.
    case damaged([InventoryReason])
    /// A limit stopped extraction; nothing is kept.
    case refused(InventoryReason)

    /// Copies `reader` into `writer`, turning errors into an outcome.
    static func pump(_ reader: inout ChunkedFileReader, into writer: inout ExtractedFileWriter) -> MemberOutcome {
        do {
            while let chunk = try reader.next() { try writer.write(chunk) }
            return .complete
        } catch let limit as ExtractionLimitReached {
            return .refused(limit.reason)
        } catch let error as InflateError where error.kind == .limitExceeded {
            return .refused(.inflateLimit(error.message))
        } catch {
            return .damaged([.readFailed(ReadFailure(error))])
        }
    }

    /// This outcome, with damage inherited from an outer layer added to it.
    func adding(_ inherited: [InventoryReason]) -> MemberOutcome {
        guard !inherited.isEmpty else { return self }
        switch self {
        case .complete: return .damaged(inherited)
        case .damaged(let reasons): return .damaged(reasons + inherited)
        case .refused: return self
        }
    }
}
