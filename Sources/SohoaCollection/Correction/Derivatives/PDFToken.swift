/// One token of PDF syntax, as far as reading sohoa's own PDFs needs: names, numbers, the keyword
/// `R`, brackets and dictionary delimiters; strings are kept whole and not decoded.
enum PDFToken: Equatable {
    case name(String)
    case number(Double)
    case keyword(String)
    case string
    case arrayStart, arrayEnd, dictionaryStart, dictionaryEnd

    /// The tokens of `bytes` from `start`, up to `end` (exclusive).
    static func tokens(_ bytes: [UInt8], from start: Int = 0, to end: Int? = nil) -> [PDFToken] {
        let end = min(end ?? bytes.count, bytes.count)
        var tokens: [PDFToken] = []
        var index = start
        while index < end {
            let byte = bytes[index]
            switch byte {
            case 0x20, 0x0A, 0x0D, 0x09, 0x0C, 0x00:
                index += 1
            case UInt8(ascii: "%"):
                while index < end, bytes[index] != 0x0A, bytes[index] != 0x0D { index += 1 }
            case UInt8(ascii: "["):
                tokens.append(.arrayStart)
                index += 1
            case UInt8(ascii: "]"):
                tokens.append(.arrayEnd)
                index += 1
            case UInt8(ascii: "<") where index + 1 < end && bytes[index + 1] == UInt8(ascii: "<"):
                tokens.append(.dictionaryStart)
                index += 2
            case UInt8(ascii: ">") where index + 1 < end && bytes[index + 1] == UInt8(ascii: ">"):
                tokens.append(.dictionaryEnd)
                index += 2
            case UInt8(ascii: "<"):
                while index < end, bytes[index] != UInt8(ascii: ">") { index += 1 }
                tokens.append(.string)
                index += 1
            case UInt8(ascii: "("):
                index = endOfLiteralString(bytes, from: index, to: end)
                tokens.append(.string)
            case UInt8(ascii: "/"):
                let first = index + 1
                index = first
                while index < end, isRegular(bytes[index]) { index += 1 }
                tokens.append(.name(String(decoding: bytes[first..<index], as: UTF8.self)))
            default:
                let first = index
                index += 1
                while index < end, isRegular(bytes[index]) { index += 1 }
                let word = String(decoding: bytes[first..<index], as: UTF8.self)
                if let value = Double(word) { tokens.append(.number(value)) } else { tokens.append(.keyword(word)) }
            }
        }
        return tokens
    }

    /// The index just past the literal string starting at `start` (balanced parentheses, escapes).
    private static func endOfLiteralString(_ bytes: [UInt8], from start: Int, to end: Int) -> Int {
        var depth = 0, index = start
        while index < end {
            switch bytes[index] {
            case UInt8(ascii: "\\"): index += 1
            case UInt8(ascii: "("): depth += 1
            case UInt8(ascii: ")"):
                depth -= 1
                if depth == 0 { return index + 1 }
            default: break
            }
            index += 1
        }
        return end
    }

    /// Whether `byte` belongs to a name, number or keyword (not white space nor a delimiter).
    static func isRegular(_ byte: UInt8) -> Bool {
        switch byte {
        case 0x20, 0x0A, 0x0D, 0x09, 0x0C, 0x00: false
        case UInt8(ascii: "("), UInt8(ascii: ")"), UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "["), UInt8(ascii: "]"),
            UInt8(ascii: "{"), UInt8(ascii: "}"), UInt8(ascii: "/"), UInt8(ascii: "%"):
            false
        default: true
        }
    }
}

extension [PDFToken] {
    /// The tokens of the value of `key` in the dictionary these tokens are (top level only).
    func value(of key: String) -> ArraySlice<PDFToken>? {
        var depth = 0
        var index = startIndex
        while index < endIndex {
            switch self[index] {
            case .dictionaryStart, .arrayStart: depth += 1
            case .dictionaryEnd, .arrayEnd: depth -= 1
            case .name(let name) where depth == 1 && name == key:
                let first = index + 1
                var end = first, inner = 0
                repeat {
                    guard end < endIndex else { return nil }
                    switch self[end] {
                    case .dictionaryStart, .arrayStart: inner += 1
                    case .dictionaryEnd, .arrayEnd: inner -= 1
                    default: break
                    }
                    end += 1
                } while inner > 0
                // An indirect reference is three tokens: `n 0 R`.
                if end + 1 < endIndex, case .number = self[first], case .keyword("R") = self[end + 1] { end += 2 }
                return self[first..<end]
            default: break
            }
            index += 1
        }
        return nil
    }

    /// The object numbers of the indirect references (`n 0 R`) among these tokens, in order.
    var references: [Int] {
        var numbers: [Int] = []
        for index in indices.dropFirst(2) {
            if case .keyword("R") = self[index], let number = self[(index - 2)...].prefix(1).integer, case .number = self[index - 1] {
                numbers.append(number)
            }
        }
        return numbers
    }
}

extension ArraySlice<PDFToken> {
    /// The integer these tokens are (a single number), else nil.
    var integer: Int? {
        guard count == 1, case .number(let value) = self[startIndex], value == value.rounded(), abs(value) < 1e15 else { return nil }
        return Int(value)
    }

    /// The object numbers of the indirect references among these tokens, in order.
    var references: [Int] { Array(self).references }
}
