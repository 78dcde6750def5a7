import Foundation
import SohoaImaging

/// Fuzzes the scan codecs (`FileSignature`, `TIFFFile`, `PNGFile`) through `ScanDecoder`, as ingest uses them.
enum ScanReading {
    /// Pages decoded at most per input, so that one input stays well under the one-second hang limit.
    static let maximumPages = 3

    static func read(_ input: Data, fileName: String) {
        let url = ScratchFolder.file(fileName, input)
        guard let info = try? ScanDecoder.inspect(url) else { return }
        guard (ScanSize.pixels([UInt8](input)) ?? 0) <= ScanSize.decodeLimit else { return }
        for page in 0..<min(info.pageCount, maximumPages) {
            _ = try? ScanDecoder.decode(url, page: page)
        }
    }
}
