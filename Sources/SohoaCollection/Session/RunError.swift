/// A run that could not start or had to stop as a whole; `exitStatus` follows DESIGN §8.
public struct RunError: Error, Sendable, CustomStringConvertible {
    public enum Kind: Sendable {
        /// The batch or the configuration is wrong (exit 2).
        case usage
        /// The archive or the catalog cannot be used (exit 3).
        case archive
        /// The archive's disk has too little room for the batch (exit 3).
        case diskSpace
        /// Someone changed the same thing at the same moment; nothing was written (exit 1: run it again).
        case conflict
    }

    public var kind: Kind
    public var message: String

    public init(_ kind: Kind, _ message: String) {
        self.kind = kind
        self.message = message
    }

    public var description: String { message }
    public var exitStatus: ExitStatus {
        switch kind {
        case .usage: .usage
        case .archive, .diskSpace: .archiveUnusable
        case .conflict: .somethingFailed
        }
    }
}
