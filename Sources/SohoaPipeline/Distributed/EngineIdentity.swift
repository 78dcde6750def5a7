import Crypto
import Foundation
import SohoaArchive
import SohoaCollection
import SohoaOCR
import Synchronization

/// The software a machine makes a page's files with: sohoa's version, Tesseract's, and each Tesseract
/// model the page stages use (orientation and the item's OCR languages), by the SHA-256 of its file.
///
/// The planner puts its own in each page's order (`QueueOrder.engine`); a worker whose identity differs
/// gives the page back (`QueueWorker`), so every result of a page, whichever worker made it, is the same
/// bytes: a late worker's files then equal the recorded ones, and a PDF never gets one machine's image
/// under another's text.
struct EngineIdentity: Codable, Sendable, Equatable, CustomStringConvertible {
    /// sohoa's name and version.
    var sohoa: String
    /// Tesseract's name and version.
    var tesseract: String
    /// Each model's name (`osd`, `vie`, …) and the SHA-256 of its `.traineddata` (`missing` without one).
    var models: [String: String]

    /// This machine's identity for pages in `language` (`nil`: an image-only item) with the models in `tessdata`.
    static func here(language: String?, tessdata: URL) -> EngineIdentity {
        let names = ["osd"] + (language?.split(separator: "+").map(String.init) ?? [])
        var models: [String: String] = [:]
        for name in names { models[name] = digest(of: tessdata.appendingPathComponent("\(name).traineddata")) }
        return EngineIdentity(sohoa: SoftwareVersions.sohoa, tesseract: SoftwareVersions.tesseract, models: models)
    }

    var description: String {
        ([sohoa, tesseract] + models.keys.sorted().map { "\($0) \(models[$0].map { String($0.prefix(12)) } ?? "")" })
            .joined(separator: ", ")
    }

    /// Model digests already computed by this process, by file path (a model is hashed once).
    private static let digests = Mutex<[String: String]>([:])

    /// The SHA-256 of the file at `url`, or `missing`.
    private static func digest(of url: URL) -> String {
        if let known = digests.withLock({ $0[url.path] }) { return known }
        let digest = (try? FileHasher.hex(SHA256.self, of: url)) ?? "missing"
        digests.withLock { $0[url.path] = digest }
        return digest
    }
}
