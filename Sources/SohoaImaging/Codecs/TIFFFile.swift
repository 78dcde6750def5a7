import CTIFF
import Foundation

/// An open TIFF file. Owns the libtiff handle and the buffer that collects libtiff's error text;
/// both are freed in `deinit`. Not `Sendable`: use it on one thread and let it go.
final class TIFFFile {
    /// Largest page decoded, in pixels (a 600 dpi A2 scan is about 140 megapixels).
    static let maximumPixels = 400_000_000

    let path: String
    let handle: OpaquePointer
    let messages: UnsafeMutablePointer<SohoaTIFFMessages>

    /// Opens the TIFF at `path`, after checking its chain of directories (see `TIFFDirectoryChain`).
    init(path: String) throws(ImagingError) {
        _ = try TIFFDirectoryChain(path: path)
        let messages = UnsafeMutablePointer<SohoaTIFFMessages>.allocate(capacity: 1)
        messages.initialize(to: SohoaTIFFMessages())
        guard let handle = sohoa_tiff_open(path, messages) else {
            let text = Self.text(of: messages)
            messages.deinitialize(count: 1)
            messages.deallocate()
            throw ImagingError(
                file: path, kind: .corrupt,
                reason: "the TIFF file is damaged or truncated and cannot be opened"
                    + (text.isEmpty ? "" : " (libtiff: \(text))") + "; rescan or re-export it")
        }
        self.path = path
        self.handle = handle
        self.messages = messages
    }

    deinit {
        TIFFClose(handle)
        messages.deinitialize(count: 1)
        messages.deallocate()
    }

    /// Number of pages (image directories); an error when the chain of pages is broken (a truncated
    /// multi-page file must not silently lose its last pages).
    func pageCount() throws(ImagingError) -> Int {
        clearMessages()
        let count = Int(TIFFNumberOfDirectories(handle))
        let text = Self.text(of: messages)
        guard text.isEmpty, count > 0 else {
            throw ImagingError(
                file: path, kind: .corrupt,
                reason: "the TIFF's list of pages is damaged or truncated after page \(count)"
                    + (text.isEmpty ? "" : " (libtiff: \(text))") + "; rescan or re-export the file")
        }
        return count
    }

    /// Whether any page is coded as JPEG (TIFF compression 6, old-style, or 7): such a file is not a
    /// lossless master, whatever its container.
    func hasJPEGPages() throws(ImagingError) -> Bool {
        let count = try pageCount()
        for page in 0..<count {
            guard TIFFSetDirectory(handle, tdir_t(page)) != 0 else {
                throw corrupt(page: page, "the page's directory cannot be read")
            }
            var code: UInt16 = 0
            guard sohoa_tiff_get_u16_defaulted(handle, UInt32(TIFFTAG_COMPRESSION), &code) != 0 else { continue }
            if Self.jpegCompressionNames.contains(Self.compressionName(Int(code))) { return true }
        }
        return false
    }

    /// Decodes one page (0-based) to an 8-bit raster.
    func decode(page: Int) throws(ImagingError) -> DecodedScan {
        let count = try pageCount()
        guard page >= 0, page < count else {
            throw ImagingError(
                file: path, page: page, kind: .pageOutOfRange,
                reason: "the file has \(count) page\(count == 1 ? "" : "s"); there is no page \(page + 1)")
        }
        clearMessages()
        guard TIFFSetDirectory(handle, tdir_t(page)) != 0 else {
            throw corrupt(page: page, "the page's directory cannot be read")
        }
        let fields = readFields()
        let technical = try technicalMetadata(fields, page: page, pageCount: count)
        let raster: Raster
        if let direct = try decodeDirectly(fields, page: page) {
            raster = direct
        } else {
            raster = try decodeThroughRGBA(fields, page: page)
        }
        return DecodedScan(raster: raster, technical: technical)
    }

    // MARK: - Errors

    func clearMessages() {
        messages.pointee = SohoaTIFFMessages()
    }

    static func text(of messages: UnsafeMutablePointer<SohoaTIFFMessages>) -> String {
        withUnsafeBytes(of: &messages.pointee.text) { raw in
            String(decoding: raw.prefix(while: { $0 != 0 }), as: UTF8.self)
        }
    }

    func corrupt(page: Int, _ what: String) -> ImagingError {
        let text = Self.text(of: messages)
        return ImagingError(
            file: path, page: page, kind: .corrupt,
            reason: "\(what): the TIFF data is damaged or truncated"
                + (text.isEmpty ? "" : " (libtiff: \(text))") + "; rescan or re-export the file")
    }
}
