import Foundation

/// A scanned (or born-digital) PDF read page by page with poppler's programs: a page that is one
/// image covering the page gives that image's own pixels at its own resolution (`pdfimages`, no
/// resampling); any other page is rendered at the resolution of its images (`pdftoppm`, 300 dpi for
/// a page without images). The page's existing text layer (`pdftotext`) comes with it, as a second
/// opinion, never as the page's text.
///
/// The PDF itself stays the master, byte for byte; its pages are frames like a multi-page TIFF's.
struct PDFScanFile {
    /// The PDF's path.
    let path: String

    /// Resolutions a rendered page gets: its images' own, kept within these bounds.
    static let renderDPI: ClosedRange<Double> = 150...600
    /// A page without images is rendered at this resolution.
    static let defaultDPI = 300.0
    /// What ends the compression label of a rendered page that draws no image: a born-digital page,
    /// whose text layer is the author's own (`TechnicalMetadata.isBornDigital`).
    static let bornDigitalLabel = " (no image: born-digital)"

    /// The PDF's page count, and whether any of its images is coded with loss (DCT or JPEG 2000).
    func inspect() throws(ImagingError) -> ScanFileInfo {
        let pages = try inspectPageCount()
        let listing = try imageListing(first: nil)
        return ScanFileInfo(
            format: .pdf, pageCount: pages, isLossy: listing.contains { $0.type == "image" && $0.isLossy })
    }

    /// Page `page` (0-based) as 8-bit pixels, with its technical record and text layer.
    func decode(page: Int) throws(ImagingError) -> DecodedScan {
        let number = page + 1
        let pageCount = try inspectPageCount()
        guard page >= 0, number <= pageCount else {
            throw ImagingError(
                file: path, page: page, kind: .pageOutOfRange, reason: "the PDF has \(pageCount) pages; there is no page \(number)")
        }
        let info = try PopplerTool(name: "pdfinfo", timeout: 60).run(["-f", "\(number)", "-l", "\(number)", path], file: path)
        try refuseFailure(info, "the PDF cannot be opened", page: page)
        let text = String(decoding: info.stdout, as: UTF8.self)
        guard let size = Self.pageSize(text, page: number) else {
            throw ImagingError(file: path, page: page, kind: .corrupt, reason: "the PDF does not give the size of page \(number)")
        }
        let rotation = Self.field("Page +\(number) rot", in: text).flatMap(Int.init) ?? 0
        let images = try imageListing(first: number).filter { $0.page == number }
        var scan: DecodedScan
        if let image = Self.wholePageImage(images, pageSize: size) {
            guard image.width * image.height <= TIFFFile.maximumPixels else {
                throw ImagingError(
                    file: path, page: page, kind: .tooLarge,
                    reason: "the image of page \(number) is \(image.width)×\(image.height) pixels, more than sohoa decodes safely "
                        + "(400 megapixels); split it or scan at a lower resolution")
            }
            scan = try extract(page: page, image: image)
            let turns = ((rotation / 90) % 4 + 4) % 4
            if turns != 0 { scan.raster = scan.raster.quarterTurned(clockwise: turns) }
            scan.technical.compression = "PDF page image (\(image.encoding))"
            scan.technical.resolutionX = image.ppiX
            scan.technical.resolutionY = image.ppiY
        } else {
            let drawn = images.filter { $0.type == "image" }
            let dpi = min(
                Self.renderDPI.upperBound, max(Self.renderDPI.lowerBound, drawn.map { max($0.ppiX, $0.ppiY) }.max() ?? Self.defaultDPI))
            scan = try render(page: page, dpi: dpi, pageSize: size, gray: drawn.allSatisfy { $0.color == "gray" })
            scan.technical.compression =
                "PDF page rendered at \(Int(dpi.rounded())) dpi" + (drawn.isEmpty ? Self.bornDigitalLabel : "")
            scan.technical.resolutionX = dpi
            scan.technical.resolutionY = dpi
        }
        scan.technical.format = .pdf
        scan.technical.pageIndex = page
        scan.technical.pageCount = pageCount
        scan.textLayer = try textLayer(page: number)
        return scan
    }

    /// The number of pages, from `pdfinfo`; an error when the PDF cannot be opened or has none.
    private func inspectPageCount() throws(ImagingError) -> Int {
        let info = try PopplerTool(name: "pdfinfo", timeout: 60).run([path], file: path)
        try refuseFailure(info, "the PDF cannot be opened")
        let text = String(decoding: info.stdout, as: UTF8.self)
        guard let pages = Self.field("Pages", in: text).flatMap(Int.init), pages > 0 else {
            throw ImagingError(file: path, kind: .corrupt, reason: "the PDF has no pages; it is damaged or empty: export the scans as TIFF")
        }
        return pages
    }

    /// The one image of a page when it covers the whole page (within 3%) and nothing else is drawn
    /// with it (no mask, no second image); nil otherwise.
    static func wholePageImage(_ images: [PDFImageListing], pageSize: (width: Double, height: Double)) -> PDFImageListing? {
        guard images.count == 1, let image = images.first, image.type == "image", image.ppiX > 0, image.ppiY > 0 else { return nil }
        let width = Double(image.width) / image.ppiX * 72, height = Double(image.height) / image.ppiY * 72
        func close(_ a: Double, _ b: Double) -> Bool { abs(a - b) <= 0.03 * b }
        return close(width, pageSize.width) && close(height, pageSize.height) ? image : nil
    }

    private func extract(page: Int, image: PDFImageListing) throws(ImagingError) -> DecodedScan {
        let folder = try scratchFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let prefix = folder.appendingPathComponent("page").path
        let run = try PopplerTool(name: "pdfimages").run(["-f", "\(page + 1)", "-l", "\(page + 1)", "-tiff", path, prefix], file: path)
        try refuseFailure(run, "the image of page \(page + 1) cannot be extracted", page: page)
        let files = (try? FileManager.default.contentsOfDirectory(atPath: folder.path))?.sorted() ?? []
        guard let name = files.first(where: { $0.hasSuffix(".tif") }) else {
            throw ImagingError(
                file: path, page: page, kind: .corrupt, reason: "poppler found no image to extract on page \(page + 1) (\(run.said))")
        }
        return try relabelled(TIFFFile(path: folder.appendingPathComponent(name).path).decode(page: 0), page: page)
    }

    private func render(
        page: Int, dpi: Double, pageSize: (width: Double, height: Double), gray: Bool
    ) throws(ImagingError)
        -> DecodedScan
    {
        let width = pageSize.width / 72 * dpi, height = pageSize.height / 72 * dpi
        guard width * height <= Double(TIFFFile.maximumPixels) else {
            throw ImagingError(
                file: path, page: page, kind: .tooLarge,
                reason: "page \(page + 1) is \(Int(pageSize.width))×\(Int(pageSize.height)) pt, too large to render at \(Int(dpi)) dpi; "
                    + "export it as TIFF")
        }
        let folder = try scratchFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let prefix = folder.appendingPathComponent("page").path
        let arguments =
            ["-r", "\(Int(dpi.rounded()))", "-f", "\(page + 1)", "-l", "\(page + 1)", "-singlefile", "-png"] + (gray ? ["-gray"] : [])
            + [path, prefix]
        let run = try PopplerTool(name: "pdftoppm").run(arguments, file: path)
        try refuseFailure(run, "page \(page + 1) cannot be rendered", page: page)
        let png = prefix + ".png"
        guard let bytes = FileManager.default.contents(atPath: png) else {
            throw ImagingError(
                file: path, page: page, kind: .corrupt, reason: "poppler rendered nothing for page \(page + 1) (\(run.said))")
        }
        return try relabelled(PNGFile(path: png, bytes: [UInt8](bytes)).decode(), page: page)
    }

    /// The page's text layer (NFC), or nil when it has none.
    private func textLayer(page number: Int) throws(ImagingError) -> String? {
        let run = try PopplerTool(name: "pdftotext", timeout: 60).run(
            ["-f", "\(number)", "-l", "\(number)", "-enc", "UTF-8", "-layout", path, "-"], file: path)
        guard run.status == 0 else { return nil }
        let text = String(decoding: run.stdout, as: UTF8.self).precomposedStringWithCanonicalMapping
        return text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty ? nil : text
    }

    private func imageListing(first page: Int?) throws(ImagingError) -> [PDFImageListing] {
        let range = page.map { ["-f", "\($0)", "-l", "\($0)"] } ?? []
        let run = try PopplerTool(name: "pdfimages", timeout: 60).run(["-list"] + range + [path], file: path)
        try refuseFailure(run, "the PDF's images cannot be listed")
        return PDFImageListing.parse(String(decoding: run.stdout, as: UTF8.self))
    }

    /// An error naming the file (and page) and what poppler said, when the program failed.
    private func refuseFailure(_ run: PopplerTool.Output, _ what: String, page: Int? = nil) throws(ImagingError) {
        guard run.status != 0 else { return }
        if run.stderr.localizedCaseInsensitiveContains("password") {
            throw ImagingError(
                file: path, page: page, kind: .unsupportedFormat,
                reason: "the PDF is protected by a password; remove the protection (or export the pages as TIFF) and give sohoa that file")
        }
        throw ImagingError(
            file: path, page: page, kind: .corrupt,
            reason: "\(what) (poppler: \(run.said.isEmpty ? "exit \(run.status)" : run.said)); the file is damaged: "
                + "copy it again or export the pages as TIFF")
    }

    /// The decoded image's record, naming the PDF rather than the scratch file.
    private func relabelled(
        _ decode: @autoclosure () throws(ImagingError) -> DecodedScan, page: Int
    ) throws(ImagingError)
        -> DecodedScan
    {
        do {
            return try decode()
        } catch {
            throw ImagingError(file: path, page: page, kind: error.kind, reason: "the image poppler gave for this page: \(error.reason)")
        }
    }

    private func scratchFolder() throws(ImagingError) -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("sohoa-pdf-\(UUID().uuidString)")
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        } catch {
            throw ImagingError(
                file: path, kind: .writeFailed, reason: "no scratch folder for the PDF's page (\(error.localizedDescription))")
        }
        return folder
    }

    /// The value after `name:` on a line of pdfinfo's output (`name` may be a regular expression).
    static func field(_ name: String, in text: String) -> String? {
        for line in text.split(separator: "\n") {
            guard let colon = line.firstIndex(of: ":") else { continue }
            let key = String(line[..<colon])
            if (try? Regex("^\(name)$").wholeMatch(in: key)) != nil {
                return line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
            }
        }
        return nil
    }

    /// `Page    N size: W x H pts` in points.
    static func pageSize(_ text: String, page: Int) -> (width: Double, height: Double)? {
        guard let value = field("Page +\(page) size", in: text) ?? field("Page size", in: text) else { return nil }
        let parts = value.split(separator: " ")
        guard parts.count >= 3, let width = Double(parts[0]), let height = Double(parts[2]), width > 0, height > 0 else { return nil }
        return (width, height)
    }
}
