import Foundation
import SohoaArchive
import SohoaCatalog
import SohoaCollection
import SohoaImaging
import SohoaOCR
import SohoaText

/// Package: writes ALTO, hOCR and text per page and the searchable PDF of the item, then the whole
/// item into the archive as one OCFL object version, atomically (DESIGN §6).
struct PackageStage: Stage, Sendable {
    static let kind = PipelineStage.package

    let root: OCFLStorageRoot
    let work: WorkArea
    let outputs: Set<PipelineConfiguration.Output>
    /// Where the CPU time of the stage's parts is added up (a local run), if anywhere.
    var cpu: StageCPUTimes?

    /// Writes the item; returns the version written.
    func process(_ item: ItemWork) throws(StageFailure) -> WrittenVersion {
        let staging = work.itemStaging(item.item.id)
        do {
            try? FileManager.default.removeItem(at: staging)
            try FileManager.default.createDirectory(at: staging, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(at: staging) }
            let written = try writeItem(item, staging: staging)
            return written
        } catch let failure as StageFailure {
            throw failure
        } catch {
            throw StageFailure(
                stage: .package, file: item.item.source.path, itemID: item.item.id,
                reason: "cannot write the item into the archive: \(error)")
        }
    }

    private func writeItem(_ item: ItemWork, staging: URL) throws -> WrittenVersion {
        var files: [String: URL] = [:]
        var packagePages: [PackagePage] = []
        let hasText = item.context.ocrLanguage != nil
        // The archival PDF/A (lossless) and the compact reading PDF, as the pipeline names them.
        let title = item.item.metadata.title ?? item.item.id
        var pdfs: [(writer: SearchablePDFWriter, use: PackageFileUse, path: String, output: PipelineConfiguration.Output)] = []
        if outputs.contains(.pdf) {
            let url = staging.appendingPathComponent("\(WorkArea.safeName(item.item.id)).pdf")
            pdfs.append(
                (
                    try SearchablePDFWriter(url: url, title: title, producer: SoftwareVersions.sohoa), .pdf,
                    ItemPDF.archivalPath(itemID: item.item.id), .pdf
                ))
        }
        if outputs.contains(.pdfReading) {
            let url = staging.appendingPathComponent("\(WorkArea.safeName(item.item.id)).reading.pdf")
            pdfs.append(
                (
                    try SearchablePDFWriter(url: url, title: title, producer: SoftwareVersions.sohoa, imageCoding: .reading),
                    .readingPDF, ItemPDF.readingPath(itemID: item.item.id), .pdfReading
                ))
        }
        for job in item.pages {
            let page = job.page
            guard let result = work.loadResult(in: job.folder) else {
                throw StageFailure(
                    stage: .package, file: page.file.path, page: page.name, itemID: item.item.id,
                    reason: "the page's result is missing from the work folder \(job.folder.path); run the batch again")
            }
            var refs: [PackageFileRef] = []
            let master = "masters/\(page.file.lastPathComponent.precomposedStringWithCanonicalMapping)"
            files[master] = page.file
            refs.append(
                PackageFileRef(use: .master, logicalPath: master, mimeType: result.technical.format.mimeType))
            let access = "access/\(page.name).png"
            files[access] = WorkArea.accessURL(in: job.folder)
            refs.append(PackageFileRef(use: .access, logicalPath: access, mimeType: "image/png"))
            let text = result.text ?? PageText.empty(width: result.pdfImageWidth, height: result.pdfImageHeight)
            if hasText {
                let context = ALTOContext(
                    pageID: page.name, imageFileName: master, pageNumber: page.sequence,
                    language: result.ocrLanguage ?? "", softwareName: "sohoa", softwareVersion: SoftwareVersions.sohoaVersion,
                    engineVersion: result.ocrEngine ?? SoftwareVersions.tesseract, date: result.recognizedAt ?? Date())
                if outputs.contains(.alto) {
                    let path = "alto/\(page.name).xml"
                    files[path] = try StageCPUTimes.measure(.formats, in: cpu) { () throws in
                        try write(ALTOWriter.document(page: text, transform: result.transform, context: context), staging, path)
                    }
                    refs.append(PackageFileRef(use: .alto, logicalPath: path, mimeType: "text/xml"))
                }
                if outputs.contains(.hocr) {
                    let path = "hocr/\(page.name).hocr"
                    files[path] = try StageCPUTimes.measure(.formats, in: cpu) { () throws in
                        try write(HOCRWriter.document(page: text, transform: result.transform, context: context), staging, path)
                    }
                    refs.append(PackageFileRef(use: .hocr, logicalPath: path, mimeType: "text/html"))
                }
                if outputs.contains(.text) {
                    let path = "text/\(page.name).txt"
                    files[path] = try StageCPUTimes.measure(.formats, in: cpu) { () throws in
                        let plain = text.plainText.precomposedStringWithCanonicalMapping
                        return try write(plain.isEmpty ? "" : plain + "\n", staging, path)
                    }
                    refs.append(PackageFileRef(use: .text, logicalPath: path, mimeType: "text/plain"))
                }
            }
            if let layer = result.textLayer {
                // The PDF master's own text, kept beside the OCR as a second opinion (MetadataStage compares them).
                let path = "pdftext/\(page.name).txt"
                let plain = layer.precomposedStringWithCanonicalMapping.trimmingCharacters(in: .whitespacesAndNewlines)
                files[path] = try write(plain + "\n", staging, path)
                refs.append(PackageFileRef(use: .pdfText, logicalPath: path, mimeType: "text/plain"))
            }
            for pdf in pdfs {
                // Coded by the normalize stage (PagePDFImages): written as it is.
                guard let image = PagePDFImages.load(pdf.output, in: job.folder) else {
                    let (vi, en) = pdf.output == .pdfReading ? ("PDF đọc", "reading PDF") : ("PDF lưu trữ", "archival PDF")
                    throw StageFailure(
                        stage: .package, file: page.file.path, page: page.name, itemID: item.item.id,
                        reason: "thiếu ảnh trang cho \(vi) \(pdf.path) trong thư mục làm việc \(job.folder.path); hãy chạy lại lô / "
                            + "the page's image for the \(en) \(pdf.path) is missing from the work folder \(job.folder.path); "
                            + "run the batch again")
                }
                try StageCPUTimes.measure(.pdf, in: cpu) { () throws in
                    try pdf.writer.addPage(coded: image, dpi: result.pdfImageDPI, text: text)
                }
            }
            packagePages.append(
                PackagePage(name: page.name, sequence: page.sequence, files: refs, technical: Self.technical(result)))
        }
        let structure = try Self.structure(item, pageCount: packagePages.count)
        var itemFiles: [PackageFileRef] = []
        for pdf in pdfs {
            pdf.writer.pageLabels = structure.labels
            pdf.writer.outline = structure.contents.pdfBookmarks
            pdf.writer.metadata = PDFXMPMetadata(dc: item.dublinCore ?? DublinCore(title: item.item.id))
            try StageCPUTimes.measure(.pdf, in: cpu) { () throws in try pdf.writer.finish() }
            files[pdf.path] = pdf.writer.url
            itemFiles.append(PackageFileRef(use: pdf.use, logicalPath: pdf.path, mimeType: "application/pdf"))
        }
        var events = item.events.map(\.premis)
        events.append(
            PreservationEvent(
                type: "packaging", date: Date(), agent: PreservationAgent(name: SoftwareVersions.sohoa),
                outcome: item.failures.isEmpty ? "success" : "warning",
                detail: "OCFL object version with masters, access copies"
                    + (hasText ? ", ALTO, hOCR, text" : "") + (outputs.contains(.pdf) ? " and a PDF" : "")
                    + (outputs.contains(.pdfReading) ? " and a reading PDF" : "")
                    + (item.failures.isEmpty ? "" : "; incomplete: \(item.failures.count) pages could not be read")))
        let package = ItemPackage(
            objectID: item.context.objectID, dc: item.dublinCore ?? DublinCore(title: item.item.id), pages: packagePages,
            itemFiles: itemFiles, events: events, structure: structure)
        return try StageCPUTimes.measure(.ocfl, in: cpu) { () throws in
            try ItemPackager().package(
                package, sourceFiles: files, into: root,
                user: VersionUser(name: "sohoa", address: "urn:sohoa:agent:pipeline"))
        }
    }

    /// The item's page labels and contents for its `pageCount` packaged pages.
    static func structure(_ item: ItemWork, pageCount: Int) throws(StageFailure) -> ItemStructure {
        do {
            return try item.item.metadata.structure(
                pageCount: pageCount, source: BatchPlanner.metadataFile(in: item.item.source))
        } catch {
            throw StageFailure(stage: .package, file: error.file, itemID: item.item.id, reason: error.message)
        }
    }

    /// The master image's technical record for the METS techMD.
    static func technical(_ result: PageResult) -> PageTechnical {
        let t = result.technical
        return PageTechnical(
            mimeType: t.format.mimeType, formatName: t.format.name,
            width: t.width, height: t.height, bitsPerSample: t.bitsPerSample, samplesPerPixel: t.samplesPerPixel,
            colorModel: t.colorModel, compression: t.compression, dpi: result.dpi.dpi, dpiEstimated: result.dpi.estimated,
            frameIndex: t.pageCount > 1 ? result.frameIndex : nil, pronomID: t.pronom?.puid, formatVersion: t.pronom?.version)
    }

    private func write(_ text: String, _ staging: URL, _ logicalPath: String) throws -> URL {
        let url = staging.appendingPathComponent(logicalPath)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
        return url
    }
}
