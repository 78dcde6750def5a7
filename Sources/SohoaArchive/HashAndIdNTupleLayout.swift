import Crypto
import Foundation

/// The OCFL community extension 0003-hash-and-id-n-tuple-storage-layout
/// (https://ocfl.github.io/extensions/0003-hash-and-id-n-tuple-storage-layout.html): object id → object folder.
///
/// The id (UTF-8) is hashed, the lowercase hex digest is cut into `numberOfTuples` folders of `tupleSize`
/// characters, and the object folder inside them is named with the percent-encoded id. Encoding keeps
/// `A-Z a-z 0-9 - _` and writes every other byte of the UTF-8 id as `%xx` (lowercase hex); an encoded
/// name longer than 100 characters is cut to its first 100 characters (even inside a `%xx`) followed
/// by `-` and the full digest. This is the rule of the specification and of ocfl-py 2.1.0.
struct HashAndIdNTupleLayout: Codable, Equatable, Sendable {
    static let extensionName = "0003-hash-and-id-n-tuple-storage-layout"
    /// The description ocfl-py writes in `ocfl_layout.json` for this extension.
    static let description =
        "Extension 0003: Hashed Truncated N-tuple Trees with Object ID Encapsulating Directory for OCFL Storage Hierarchies"
    /// Encoded object folder names longer than this are truncated and suffixed with the digest.
    static let maximumEncodedLength = 100

    var extensionName: String = Self.extensionName
    var digestAlgorithm: String = "sha256"
    var tupleSize: Int = 3
    var numberOfTuples: Int = 3

    init() {}

    /// Reads `config.json`; parameters it leaves out take the extension's defaults.
    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        extensionName = try container.decodeIfPresent(String.self, forKey: .extensionName) ?? Self.extensionName
        digestAlgorithm = try container.decodeIfPresent(String.self, forKey: .digestAlgorithm) ?? "sha256"
        tupleSize = try container.decodeIfPresent(Int.self, forKey: .tupleSize) ?? 3
        numberOfTuples = try container.decodeIfPresent(Int.self, forKey: .numberOfTuples) ?? 3
    }

    /// Checks that the parameters describe a layout this code can compute.
    func problem() -> String? {
        if extensionName != Self.extensionName { return "extensionName is \(extensionName), expected \(Self.extensionName)" }
        guard let hexLength = Self.hexLength[digestAlgorithm] else {
            return "digestAlgorithm \(digestAlgorithm) is not supported (sohoa supports sha256 and sha512)"
        }
        if !(0...32).contains(tupleSize) || !(0...32).contains(numberOfTuples) {
            return "tupleSize \(tupleSize) and numberOfTuples \(numberOfTuples) must be between 0 and 32"
        }
        if (tupleSize == 0) != (numberOfTuples == 0) {
            return "tupleSize \(tupleSize) / numberOfTuples \(numberOfTuples): one is 0, so both must be"
        }
        if tupleSize * numberOfTuples > hexLength {
            return "tupleSize × numberOfTuples is more than the \(hexLength) characters of a \(digestAlgorithm) digest"
        }
        return nil
    }

    private static let hexLength = ["sha256": 64, "sha512": 128]

    /// The object folder for `id`, relative to the storage root.
    func objectPath(for id: String) -> String {
        let bytes = Data(id.utf8)
        let hex =
            digestAlgorithm == "sha512"
            ? Hex.string(SHA512.hash(data: bytes)) : Hex.string(SHA256.hash(data: bytes))
        var parts: [String] = []
        var index = hex.startIndex
        for _ in 0..<numberOfTuples {
            let end = hex.index(index, offsetBy: tupleSize)
            parts.append(String(hex[index..<end]))
            index = end
        }
        let encoded = Self.percentEncoded(id)
        parts.append(
            encoded.count > Self.maximumEncodedLength ? encoded.prefix(Self.maximumEncodedLength) + "-" + hex : encoded)
        return parts.joined(separator: "/")
    }

    /// `id` with every UTF-8 byte other than `A-Z a-z 0-9 - _` written as `%xx` (lowercase hex).
    static func percentEncoded(_ id: String) -> String {
        var out = ""
        out.reserveCapacity(id.utf8.count * 3)
        for byte in id.utf8 {
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
                UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "_"):
                out.unicodeScalars.append(Unicode.Scalar(byte))
            default:
                out += "%" + Hex.string([byte])
            }
        }
        return out
    }
}
