import SohoaText

extension String {
    /// The text escaped for XML character data and attribute values alike (`XMLText.attribute`: the
    /// one escaper of every XML sohoa writes).
    var xmlEscaped: String { XMLText.attribute(self) }

    /// The text made into an XML `ID` (an NCName): disallowed characters become `_`, and a prefix
    /// is added when it does not start with a letter or `_`.
    func xmlID(prefix: String) -> String {
        let mapped = String(
            unicodeScalars.map { scalar -> Character in
                let ok =
                    scalar.properties.isAlphabetic || scalar.properties.numericType != nil
                    || scalar == "_" || scalar == "-" || scalar == "."
                return ok ? Character(scalar) : "_"
            })
        guard let first = mapped.unicodeScalars.first, first.properties.isAlphabetic || first == "_" else {
            return prefix + mapped
        }
        return mapped
    }
}
