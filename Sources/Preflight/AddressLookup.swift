import Foundation

/// One blocking `getaddrinfo` call, as `SystemResolver` runs it on its own thread.
enum AddressLookup {
    /// The addresses of `name` (IPv4 first), or the resolver's error.
    @Sendable static func resolve(_ name: String) -> SystemResolver.Outcome {
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
