import Foundation
import SohoaArchive
import SohoaCatalog
import SohoaCollection

/// The metadata of one record in a format. The archived description is used when the item's object
/// has it (`dc.xml`, the MODS in `mets.xml`); otherwise — an object not (yet) readable, a document
/// in an unexpected shape — it is made from the catalog's fields with the archive's own writers, so
/// every record can be disseminated in every listed format. MARC 21 is made from the catalog's
/// description (`ItemMARCRecord`, as `sohoa export --format marcxml`). All carry a link to the item page.
/// A record whose metadata cannot be made fails the request; nothing empty is sent or kept.
struct OAIRecordMetadata: Sendable {
    /// The OCFL storage root, or nil to use the catalog only.
    let root: OCFLStorageRoot?
    /// The catalog, for the item descriptions MARC records are made from.
    let catalog: Catalog
    /// Rights for MARC records of items without their own (server.yaml's `rights:`).
    let rights: RightsDefaults
    /// The item page's address, for an item id.
    let itemPage: @Sendable (String) -> String
    /// Elements already made, by record version and format: reading and cutting the archived files
    /// costs far more than the rest of a ListRecords answer, and harvesters ask for the same pages.
    let made = IIIFCache<String>(budget: 16 << 20)

    init(
        root: OCFLStorageRoot?, catalog: Catalog, rights: RightsDefaults, itemPage: @escaping @Sendable (String) -> String
    ) {
        self.root = root
        self.catalog = catalog
        self.rights = rights
        self.itemPage = itemPage
    }

    /// Why a record's metadata could not be made: the catalog lost the item between the list and
    /// the record, or a writer gave no element. The request fails (HTTP 500: harvesters retry)
    /// rather than send an empty, invalid `<metadata>`.
    struct Unmade: Error, CustomStringConvertible {
        let itemID: String
        let format: OAIMetadataFormat
        var description: String { "no \(format.rawValue) metadata could be made for item '\(itemID)'" }
    }

    /// The `<metadata>` content for `row` in `format` (one element, namespaces declared on it), for
    /// harvesters that see `visible` access levels. Dublin Core and MODS are kept per item, OCFL
    /// version and datestamp (a change to the item moves one of them). MARC 21 is made anew from the
    /// catalog each time: it also depends on the holding (its collection type, how many items name
    /// it), which can change without the item changing. Throws when the catalog fails.
    func element(for row: OAIRecordRow, format: OAIMetadataFormat, visible: Set<AccessLevel>) throws -> String {
        if format == .marc21 { return try marc21(for: row, visible: visible) }
        let key = [format.rawValue, row.id, row.objectID, row.ocflVersion ?? "", row.datestampKey]
            .joined(separator: "\u{0}")
        if let element = made.value(for: key) { return element }
        guard let element = making(for: row, format: format), !element.isEmpty else { throw Unmade(itemID: row.id, format: format) }
        made.insert(element, for: key, cost: element.utf8.count)
        return element
    }

    /// The item's MARCXML record, from the catalog: `001` is the register's record id only when no
    /// other item harvesters see names the same holding.
    private func marc21(for row: OAIRecordRow, visible: Set<AccessLevel>) throws -> String {
        guard let item = try catalog.itemAvailability(id: row.id) else { throw Unmade(itemID: row.id, format: .marc21) }
        let holdingIsShared = try item.item.holdingID.map { try catalog.archivedItemCount(holdingID: $0, access: visible) > 1 } ?? false
        return MARCXMLWriter.record(
            ItemMARCRecord.record(item, itemPage: itemPage(row.id), rights: rights, holdingIsShared: holdingIsShared))
    }

    private func making(for row: OAIRecordRow, format: OAIMetadataFormat) -> String? {
        switch format {
        case .oaiDC:
            let dc =
                archived(row, path: "dc.xml").flatMap(Self.oaiDCElement)
                ?? Self.oaiDCElement(
                    DublinCoreWriter.oaiDC(Self.dublinCore(row)))
            return dc.map {
                Self.inserting("<dc:identifier>\(OAIXML.escape(itemPage(row.id)))</dc:identifier>", beforeClosing: "oai_dc:dc", in: $0)
            }
        case .mods:
            let mods =
                archived(row, path: "mets.xml").flatMap(METSDescription.mods)
                ?? METSDescription.mods(
                    in: METSWriter.document(
                        ItemPackage(objectID: row.objectID, dc: Self.dublinCore(row), pages: []), createdAt: row.datestamp))
            guard let mods else { return nil }
            let prefix = mods.dropFirst().prefix { $0 != ":" }
            let location =
                "<\(prefix):location><\(prefix):url usage=\"primary display\" access=\"object in context\">"
                + "\(OAIXML.escape(itemPage(row.id)))</\(prefix):url></\(prefix):location>"
            return Self.inserting(location, beforeClosing: "\(prefix):mods", in: mods)
        case .marc21:
            return nil
        }
    }

    /// The text of a file in the item's archived head version, or nil.
    private func archived(_ row: OAIRecordRow, path: String) -> String? {
        guard let root, let url = try? root.contentURL(objectID: row.objectID, logicalPath: path) else { return nil }
        return try? String(contentsOf: url, encoding: .utf8)
    }

    /// The `oai_dc:dc` element of an oai_dc document (without the XML declaration), or nil when the
    /// document's root is not `oai_dc:dc` in the oai_dc namespace.
    static func oaiDCElement(_ document: String) -> String? {
        guard let start = document.range(of: "<oai_dc:dc"),
            METSDescription.rootDeclarations(document).contains(
                .init(prefix: "oai_dc", uri: OAIMetadataFormat.oaiDC.namespace)),
            let end = document.range(of: "</oai_dc:dc>", options: .backwards)
        else { return nil }
        return String(document[start.lowerBound..<end.upperBound])
    }

    /// `element` inserted just before the last `</closing>` of `xml`.
    static func inserting(_ element: String, beforeClosing name: String, in xml: String) -> String {
        guard let end = xml.range(of: "</\(name)>", options: .backwards) else { return xml }
        var xml = xml
        xml.insert(contentsOf: element, at: end.lowerBound)
        return xml
    }

    /// The item's Dublin Core from the catalog fields (as the metadata stage makes it).
    static func dublinCore(_ row: OAIRecordRow) -> DublinCore {
        func list(_ text: String?, separator: Character) -> [String] {
            (text ?? "").split(separator: separator).map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        }
        var dc = DublinCore(
            title: row.title.flatMap { $0.isEmpty ? nil : $0 } ?? row.id, creators: list(row.creator, separator: ";"),
            subjects: list(row.subject, separator: ";"), publisher: "library:\(row.libraryCode)", date: row.date,
            type: row.type ?? "Text",
            identifiers: [row.objectID] + (row.holdingID.map { ["holding:\($0)"] } ?? []),
            language: list(row.language, separator: "+").filter { $0 != "none" })
        dc.serial = row.serial.map { SerialPart(id: $0, title: row.serialTitle, issueDate: row.issueDate) }
        return dc
    }
}
