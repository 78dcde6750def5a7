import Foundation

/// Turns language codes from pipelines and item metadata into what Tesseract is asked for.
public enum OCRLanguage {
    /// ISO 639-1 codes staff may write, mapped to the ISO 639-2 codes Tesseract's models use.
    static let aliases = ["vi": "vie", "en": "eng", "fr": "fra", "zh": "chi_sim"]

    /// Splits `vie+eng`, `vie, eng` or `[vie, eng]` style input into normalized codes.
    public static func codes(from text: String) -> [String] {
        text.split(whereSeparator: { $0 == "+" || $0 == "," || $0 == ";" || $0 == " " })
            .map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
            .filter { !$0.isEmpty }
            .map { aliases[$0] ?? $0 }
    }

    /// `vie+eng` for `[vie, eng]`; `nil` when OCR is off (`none`, or no codes).
    public static func tesseractString(for codes: [String]) -> String? {
        let normalized = codes.map { aliases[$0.lowercased()] ?? $0.lowercased() }
        if normalized.isEmpty || normalized.contains("none") { return nil }
        return normalized.joined(separator: "+")
    }
}
