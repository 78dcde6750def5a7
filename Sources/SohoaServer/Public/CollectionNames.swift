import SohoaCatalog

/// Names shown for collection types and language codes (the codes themselves when unknown).
enum CollectionNames {
    /// `rare-book` → "Sách quý hiếm" / "Rare books".
    static func type(_ key: String, _ language: UILanguage) -> String {
        guard let type = HoldingRecord.CollectionType(rawValue: key) else {
            return key.isEmpty ? language.pick("Chưa phân loại", "Unclassified") : key
        }
        switch type {
        case .rareBook: return language.pick(type.vietnamese, "Rare books")
        case .manuscript: return language.pick(type.vietnamese, "Manuscripts")
        case .localHistory: return language.pick(type.vietnamese, "Local history")
        case .newspaper: return language.pick(type.vietnamese, "Newspapers and periodicals")
        case .map: return language.pick(type.vietnamese, "Maps")
        case .photo: return language.pick(type.vietnamese, "Photographs")
        case .other: return language.pick(type.vietnamese, "Other")
        }
    }

    /// `vie` → "Tiếng Việt"; `vie+eng` → "Tiếng Việt, Tiếng Anh".
    static func language(_ codes: String, _ language: UILanguage) -> String {
        if codes.isEmpty { return language.pick("Không rõ", "Unknown") }
        return codes.split(separator: "+").map { code -> String in
            switch code.lowercased() {
            case "vie": language.pick("Tiếng Việt", "Vietnamese")
            case "eng": language.pick("Tiếng Anh", "English")
            case "fra": language.pick("Tiếng Pháp", "French")
            case "chi_sim", "chi_tra", "zho", "chi": language.pick("Tiếng Hán", "Chinese")
            case "blt": language.pick("Tiếng Thái Đen", "Tai Dam")
            case "none": language.pick("Không có chữ", "No text")
            default: String(code)
            }
        }.joined(separator: ", ")
    }
}
