/// Item metadata that cannot be read; names the file and the problem.
public struct MetadataError: Error, Sendable, CustomStringConvertible {
    public var file: String
    public var message: String

    public var description: String { "\(file): \(message)" }
}
