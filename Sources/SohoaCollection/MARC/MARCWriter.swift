import Foundation

/// Writes MARC 21 records in ISO 2709 (`.mrc`), UTF-8 (leader/09 = `a`): leader, directory, fields.
/// Every length and position is counted in bytes, so Vietnamese text (two or three bytes a letter)
/// is counted right; `MARCReader` reads the result back.
public enum MARCWriter {
    /// The largest record the leader's five digits can give.
    public static let maximumRecordLength = 99_999
    /// The largest field a directory entry's four digits can give.
    public static let maximumFieldLength = 9_999

    /// The records one after another, as a `.mrc` file holds them.
    public static func data(_ records: [MARCRecord]) throws(MARCWriteError) -> Data {
        var data = Data()
        for record in records { data.append(try self.data(record)) }
        return data
    }

    /// One record: its leader (with the record length and base address set), directory and fields.
    public static func data(_ record: MARCRecord) throws(MARCWriteError) -> Data {
        let layout = try Layout(record)
        var bytes = Array(layout.leader.utf8)
        var position = 0
        for (tag, field) in layout.fields {
            bytes += Array(tag.utf8) + digits(field.count, 4) + digits(position, 5)
            position += field.count
        }
        bytes.append(MARCReader.fieldTerminator)
        for (_, field) in layout.fields { bytes += field }
        bytes.append(MARCReader.recordTerminator)
        return Data(bytes)
    }

    /// The leader as written for `record`: record length (0–4) and base address of data (12–16)
    /// computed, character coding `a`, indicator and subfield code counts `22`, entry map `4500`.
    public static func leader(for record: MARCRecord) throws(MARCWriteError) -> String {
        try Layout(record).leader
    }

    /// A record's fields as bytes, and the leader that goes with them.
    private struct Layout {
        var fields: [(tag: String, bytes: [UInt8])] = []
        var leader: String

        init(_ record: MARCRecord) throws(MARCWriteError) {
            let name = record.control("001") ?? "?"
            func refuse(_ problem: String) -> MARCWriteError { MARCWriteError(record: name, problem: problem) }
            var leader = Array(record.leader.unicodeScalars)
            guard leader.count == 24, leader.allSatisfy(\.isASCII) else {
                throw refuse("the leader must be 24 ASCII characters, got '\(record.leader)'")
            }
            for (tag, value) in record.controlFields {
                guard tag.utf8.count == 3, tag.hasPrefix("00") else { throw refuse("'\(tag)' is not a control field tag") }
                fields.append((tag, try MARCWriter.bytes(value, in: tag, refuse) + [MARCReader.fieldTerminator]))
            }
            for field in record.dataFields {
                guard field.tag.utf8.count == 3, field.tag.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber) }),
                    !field.tag.hasPrefix("00")
                else { throw refuse("'\(field.tag)' is not a data field tag") }
                guard field.indicators.unicodeScalars.count == 2, field.indicators.allSatisfy({ $0.isASCII && !$0.isNewline }) else {
                    throw refuse("field \(field.tag) has indicators '\(field.indicators)' (two ASCII characters expected)")
                }
                var bytes = Array(field.indicators.utf8)
                for (code, value) in field.subfields {
                    guard code.isASCII, code.isLetter || code.isNumber else {
                        throw refuse("field \(field.tag) has subfield code '\(code)' (a letter or digit expected)")
                    }
                    bytes.append(MARCReader.subfieldDelimiter)
                    bytes += Array(String(code).utf8) + (try MARCWriter.bytes(value, in: field.tag, refuse))
                }
                bytes.append(MARCReader.fieldTerminator)
                fields.append((field.tag, bytes))
            }
            for (tag, bytes) in fields where bytes.count > MARCWriter.maximumFieldLength {
                throw refuse("field \(tag) is \(bytes.count) bytes (at most \(MARCWriter.maximumFieldLength))")
            }
            let base = 24 + 12 * fields.count + 1
            let length = base + fields.reduce(0) { $0 + $1.bytes.count } + 1
            guard length <= MARCWriter.maximumRecordLength else {
                throw refuse("the record is \(length) bytes (at most \(MARCWriter.maximumRecordLength))")
            }
            let set = { (text: String, at: Int) in
                for (offset, scalar) in text.unicodeScalars.enumerated() { leader[at + offset] = scalar }
            }
            set(String(decoding: MARCWriter.digits(length, 5), as: UTF8.self), 0)
            set("a22", 9)
            set(String(decoding: MARCWriter.digits(base, 5), as: UTF8.self), 12)
            set("4500", 20)
            self.leader = String(String.UnicodeScalarView(leader))
        }
    }

    /// `value` as UTF-8 (NFC); refused when it holds a character that ends a field or subfield.
    private static func bytes(
        _ value: String, in tag: String, _ refuse: (String) -> MARCWriteError
    ) throws(MARCWriteError) -> [UInt8] {
        let bytes = Array(value.precomposedStringWithCanonicalMapping.utf8)
        let delimiters: Set<UInt8> = [MARCReader.recordTerminator, MARCReader.fieldTerminator, MARCReader.subfieldDelimiter]
        guard !bytes.contains(where: delimiters.contains) else {
            throw refuse("field \(tag) holds a MARC delimiter character (0x1D, 0x1E or 0x1F)")
        }
        return bytes
    }

    /// `number` as `width` ASCII digits, zero-padded.
    private static func digits(_ number: Int, _ width: Int) -> [UInt8] {
        let text = String(number)
        return Array((String(repeating: "0", count: max(0, width - text.count)) + text).utf8)
    }
}
