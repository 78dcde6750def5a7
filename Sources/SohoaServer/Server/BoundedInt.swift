import Foundation
import Hummingbird

/// A whole number a request may send (a query parameter or a form field), with the range it must
/// lie in. Every number a route takes from a request is read through one of these, so no value a
/// reader sends can overflow arithmetic further on: junk or a number out of range is a 400 whose
/// message names the parameter and the range.
///
///     static let page = BoundedInt("page", 1...101)
///     let page = try BoundedInt.page.read(form["page"]) ?? 1
struct BoundedInt: Sendable {
    /// The parameter's name, as in the URL or form.
    var name: String
    /// The values allowed.
    var range: ClosedRange<Int>

    init(_ name: String, _ range: ClosedRange<Int>) {
        self.name = name
        self.range = range
    }

    /// The number in `text`; `nil` when it is absent or blank (the route's default applies).
    /// Throws 400 for anything that is not a plain decimal number within `range` (`1e99`,
    /// `9223372036854775808`, `-1` where only positive numbers make sense, digits of other scripts).
    func read(_ text: String?) throws(HTTPError) -> Int? {
        guard let text = text?.trimmingCharacters(in: .whitespacesAndNewlines), !text.isEmpty else { return nil }
        guard text.utf8.count <= 20, text.utf8.allSatisfy({ (48...57).contains($0) || $0 == 45 || $0 == 43 }),
            let value = Int(text), range.contains(value)
        else { throw refusal }
        return value
    }

    /// 400 with a message in both languages (parsing runs before the page language matters).
    var refusal: HTTPError {
        HTTPError(
            .badRequest,
            message:
                "Giá trị của '\(name)' phải là số nguyên từ \(range.lowerBound) đến \(range.upperBound). "
                + "(The value of '\(name)' must be a whole number from \(range.lowerBound) to \(range.upperBound).)")
    }
}
