import Foundation
import SohoaArchive
import SohoaCatalog
import SohoaCollection

extension ItemMetadata {
    /// The description this metadata gives item `itemID` of `library`, in the terms of the metadata
    /// form; `access` when it sets none.
    func itemDescription(itemID: String, library: String, access: AccessLevel) -> ItemDescription {
        var description = ItemDescription(title: title ?? itemID, libraryCode: library, access: self.access ?? access)
        (description.alternativeTitle, description.creator, description.contributor) = (alternativeTitle, creator, contributor)
        (description.date, description.type, description.languages) = (date, type, languages)
        (description.subjects, description.description, description.holdingID) = (subject, self.description, holdingID)
        description.rights = rights
        (description.serial, description.serialTitle, description.issueDate) = (serial, serialTitle, issueDate)
        (description.issueNumber, description.volume) = (issueNumber, volume)
        return description
    }

    /// Takes the descriptive values of `description` (the library, page labels and contents stay).
    mutating func take(_ description: ItemDescription) {
        if description.title != title { titleFromFolderName = false }
        (title, alternativeTitle, creator, contributor) =
            (description.title, description.alternativeTitle, description.creator, description.contributor)
        (date, type, languages, subject) = (description.date, description.type, description.languages, description.subjects)
        (self.description, holdingID, rights, access) = (
            description.description, description.holdingID, description.rights, description.access
        )
        (serial, serialTitle, issueDate) = (description.serial, description.serialTitle, description.issueDate)
        (issueNumber, volume) = (description.issueNumber, description.volume)
    }

    /// Takes `structure`'s page labels (one rule per labelled page) and table of contents.
    mutating func take(_ structure: ItemStructure) {
        let rules = structure.labels.enumerated().compactMap { index, label in
            label.map { PageLabelRule(from: index + 1, to: index + 1, style: .fixed, label: $0) }
        }
        pagination = rules.isEmpty ? nil : PageLabelRules(rules)
        contents = structure.contents.isEmpty ? nil : structure.contents
    }
}
