/// A derivative (hOCR, the item's PDF) that could not be brought in line with a correction.
struct DerivativeError: Error, CustomStringConvertible {
    /// The archived file (logical path) concerned.
    var file: String
    /// What is wrong.
    var reason: String

    var description: String { "\(file): \(reason)" }
}
