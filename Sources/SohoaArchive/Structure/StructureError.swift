/// Page labels or a table of contents that cannot be used: the file (or form) they came from and what to fix.
public struct StructureError: Error, Sendable, Equatable, CustomStringConvertible {
    /// Where the rules or contents came from: an `item.yaml`, a `contents.csv` or the web form.
    public var file: String
    /// What is wrong and what to do, in plain words.
    public var message: String

    /// An error about `file`.
    public init(file: String, message: String) {
        self.file = file
        self.message = message
    }

    public var description: String { "\(file): \(message)" }
}
