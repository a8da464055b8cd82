import BundleIngest
import Foundation
import TestSupport
import Testing

/// Which times archive headers record in UTC and which they record as the archiver's zone-less wall time.
@Suite("archive member dates")
struct MemberDateTests {
    /// 2018-07-22 08:00:00 as DOS fields.
    static let dosTime = (8 << 11), dosDate = ((2018 - 1980) << 9) | (7 << 5) | 22
    /// 2018-07-22T06:30:00Z, the UTC time the extra fields below record.
    static let utc = Date(timeIntervalSince1970: 1_532_241_000)

    static func member(extra: [UInt8]) -> ZipBuilder.Member {
        .init(name: "syslog/CiscoSyslog", data: Array(Samples.licenseLog.utf8), dosTime: dosTime, dosDate: dosDate, extra: extra)
    }

    static func open(_ member: ZipBuilder.Member) throws -> BundleEntry {
        let scratch = try Scratch()
        defer { scratch.remove() }
        var zip = ZipBuilder()
        zip.add(member)
        return try #require(scratch.open("dates.zip", zip.build()).bundle.entries.first)
    }

    @Test("a DOS date alone is kept as wall time with no zone, never as a UTC instant")
    func dosOnly() throws {
        let entry = try Self.open(Self.member(extra: []))
        #expect(entry.memberDate == nil)
        #expect(entry.memberWallTime?.description == "2018-07-22 08:00:00")
    }

    @Test("the extended timestamp (0x5455) gives the UTC time")
    func extendedTimestamp() throws {
        let t = DeflateEncoder.littleEndian32(UInt32(Self.utc.timeIntervalSince1970))
        let entry = try Self.open(Self.member(extra: DeflateEncoder.littleEndian16(0x5455) + DeflateEncoder.littleEndian16(5) + [1] + t))
        #expect(entry.memberDate == Self.utc)
        #expect(entry.memberWallTime == nil)
    }

    @Test("the NTFS extra field (0x000a) gives the UTC time")
    func ntfs() throws {
        let ticks = (UInt64(Self.utc.timeIntervalSince1970) * 10_000_000) + 116_444_736_000_000_000
        let filetime = (0..<8).map { UInt8(truncatingIfNeeded: ticks >> ($0 * 8)) }
        let le16 = DeflateEncoder.littleEndian16
        let body = [0, 0, 0, 0] + le16(1) + le16(24) + filetime + filetime + filetime
        let entry = try Self.open(Self.member(extra: le16(0x000a) + le16(body.count) + body))
        #expect(entry.memberDate == Self.utc)
    }

    @Test("a gzip'd member is dated by its gzip MTIME (UTC), else by the zip member it came in")
    func gzipMember() throws {
        let data = Array(Samples.licenseLog.utf8)
        let stamped = try Self.open(.init(
            name: "slm.log.1.gz", data: DeflateEncoder.gzip(data, mtime: UInt32(Self.utc.timeIntervalSince1970)),
            dosTime: Self.dosTime, dosDate: Self.dosDate))
        #expect(stamped.memberDate == Self.utc)
        #expect(stamped.memberWallTime == nil)
        let unstamped = try Self.open(.init(
            name: "slm.log.1.gz", data: DeflateEncoder.gzip(data), dosTime: Self.dosTime, dosDate: Self.dosDate))
        #expect(unstamped.memberDate == nil)
        #expect(unstamped.memberWallTime?.description == "2018-07-22 08:00:00")
    }

    @Test("a loose .gz is dated by its MTIME, not by the day it is extracted")
    func looseGzip() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let gz = DeflateEncoder.gzip(Array(Samples.licenseLog.utf8), mtime: UInt32(Self.utc.timeIntervalSince1970))
        let entry = try #require(scratch.open("slm.log.1.gz", gz).bundle.entries.first)
        #expect(entry.memberDate == Self.utc)
    }

    @Test("tar mtimes are UTC seconds")
    func tarMtime() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        var tar = TarBuilder()
        tar.addFile("slm.log", Samples.licenseLog)
        tar.finish()
        let entry = try #require(scratch.open("b.tar", tar.bytes).bundle.entries.first)
        // The builder writes mtime 0o14000000000 (seconds since 1970, UTC).
        #expect(entry.memberDate == Date(timeIntervalSince1970: TimeInterval(0o14000000000)))
        #expect(entry.memberWallTime == nil)
    }
}
