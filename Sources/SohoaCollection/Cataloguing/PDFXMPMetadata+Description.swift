import Foundation
import SohoaArchive
import SohoaText

extension PDFXMPMetadata {
    /// The XMP metadata of an item's PDF from its Dublin Core: title, creators, and its rights
    /// statement with the labels readers see (a URI sohoa does not know is given as it is).
    public init(dc: DublinCore, producer: String? = SoftwareVersions.sohoa) {
        self.init(title: dc.title, creators: dc.creators, producer: producer)
        guard let rights = dc.rights, !rights.isEmpty else { return }
        if let statement = RightsStatement(rights) {
            (rightsLabel, rightsLabelEnglish, rightsURI, marked) = (
                statement.vietnamese, statement.english, statement.uri, statement.isMarked
            )
        } else if rights.contains("://") {
            rightsURI = rights
        } else {
            rightsLabel = rights
        }
    }
}
