import SohoaImaging

/// Recognition of a page sample with an OCR engine in one language, scored for the normalize
/// stage's orientation check: mean word confidence and, when a syllable check is given, the share
/// of words that are valid syllables of the language.
///
/// Uses the engine it is given (owned by the normalize worker); not `Sendable`.
public final class SampleRecognizer: RecognitionScoring {
    private let engine: any OCREngine
    private let language: String
    private let isSyllable: ((String) -> Bool)?

    /// A recognizer for `language` (Tesseract codes, e.g. `vie`, `vie+eng`); `isSyllable`, when
    /// given, tells a word (letters only, lowercased) that is a valid syllable of the language.
    public init(engine: any OCREngine, language: String, isSyllable: ((String) -> Bool)? = nil) {
        self.engine = engine
        self.language = language
        self.isSyllable = isSyllable
    }

    public func readability(of sample: Raster, dpi: Int) -> Readability? {
        guard let text = try? engine.recognize(sample, dpi: dpi, language: language) else { return nil }
        return Self.readability(of: text, isSyllable: isSyllable)
    }

    /// The readability of recognized text: words with a letter or digit count (lone marks do not).
    static func readability(of text: PageText, isSyllable: ((String) -> Bool)?) -> Readability {
        let words = text.words.filter { $0.text.unicodeScalars.contains { $0.properties.isAlphabetic || ("0"..."9").contains($0) } }
        guard !words.isEmpty else { return Readability(words: 0, meanConfidence: 0) }
        let mean = words.map(\.confidence).reduce(0, +) / Double(words.count)
        var share: Double?
        if let isSyllable {
            let lettered = words.map { String($0.text.filter(\.isLetter)).lowercased() }.filter { !$0.isEmpty }
            share = lettered.isEmpty ? 0 : Double(lettered.filter(isSyllable).count) / Double(lettered.count)
        }
        return Readability(
            words: words.count, meanConfidence: (mean * 10).rounded() / 10, syllableShare: share.map { ($0 * 1000).rounded() / 1000 })
    }
}
