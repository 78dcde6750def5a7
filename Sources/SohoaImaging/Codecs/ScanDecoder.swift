import Foundation

/// Reads TIFF, PNG, JPEG and JPEG 2000 scans in-process (libtiff, libpng, libjpeg-turbo, OpenJPEG)
/// and PDF pages through poppler's programs (`PDFScanFile`); refuses every other format with a reason.
///
/// The format is decided by the file's first bytes, never by its extension.
public enum ScanDecoder {
    /// The format and page count of a scan, without decoding pixels.
    public static func inspect(_ url: URL) throws(ImagingError) -> ScanFileInfo {
        switch try acceptedFormat(url) {
        case .tiff:
            let file = try TIFFFile(path: url.path)
            return ScanFileInfo(format: .tiff, pageCount: try file.pageCount(), isLossy: try file.hasJPEGPages())
        case .png:
            _ = try PNGFile(path: url.path, bytes: readAll(url)).readHeader()
            return ScanFileInfo(format: .png, pageCount: 1)
        case .jpeg:
            _ = try JPEGFile(path: url.path, bytes: readAll(url)).readHeader()
            return ScanFileInfo(format: .jpeg, pageCount: 1)
        case .jpeg2000:
            let header = try JPEG2000File(path: url.path, bytes: readAll(url)).readHeader()
            // A file whose coding cannot be read is taken as lossy: nothing proves it lossless.
            return ScanFileInfo(format: .jpeg2000, pageCount: 1, isLossy: header.boxes.isLossless != true)
        case .pdf:
            return try PDFScanFile(path: url.path).inspect()
        }
    }

    /// Decodes page `page` (0-based) of a scan to 8-bit gray or RGB pixels plus its technical metadata.
    public static func decode(_ url: URL, page: Int = 0) throws(ImagingError) -> DecodedScan {
        var scan = try decodeFrame(url, page: page)
        scan.technical.pronom = PRONOMFormat.identify(url)
        return scan
    }

    private static func decodeFrame(_ url: URL, page: Int) throws(ImagingError) -> DecodedScan {
        switch try acceptedFormat(url) {
        case .tiff:
            return try TIFFFile(path: url.path).decode(page: page)
        case .png:
            try onlyPage(page, of: url, "a PNG")
            return try PNGFile(path: url.path, bytes: readAll(url)).decode()
        case .jpeg:
            try onlyPage(page, of: url, "a JPEG")
            return try JPEGFile(path: url.path, bytes: readAll(url)).decode()
        case .jpeg2000:
            try onlyPage(page, of: url, "a JPEG 2000 image")
            return try JPEG2000File(path: url.path, bytes: readAll(url)).decode()
        case .pdf:
            return try PDFScanFile(path: url.path).decode(page: page)
        }
    }

    /// Refuses any page but the first of a single-image file, naming the file and the page.
    private static func onlyPage(_ page: Int, of url: URL, _ what: String) throws(ImagingError) {
        guard page != 0 else { return }
        throw ImagingError(
            file: url.path, page: page, kind: .pageOutOfRange, reason: "\(what) has one page; there is no page \(page + 1)")
    }

    /// The format of `url`, or an error that says what the file is and what to do with it.
    static func acceptedFormat(_ url: URL) throws(ImagingError) -> ScanFormat {
        switch try FileSignature.sniff(url) {
        case .tiff:
            return .tiff
        case .png:
            return .png
        case .jpeg:
            return .jpeg
        case .jpeg2000:
            return .jpeg2000
        case .pdf:
            return .pdf
        case .empty:
            throw ImagingError(
                file: url.path, kind: .emptyFile,
                reason: "the file is empty (0 bytes), so the scan or the copy failed; copy it again or rescan the page")
        case .unsupported(let name, let advice):
            throw ImagingError(
                file: url.path, kind: .unsupportedFormat,
                reason: "this is \(name); sohoa reads TIFF, PNG, JPEG, JPEG 2000 and PDF scans — \(advice)")
        case .unknown(let firstBytes):
            let hex = firstBytes.map { String(format: "%02X", $0) }.joined(separator: " ")
            throw ImagingError(
                file: url.path, kind: .unsupportedFormat,
                reason: "this is not a TIFF, PNG, JPEG, JPEG 2000 or PDF file (it starts with bytes \(hex)); sohoa reads TIFF, "
                    + "PNG, JPEG, JPEG 2000 and PDF scans — check that this is a scan and export it as TIFF")
        }
    }

    private static func readAll(_ url: URL) throws(ImagingError) -> [UInt8] {
        do {
            return [UInt8](try Data(contentsOf: url))
        } catch {
            throw ImagingError(
                file: url.path, kind: .unreadable,
                reason: "the file cannot be read (\(error.localizedDescription)); check that it exists and is readable")
        }
    }
}
