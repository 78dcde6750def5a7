/// OAI identifiers of items: `oai:<repository-id>:<item-id>`, the item id percent-encoded (UTF-8)
/// where the oai-identifier scheme does not allow a character.
public struct OAIIdentifier: Sendable, Equatable {
    /// The repository identifier (a domain name).
    public var repositoryIdentifier: String

    public init(repositoryIdentifier: String) {
        self.repositoryIdentifier = repositoryIdentifier
    }

    /// Characters the scheme's local identifier allows as they are (`%` is kept for escapes).
    private static let plain = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_.!~*'();/?:@&=+$,".utf8)

    private var prefix: String { "oai:\(repositoryIdentifier):" }

    /// The OAI identifier of an item.
    public func identifier(itemID: String) -> String {
        var local = ""
        for byte in itemID.precomposedStringWithCanonicalMapping.utf8 {
            if Self.plain.contains(byte) {
                local.unicodeScalars.append(Unicode.Scalar(byte))
            } else {
                local += "%" + String(byte, radix: 16, uppercase: true).leftPadded(to: 2)
            }
        }
        return prefix + local
    }

    /// The item id an OAI identifier names, or nil when it is not one of this repository's.
    public func itemID(identifier: String) -> String? {
        guard identifier.hasPrefix(prefix) else { return nil }
        let local = identifier.dropFirst(prefix.count)
        var bytes: [UInt8] = []
        var iterator = local.utf8.makeIterator()
        while let byte = iterator.next() {
            if byte == UInt8(ascii: "%") {
                guard let high = iterator.next(), let low = iterator.next(),
                    let value = UInt8(String(decoding: [high, low], as: UTF8.self), radix: 16)
                else { return nil }
                bytes.append(value)
            } else {
                guard Self.plain.contains(byte) else { return nil }
                bytes.append(byte)
            }
        }
        guard !bytes.isEmpty, let id = String(validating: bytes, as: UTF8.self) else { return nil }
        // Only the canonical spelling names the item, so that each record has one identifier.
        return self.identifier(itemID: id) == identifier ? id : nil
    }
}

extension String {
    func leftPadded(to width: Int, with pad: Character = "0") -> String {
        count >= width ? self : String(repeating: pad, count: width - count) + self
    }
}
