/// The white-space-separated tokens of a text, found by reading its UTF-8 bytes: white space is what
/// Unicode calls White_Space (ASCII space and tab to carriage return, and the twelve others beyond
/// ASCII), so no scalar's properties are looked up.
enum WhiteSpaceTokens {
    /// Calls `body` with each token's number (from 0) and range in `text`, in order; returns how many there are.
    @discardableResult
    static func forEach(in text: String, _ body: (Int, Range<String.Index>) -> Void) -> Int {
        var offsets: [Range<Int>] = []
        var copy = text
        copy.withUTF8 { bytes in
            var start: Int?
            var index = 0
            while index < bytes.count {
                let length = spaceLength(bytes, at: index)
                if length > 0 {
                    if let tokenStart = start { offsets.append(tokenStart..<index) }
                    start = nil
                    index += length
                } else {
                    if start == nil { start = index }
                    index += 1
                }
            }
            if let tokenStart = start { offsets.append(tokenStart..<bytes.count) }
        }
        let utf8 = text.utf8
        for (number, range) in offsets.enumerated() {
            let lower = utf8.index(utf8.startIndex, offsetBy: range.lowerBound)
            let upper = utf8.index(lower, offsetBy: range.count)
            body(number, lower..<upper)
        }
        return offsets.count
    }

    /// The length in bytes of the white-space scalar starting at `index`, 0 when it is none.
    private static func spaceLength(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Int {
        let byte = bytes[index]
        if byte < 0x80 { return byte == 0x20 || (0x09...0x0D).contains(byte) ? 1 : 0 }
        let rest = bytes.count - index
        switch byte {
        case 0xC2 where rest >= 2:  // U+0085, U+00A0
            return bytes[index + 1] == 0x85 || bytes[index + 1] == 0xA0 ? 2 : 0
        case 0xE1 where rest >= 3:  // U+1680
            return bytes[index + 1] == 0x9A && bytes[index + 2] == 0x80 ? 3 : 0
        case 0xE2 where rest >= 3:  // U+2000–U+200A, U+2028, U+2029, U+202F, U+205F
            let (second, third) = (bytes[index + 1], bytes[index + 2])
            if second == 0x80 { return (0x80...0x8A).contains(third) || third == 0xA8 || third == 0xA9 || third == 0xAF ? 3 : 0 }
            return second == 0x81 && third == 0x9F ? 3 : 0
        case 0xE3 where rest >= 3:  // U+3000
            return bytes[index + 1] == 0x80 && bytes[index + 2] == 0x80 ? 3 : 0
        default:
            return 0
        }
    }
}
