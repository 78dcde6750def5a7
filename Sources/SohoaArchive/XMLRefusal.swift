/// Why a document is not given to the XML parser, in plain words that follow the file's name ("declares
/// the encoding \"UTF-7\"; sohoa reads XML in UTF-8: save it as UTF-8").
public struct XMLRefusal: Error, Sendable, CustomStringConvertible {
    public var reason: String

    public init(reason: String) { self.reason = reason }

    public var description: String { reason }
}
