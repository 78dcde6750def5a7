import Foundation
import SohoaImaging

/// Fuzzes the scan codecs (`FileSignature`, `TIFFFile`, `PNGFile`, `JPEGFile`, `JPEG2000File`) through
/// `ScanDecoder`, as ingest uses them.
enum ScanReading {
    /// Pages decoded at most per input, so that one input stays well under the one-second hang limit.
    static let maximumPages = 3

    static func read(_ input: Data, fileName: String) {
        // A PDF goes to poppler's programs, in processes of their own with a time limit (and fuzzed
        // by poppler's own project): starting them per input would only make the fuzzer slow.
        if input.prefix(1024).range(of: Data("%PDF-".utf8)) != nil { return }
        let url = ScratchFolder.file(fileName, input)
        guard let info = try? ScanDecoder.inspect(url) else { return }
        guard ScanSize.withinDecodeLimit([UInt8](input)) else { return }
        for page in 0..<min(info.pageCount, maximumPages) {
            _ = try? ScanDecoder.decode(url, page: page)
        }
    }
}
