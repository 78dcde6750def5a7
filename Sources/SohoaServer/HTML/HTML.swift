/// A piece of HTML that is safe to send: text interpolated into it is escaped, other `HTML` values
/// are inserted as they are. Pages are built only from `HTML` values, so OCR text, metadata and
/// anything a user typed can never become markup (`<`, `&`, `"` and `'` are escaped everywhere,
/// also inside attribute values).
///
///     let page: HTML = "<p title=\"\(word)\">\(text)</p>\(otherHTML)"
public struct HTML: Sendable, Equatable, ExpressibleByStringInterpolation, CustomStringConvertible {
    /// The markup.
    public private(set) var markup: String

    /// Markup written by the programmer; never pass user text here.
    public init(stringLiteral value: String) {
        markup = value
    }

    public init(stringInterpolation: Interpolation) {
        markup = stringInterpolation.markup
    }

    /// Markup the programmer vouches for (e.g. built by another `HTML`), inserted as it is.
    public init(trusted markup: String) {
        self.markup = markup
    }

    /// Nothing.
    public static let empty: HTML = ""

    public var description: String { markup }

    /// Escapes text for HTML content and attribute values.
    public static func escape(_ text: String) -> String {
        var escaped = ""
        appendEscaped(text[...], to: &escaped)
        return escaped
    }

    /// Appends `text` escaped to `markup`: the runs between the characters to escape are copied whole
    /// (text without any is copied as it is, with no new string built).
    static func appendEscaped(_ text: Substring, to markup: inout String) {
        let utf8 = text.utf8
        var run = utf8.startIndex
        var index = run
        while index < utf8.endIndex {
            let entity: String
            switch utf8[index] {
            case UInt8(ascii: "&"): entity = "&amp;"
            case UInt8(ascii: "<"): entity = "&lt;"
            case UInt8(ascii: ">"): entity = "&gt;"
            case UInt8(ascii: "\""): entity = "&quot;"
            case UInt8(ascii: "'"): entity = "&#39;"
            default:
                utf8.formIndex(after: &index)
                continue
            }
            markup += text[run..<index]
            markup += entity
            utf8.formIndex(after: &index)
            run = index
        }
        markup += text[run..<utf8.endIndex]
    }

    /// Joins pieces of HTML.
    public static func join(_ pieces: some Sequence<HTML>, separator: HTML = .empty) -> HTML {
        HTML(trusted: pieces.map(\.markup).joined(separator: separator.markup))
    }

    public struct Interpolation: StringInterpolationProtocol {
        var markup = ""

        public init(literalCapacity: Int, interpolationCount: Int) {
            markup.reserveCapacity(literalCapacity + interpolationCount * 16)
        }

        public mutating func appendLiteral(_ literal: String) {
            markup += literal
        }

        /// Text: escaped.
        public mutating func appendInterpolation(_ text: String) {
            HTML.appendEscaped(text[...], to: &markup)
        }

        /// Text that may be absent: escaped, nothing when `nil`.
        public mutating func appendInterpolation(_ text: String?) {
            if let text { HTML.appendEscaped(text[...], to: &markup) }
        }

        /// A number.
        public mutating func appendInterpolation<N: Numeric & CustomStringConvertible>(_ number: N) {
            HTML.appendEscaped(number.description[...], to: &markup)
        }

        /// HTML: as it is.
        public mutating func appendInterpolation(_ html: HTML) {
            markup += html.markup
        }

        /// A list of HTML pieces, one after the other.
        public mutating func appendInterpolation(_ pieces: [HTML]) {
            for piece in pieces { markup += piece.markup }
        }
    }
}
