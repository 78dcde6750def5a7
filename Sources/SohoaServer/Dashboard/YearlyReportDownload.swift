import Foundation
import HTTPTypes
import Hummingbird
import SohoaCatalog
import SohoaCollection

/// `/dashboard/report?year=YYYY`: the yearly report of `sohoa report` as a download — the HTML page
/// (`bao-cao-YYYY.html`), or one of its CSV tables with `&format=csv&table=goals|months|…`.
enum YearlyReportDownload {
    /// The CSV tables that can be asked for (the files `sohoa report` writes, without `.csv`).
    static let tables: Set<String> = [
        "goals", "months", "libraries", "types", "ocr", "audits", "failures", "usage", "usage-months", "usage-items",
    ]

    /// The report's `year` (required).
    static let yearParameter = BoundedInt("year", 2000...2100)

    static func response(_ form: FormQuery, services: ServerServices) throws -> Response {
        guard let year = try yearParameter.read(form["year"]) else { throw yearParameter.refusal }
        let format = form["format"] ?? "html"
        guard format == "html" || format == "csv" else { throw HTTPError(.badRequest, message: "format=html|csv") }
        let table = form["table"] ?? "goals"
        guard format == "html" || tables.contains(table) else {
            throw HTTPError(.badRequest, message: "table=" + tables.sorted().joined(separator: "|"))
        }
        let goals: GoalsFile.Contents
        do {
            goals = try DashboardGoals.load(services: services)
        } catch {
            // The goals file must be mended, not the request sent again: not a 500 ("try again").
            throw HTTPError(.conflict, message: error.description)
        }
        let data = try YearlyReport.build(
            catalog: services.catalog, goals: goals.goals, year: year, goalsFile: goals.file, usageTargets: goals.usageTargets)
        // The report's writer is the one `sohoa report` uses; it writes into a folder, read back here.
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("sohoa-report-\(UUID().uuidString)", isDirectory: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try YearlyReport.write(data, to: folder)
        let name = format == "html" ? YearlyReport.htmlName : "\(table).csv"
        let bytes = try Data(contentsOf: folder.appendingPathComponent(name))
        let download = format == "html" ? "bao-cao-\(year).html" : "bao-cao-\(year)-\(table).csv"
        return Response(
            status: .ok,
            headers: [
                .contentType: format == "html" ? "text/html; charset=utf-8" : "text/csv; charset=utf-8",
                .contentDisposition: "attachment; filename=\"\(download)\"",
                .cacheControl: "private, no-store",
                // The report is a self-contained page with its own inline style sheet, opened from disk.
                .contentSecurityPolicy: "default-src 'none'; style-src 'unsafe-inline'; img-src data:",
            ],
            body: ResponseBody(byteBuffer: ByteBuffer(bytes: bytes)))
    }
}
