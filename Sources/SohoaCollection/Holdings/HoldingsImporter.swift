import Foundation
import SohoaArchive
import SohoaCatalog

/// `sohoa holdings import`: reads a register (CSV, MARC 21 ISO 2709 or MARCXML), checks every row,
/// and stores the good ones by holding id in one transaction, reporting added, changed, unchanged
/// and rejected rows.
public struct HoldingsImporter: Sendable {
    /// A register's format.
    public enum Format: String, Sendable, CaseIterable {
        case csv
        case marc
        case marcxml
    }

    public var mapping: MARCMapping
    /// The library code for rows that name none (e.g. `LCH`).
    public var defaultLibraryCode: String?

    public init(mapping: MARCMapping = .standard, defaultLibraryCode: String? = nil) {
        self.mapping = mapping
        self.defaultLibraryCode = defaultLibraryCode
    }

    /// The format of `file`: by extension, else by its first bytes.
    public static func format(of file: URL, data: Data) -> Format {
        switch file.pathExtension.lowercased() {
        case "mrc", "marc", "iso", "iso2709": return .marc
        case "xml", "marcxml": return .marcxml
        case "csv", "tsv", "txt": return .csv
        default:
            let head = String(decoding: data.prefix(200), as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
            if head.hasPrefix("<") { return .marcxml }
            if data.count >= 24, data.prefix(5).allSatisfy({ (0x30...0x39).contains($0) }) { return .marc }
            return .csv
        }
    }

    /// Reads `file` into holdings and rejections without touching a catalog.
    public func read(
        _ file: URL, format: Format? = nil
    ) throws(HoldingsImportError) -> (holdings: [HoldingRecord], report: HoldingsImportReport) {
        let data: Data
        do {
            data = try Data(contentsOf: file)
        } catch {
            throw HoldingsImportError(file: file.path, message: "cannot be read: \(error.localizedDescription)")
        }
        let format = format ?? Self.format(of: file, data: data)
        let name = file.lastPathComponent
        var drafts: [(location: String, draft: HoldingDraft)] = []
        var report: HoldingsImportReport
        switch format {
        case .csv:
            let (text, encoding) = try RegisterText.decode(data, file: file.path)
            report = HoldingsImportReport(file: file.path, format: "csv", encoding: encoding)
            let (rows, rejections) = try HoldingsCSV.read(text, file: file.path)
            report.rejected = rejections
            drafts = rows.map { ("line \($0.line)", $0.draft) }
        case .marc:
            report = HoldingsImportReport(file: file.path, format: "marc", encoding: "UTF-8")
            var encodings = Set<String>()
            for (index, outcome) in MARCReader.read(data).enumerated() {
                switch outcome {
                case .record(let record, let encoding, let warning):
                    encodings.insert(encoding)
                    if let warning { report.warnings.append("record \(index + 1): \(warning)") }
                    drafts.append(("record \(index + 1)", mapping.draft(record)))
                case .rejected(let reason):
                    report.rejected.append(.init(location: "record \(index + 1)", holdingID: nil, reason: reason))
                }
            }
            if !encodings.isEmpty { report.encoding = encodings.sorted().joined(separator: ", ") }
        case .marcxml:
            guard
                String(validating: [UInt8](data), as: UTF8.self) != nil || data.starts(with: [0xFF, 0xFE])
                    || data.starts(with: [0xFE, 0xFF])
            else {
                _ = try RegisterText.decode(data, file: file.path)
                throw HoldingsImportError(file: file.path, message: "is not UTF-8")
            }
            let xml: Data
            do { xml = try XMLPreflight.utf8(data) } catch { throw HoldingsImportError(file: file.path, message: error.reason) }
            report = HoldingsImportReport(file: file.path, format: "marcxml", encoding: "UTF-8")
            let (records, error) = MARCXMLReader.read(xml)
            for (index, entry) in records.enumerated() {
                drafts.append(("record \(index + 1) (line \(entry.line))", mapping.draft(entry.record)))
            }
            if let error {
                report.rejected.append(
                    .init(
                        location: "record \(records.count + 1) (line \(error.line))", holdingID: nil,
                        reason: "the XML is not well-formed (\(error.message)); records after this point were not read"))
            }
        }
        var holdings: [HoldingRecord] = []
        var seen: [String: String] = [:]
        for (location, draft) in drafts {
            switch draft.holding(source: "\(name) \(location)", defaultLibrary: defaultLibraryCode ?? mapping.defaultLibraryCode) {
            case .success(let holding):
                if let earlier = seen[holding.id] {
                    report.rejected.append(
                        .init(location: location, holdingID: holding.id, reason: "holding id \(holding.id) was already given at \(earlier)")
                    )
                    continue
                }
                seen[holding.id] = location
                holdings.append(holding)
            case .failure(let rejection):
                report.rejected.append(.init(location: location, holdingID: HoldingValues.clean(draft.id), reason: rejection.reason))
            }
        }
        report.rejected.sort { Self.order($0.location) < Self.order($1.location) }
        return (holdings, report)
    }

    /// Reads `file` and stores its holdings in `catalog` in one transaction.
    public func importRegister(
        _ file: URL, into catalog: Catalog, format: Format? = nil, at date: Date = Date()
    ) throws -> HoldingsImportReport {
        var (holdings, report) = try read(file, format: format)
        let changes = try catalog.importHoldings(holdings, at: date)
        for change in changes {
            switch change {
            case .added: report.added += 1
            case .changed: report.changed += 1
            case .unchanged: report.unchanged += 1
            }
        }
        return report
    }

    private static func order(_ location: String) -> Int {
        Int(location.split(separator: " ").dropFirst().first ?? "") ?? 0
    }
}
