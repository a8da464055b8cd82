import Foundation
import LicensingModel
import Testing
@testable import TextIngest

/// `utils ntp status`: the public layouts read into events (state, peers, offsets, stratum), never a verdict.
@Suite struct NtpStatusReaderTests {
    static func text(_ name: String) throws -> String {
        let url = Bundle.module.url(forResource: name, withExtension: nil, subdirectory: "Fixtures/ntp")
            ?? Bundle.module.bundleURL.appendingPathComponent("Fixtures/ntp/\(name)")
        return try String(contentsOf: url, encoding: .utf8)
    }

    @Test("the community article's synchronised output: state, server, stratum, the * peer's offset")
    func synchronised() throws {
        let outputs = NtpStatusReader.read(try Self.text("cucm-synchronised.txt"))
        let o = try #require(outputs.first)
        #expect(outputs.count == 1)
        #expect(o.ntpdPid == 26049)
        #expect(o.synchronised == true)
        #expect(o.server == "172.18.108.15")
        #expect(o.stratum == 2)
        #expect(o.correctWithinMs == 22)
        #expect(o.pollingSeconds == 1024)
        #expect(!o.restarting)
        #expect(o.problems.isEmpty)
        let peer = try #require(o.peers.first)
        #expect(peer.selected && peer.remote == "172.18.108.15" && peer.refid == ".GPS." && peer.stratum == 1)
        #expect(peer.type == "u" && peer.when == "538" && peer.poll == 1024 && peer.reach == "377")
        #expect(peer.delayMs == 262.732 && peer.offsetMs == 0.044 && peer.jitterMs == 0.006)
        #expect(peer.line == 6)

        let (events, problems) = NtpStatusReader.events(text: try Self.text("cucm-synchronised.txt"), path: "ntp.txt")
        #expect(problems.isEmpty)
        let status = try #require(events.first { $0.kind == .ntpStatus })
        #expect(status.time == nil)
        #expect(status.source.description == "ntp.txt:9")
        #expect(status.fields["state"] == .string("synchronised"))
        #expect(status.fields["synchronised"] == .bool(true))
        #expect(status.fields["stratum"] == .int(2))
        #expect(status.fields["offset_ms"] == .double(0.044))
        #expect(status.fields["offset_peer"] == .string("172.18.108.15"))
        #expect(status.excerpt == "synchronised to NTP server (172.18.108.15) at stratum 2")
        #expect(events.filter { $0.kind == .ntpPeer }.map(\.source.description) == ["ntp.txt:6"])
        // Events, not verdicts: no field judges the offset.
        #expect(!status.fields.keys.contains { $0.contains("large") || $0.contains("ok") })
    }

    @Test("Cisco 118718's unsynchronised output: no peer in use, the offset heard from the only peer")
    func unsynchronised() throws {
        let (events, problems) = NtpStatusReader.events(text: try Self.text("cucm-unsynchronised.txt"), path: "u.txt")
        #expect(problems.isEmpty)
        let status = try #require(events.first { $0.kind == .ntpStatus })
        #expect(status.source.description == "u.txt:6")
        #expect(status.fields["state"] == .string("unsynchronised"))
        #expect(status.fields["synchronised"] == .bool(false))
        #expect(status.fields["restarting"] == .bool(true))
        #expect(status.fields["polling_seconds"] == .int(64))
        #expect(status.fields["selected_peer"] == nil)
        #expect(status.fields["offset_ms"] == .double(492.965))
        let peer = try #require(events.first { $0.kind == .ntpPeer })
        #expect(peer.fields["refid"] == .string(".INIT.") && peer.fields["selected"] == .bool(false))
        #expect(peer.fields["tally"] == .string(""))
    }

    @Test("text without a status output is not recognised and yields nothing")
    func negative() throws {
        let text = try Self.text("not-ntp-status.txt")
        #expect(!NtpStatusReader.mentionsNtpStatus(text))
        #expect(NtpStatusReader.read(text).isEmpty)
        #expect(NtpStatusReader.events(text: text, path: "x").events.isEmpty)
        // A show license output is not an NTP status either.
        let license = "Smart Licensing Status\nRegistration:\n  Status: REGISTERED\n"
        #expect(NtpStatusReader.read(license).isEmpty)
    }

    @Test("damaged rows: unreadable numbers and short rows are problems with their line; a wrapped name is joined")
    func damagedRows() throws {
        let (events, problems) = NtpStatusReader.events(text: try Self.text("damaged-rows.txt"), path: "d.txt")
        #expect(problems.map(\.description) == ["line 6: ntpq row not read", "line 10: ntpq row not read"])
        let peers = events.filter { $0.kind == .ntpPeer }
        #expect(peers.map(\.source.description) == ["d.txt:7", "d.txt:9"])
        #expect(peers[0].fields["remote"] == .string("ntp-secondary-long-name.example.net"))
        #expect(peers[0].fields["tally"] == .string("+"))
        #expect(peers[0].fields["offset_ms"] == .double(-41335))
        #expect(peers[1].fields["stratum"] == .int(16) && peers[1].fields["when"] == .string("-"))
        let status = try #require(events.first { $0.kind == .ntpStatus })
        // The * row could not be read: the offset is the furthest one among peers heard from.
        #expect(status.fields["offset_ms"] == .double(-41335))
        #expect(status.fields["offset_abs_ms"] == .double(41335))
        #expect(status.fields["synchronised"] == .bool(true))
    }

    @Test("an output cut inside the table: the status is unknown, the cut row a problem")
    func truncated() throws {
        let (events, problems) = NtpStatusReader.events(text: try Self.text("truncated.txt"), path: "t.txt")
        #expect(problems.map(\.description) == ["line 6: ntpq row not read"])
        let status = try #require(events.first { $0.kind == .ntpStatus })
        #expect(status.fields["state"] == .string("unknown"))
        #expect(status.fields["synchronised"] == nil)
        #expect(status.source.description == "t.txt:1")
        #expect(!events.contains { $0.kind == .ntpPeer })
    }

    @Test("two outputs in one transcript are two statuses; absurd input never traps")
    func twoOutputsAndGarbage() throws {
        let sync = try Self.text("cucm-synchronised.txt"), unsync = try Self.text("cucm-unsynchronised.txt")
        let outputs = NtpStatusReader.read(sync + unsync)
        #expect(outputs.map(\.synchronised) == [true, false])
        #expect(outputs.map(\.firstLine) == [1, 13])
        let garbage = "ntpd (pid 99999999999999999999) is running...\nsynchronised to NTP server ( at stratum 9999999999999\n"
            + String(repeating: "x", count: 10_000) + "\npolling server every -1 s\n"
            + "remote refid st t when poll reach delay offset jitter\n*a b 1 u 1 1 1 1e308 inf nan\n"
        let g = NtpStatusReader.read(garbage)
        #expect(g.first?.synchronised == true)
        #expect(g.first?.server == nil)
        #expect(g.first?.stratum == 999_999_999)
        // The table after it holds only a row of absurd numbers: no output of its own.
        #expect(g.count == 1)
    }
}
