import Foundation

/// A page image coded for one PDF: its image XObject's entries and stream bytes, with the size in
/// pixels of the image it was coded from (which, with the resolution, gives the page its size).
///
/// Coded once where the page's image is at hand, it can be kept on disk (`serialized`) and written
/// into the item's PDF later without decoding or coding the image again.
public struct PDFCodedImage: Sendable, Equatable {
    /// Width in pixels of the image it was coded from (a reduced JPEG's own width is in `entries`).
    public var width: Int
    /// Height in pixels of the image it was coded from.
    public var height: Int
    /// The XObject's entries after `/Type /XObject /Subtype /Image` (size, colour space, filter).
    public var entries: String
    /// The stream's bytes, already coded as `entries` say.
    public var data: [UInt8]

    /// Creates a coded image.
    public init(width: Int, height: Int, entries: String, data: [UInt8]) {
        self.width = width
        self.height = height
        self.entries = entries
        self.data = data
    }

    private static let magic = "sohoa-pdf-image 1"

    /// The image as bytes for a file: one header line (`sohoa-pdf-image 1 <width> <height>`), the
    /// entries on the next line, then the stream's bytes.
    public func serialized() -> [UInt8] {
        var bytes = Array("\(Self.magic) \(width) \(height)\n\(entries)\n".utf8)
        bytes.reserveCapacity(bytes.count + data.count)
        bytes.append(contentsOf: data)
        return bytes
    }

    /// Reads `serialized()`'s bytes; `nil` when they are not such an image (a file from another
    /// version, or cut short).
    public init?(serialized bytes: [UInt8]) {
        guard let firstEnd = bytes.firstIndex(of: 0x0A),
            let secondEnd = bytes[(firstEnd + 1)...].firstIndex(of: 0x0A),
            let header = String(bytes: bytes[..<firstEnd], encoding: .utf8),
            let entries = String(bytes: bytes[(firstEnd + 1)..<secondEnd], encoding: .utf8)
        else { return nil }
        let fields = header.split(separator: " ")
        guard fields.count == 4, fields[0...1].joined(separator: " ") == Self.magic,
            let width = Int(fields[2]), let height = Int(fields[3]), width > 0, height > 0, !entries.isEmpty
        else { return nil }
        self.init(width: width, height: height, entries: entries, data: Array(bytes[(secondEnd + 1)...]))
    }
}
