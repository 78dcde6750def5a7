/// Roman numerals as printed on front matter (`i`, `iv`, `xii`), 1 to 3999.
public enum RomanNumeral {
    private static let symbols: [(Int, String)] = [
        (1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"), (50, "l"), (40, "xl"),
        (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i"),
    ]

    /// The lower-case numeral of `value`, or `nil` outside 1…3999.
    public static func text(_ value: Int) -> String? {
        guard (1...3999).contains(value) else { return nil }
        var rest = value
        var result = ""
        for (amount, symbol) in symbols {
            while rest >= amount {
                result += symbol
                rest -= amount
            }
        }
        return result
    }

    /// The value of a numeral in canonical form (either case, not mixed), or `nil`.
    public static func value(_ text: String) -> Int? {
        let lower = text.lowercased()
        guard !text.isEmpty, text == lower || text == text.uppercased() else { return nil }
        var rest = Substring(lower)
        var value = 0
        for (amount, symbol) in symbols {
            while rest.hasPrefix(symbol) {
                value += amount
                rest = rest.dropFirst(symbol.count)
            }
        }
        guard rest.isEmpty, Self.text(value) == lower else { return nil }
        return value
    }
}
