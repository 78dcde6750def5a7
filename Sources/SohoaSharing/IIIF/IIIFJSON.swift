import Foundation

/// A JSON value whose objects keep their keys in the order written (`@context` first, as IIIF
/// documents are read by people too), serialized without any Foundation type in between.
public indirect enum IIIFJSON: Sendable, Equatable {
    case string(String)
    case int(Int)
    case bool(Bool)
    case array([IIIFJSON])
    case object([(String, IIIFJSON)])

    public static func == (lhs: IIIFJSON, rhs: IIIFJSON) -> Bool {
        lhs.serialized() == rhs.serialized()
    }

    /// The value under `key` of an object.
    public subscript(key: String) -> IIIFJSON? {
        guard case .object(let members) = self else { return nil }
        return members.first { $0.0 == key }?.1
    }

    /// Compact JSON text (UTF-8 as is; `/` not escaped).
    public func serialized() -> String {
        var text = ""
        write(into: &text)
        return text
    }

    /// The UTF-8 bytes of `serialized()`.
    public func data() -> Data {
        Data(serialized().utf8)
    }

    private func write(into text: inout String) {
        switch self {
        case .string(let value):
            Self.quote(value, into: &text)
        case .int(let value):
            text += String(value)
        case .bool(let value):
            text += value ? "true" : "false"
        case .array(let values):
            text += "["
            for (index, value) in values.enumerated() {
                if index > 0 { text += "," }
                value.write(into: &text)
            }
            text += "]"
        case .object(let members):
            text += "{"
            for (index, (key, value)) in members.enumerated() {
                if index > 0 { text += "," }
                Self.quote(key, into: &text)
                text += ":"
                value.write(into: &text)
            }
            text += "}"
        }
    }

    private static func quote(_ value: String, into text: inout String) {
        text += "\""
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\"": text += "\\\""
            case "\\": text += "\\\\"
            case "\n": text += "\\n"
            case "\r": text += "\\r"
            case "\t": text += "\\t"
            case _ where scalar.value < 0x20 || scalar.value == 0x2028 || scalar.value == 0x2029:
                text += String(format: "\\u%04x", scalar.value)
            default: text.unicodeScalars.append(scalar)
            }
        }
        text += "\""
    }
}

extension IIIFJSON {
    /// A language map (`{"vi": ["…"], "en": ["…"]}`) from language and text pairs.
    public static func languageMap(_ values: [(String, String)]) -> IIIFJSON {
        .object(values.map { ($0.0, .array([.string($0.1)])) })
    }
}
