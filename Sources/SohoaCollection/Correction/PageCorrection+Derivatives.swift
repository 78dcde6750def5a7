import Foundation
import SohoaArchive
import SohoaCatalog

extension PageCorrection {
    /// Where revised derivatives wait until their version is written: a folder of its own per
    /// correction, inside the archive (same file system as the OCFL root).
    func derivativesScratch() -> URL {
        session.folder.appendingPathComponent("extensions/sohoa-work/derivatives/\(UUID().uuidString)", isDirectory: true)
    }

    /// The files a correction changes besides ALTO and text: each corrected page's hOCR and the text
    /// layer of the item's PDFs, archival and reading (one incremental update each for all the pages), from the corrected ALTO
    /// (page name → ALTO document). A derivative that cannot be revised is left as it was and named
    /// in `problems`, for the version's PREMIS event: the correction itself is never refused for it.
    /// Each revised PDF is a file in `scratch` (the caller removes it once the version is written).
    func revisedDerivatives(
        itemID: String, objectID: String, head: ObjectHead, correctedALTO: [String: String], scratch: URL
    ) -> (files: [String: Data], pdfs: [(path: String, url: URL)], problems: [String]) {
        var files: [String: Data] = [:], problems: [String] = []
        var pages: [String: ALTOPage] = [:]
        for (name, alto) in correctedALTO {
            do {
                pages[name] = try ALTOPage(parsing: alto)
            } catch {
                problems.append("alto/\(name).xml: \(error)")
            }
        }
        for (name, page) in pages {
            let path = "hocr/\(name).hocr"
            guard head.state[path] != nil else { continue }
            do {
                let revised = try HOCRRevision.revise(try read(objectID, path), file: path, alto: page)
                files[path] = Data(revised.utf8)
            } catch {
                problems.append("\(path) not updated: \(error)")
            }
        }
        let pdfPaths = ItemPDF.paths(itemID: itemID).filter { head.state[$0] != nil }
        guard !pages.isEmpty, !pdfPaths.isEmpty else { return (files, [], problems) }
        // The item's page order, the PDFs' page order: read once for both PDFs.
        let order: [String]
        do {
            order = try session.catalog.pages(itemID: itemID).map(\.name).filter { head.state["access/\($0).png"] != nil }
        } catch {
            return (files, [], problems + pdfPaths.map { "\($0) text layer not updated: \(error)" })
        }
        var pdfs: [(path: String, url: URL)] = []
        for pdfPath in pdfPaths {
            do {
                pdfs.append((pdfPath, try revisedPDF(pdfPath, objectID: objectID, order: order, pages: pages, scratch: scratch)))
            } catch {
                problems.append("\(pdfPath) text layer not updated: \(error)")
            }
        }
        return (files, pdfs, problems)
    }

    /// The PDF at `pdfPath` with the text of `pages` (page name → corrected ALTO) replaced, as a new file in `scratch`;
    /// `order` is the item's page names in the PDF's order.
    private func revisedPDF(
        _ pdfPath: String, objectID: String, order: [String], pages: [String: ALTOPage], scratch: URL
    ) throws -> URL {
        var byIndex: [Int: ALTOPage] = [:]
        for (name, page) in pages {
            guard let index = order.firstIndex(of: name) else {
                throw DerivativeError(file: pdfPath, reason: "page \(name) is not in it")
            }
            byIndex[index] = page
        }
        guard let url = try session.root.contentURL(objectID: objectID, logicalPath: pdfPath) else {
            throw DerivativeError(file: pdfPath, reason: "is missing from the archive")
        }
        let pdf = try ArchivedPDF(url: url, file: pdfPath)
        guard try pdf.pageObjects().count == order.count else {
            throw DerivativeError(file: pdfPath, reason: "its page count differs from the item's (\(order.count))")
        }
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        let revised = scratch.appendingPathComponent(UUID().uuidString + ".pdf")
        try PDFTextLayerRevision.revise(pdf, pages: byIndex, to: revised)
        return revised
    }
}
