import Inflate
import LicensingModel

/// How extracting one member ended.
enum MemberOutcome: Equatable {
    /// Every byte was extracted.
    case complete
    /// Damage stopped extraction; what was extracted is kept.
    case damaged(Damage)
    /// A limit stopped extraction; nothing is kept.
    case refused(String)

    /// Copies `reader` into `writer`, turning errors into an outcome.
    static func pump(_ reader: inout ChunkedFileReader, into writer: inout ExtractedFileWriter) -> MemberOutcome {
        do {
            while let chunk = try reader.next() { try writer.write(chunk) }
            return .complete
        } catch let limit as ExtractionLimitReached {
            return .refused(limit.reason)
        } catch let error as InflateError where error.kind == .limitExceeded {
            return .refused("larger than the extraction limit (\(error.message))")
        } catch {
            return .damaged(Damage("\(error)", file: ""))
        }
    }

    /// This outcome, with damage inherited from an outer layer added to it.
    func adding(_ inherited: String?) -> MemberOutcome {
        guard let inherited else { return self }
        switch self {
        case .complete: return .damaged(Damage(inherited, file: ""))
        case .damaged(let damage): return .damaged(Damage(damage.reason + "; " + inherited, file: damage.file))
        case .refused: return self
        }
    }
}
