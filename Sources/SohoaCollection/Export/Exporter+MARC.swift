import Foundation
import SohoaCatalog

extension Exporter {
    /// Writes one MARC 21 record per archived item of `itemIDs` (every one when nil) into
    /// `<out>/marc21.mrc` (ISO 2709) or `<out>/marc21.xml` (MARCXML), each `856` linking to the item's
    /// page under `publicURL` (the address `sohoa serve --public-url` is given), with server.yaml's
    /// default rights for items without their own. Closed and withdrawn items are left out, as
    /// OAI-PMH leaves them out: readers could not open the link. `001` is the register's record id
    /// only for the one item readers may open that names the holding (`Catalog.archivedItemCount`,
    /// over the whole catalog, so an item's `001` does not depend on which items one export names);
    /// volumes and duplicates keep their item id, the holding's in `035`. A record beyond ISO 2709's limits
    /// (e.g. thousands of subjects: over 99,999 bytes) is left out of both formats and named with
    /// its reason in `MARCExport.unwritable`; the others are written.
    public func marc(itemIDs: [String]?, format: ExportFormat, to out: URL, publicURL: String?) throws(RunError) -> MARCExport {
        guard format.isMARC else { throw RunError(.usage, "\(format.rawValue) is not a MARC format") }
        guard let site = publicURL.flatMap(PublicAddress.site(_:)) else {
            throw RunError(
                .usage,
                "MARC records link to the item pages: give --public-url, the address readers use (as for `sohoa serve --public-url`), e.g. https://thuvien.laichau.gov.vn"
            )
        }
        let items = try archivedItems(itemIDs)
        let rights: RightsDefaults
        do {
            rights = try RightsDefaults.load(archive: session.folder)
        } catch {
            throw RunError(.usage, error.description)
        }
        var data = Data()
        var xml = ""
        var written: [String] = []
        var leftOut: [String] = []
        var unwritable: [MARCExport.Unwritable] = []
        do {
            var shared: [String: Bool] = [:]
            for item in items {
                guard let availability = try session.catalog.itemAvailability(id: item.id), availability.isServable else {
                    leftOut.append(item.id)
                    continue
                }
                let holdingIsShared = try item.holdingID.map { holding in
                    if let known = shared[holding] { return known }
                    let isShared = try session.catalog.archivedItemCount(holdingID: holding, access: Self.openable) > 1
                    shared[holding] = isShared
                    return isShared
                }
                let record = ItemMARCRecord.record(
                    availability, itemPage: PublicAddress.itemPage(site: site, itemID: item.id), rights: rights,
                    holdingIsShared: holdingIsShared ?? false)
                // Both formats leave out the same records: one the ISO 2709 writer refuses.
                let bytes: Data
                do throws(MARCWriteError) {
                    bytes = try MARCWriter.data(record)
                } catch {
                    unwritable.append(MARCExport.Unwritable(itemID: item.id, problem: error.problem))
                    continue
                }
                if format == .marc { data.append(bytes) } else { xml += MARCXMLWriter.element(record) }
                written.append(item.id)
            }
        } catch {
            throw RunError(.archive, "cannot read the catalog: \(error)")
        }
        let file = out.appendingPathComponent(format == .marc ? "marc21.mrc" : "marc21.xml")
        do {
            if format == .marcxml { data = Data(MARCXMLWriter.collection(elements: xml).utf8) }
            try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
            try data.write(to: file, options: .atomic)
        } catch {
            throw RunError(.archive, "cannot write \(file.path): \(error.localizedDescription)")
        }
        return MARCExport(file: file, itemIDs: written, leftOut: leftOut, unwritable: unwritable)
    }

    /// The access levels readers may open an item at (signed in for restricted): the items exported.
    static let openable: Set<AccessLevel> = [.public, .restricted]
}
