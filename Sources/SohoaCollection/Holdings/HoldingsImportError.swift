/// A register file that cannot be read at all (as opposed to single rows, which are rejected one by one).
public struct HoldingsImportError: Error, Sendable, CustomStringConvertible {
    /// The register file.
    public var file: String
    /// What is wrong and what to do.
    public var message: String

    public init(file: String, message: String) {
        self.file = file
        self.message = message
    }

    public var description: String { "\(file): \(message)" }
}
