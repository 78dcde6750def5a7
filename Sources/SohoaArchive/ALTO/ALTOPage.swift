import Foundation

/// The recognized words of one page as an ALTO document holds them (sohoa's own, or one from a bag):
/// the page's size (master pixels) and its blocks, lines and words with their boxes and confidences.
/// Read-only; the one ALTO reader: a page shown for review and revised word by word, and the lines of
/// IIIF annotations.
public struct ALTOPage: Sendable, Equatable {
    /// A rectangle in master pixels.
    public struct Box: Sendable, Equatable {
        public var x: Int
        public var y: Int
        public var width: Int
        public var height: Int

        public init(x: Int, y: Int, width: Int, height: Int) {
            self.x = x
            self.y = y
            self.width = width
            self.height = height
        }

        /// The right edge (`x + width`).
        public var right: Int { x + width }

        /// No box (0 × 0 at the origin).
        static let empty = Box(x: 0, y: 0, width: 0, height: 0)
    }

    /// One recognized word (`<String>`).
    public struct Word: Sendable, Equatable {
        /// The element's `ID`.
        public var id: String
        public var box: Box
        /// The word (NFC).
        public var content: String
        /// ALTO's `WC`, 0–1; `nil` when the element has none.
        public var confidence: Double?
    }

    /// One text line (`<TextLine>`).
    public struct Line: Sendable, Equatable {
        /// The element's `ID`: what a correction names.
        public var id: String
        public var box: Box
        public var words: [Word]

        /// The line's words separated by single spaces.
        public var text: String { words.map(\.content).joined(separator: " ") }
    }

    /// One text block (`<TextBlock>`): a paragraph.
    public struct Block: Sendable, Equatable {
        public var id: String
        public var lines: [Line]
    }

    /// The master image's width and height (`<Page WIDTH HEIGHT>`), the space of every box; 0 when the
    /// document does not say.
    public var width: Int
    public var height: Int
    public var blocks: [Block]

    /// Every line, in reading order.
    public var lines: [Line] { blocks.flatMap(\.lines) }

    /// The plain text as `text/<page>.txt` holds it: words joined by spaces, lines by newlines,
    /// blocks by an empty line.
    public var plainText: String {
        blocks.map { $0.lines.map(\.text).joined(separator: "\n") }.filter { !$0.isEmpty }.joined(separator: "\n\n")
    }

    /// Reads an ALTO document. Throws when it has no `<Page>`, or a box is not numeric. What ALTO leaves
    /// optional is filled in: a page without a size is 0 × 0, a line without an `ID` is `line_<n>`, a
    /// word without a box takes its line's, a line without one is empty (0 × 0).
    public init(parsing alto: String) throws(ALTOPageError) {
        var alto = alto
        var reader = Reader()
        // `withUTF8` rethrows untyped: the reader's error comes back as a value.
        let failure: ALTOPageError? = alto.withUTF8 { bytes in
            do throws(ALTOPageError) {
                try reader.read(bytes)
                return nil
            } catch { return error }
        }
        if let failure { throw failure }
        guard let width = reader.width, let height = reader.height else {
            throw ALTOPageError(reason: "it has no <Page> element")
        }
        self.width = width
        self.height = height
        self.blocks = reader.blocks
    }

    /// The elements ALTOPage keeps, gathered tag by tag from a byte scan of the document.
    private struct Reader {
        var width: Int?
        var height: Int?
        var blocks: [Block] = []
        var currentLine: Line?
        var lineCount = 0

        mutating func read(_ bytes: UnsafeBufferPointer<UInt8>) throws(ALTOPageError) {
            var i = 0
            let end = bytes.count
            while i < end {
                guard bytes[i] == UInt8(ascii: "<") else {
                    i += 1
                    continue
                }
                var j = i + 1
                let closing = j < end && bytes[j] == UInt8(ascii: "/")
                if closing { j += 1 }
                let nameStart = j
                while j < end, ALTOAttributes.isNameByte(bytes[j]) { j += 1 }
                let nameEnd = j
                while j < end, bytes[j] != UInt8(ascii: ">") { j += 1 }
                let element = Element(bytes[nameStart..<nameEnd])
                if element != .other {
                    try take(element, closing: closing, ALTOAttributes.parse(bytes[nameEnd..<j]))
                }
                i = j + 1
            }
        }

        mutating func take(_ element: Element, closing: Bool, _ attributes: [String: String]) throws(ALTOPageError) {
            switch (element, closing) {
            case (.page, false):
                width = attributes["WIDTH"].flatMap(ALTOPage.number).map { max(0, $0) } ?? 0
                height = attributes["HEIGHT"].flatMap(ALTOPage.number).map { max(0, $0) } ?? 0
            case (.textBlock, false):
                blocks.append(Block(id: attributes["ID"] ?? "block_\(blocks.count + 1)", lines: []))
            case (.textLine, false):
                lineCount += 1
                let id = attributes["ID"] ?? "line_\(lineCount)"
                currentLine = Line(id: id, box: try ALTOPage.box(attributes, of: "TextLine \(id)") ?? .empty, words: [])
            case (.textLine, true):
                guard let line = currentLine else { return }
                if blocks.isEmpty { blocks.append(Block(id: "block_1", lines: [])) }
                blocks[blocks.count - 1].lines.append(line)
                currentLine = nil
            case (.string, false):
                guard let line = currentLine else { return }
                let id = attributes["ID"] ?? "\(line.id)_w\(line.words.count + 1)"
                currentLine?.words.append(
                    Word(
                        id: id, box: try ALTOPage.box(attributes, of: "String \(id)") ?? line.box,
                        content: ALTOPage.nfc(attributes["CONTENT"] ?? ""),
                        confidence: attributes["WC"].flatMap(Double.init)))
            default:
                return
            }
        }
    }

    /// The elements ALTOPage reads, by local name (a namespace prefix is passed over).
    private enum Element {
        case page, textBlock, textLine, string, other

        init(_ name: Slice<UnsafeBufferPointer<UInt8>>) {
            let local = name.lastIndex(of: UInt8(ascii: ":")).map { name[($0 + 1)...] } ?? name
            switch String(decoding: UnsafeBufferPointer(rebasing: local), as: UTF8.self) {
            case "Page": self = .page
            case "TextBlock": self = .textBlock
            case "TextLine": self = .textLine
            case "String": self = .string
            default: self = .other
            }
        }
    }

    /// `text` in NFC; text that is ASCII (most attribute values, many words) is NFC already and is
    /// not given to Foundation's normalization, which is costly on Linux.
    static func nfc(_ text: String) -> String {
        text.utf8.allSatisfy { $0 < 0x80 } ? text : text.precomposedStringWithCanonicalMapping
    }

    fileprivate static func number(_ text: String) -> Int? {
        Int(text) ?? Double(text).flatMap { $0.isFinite ? Int($0.rounded()) : nil }
    }

    /// The element's box; `nil` when it has none (ALTO makes them optional); throws when one is given but
    /// is not a number.
    fileprivate static func box(_ attributes: [String: String], of what: String) throws(ALTOPageError) -> Box? {
        let texts = ["HPOS", "VPOS", "WIDTH", "HEIGHT"].map { attributes[$0] }
        if texts.allSatisfy({ $0 == nil }) { return nil }
        let numbers = texts.map { $0.flatMap(number) }
        guard let x = numbers[0], let y = numbers[1], let width = numbers[2], let height = numbers[3] else {
            throw ALTOPageError(reason: "\(what) has a box without a number in each of HPOS, VPOS, WIDTH and HEIGHT")
        }
        return Box(x: x, y: y, width: width, height: height)
    }
}

/// An ALTO document that cannot be read as a page, and why.
public struct ALTOPageError: Error, Sendable, CustomStringConvertible {
    /// What is missing or malformed.
    public var reason: String

    public var description: String { "the page's ALTO cannot be read: \(reason)" }
}
