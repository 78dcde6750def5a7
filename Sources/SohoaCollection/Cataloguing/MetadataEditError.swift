/// Why an edit of an item's description was not written; nothing was written in every case.
public enum MetadataEditError: Error, Sendable, Equatable, CustomStringConvertible {
    /// No archived item has this id.
    case noSuchItem(String)
    /// A field's value cannot be used (a bad date, an unknown rights URI, a change of library…).
    case invalid(MetadataFieldError)
    /// Someone changed the item since the form was opened (`basedOn` is not the current version).
    case conflict(itemID: String, expected: String, current: String)
    /// The archive or the catalog could not be written; the message says what happened.
    case failed(String)

    public var description: String {
        switch self {
        case .noSuchItem(let id): "no archived item '\(id)'; `sohoa status` lists what is there"
        case .invalid(let error): error.description
        case .conflict(let id, let expected, let current):
            "item '\(id)' was changed by someone else (version \(expected), now \(current)); nothing was written: "
                + "open it again and redo the change"
        case .failed(let message): message
        }
    }
}
