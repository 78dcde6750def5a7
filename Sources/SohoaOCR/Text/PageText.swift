/// A box in pixels, origin top-left, y down.
public struct BoundingBox: Sendable, Codable, Equatable, Hashable {
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
}

/// One recognized word: its text (NFC), where it is, and how sure the engine was (0–100).
public struct Word: Sendable, Codable, Equatable {
    public var text: String
    public var box: BoundingBox
    public var confidence: Double

    public init(text: String, box: BoundingBox, confidence: Double) {
        self.text = text
        self.box = box
        self.confidence = confidence
    }
}

/// A line of words in reading order.
public struct TextLine: Sendable, Codable, Equatable {
    public var box: BoundingBox
    public var words: [Word]

    public init(box: BoundingBox, words: [Word]) {
        self.box = box
        self.words = words
    }
}

/// A paragraph: lines in reading order.
public struct TextParagraph: Sendable, Codable, Equatable {
    public var box: BoundingBox
    public var lines: [TextLine]

    public init(box: BoundingBox, lines: [TextLine]) {
        self.box = box
        self.lines = lines
    }
}

/// A text block (a column, a caption): paragraphs in reading order.
public struct TextBlock: Sendable, Codable, Equatable {
    public var box: BoundingBox
    public var paragraphs: [TextParagraph]

    public init(box: BoundingBox, paragraphs: [TextParagraph]) {
        self.box = box
        self.paragraphs = paragraphs
    }
}

/// Everything OCR recognized on one page, in the coordinates of the image that was recognized.
public struct PageText: Sendable, Codable, Equatable {
    /// Size of the recognized (normalized) image.
    public var width: Int
    public var height: Int
    public var blocks: [TextBlock]

    public init(width: Int, height: Int, blocks: [TextBlock]) {
        self.width = width
        self.height = height
        self.blocks = blocks
    }

    /// An empty page (image-only items, blank pages).
    public static func empty(width: Int, height: Int) -> PageText {
        PageText(width: width, height: height, blocks: [])
    }

    /// All words in reading order.
    public var words: [Word] {
        blocks.flatMap { $0.paragraphs.flatMap { $0.lines.flatMap(\.words) } }
    }

    /// Plain text: words joined by spaces, lines by newlines, paragraphs by a blank line.
    public var plainText: String {
        blocks.flatMap(\.paragraphs)
            .map { paragraph in paragraph.lines.map { $0.words.map(\.text).joined(separator: " ") }.joined(separator: "\n") }
            .joined(separator: "\n\n")
    }

    /// Mean word confidence (0–100), or nil when there are no words.
    public var meanConfidence: Double? {
        let all = words
        guard !all.isEmpty else { return nil }
        return all.map(\.confidence).reduce(0, +) / Double(all.count)
    }
}
