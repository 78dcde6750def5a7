import Foundation

/// The collection's OAI sets: `library` with `library:<code>` for each library, `type` with
/// `type:<type>` for each item type, and `serial` with `serial:<id>` for each serial title. Values become setSpec characters the schema allows: diacritics
/// are dropped (`Sách` → `Sach`), spaces and punctuation become `-`, and anything else is written
/// as `~` and two hex digits per UTF-8 byte.
public enum OAISetSpec {
    /// The parent set of all libraries.
    public static let library = "library"
    /// The parent set of all item types.
    public static let type = "type"

    /// The parent set of all serials (newspapers, journals).
    public static let serial = "serial"

    /// The setSpec of a serial's issues (`serial:bao-lai-chau`).
    public static func serial(_ id: String) -> String { "\(serial):\(segment(id))" }

    /// The setSpec of a library.
    public static func library(_ code: String) -> String { "\(library):\(segment(code))" }

    /// The setSpec of an item type.
    public static func type(_ value: String) -> String { "\(type):\(segment(value))" }

    /// `value` as one setSpec segment (`[A-Za-z0-9-_.!~*'()]+`).
    static func segment(_ value: String) -> String {
        var out = ""
        var pendingDash = false
        for character in value.precomposedStringWithCanonicalMapping {
            let folded = character.isASCII ? String(character) : foldKeepingCase(character)
            for scalar in folded.unicodeScalars {
                if isPlain(scalar) {
                    if pendingDash, !out.isEmpty { out += "-" }
                    pendingDash = false
                    out.unicodeScalars.append(scalar)
                } else if scalar.isASCII || scalar.properties.isWhitespace || scalar.properties.generalCategory.isPunctuation {
                    pendingDash = true
                } else {
                    if pendingDash, !out.isEmpty { out += "-" }
                    pendingDash = false
                    for byte in String(scalar).utf8 { out += "~" + String(byte, radix: 16, uppercase: true).leftPadded(to: 2) }
                }
            }
        }
        return out.isEmpty ? "-" : out
    }

    /// Characters kept as they are: letters, digits and `-_.!*'()` (`~` starts an escape).
    private static func isPlain(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case "a"..."z", "A"..."Z", "0"..."9", "-", "_", ".", "!", "*", "'", "(", ")": true
        default: false
        }
    }

    /// Drops combining marks and turns `đ/Đ` into `d/D`, keeping letter case.
    private static func foldKeepingCase(_ character: Character) -> String {
        var scalars = String.UnicodeScalarView()
        for scalar in String(character).decomposedStringWithCanonicalMapping.unicodeScalars {
            switch scalar.properties.generalCategory {
            case .nonspacingMark, .enclosingMark, .spacingMark: continue
            default: break
            }
            switch scalar.value {
            case 0x0111: scalars.append("d")
            case 0x0110: scalars.append("D")
            default: scalars.append(scalar)
            }
        }
        return String(scalars)
    }
}

extension Unicode.GeneralCategory {
    fileprivate var isPunctuation: Bool {
        switch self {
        case .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation, .initialPunctuation,
            .finalPunctuation, .otherPunctuation, .mathSymbol, .currencySymbol, .modifierSymbol, .otherSymbol:
            true
        default: false
        }
    }
}
