import Foundation
import Hummingbird

/// The fields of an `application/x-www-form-urlencoded` body (what an HTML form posts): UTF-8,
/// `+` for space, `%XX` escapes; values in NFC. A name given twice keeps its first value for the
/// subscript; `values(_:)` gives all.
///
///     let form = try await FormFields.read(request, context: context)
///     let word = form["word"] ?? ""
public struct FormFields: Sendable, Equatable {
    /// The largest body read (1 MiB); a larger one is refused with 413.
    public static let maximumBodySize = 1 << 20

    /// The fields in the order sent.
    public private(set) var pairs: [(name: String, value: String)]

    /// Parses a body.
    public init(_ body: ByteBuffer) {
        self.init(String(buffer: body))
    }

    /// Parses urlencoded text (a body, or a query string without `?`).
    public init(_ text: String) {
        pairs = text.split(separator: "&", omittingEmptySubsequences: true).map { pair in
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let name = Self.decode(parts[0])
            let value = parts.count > 1 ? Self.decode(parts[1]) : ""
            return (name, value)
        }
    }

    /// The first value sent for `name`.
    public subscript(_ name: String) -> String? {
        pairs.first { $0.name == name }?.value
    }

    /// Every value sent for `name`, in order.
    public func values(_ name: String) -> [String] {
        pairs.filter { $0.name == name }.map(\.value)
    }

    /// Reads the request's body (at most 1 MiB) as form fields.
    public static func read(_ request: Request, context: some RequestContext) async throws -> FormFields {
        var request = request
        return FormFields(try await request.collectBody(upTo: maximumBodySize))
    }

    public static func == (lhs: FormFields, rhs: FormFields) -> Bool {
        lhs.pairs.elementsEqual(rhs.pairs) { $0.name == $1.name && $0.value == $1.value }
    }

    /// `+` to space, then `%XX` escapes as UTF-8; a malformed escape is kept as it is.
    private static func decode(_ text: Substring) -> String {
        let spaced = text.replacingOccurrences(of: "+", with: " ")
        return (spaced.removingPercentEncoding ?? spaced).precomposedStringWithCanonicalMapping
    }
}
