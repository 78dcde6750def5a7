import Foundation

/// Decodes a register file's bytes: UTF-8 (a BOM is dropped), UTF-16 with a BOM (converted); anything
/// else is refused with the first bad byte's line, because guessing a legacy code page (Windows-1258,
/// TCVN3, VNI) would silently garble Vietnamese.
enum RegisterText {
    static func decode(_ data: Data, file: String) throws(HoldingsImportError) -> (text: String, encoding: String) {
        let bytes = [UInt8](data)
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
            guard let text = String(data: data, encoding: .utf16) else {
                throw HoldingsImportError(
                    file: file, message: "starts with a UTF-16 byte-order mark but is not valid UTF-16; save it again as CSV UTF-8")
            }
            return (text, "UTF-16 (converted)")
        }
        let body = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? Array(bytes.dropFirst(3)) : bytes
        if let text = String(validating: body, as: UTF8.self) { return (text, "UTF-8") }
        let (offset, line) = firstInvalidUTF8(body)
        throw HoldingsImportError(
            file: file,
            message: String(
                format: "is not UTF-8 (byte 0x%02X at line %d, offset %d); it is probably in a legacy Vietnamese encoding "
                    + "(Windows-1258, TCVN3 or VNI). Save it as \"CSV UTF-8\" (Excel, LibreOffice) or convert it "
                    + "(e.g. iconv -f CP1258 -t UTF-8), then import again", body[offset], line, offset))
    }

    /// The offset and 1-based line of the first byte that is not part of valid UTF-8.
    static func firstInvalidUTF8(_ bytes: [UInt8]) -> (offset: Int, line: Int) {
        var index = 0
        var line = 1
        while index < bytes.count {
            let byte = bytes[index]
            let length: Int
            switch byte {
            case 0x00...0x7F: length = 1
            case 0xC2...0xDF: length = 2
            case 0xE0...0xEF: length = 3
            case 0xF0...0xF4: length = 4
            default: return (index, line)
            }
            if index + length > bytes.count { return (index, line) }
            if length > 1, String(validating: bytes[index..<(index + length)], as: UTF8.self) == nil { return (index, line) }
            if byte == 0x0A { line += 1 }
            index += length
        }
        return (max(0, bytes.count - 1), line)
    }
}
