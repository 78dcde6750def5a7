import Foundation

/// The character error rate of one text against a reference: the edit distance (insertions,
/// deletions, substitutions of characters) divided by the reference's length, as OCR evaluations
/// count it. Both texts are compared in NFC with each run of white space as one space, so line
/// breaks and layout spacing do not count.
public enum CharacterErrorRate {
    /// The rate (0 for equal texts; above 1 when `text` is much longer); 0 when both are empty and 1
    /// when only the reference is.
    public static func of(_ text: String, against reference: String) -> Double {
        let hypothesis = Array(normalized(text).unicodeScalars), truth = Array(normalized(reference).unicodeScalars)
        guard !truth.isEmpty else { return hypothesis.isEmpty ? 0 : 1 }
        return Double(distance(hypothesis, truth)) / Double(truth.count)
    }

    /// Levenshtein distance between two sequences of code points (in NFC, one a letter with its
    /// marks), in two rows of memory.
    static func distance(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                let substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)
                current[j] = min(substitution, previous[j] + 1, current[j - 1] + 1)
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }

    /// NFC, white space runs as one space, trimmed.
    static func normalized(_ text: String) -> String {
        text.precomposedStringWithCanonicalMapping.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }
}
