import Foundation

/// The recognized words of one page as an ALTO document sohoa wrote holds them: the page's size
/// (master pixels) and its blocks, lines and words with their boxes and confidences. Read-only; used
/// to show a page for review and to revise it word by word.
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

    /// The master image's width and height (`<Page WIDTH HEIGHT>`), the space of every box.
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

    /// Reads an ALTO document. Throws when it has no `<Page>` with a size, or a box is not numeric.
    public init(parsing alto: String) throws(ALTOPageError) {
        var width: Int?
        var height: Int?
        var blocks: [Block] = []
        var currentLine: Line?
        for match in alto.matches(of: /<(\/?)(Page|TextBlock|TextLine|String)\b([^>]*)>/) {
            let closing = !match.output.1.isEmpty
            let name = String(match.output.2)
            let attributes = ALTOMarkup.attributes(in: String(match.output.3))
            switch (name, closing) {
            case ("Page", false):
                guard let w = attributes["WIDTH"].flatMap(Self.number), let h = attributes["HEIGHT"].flatMap(Self.number), w > 0, h > 0
                else { throw ALTOPageError(reason: "its <Page> has no WIDTH and HEIGHT") }
                width = w
                height = h
            case ("TextBlock", false):
                blocks.append(Block(id: attributes["ID"] ?? "block_\(blocks.count + 1)", lines: []))
            case ("TextLine", false):
                guard let id = attributes["ID"] else { throw ALTOPageError(reason: "a <TextLine> has no ID") }
                currentLine = Line(id: id, box: try Self.box(attributes, of: "TextLine \(id)"), words: [])
            case ("TextLine", true):
                guard let line = currentLine else { continue }
                if blocks.isEmpty { blocks.append(Block(id: "block_1", lines: [])) }
                blocks[blocks.count - 1].lines.append(line)
                currentLine = nil
            case ("String", false):
                guard currentLine != nil else { continue }
                let id = attributes["ID"] ?? "\(currentLine?.id ?? "line")_w\((currentLine?.words.count ?? 0) + 1)"
                let word = Word(
                    id: id, box: try Self.box(attributes, of: "String \(id)"),
                    content: (attributes["CONTENT"] ?? "").precomposedStringWithCanonicalMapping,
                    confidence: attributes["WC"].flatMap(Double.init))
                currentLine?.words.append(word)
            default:
                continue
            }
        }
        guard let width, let height else { throw ALTOPageError(reason: "it has no <Page> element") }
        self.width = width
        self.height = height
        self.blocks = blocks
    }

    private static func number(_ text: String) -> Int? {
        Int(text) ?? Double(text).flatMap { $0.isFinite ? Int($0.rounded()) : nil }
    }

    private static func box(_ attributes: [String: String], of what: String) throws(ALTOPageError) -> Box {
        guard let x = attributes["HPOS"].flatMap(number), let y = attributes["VPOS"].flatMap(number),
            let width = attributes["WIDTH"].flatMap(number), let height = attributes["HEIGHT"].flatMap(number)
        else { throw ALTOPageError(reason: "\(what) has no HPOS, VPOS, WIDTH and HEIGHT") }
        return Box(x: x, y: y, width: width, height: height)
    }
}

/// An ALTO document that cannot be read as a page, and why.
public struct ALTOPageError: Error, Sendable, CustomStringConvertible {
    /// What is missing or malformed.
    public var reason: String

    public var description: String { "the page's ALTO cannot be read: \(reason)" }
}
