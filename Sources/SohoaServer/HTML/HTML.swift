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
        escaped.reserveCapacity(text.utf8.count)
        for character in text.unicodeScalars {
            switch character {
            case "&": escaped += "&amp;"
            case "<": escaped += "&lt;"
            case ">": escaped += "&gt;"
            case "\"": escaped += "&quot;"
            case "'": escaped += "&#39;"
            default: escaped.unicodeScalars.append(character)
            }
        }
        return escaped
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
            markup += HTML.escape(text)
        }

        /// Text that may be absent: escaped, nothing when `nil`.
        public mutating func appendInterpolation(_ text: String?) {
            if let text { markup += HTML.escape(text) }
        }

        /// A number.
        public mutating func appendInterpolation<N: Numeric & CustomStringConvertible>(_ number: N) {
            markup += HTML.escape(number.description)
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
