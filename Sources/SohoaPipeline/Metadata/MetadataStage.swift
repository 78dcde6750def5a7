import Foundation
import SohoaArchive
import SohoaCatalog
import SohoaCollection
import SohoaOCR
import SohoaText

/// Metadata: Dublin Core for the item and its preservation events (ingest, normalization,
/// recognition) with the software that did them and their per-page parameters, from the pages'
/// saved results. Each event is built here once, for the archive's METS and the catalog.
struct MetadataStage: Stage, Sendable {
    static let kind = PipelineStage.metadata

    let work: WorkArea
    let batchFolder: URL
    /// The pipeline's `lossy-masters`, recorded in the ingestion event when JPEG masters were taken.
    var lossyMasters = LossyMasters.warn
    /// The rights of items without their own (`rights:` in the archive's `server.yaml`).
    var rightsDefaults = RightsDefaults()

    func process(_ input: ItemWork) -> ItemWork {
        var item = input
        item.dublinCore = dublinCore(for: item)
        let results = item.pages.compactMap { work.loadResult(in: $0.folder) }
        let now = Date()
        item.events = [ingestion(input, results, now), normalization(results, now)]
        if let validation = captureValidation(results, now) { item.events.append(validation) }
        if let language = input.context.ocrLanguage {
            item.events.append(recognition(language: language, results, now))
        }
        if let comparison = textLayerComparison(results, now) { item.events.append(comparison) }
        item.events += keptWebEdits(input.item, now)
        return item
    }

    private func ingestion(_ input: ItemWork, _ results: [PageResult], _ now: Date) -> ItemEvent {
        let estimated = results.filter { $0.dpi.estimated }.map(\.name)
        let lossy = results.filter { $0.technical.isLossy }.map(\.name)
        let warned = !lossy.isEmpty && lossyMasters == .warn
        let event = PreservationEvent(
            type: "ingestion", date: results.compactMap(\.recognizedAt).min() ?? now,
            agent: PreservationAgent(name: SoftwareVersions.sohoaWithCodecs),
            outcome: input.failures.isEmpty && !warned ? "success" : "warning",
            detail:
                "\(results.count) pages read from \(input.item.source.lastPathComponent) (batch \(batchFolder.lastPathComponent)); SHA-256 of each original recorded"
                + (estimated.isEmpty ? "" : "; DPI estimated for \(estimated.joined(separator: ", "))")
                + (lossy.isEmpty
                    ? ""
                    : "; lossy masters (JPEG, JPEG 2000) kept as they are for \(lossy.joined(separator: ", ")) (lossy-masters: \(lossyMasters.rawValue))")
                + (input.failures.isEmpty ? "" : "; \(input.failures.count) pages failed"))
        return ItemEvent(premis: event, type: .ingested, summary: event.detail)
    }

    private func normalization(_ results: [PageResult], _ now: Date) -> ItemEvent {
        let deskewed = results.filter { abs($0.transform.rotationDegrees) > 0 }
        let turned = results.filter { ($0.normalize.quarterTurnsApplied ?? 0) != 0 }
        var event = PreservationEvent(
            type: "normalization", date: now, agent: PreservationAgent(name: SoftwareVersions.sohoa), outcome: "success",
            detail: "converted to 8-bit gray; deskewed \(deskewed.count) of \(results.count) pages"
                + (deskewed.isEmpty
                    ? ""
                    : " ("
                        + deskewed.map { "\($0.name): \(String(format: "%.2f", $0.transform.rotationDegrees))°" }.joined(
                            separator: ", ") + ")")
                + (turned.isEmpty
                    ? ""
                    : "; turned upright \(turned.count) pages ("
                        + turned.map {
                            "\($0.name): \(($0.normalize.quarterTurnsApplied ?? 0) * 90)° by \($0.normalize.orientation?.method.rawValue ?? "profile")"
                        }
                        .joined(separator: ", ") + ")")
                + "; originals unchanged")
        let summary = event.detail
        if !results.isEmpty { event.detail = (event.detail ?? "") + Self.normalizationParameters(results) }
        return ItemEvent(premis: event, type: .normalized, summary: summary)
    }

    private func recognition(language: String, _ results: [PageResult], _ now: Date) -> ItemEvent {
        let recognized = results.filter { $0.ocrEngine != nil }
        let confidences = results.compactMap { $0.text?.meanConfidence }
        let mean = confidences.isEmpty ? 0 : confidences.reduce(0, +) / Double(confidences.count)
        let suspects = results.compactMap { result in result.suspectReason.map { "\(result.name) (\($0))" } }
        var event = PreservationEvent(
            type: "optical character recognition", date: recognized.compactMap(\.recognizedAt).max() ?? now,
            agent: PreservationAgent(name: recognized.first?.ocrEngine ?? SoftwareVersions.tesseract),
            outcome: suspects.isEmpty ? "success" : "warning",
            detail:
                "language \(language), page segmentation auto, \(recognized.count) pages, mean word confidence \(String(format: "%.1f", mean))"
                + (suspects.isEmpty ? "" : "; suspect pages (text looks wrong): " + suspects.joined(separator: ", ")))
        let summary = event.detail
        event.detail = (event.detail ?? "") + Self.recognitionParameters(results)
        return ItemEvent(premis: event, type: .recognized, summary: summary)
    }

    /// The text layers of a PDF master's pages against sohoa's OCR of the same pages: the character
    /// error rate of each layer, taking the OCR as the reference; nil when no page had a text layer.
    /// A page without OCR text (an image-only item, a page whose OCR failed or found nothing) has no
    /// reference: its layer is kept and said not compared. The layer is kept as a second opinion
    /// (`pdftext/<page>.txt`), never as the page's text.
    private func textLayerComparison(_ results: [PageResult], _ now: Date) -> ItemEvent? {
        let compared = results.compactMap { result -> String? in
            guard let layer = result.textLayer else { return nil }
            let bornDigital = result.technical.isBornDigital ? " (born-digital page: its text is the author's)" : ""
            guard let ocr = result.text?.plainText, !ocr.allSatisfy(\.isWhitespace) else {
                return "\(result.name): kept, not compared: no OCR" + bornDigital
            }
            let rate = CharacterErrorRate.of(layer, against: ocr)
            return "\(result.name): CER \(String(format: "%.2f", rate * 100))%" + bornDigital
        }
        guard !compared.isEmpty else { return nil }
        let event = PreservationEvent(
            type: "metadata extraction", date: now, agent: PreservationAgent(name: SoftwareVersions.sohoa), outcome: "success",
            detail: "the PDF's own text layer of \(compared.count) pages kept as pdftext/<page>.txt, a second opinion beside "
                + "sohoa's OCR (which stays the page's text); character error rate of the text layer against the OCR: "
                + compared.joined(separator: ", "))
        return ItemEvent(premis: event, type: "pdf-text-compared", summary: event.detail)
    }

    /// The events recording edits made on the web that this run kept over the item's file, named
    /// as an edit names them so that the next run keeps them too.
    private func keptWebEdits(_ item: PlannedItem, _ now: Date) -> [ItemEvent] {
        var details: [String] = []
        if !item.keptWebEdits.isEmpty { details.append(WebEdits.keptDetail(item.keptWebEdits)) }
        if item.keptWebStructure { details.append(WebEdits.keptStructureDetail) }
        return details.map { detail in
            let event = PreservationEvent(
                type: "metadata modification", date: now, agent: PreservationAgent(name: SoftwareVersions.sohoa), outcome: "success",
                detail: detail)
            return ItemEvent(premis: event, type: "web-edits-kept", summary: detail)
        }
    }

    func dublinCore(for item: ItemWork) -> DublinCore {
        let m = item.item.metadata
        let library = m.libraryCode ?? item.context.objectID.split(separator: ":").dropFirst(2).first.map(String.init) ?? ""
        var dc = DublinCore(
            title: m.title ?? item.item.id, creators: m.creator.map { [$0] } ?? [], subjects: m.subject,
            description: m.description, publisher: m.libraryCode.map { "library:\($0)" },
            contributors: m.contributor.map { [$0] } ?? [], date: m.date,
            type: m.type ?? "Text", format: Self.mimeType(ofExtension: item.item.files.first?.pathExtension.lowercased() ?? ""),
            identifiers: [item.context.objectID] + (m.holdingID.map { ["holding:\($0)"] } ?? []),
            source: item.item.source.lastPathComponent, language: m.languages.filter { $0 != "none" },
            rights: m.rights ?? rightsDefaults.statement(library: library, collection: m.type)?.uri)
        dc.alternativeTitle = m.alternativeTitle
        dc.serial = m.serial.map {
            SerialPart(id: $0, title: m.serialTitle, issueDate: m.issueDate, issueNumber: m.issueNumber, volume: m.volume)
        }
        return dc
    }

    /// The MIME type a master's file name suggests (the decoder judges by content; this is for dc:format).
    static func mimeType(ofExtension pathExtension: String) -> String {
        switch pathExtension {
        case "png": "image/png"
        case "jpg", "jpeg", "jpe", "jfif": "image/jpeg"
        case "jp2", "j2k", "j2c", "jpf", "jpx", "jpeg2000": "image/jp2"
        case "pdf": "application/pdf"
        default: "image/tiff"
        }
    }
}
