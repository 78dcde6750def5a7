import Foundation

/// Reads MARC 21 records in ISO 2709 (`.mrc`): leader, directory, fields. A record whose structure
/// is broken is rejected with its number and the reader moves on to the next record terminator.
enum MARCReader {
    static let recordTerminator: UInt8 = 0x1D
    static let fieldTerminator: UInt8 = 0x1E
    static let subfieldDelimiter: UInt8 = 0x1F

    /// One record's outcome: the record (with a note when its encoding was converted or guessed), or why it was rejected.
    enum Outcome {
        case record(MARCRecord, encoding: String, warning: String?)
        case rejected(String)
    }

    /// The records of `data`, numbered from 1, in file order.
    static func read(_ data: Data) -> [Outcome] {
        let bytes = [UInt8](data)
        var outcomes: [Outcome] = []
        var start = 0
        while start < bytes.count {
            // Skip line breaks some tools put between records.
            if bytes[start] == 0x0A || bytes[start] == 0x0D {
                start += 1
                continue
            }
            let end = bytes[start...].firstIndex(of: recordTerminator) ?? bytes.count
            outcomes.append(parse(Array(bytes[start..<min(end + 1, bytes.count)]), terminated: end < bytes.count))
            start = end + 1
        }
        return outcomes
    }

    static func parse(_ bytes: [UInt8], terminated: Bool) -> Outcome {
        guard bytes.count >= 24, let length = number(bytes[0..<5]), let base = number(bytes[12..<17]) else {
            return .rejected("the leader (first 24 bytes) is missing or its record length / base address are not digits")
        }
        guard terminated else { return .rejected("the record has no record terminator (0x1D): the file is cut short") }
        guard length == bytes.count else {
            return .rejected("the leader gives a length of \(length) bytes but the record has \(bytes.count)")
        }
        guard base > 24, base <= bytes.count, bytes[base - 1] == fieldTerminator else {
            return .rejected("the base address \(base) does not point just after the directory")
        }
        let leader = String(decoding: bytes[0..<24], as: UTF8.self)
        let declaredUnicode = bytes[9] == UInt8(ascii: "a")
        let directory = bytes[24..<(base - 1)]
        guard directory.count % 12 == 0 else { return .rejected("the directory's length (\(directory.count)) is not a multiple of 12") }
        var fields: [(tag: String, data: ArraySlice<UInt8>)] = []
        for entryStart in stride(from: directory.startIndex, to: directory.endIndex, by: 12) {
            let entry = directory[entryStart..<(entryStart + 12)]
            let tag = String(decoding: entry.prefix(3), as: UTF8.self)
            guard let fieldLength = number(entry.dropFirst(3).prefix(4)), let fieldStart = number(entry.suffix(5)) else {
                return .rejected("directory entry for tag \(tag) has non-digit length or position")
            }
            let from = base + fieldStart
            let to = from + fieldLength
            guard fieldLength > 0, to <= bytes.count - 1, bytes[to - 1] == fieldTerminator else {
                return .rejected("field \(tag) lies outside the record or does not end with a field terminator")
            }
            fields.append((tag, bytes[from..<(to - 1)]))
        }
        let allBytes = fields.flatMap { Array($0.data) }
        let isUTF8 = String(validating: allBytes, as: UTF8.self) != nil
        let hasHighBytes = allBytes.contains { $0 >= 0x80 }
        let useUTF8: Bool
        var encoding = "UTF-8"
        var warning: String? = nil
        if declaredUnicode {
            guard isUTF8 else {
                return .rejected(
                    "leader/09 says UTF-8 (a) but the record is not valid UTF-8; check the export settings of the library system")
            }
            useUTF8 = true
        } else if hasHighBytes && isUTF8 && !allBytes.contains(0x1B) {
            useUTF8 = true
            encoding = "UTF-8 (leader says MARC-8)"
            warning = "leader/09 says MARC-8 but the record is valid UTF-8; read as UTF-8"
        } else {
            useUTF8 = false
            encoding = hasHighBytes ? "MARC-8 (converted)" : "MARC-8 (ASCII only)"
        }
        func text(_ data: ArraySlice<UInt8>) throws(MARC8.Unsupported) -> String {
            useUTF8 ? String(decoding: data, as: UTF8.self).precomposedStringWithCanonicalMapping : try MARC8.decode(data)
        }
        var record = MARCRecord(leader: leader)
        do {
            for (tag, data) in fields {
                if tag.hasPrefix("00") {
                    record.controlFields.append((tag, try text(data)))
                    continue
                }
                let indicators = String(decoding: data.prefix(2), as: UTF8.self)
                var subfields: [(code: Character, value: String)] = []
                for chunk in data.dropFirst(2).split(separator: subfieldDelimiter, omittingEmptySubsequences: true) {
                    guard let code = chunk.first else { continue }
                    subfields.append((Character(UnicodeScalar(code)), try text(chunk.dropFirst())))
                }
                record.dataFields.append(.init(tag: tag, indicators: indicators, subfields: subfields))
            }
        } catch {
            return .rejected(error.message)
        }
        return .record(record, encoding: encoding, warning: warning)
    }

    static func number(_ bytes: some Collection<UInt8>) -> Int? {
        guard !bytes.isEmpty, bytes.allSatisfy({ (0x30...0x39).contains($0) }) else { return nil }
        return Int(String(decoding: bytes, as: UTF8.self))
    }
}
