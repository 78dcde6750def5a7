import Foundation

extension PageText {
    /// The plain text in Unicode NFC: what `text/<page>.txt` holds and what search indexes.
    public var normalizedText: String {
        plainText.precomposedStringWithCanonicalMapping
    }
}
