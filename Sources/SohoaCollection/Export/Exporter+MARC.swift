import Foundation
import SohoaCatalog

extension Exporter {
    /// Writes one MARC 21 record per archived item of `itemIDs` (every one when nil) into
    /// `<out>/marc21.mrc` (ISO 2709) or `<out>/marc21.xml` (MARCXML), each `856` linking to the item's
    /// page under `publicURL` (the address `sohoa serve --public-url` is given), with server.yaml's
    /// default rights for items without their own. Closed and withdrawn
    /// items are left out, as OAI-PMH leaves them out: readers could not open the link.
    public func marc(itemIDs: [String]?, format: ExportFormat, to out: URL, publicURL: String?) throws(RunError) -> MARCExport {
        guard format.isMARC else { throw RunError(.usage, "\(format.rawValue) is not a MARC format") }
        guard let site = publicURL.flatMap(Self.site) else {
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
        var records: [MARCRecord] = []
        var written: [String] = []
        var leftOut: [String] = []
        do {
            for item in items {
                guard let availability = try session.catalog.itemAvailability(id: item.id), availability.isServable else {
                    leftOut.append(item.id)
                    continue
                }
                records.append(
                    ItemMARCRecord.record(availability, itemPage: Self.itemPage(site: site, itemID: item.id), rights: rights))
                written.append(item.id)
            }
        } catch {
            throw RunError(.archive, "cannot read the catalog: \(error)")
        }
        let file = out.appendingPathComponent(format == .marc ? "marc21.mrc" : "marc21.xml")
        do {
            let data = try format == .marc ? MARCWriter.data(records) : Data(MARCXMLWriter.collection(records).utf8)
            try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
            try data.write(to: file, options: .atomic)
        } catch let error as MARCWriteError {
            throw RunError(.archive, "\(error)")
        } catch {
            throw RunError(.archive, "cannot write \(file.path): \(error.localizedDescription)")
        }
        return MARCExport(file: file, itemIDs: written, leftOut: leftOut)
    }

    /// The public address without a trailing `/`, or nil when it is not an http(s) URL.
    static func site(_ publicURL: String) -> String? {
        var site = publicURL.trimmingCharacters(in: .whitespaces)
        while site.hasSuffix("/") { site.removeLast() }
        guard let url = URL(string: site), let scheme = url.scheme?.lowercased(), ["http", "https"].contains(scheme), url.host != nil
        else { return nil }
        return site
    }

    /// The item's public page, `<site>/items/<item-id>` (as the server and OAI-PMH link it).
    static func itemPage(site: String, itemID: String) -> String {
        site + "/items/" + (itemID.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed.subtracting(["/"])) ?? itemID)
    }
}
