import SohoaText

/// How a page is named to readers: by its printed label ("trang 5", "trang iii", "Bìa") when it has
/// one, else by its position among the scans.
enum PageLabelText {
    /// "Trang 5" / "Page 5" for a numbered label or none (the position), the label itself otherwise ("Bìa").
    static func name(label: String?, position: Int, _ language: UILanguage, capitalized: Bool = true) -> String {
        let word = capitalized ? language.pick("Trang", "Page") : language.pick("trang", "page")
        guard let label, !label.isEmpty else { return "\(word) \(position)" }
        if label.first?.isNumber == true || RomanNumeral.value(label) != nil { return "\(word) \(label)" }
        return label
    }
}
