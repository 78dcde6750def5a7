import Foundation

/// One 512-byte POSIX ustar header, written and read; longer paths and sizes go in a pax record
/// (`x` entry) before it.
struct TarHeader: Equatable {
    static let blockSize = 512

    enum Kind: UInt8 {
        case file = 0x30  // "0"
        case directory = 0x35  // "5"
        case paxExtended = 0x78  // "x"
    }

    var path: String
    var size: Int64
    var kind: Kind
    var mode: Int

    /// The ustar block for this entry; `name` and `prefix` as given (the caller has checked they fit).
    static func block(name: [UInt8], prefix: [UInt8], size: Int64, type: UInt8, mode: Int) -> [UInt8] {
        var block = [UInt8](repeating: 0, count: blockSize)
        func put(_ bytes: [UInt8], at offset: Int) {
            for (i, byte) in bytes.enumerated() { block[offset + i] = byte }
        }
        func octal(_ value: Int64, width: Int) -> [UInt8] {
            Array(String(String(value, radix: 8).suffix(width - 1)).leftPadded(to: width - 1).utf8) + [0]
        }
        put(name, at: 0)
        put(octal(Int64(mode), width: 8), at: 100)
        put(octal(0, width: 8), at: 108)
        put(octal(0, width: 8), at: 116)
        put(octal(size, width: 12), at: 124)
        put(octal(0, width: 12), at: 136)
        put(Array(repeating: 0x20, count: 8), at: 148)
        block[156] = type
        put(Array("ustar".utf8) + [0], at: 257)
        put(Array("00".utf8), at: 263)
        put(Array("root".utf8), at: 265)
        put(Array("root".utf8), at: 297)
        put(prefix, at: 345)
        let sum = block.reduce(0) { $0 + Int($1) }
        put(Array(String(String(sum, radix: 8)).leftPadded(to: 6).utf8) + [0, 0x20], at: 148)
        return block
    }

    /// Reads the fields of a header block; nil when its checksum is wrong.
    static func parse(_ block: [UInt8]) -> (name: String, prefix: String, size: Int64?, type: UInt8, isUstar: Bool)? {
        guard block.count == blockSize else { return nil }
        var unsigned = 0
        for (i, byte) in block.enumerated() { unsigned += (148..<156).contains(i) ? 0x20 : Int(byte) }
        guard let stored = number(block[148..<156]), stored == Int64(unsigned) else { return nil }
        let isUstar = Array(block[257..<262]) == Array("ustar".utf8)
        return (
            text(block[0..<100]), isUstar ? text(block[345..<500]) : "", number(block[124..<136]), block[156], isUstar
        )
    }

    /// A NUL-terminated text field.
    static func text(_ field: ArraySlice<UInt8>) -> String {
        String(decoding: field.prefix { $0 != 0 }, as: UTF8.self)
    }

    /// An octal number field (spaces and NULs around it); nil when it holds anything else.
    static func number(_ field: ArraySlice<UInt8>) -> Int64? {
        let digits = field.drop { $0 == 0x20 || $0 == 0 }.prefix { $0 != 0x20 && $0 != 0 }
        guard !digits.isEmpty, digits.allSatisfy({ (0x30...0x37).contains($0) }) else { return digits.isEmpty ? 0 : nil }
        return Int64(String(decoding: digits, as: UTF8.self), radix: 8)
    }

    /// One pax record, `"<length> <key>=<value>\n"`, its length counting itself.
    static func paxRecord(_ key: String, _ value: String) -> [UInt8] {
        let body = " \(key)=\(value)\n"
        var length = body.utf8.count + 1
        while String(length).utf8.count + body.utf8.count != length { length += 1 }
        return Array("\(length)\(body)".utf8)
    }

    /// The records of a pax extended header.
    static func paxRecords(_ data: [UInt8]) -> [String: String]? {
        var records: [String: String] = [:]
        var rest = data[...]
        while !rest.isEmpty {
            guard let space = rest.firstIndex(of: 0x20), let length = Int(String(decoding: rest[..<space], as: UTF8.self)),
                length > 0, length <= rest.count
            else { return nil }
            let record = rest.prefix(length)
            rest = rest.dropFirst(length)
            guard record.last == 0x0A, let equals = record.firstIndex(of: 0x3D), equals > space else { return nil }
            let key = String(decoding: record[(space + 1)..<equals], as: UTF8.self)
            records[key] = String(decoding: record[(equals + 1)..<(record.endIndex - 1)], as: UTF8.self)
        }
        return records
    }
}

extension String {
    fileprivate func leftPadded(to width: Int) -> String {
        count >= width ? self : String(repeating: "0", count: width - count) + self
    }
}
