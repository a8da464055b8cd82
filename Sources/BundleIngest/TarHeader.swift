import Foundation
import LicensingModel

/// One 512-byte tar header block (v7, POSIX ustar, GNU), checksum-verified.
struct TarHeader {
    /// What the entry is, from its type flag.
    enum Kind: Equatable {
        case regular, directory, symlink, hardlink
        /// A device or FIFO entry: it holds no collected bytes.
        case special(SpecialFile.Kind)
        /// GNU `L`: the data is the next entry's long name; GNU `K`: its long link name.
        case gnuLongName, gnuLongLinkName
        /// pax `x`: extended attributes for the next entry; pax `g`: global attributes.
        case paxExtended, paxGlobal
        /// Any other type flag (GNU sparse `S`, volume label `V`, …).
        case other(Character)
    }

    static let blockSize = 512
    /// Sizes beyond 1 PiB are damage, not data (and keep size arithmetic far from overflow).
    static let maxSize = 1 << 50

    /// The name (ustar prefix and name joined).
    var name: String
    /// The size of the data that follows, in bytes.
    var size: Int
    /// The entry kind.
    var kind: Kind
    /// The link target of links.
    var linkName: String
    /// The modification time (the `mtime` field, seconds since 1970 UTC), nil when absent.
    var modified: Date?

    /// Parses `block`; nil when it is short or its checksum does not match.
    init?(_ block: ArraySlice<UInt8>) {
        guard Self.isHeaderBlock(block), let size = Self.number(block, offset: 124, length: 12), size <= Self.maxSize
        else { return nil }
        let base = block.startIndex
        var name = Self.text(block, offset: 0, length: 100)
        let magic = block[(base + 257)..<(base + 263)]
        if magic.elementsEqual(Array("ustar\u{0}".utf8)) {
            let prefix = Self.text(block, offset: 345, length: 155)
            if !prefix.isEmpty { name = prefix + "/" + name }
        }
        self.name = name
        self.size = size
        self.linkName = Self.text(block, offset: 157, length: 100)
        self.modified = Self.number(block, offset: 136, length: 12).flatMap { $0 > 0 ? Date(timeIntervalSince1970: TimeInterval($0)) : nil }
        self.kind = Self.kind(flag: block[base + 156], name: name)
    }

    /// True for a block of 512 bytes, not all zero, whose header checksum matches (the signed or unsigned sum).
    static func isHeaderBlock(_ block: ArraySlice<UInt8>) -> Bool {
        guard block.count >= blockSize, let stored = number(block, offset: 148, length: 8) else { return false }
        let header = block.prefix(blockSize)
        var unsigned = 0
        var signed = 0
        for (index, byte) in header.enumerated() {
            let value = (148..<156).contains(index) ? 0x20 : byte
            unsigned += Int(value)
            signed += Int(Int8(bitPattern: value))
        }
        return unsigned != 8 * 0x20 && (stored == unsigned || stored == signed)
    }

    /// True for the all-zero block that marks the end of an archive.
    static func isEndBlock(_ block: ArraySlice<UInt8>) -> Bool { block.allSatisfy { $0 == 0 } }

    /// The data size rounded up to whole blocks.
    static func paddedSize(_ size: Int) -> Int { (size + blockSize - 1) / blockSize * blockSize }

    private static func kind(flag: UInt8, name: String) -> Kind {
        switch flag {
        case 0, UInt8(ascii: "0"), UInt8(ascii: "7"): return name.hasSuffix("/") ? .directory : .regular
        case UInt8(ascii: "1"): return .hardlink
        case UInt8(ascii: "2"): return .symlink
        case UInt8(ascii: "3"): return .special(.characterDevice)
        case UInt8(ascii: "4"): return .special(.blockDevice)
        case UInt8(ascii: "5"): return .directory
        case UInt8(ascii: "6"): return .special(.fifo)
        case UInt8(ascii: "L"): return .gnuLongName
        case UInt8(ascii: "K"): return .gnuLongLinkName
        case UInt8(ascii: "x"): return .paxExtended
        case UInt8(ascii: "g"): return .paxGlobal
        default: return .other(Character(Unicode.Scalar(flag)))
        }
    }

    /// A NUL-terminated text field.
    static func text(_ block: ArraySlice<UInt8>, offset: Int, length: Int) -> String {
        guard let field = block.bytes(at: offset, length: length) else { return "" }
        return String(decoding: field.prefix { $0 != 0 }, as: UTF8.self)
    }

    /// An octal (space/NUL terminated) or GNU base-256 numeric field; nil when malformed or negative.
    static func number(_ block: ArraySlice<UInt8>, offset: Int, length: Int) -> Int? {
        guard let field = block.bytes(at: offset, length: length), let first = field.first else { return nil }
        if first & 0x80 != 0 {
            guard first == 0x80 else { return nil }
            var value = 0
            for byte in field.dropFirst() {
                guard value <= (Int.max >> 8) else { return nil }
                value = (value << 8) | Int(byte)
            }
            return value
        }
        var value = 0
        var digits = 0
        for byte in field.drop(while: { $0 == 0x20 }) {
            if byte == 0 || byte == 0x20 { break }
            guard (0x30...0x37).contains(byte), value <= (Int.max >> 3) else { return nil }
            value = value * 8 + Int(byte - 0x30)
            digits += 1
        }
        return digits == 0 && field.contains(where: { $0 != 0 && $0 != 0x20 }) ? nil : value
    }
}

/// pax extended header records (`"%d %s=%s\n"`), keeping the keys that change how an entry is read.
struct PaxAttributes {
    var path: String?
    var linkPath: String?
    var size: Int?

    /// Parses records; malformed records end parsing (the attributes read so far are kept).
    init(_ data: [UInt8]) {
        var rest = data[...]
        while let space = rest.firstIndex(of: 0x20) {
            guard let length = Int(String(decoding: rest[rest.startIndex..<space], as: UTF8.self)), length > 0,
                length <= rest.count, space + 1 <= rest.startIndex + length
            else { return }
            let record = rest[(space + 1)..<(rest.startIndex + length)]
            rest = rest.dropFirst(length)
            guard let equals = record.firstIndex(of: UInt8(ascii: "=")) else { continue }
            let key = String(decoding: record[record.startIndex..<equals], as: UTF8.self)
            var value = record[(equals + 1)...]
            if value.last == 0x0a { value = value.dropLast() }
            let text = String(decoding: value, as: UTF8.self)
            switch key {
            case "path": path = text
            case "linkpath": linkPath = text
            case "size": size = Int(text).flatMap { (0...TarHeader.maxSize).contains($0) ? $0 : nil }
            default: break
            }
        }
    }
}
