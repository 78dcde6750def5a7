import SohoaCatalog

extension ItemMetadata {
    /// Fills what staff left out from the item's holding in the register (issue 14): an item given
    /// only a `holding-id` takes the holding's title, creator, year, collection type and language.
    /// Values staff gave are kept. Call before `applyDefaults`.
    mutating func prefill(from holding: HoldingRecord) {
        if title?.isEmpty ?? true { title = holding.title }
        if creator?.isEmpty ?? true { creator = holding.creator }
        if date?.isEmpty ?? true { date = holding.year.map(String.init) }
        if type?.isEmpty ?? true { type = holding.collectionType.rawValue }
        if languages.isEmpty, let language = holding.language, !language.isEmpty {
            languages = OCRLanguage.codes(from: language)
        }
    }
}
