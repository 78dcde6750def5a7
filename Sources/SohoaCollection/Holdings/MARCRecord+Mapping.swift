import Foundation

extension MARCRecord {
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
