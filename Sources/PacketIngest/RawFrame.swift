import Foundation
import LicensingModel

/// One record as read from a capture file. `bytes` is only valid during the callback that received it.
struct RawFrame {
    /// 1-based frame number, as Wireshark numbers frames.
    var number: Int
    /// Capture time: whole seconds since the epoch and the nanoseconds within that second.
    var seconds: Int64
    var nanoseconds: Int64
    /// The LINKTYPE of the interface the frame was captured on.
    var linkType: Int
    /// The bytes stored in the file (may be fewer than `originalLength` when the snaplen cut the packet).
    var bytes: UnsafeRawBufferPointer
    /// The length of the packet on the wire.
    var originalLength: Int

    /// The capture time as a `Date`.
    var time: Date { Date(timeIntervalSince1970: Double(seconds) + Double(nanoseconds) / 1e9) }
}

/// A reader that streams frames from a capture file and reports damage with offsets.
protocol FrameSource: AnyObject {
    /// Which reader this is, for `CaptureAnalysis.reader`.
    var readerName: String { get }
    /// Calls `body` for every complete record, in file order, until `deadline` passes; returns the damage found.
    func forEachFrame(deadline: ReadDeadline, _ body: (RawFrame) -> Void) -> [Damage]
    /// For damage that reading resumed after: the time of the last frame delivered before it, by the damage's frame
    /// number (a reader that stops at damage leaves this empty: its last frame is the one before).
    var timeBeforeDamage: [Int: FrameTime] { get }
}

extension FrameSource {
    var timeBeforeDamage: [Int: FrameTime] { [:] }

    /// Reads every frame with no time limit.
    func forEachFrame(_ body: (RawFrame) -> Void) -> [Damage] { forEachFrame(deadline: .none, body) }
}
