/// Builds ustar archives in memory for tests, with GNU long names, pax paths, links and devices.
struct TarBuilder {
    private(set) var bytes: [UInt8] = []

    /// Adds a regular file (type '0'); names over 100 bytes need `longName`.
    mutating func addFile(_ name: String, _ data: [UInt8]) { addEntry(name: name, type: "0", data: data) }

    mutating func addFile(_ name: String, _ text: String) { addFile(name, Array(text.utf8)) }

    /// Adds a file whose long name travels in a GNU `L` entry.
    mutating func addGNULongNameFile(_ name: String, _ text: String) {
        addEntry(name: "././@LongLink", type: "L", data: Array(name.utf8) + [0])
        addEntry(name: String(name.prefix(99)), type: "0", data: Array(text.utf8))
    }

    /// Adds a file whose path travels in a pax `x` header.
    mutating func addPaxPathFile(_ name: String, _ text: String) {
        let record = " path=\(name)\n"
        var length = record.utf8.count + 2
        if String(length).count + record.utf8.count != length { length += 1 }
        addEntry(name: "PaxHeaders/x", type: "x", data: Array("\(length)\(record)".utf8))
        addEntry(name: "placeholder-name", type: "0", data: Array(text.utf8))
    }

    mutating func addDirectory(_ name: String) { addEntry(name: name, type: "5", data: []) }

    mutating func addLink(_ name: String, target: String, hard: Bool = false) {
        addEntry(name: name, type: hard ? "1" : "2", data: [], link: target)
    }

    mutating func addDevice(_ name: String) { addEntry(name: name, type: "3", data: []) }
    mutating func addFIFO(_ name: String) { addEntry(name: name, type: "6", data: []) }

    /// Appends the two zero blocks that end an archive.
    mutating func finish() { bytes += [UInt8](repeating: 0, count: 1024) }

    mutating func addEntry(name: String, type: Character, data: [UInt8], link: String = "") {
        var header = [UInt8](repeating: 0, count: 512)
        func put(_ text: String, at offset: Int) {
            for (index, byte) in text.utf8.enumerated() { header[offset + index] = byte }
        }
        put(String(name.prefix(100)), at: 0)
        put("0000644", at: 100)
        put("0000000", at: 108)
        put("0000000", at: 116)
        put(octal(data.count, width: 11), at: 124)
        put("14000000000", at: 136)
        put("        ", at: 148)
        header[156] = type.asciiValue ?? 0x30
        put(String(link.prefix(100)), at: 157)
        put("ustar", at: 257)
        put("00", at: 263)
        let sum = header.reduce(0) { $0 + Int($1) }
        put(octal(sum, width: 6), at: 148)
        header[154] = 0
        header[155] = 0x20
        bytes += header + data
        bytes += [UInt8](repeating: 0, count: (512 - data.count % 512) % 512)
    }

    private func octal(_ value: Int, width: Int) -> String {
        let digits = String(value, radix: 8)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }
}
