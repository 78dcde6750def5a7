import SohoaText

/// Escaping of text for the XML that OAI-PMH responses are made of: the archive's `XMLText` rules
/// (NFC, XML 1.0 characters only), plus a small element helper.
enum OAIXML {
    /// `text` as NFC character data (see `XMLText.escape`).
    static func escape(_ text: String, attribute: Bool = false) -> String {
        XMLText.escape(text, attribute: attribute)
    }

    /// Escapes for an attribute value.
    static func attribute(_ text: String) -> String { XMLText.attribute(text) }

    /// `<name>text</name>`, the text escaped.
    static func element(_ name: String, _ text: String) -> String {
        "<\(name)>\(escape(text))</\(name)>"
    }
}
