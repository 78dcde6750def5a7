import Foundation
import SohoaArchive
import SohoaCatalog
import XCTest

@testable import SohoaSharing

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// A throwaway archive (OCFL root + catalog) with packaged items, for the OAI-PMH tests.
final class OAITestArchive {
    let folder: URL
    let root: OCFLStorageRoot
    let catalog: Catalog

    init() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("sohoa-oai-\(UUID().uuidString)")
        root = try OCFLStorageRoot.openOrCreate(at: folder)
        catalog = try Catalog(url: folder.appendingPathComponent(Catalog.fileName))
    }

    deinit {
        try? FileManager.default.removeItem(at: folder)
    }

    /// Stores a packaged item (catalog only: no object in the archive) last changed at `date`.
    @discardableResult
    func addItem(
        _ id: String, library: String = "LCH", type: String? = "Sách", title: String? = nil, at date: Date = Date(),
        access: AccessLevel = .public
    ) throws -> ItemRecord {
        let item = try catalog.upsertItem(
            ItemRecord(
                id: id, libraryCode: library, title: title ?? "Tài liệu \(id)", creator: "Thư viện tỉnh Lai Châu",
                date: "2016", language: "vie", type: type, subject: "Lai Châu; Dân tộc", sourcePath: "/batch/\(id)",
                state: .packaged, ocflVersion: "v1", objectPath: "objects/\(id)", pageCount: 1, packagedAt: date),
            at: date)
        if access != .public { try catalog.setAccess(itemID: id, access, at: date, recordingChange: false) }
        return item
    }

    /// Writes an OCFL object for an item with this Dublin Core (mets.xml + dc.xml, no pages).
    func archiveObject(itemID: String, library: String = "LCH", dc: DublinCore) throws {
        let package = ItemPackage(objectID: ItemRecord.objectID(libraryCode: library, itemID: itemID), dc: dc, pages: [])
        _ = try ItemPackager().package(package, sourceFiles: [:], into: root, user: VersionUser(name: "test"))
    }

    /// A provider over this archive.
    func provider(_ configuration: SharingConfiguration = SharingConfiguration(pageSize: 10)) -> OAIProvider {
        OAIProvider(catalog: catalog, configuration: configuration, baseURL: "http://example.org/oai", root: root)
    }
}

/// An OAI-PMH response parsed for assertions.
struct OAIResponseDocument {
    let xml: String
    let document: XMLDocument

    init(_ xml: String, file: StaticString = #filePath, line: UInt = #line) throws {
        self.xml = xml
        do {
            document = try XMLDocument(xmlString: xml)
        } catch {
            XCTFail("response is not well-formed XML: \(error)\n\(xml)", file: file, line: line)
            throw error
        }
    }

    /// The string values of nodes matched by an XPath written with local names.
    func values(_ xpath: String) -> [String] {
        ((try? document.nodes(forXPath: xpath)) ?? []).map { $0.stringValue ?? "" }
    }

    /// The first error code, or nil.
    var errorCode: String? { values("//*[local-name()='error']/@code").first }

    /// The record or header identifiers, in order.
    var identifiers: [String] { values("//*[local-name()='header']/*[local-name()='identifier']") }

    /// Identifiers of headers marked deleted.
    var deletedIdentifiers: [String] {
        values("//*[local-name()='header'][@status='deleted']/*[local-name()='identifier']")
    }

    /// The resumption token's text (empty at the end of a list), or nil when there is none.
    var resumptionToken: String? { values("//*[local-name()='resumptionToken']").first }

    /// An attribute of the resumption token.
    func tokenAttribute(_ name: String) -> String? { values("//*[local-name()='resumptionToken']/@\(name)").first }

    /// The `<request>` element's attributes.
    var requestAttributes: [String] { values("//*[local-name()='request']/@*") }
}

extension OAIProvider {
    /// The parsed response to simple arguments.
    func respond(_ arguments: [String: String], at now: Date = Date()) throws -> OAIResponseDocument {
        try OAIResponseDocument(response(to: arguments.mapValues { [$0] }, at: now))
    }

    /// Follows a list through all its resumption tokens; returns every page.
    func harvest(_ arguments: [String: String], at now: Date = Date()) throws -> [OAIResponseDocument] {
        var pages = [try respond(arguments, at: now)]
        while let token = pages.last?.resumptionToken, !token.isEmpty, pages.count < 100 {
            pages.append(try respond(["verb": arguments["verb"] ?? "", "resumptionToken": token], at: now))
        }
        return pages
    }
}
