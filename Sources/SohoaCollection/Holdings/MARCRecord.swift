/// A MARC 21 bibliographic record as read from ISO 2709 or MARCXML: the leader, control fields and
/// data fields with their subfields, in order, as Unicode text.
struct MARCRecord: Sendable, Equatable {
    /// A variable data field (tag 010–999).
    struct DataField: Sendable, Equatable {
        var tag: String
        var indicators: String
        var subfields: [(code: Character, value: String)]

        static func == (a: DataField, b: DataField) -> Bool {
            a.tag == b.tag && a.indicators == b.indicators && a.subfields.map(\.code) == b.subfields.map(\.code)
                && a.subfields.map(\.value) == b.subfields.map(\.value)
        }
    }

    var leader: String
    var controlFields: [(tag: String, value: String)] = []
    var dataFields: [DataField] = []

    static func == (a: MARCRecord, b: MARCRecord) -> Bool {
        a.leader == b.leader && a.controlFields.map(\.tag) == b.controlFields.map(\.tag)
            && a.controlFields.map(\.value) == b.controlFields.map(\.value) && a.dataFields == b.dataFields
    }

    /// The values a mapping path selects, in record order: `001`, `008/35-37`, `245$a$b` (the listed
    /// subfields of each occurrence, joined by spaces).
    func values(_ path: MARCMapping.Path) -> [String] {
        if let control = controlFields.first(where: { $0.tag == path.tag }), path.subfields.isEmpty {
            guard let range = path.positions else { return [control.value] }
            let characters = Array(control.value)
            guard range.lowerBound < characters.count else { return [] }
            return [String(characters[range.lowerBound..<min(range.upperBound + 1, characters.count)])]
        }
        return dataFields.filter { $0.tag == path.tag }.compactMap { field in
            let parts = field.subfields.filter { path.subfields.isEmpty || path.subfields.contains($0.code) }.map(\.value)
            let joined = parts.joined(separator: " ").trimmingCharacters(in: .whitespaces)
            return joined.isEmpty ? nil : joined
        }
    }
}
