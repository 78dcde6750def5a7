import Foundation

/// An issue of a serial as listed on its title page, in its IIIF collection and between its
/// neighbours: the item and its access level.
public struct SerialIssue: Sendable, Equatable {
    public var item: ItemRecord
    public var access: AccessLevel

    public init(item: ItemRecord, access: AccessLevel) {
        self.item = item
        self.access = access
    }

    /// How the issue is named in lists: its number and date (`Số 12 · 1958-03-15`), else its title.
    public func label(number: String, volume: String) -> String {
        var parts: [String] = []
        if let value = item.volume, !value.isEmpty { parts.append("\(volume) \(value)") }
        if let value = item.issueNumber, !value.isEmpty { parts.append("\(number) \(value)") }
        if let value = item.issueDate, !value.isEmpty { parts.append(value) }
        return parts.isEmpty ? (item.title ?? item.id) : parts.joined(separator: " · ")
    }
}
