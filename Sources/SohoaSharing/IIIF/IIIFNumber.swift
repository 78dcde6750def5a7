/// Strict number syntax of IIIF Image API parameters: no signs, no exponents, no spaces.
enum IIIFNumber {
    /// A non-negative integer written with ASCII digits only.
    static func integer(_ text: Substring) -> Int? {
        guard !text.isEmpty, text.count <= 9, text.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
        return Int(text)
    }

    /// A non-negative decimal (`12`, `12.5`, `0.25`), as the API's floating point values are written.
    static func decimal(_ text: Substring) -> Double? {
        let parts = text.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
        guard let whole = parts.first, integer(whole) != nil else { return nil }
        if parts.count == 2, integer(parts[1]) == nil { return nil }
        return Double(text)
    }
}
