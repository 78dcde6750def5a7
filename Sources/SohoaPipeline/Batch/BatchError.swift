/// A batch folder that cannot be planned at all (missing, unreadable, bad `items.csv`).
public struct BatchError: Error, Sendable, CustomStringConvertible {
    public var folder: String
    public var message: String

    public var description: String { "\(folder): \(message)" }
}
