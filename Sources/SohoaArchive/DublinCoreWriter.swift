import SohoaText

/// Writes Dublin Core as an OAI-PMH `oai_dc:dc` document.
public enum DublinCoreWriter {
    static let namespaces =
        #"xmlns:oai_dc="http://www.openarchives.org/OAI/2.0/oai_dc/" xmlns:dc="http://purl.org/dc/elements/1.1/""#
    static let schemaLocation =
        "http://www.openarchives.org/OAI/2.0/oai_dc/ http://www.openarchives.org/OAI/2.0/oai_dc.xsd"

    /// A complete `oai_dc:dc` XML document (UTF-8, NFC).
    public static func oaiDC(_ dc: DublinCore) -> String {
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + element(dc, indent: "", declareNamespaces: true)
    }

    /// The `oai_dc:dc` element, for embedding (e.g. in a METS dmdSec).
    static func element(_ dc: DublinCore, indent: String, declareNamespaces: Bool) -> String {
        var xml = "\(indent)<oai_dc:dc \(namespaces)"
        if declareNamespaces {
            xml += " xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" xsi:schemaLocation=\"\(schemaLocation)\""
        }
        xml += ">\n"
        for (name, value) in dc.elements {
            xml += "\(indent)  <dc:\(name)>\(XMLText.escape(value))</dc:\(name)>\n"
        }
        xml += "\(indent)</oai_dc:dc>\n"
        return xml
    }
}
