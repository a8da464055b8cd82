import Foundation
import PacketIngest
import Testing

/// Real servers on 127.0.0.1 for the pre-flight tests, each on a free high port.
enum LoopbackServers {
    static let fixtures = Bundle.module.url(forResource: "Fixtures", withExtension: nil)!.path

    /// A port that was free a moment ago (bound to 127.0.0.1:0, then released).
    static func freePort(udp: Bool = false) -> Int {
        let (fd, port) = bound(Int32(udp ? SOCK_DGRAM.rawValue : SOCK_STREAM.rawValue))
        close(fd)
        return port
    }

    static func loopback(port: Int, address: String = "127.0.0.1") -> sockaddr_in {
        var sa = sockaddr_in()
        sa.sin_family = sa_family_t(AF_INET)
        sa.sin_port = in_port_t(UInt16(port).bigEndian)
        inet_pton(AF_INET, address, &sa.sin_addr)
        return sa
    }

    /// Waits until something accepts TCP connections on the port; throws after `seconds`.
    static func waitForTCP(_ port: Int, process: LoopbackProcess, seconds: Double = 10) throws {
        let end = Date().addingTimeInterval(seconds)
        while Date() < end {
            let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
            var sa = loopback(port: port)
            let rc = withUnsafePointer(to: &sa) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) } }
            close(fd)
            if rc == 0 { return }
            guard process.isRunning else { throw ServerError(message: "\(process.name) exited: \(process.log)") }
            usleep(50_000)
        }
        throw ServerError(message: "\(process.name) did not listen on 127.0.0.1:\(port) within \(seconds) s: \(process.log)")
    }

    /// Waits until a DNS server answers a query on the UDP port.
    static func waitForDNS(_ port: Int, process: LoopbackProcess, seconds: Double = 10) throws {
        let end = Date().addingTimeInterval(seconds)
        let fd = socket(AF_INET, Int32(SOCK_DGRAM.rawValue), 0)
        defer { close(fd) }
        var timeout = timeval(tv_sec: 0, tv_usec: 100_000)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        var sa = loopback(port: port)
        _ = withUnsafePointer(to: &sa) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) } }
        let query = LiveWire.dnsQuery(name: "tools.cisco.com", id: 7)
        var buffer = [UInt8](repeating: 0, count: 512)
        while Date() < end {
            _ = query.withUnsafeBytes { send(fd, $0.baseAddress, $0.count, 0) }
            if buffer.withUnsafeMutableBytes({ recv(fd, $0.baseAddress, $0.count, 0) }) > 0 { return }
            guard process.isRunning else { throw ServerError(message: "\(process.name) exited: \(process.log)") }
            usleep(50_000)
        }
        throw ServerError(message: "\(process.name) did not answer DNS on 127.0.0.1:\(port): \(process.log)")
    }

    struct ServerError: Error, CustomStringConvertible {
        var message: String
        var description: String { message }
    }

    /// The python HTTPS server (fixture `tls_http_server.py`) with `credentials`, its Date shifted by `dateOffset`.
    static func tls(_ credentials: TestPKI.Credentials, dateOffset: Int = 0) throws -> (LoopbackProcess, Int) {
        let port = freePort()
        let server = try LoopbackProcess("python3", [
            "\(fixtures)/tls_http_server.py", String(port), credentials.chain, credentials.key, String(dateOffset),
        ])
        try waitForTCP(port, process: server)
        return (server, port)
    }

    /// tinyproxy in the foreground with a per-test configuration: CONNECT allowed to `connectPort` only, Basic
    /// authentication when `auth` is given.
    static func tinyproxy(connectPort: Int, auth: (String, String)? = nil) throws -> (LoopbackProcess, Int) {
        let port = freePort()
        let conf = FileManager.default.temporaryDirectory.appendingPathComponent("licscope-tinyproxy-\(port).conf").path
        var text = """
            Port \(port)
            Listen 127.0.0.1
            Timeout 10
            Allow 127.0.0.1
            ConnectPort \(connectPort)
            MaxClients 20
            LogLevel Info

            """
        if let (user, password) = auth { text += "BasicAuth \(user) \(password)\n" }
        try text.write(toFile: conf, atomically: true, encoding: .utf8)
        let proxy = try LoopbackProcess("tinyproxy", ["-d", "-c", conf])
        defer { try? FileManager.default.removeItem(atPath: conf) }  // read at start-up; not needed once it listens
        try waitForTCP(port, process: proxy)
        return (proxy, port)
    }

    /// dnsmasq answering tools.cisco.com with 127.0.0.1 and NXDOMAIN for smartreceiver.cisco.com; no upstream.
    /// `localhost` (which the system resolver answers from /etc/hosts, without leaving the machine) is answered
    /// with `localhost` when given, "" meaning NXDOMAIN.
    static func dnsmasq(localhost: String? = nil) throws -> (LoopbackProcess, Int) {
        let port = freePort(udp: true)
        let dns = try LoopbackProcess("dnsmasq", [
            "-k", "--no-daemon", "--port=\(port)", "--listen-address=127.0.0.1", "--bind-interfaces", "--no-resolv",
            "--no-hosts", "--user=root", "--pid-file=", "--address=/tools.cisco.com/127.0.0.1",
            "--address=/smartreceiver.cisco.com/",
        ] + (localhost.map { ["--address=/localhost/\($0)"] } ?? []))
        try waitForDNS(port, process: dns)
        return (dns, port)
    }

    /// A listening socket nobody accepts from or speaks on: connections complete, then silence.
    static func silentListener() -> (fd: Int32, port: Int) {
        let (fd, port) = bound(Int32(SOCK_STREAM.rawValue))
        listen(fd, 16)
        return (fd, port)
    }

    /// A socket of `type` bound to 127.0.0.1 on a free port.
    static func bound(_ type: Int32) -> (fd: Int32, port: Int) {
        let fd = socket(AF_INET, type, 0)
        var sa = loopback(port: 0)
        _ = withUnsafePointer(to: &sa) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) } }
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &sa) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) } }
        return (fd, Int(UInt16(bigEndian: sa.sin_port)))
    }

    /// A listening socket with backlog 0 whose accept queue is filled first: later SYNs get no answer.
    static func fullBacklogListener() -> (fds: [Int32], port: Int) {
        let (fd, port) = bound(Int32(SOCK_STREAM.rawValue))
        listen(fd, 0)
        var fds = [fd]
        for _ in 0..<4 {
            let c = socket(AF_INET, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_NONBLOCK.rawValue), 0)
            var target = loopback(port: port)
            _ = withUnsafePointer(to: &target) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(c, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) } }
            fds.append(c)
        }
        usleep(100_000)
        return (fds, port)
    }
}

extension LoopbackServers {
    /// A bound UDP socket that never answers (a DNS server that drops queries).
    static func silentUDP() -> (fd: Int32, port: Int) { bound(Int32(SOCK_DGRAM.rawValue)) }
}
