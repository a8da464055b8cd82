import Foundation
import PacketIngest

/// One A query over UDP to a given DNS server, answered through the packet pipeline's DNS parser.
enum DNSServerQuery {
    enum Outcome {
        case answer(LiveWire.DNSAnswer)
        case failed(NonBlockingSocket.Failure)
        case unreadable
    }

    /// Sends the query and waits for the matching response (same id and name) until the deadline; retransmits
    /// once at the halfway point, as stub resolvers do.
    static func ask(_ name: String, server: SocketAddress, seconds: Double) -> Outcome {
        guard let socket = NonBlockingSocket(family: server.family, stream: false) else {
            return .failed(.system("cannot create a UDP socket"))
        }
        let deadline = Deadline(seconds: seconds)
        if let f = socket.connect(to: server, deadline: deadline) { return .failed(f) }
        let id = UInt16.random(in: 1...UInt16.max)
        let query = LiveWire.dnsQuery(name: name, id: id)
        var sentAgain = false
        if let f = socket.send(query, deadline: deadline) { return .failed(f) }
        while true {
            let half = Deadline(seconds: sentAgain ? seconds : seconds / 2)
            let wait = deadline.remainingMilliseconds < half.remainingMilliseconds ? deadline : half
            switch socket.receive(deadline: wait) {
            case .success(let bytes):
                guard let answer = LiveWire.dnsAnswer(bytes) else { return .unreadable }
                if answer.isResponse && answer.id == Int(id) && answer.queryName == name.lowercased() {
                    return .answer(answer)
                }
            case .failure(.timeout) where !sentAgain && !deadline.isPast:
                sentAgain = true
                if let f = socket.send(query, deadline: deadline) { return .failed(f) }
            case .failure(let f):
                return .failed(f)
            }
        }
    }
}
