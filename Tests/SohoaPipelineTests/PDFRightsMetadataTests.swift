import Foundation
import SohoaArchive
import SohoaCatalog
import SohoaTesting
import XCTest

@testable import SohoaCollection
@testable import SohoaPipeline

/// The item PDF names its title, creator and rights (issue 14): an XMP metadata stream on the
/// catalog (dc:title, dc:creator, dc:rights with the Vietnamese label, xmpRights:WebStatement and
/// Marked) and the Info `/Title`, read back with pikepdf; a web edit of the title or rights appends an
/// update with the new values, a later structure save keeps them, and the PDF stays valid and
/// searchable (validate-pdf, pdftotext).
final class PDFRightsMetadataTests: XCTestCase {
    /// The PDF's XMP and Info title as pikepdf reads them.
    private func readBack(_ pdf: URL) throws -> [String: Any] {
        // The checks' virtual environment (`CHECKS_VENV` overrides it, as for the checks themselves).
        let venv = ProcessInfo.processInfo.environment["CHECKS_VENV"].map { URL(fileURLWithPath: $0) }
        let python = (venv ?? SharedChecks.folder.appendingPathComponent(".venv")).appendingPathComponent("bin/python")
        guard FileManager.default.isExecutableFile(atPath: python.path) else {
            throw XCTSkip("\(python.path) not found: run ../shared/checks/setup.sh (it installs pikepdf)")
        }
        let script = """
            json, sys, pikepdf = (__import__(name) for name in ("json", "sys", "pikepdf"))
            with pikepdf.open(sys.argv[1]) as pdf:
                meta = pdf.open_metadata()
                print(json.dumps({
                    "title": meta.get("dc:title"), "creator": list(meta.get("dc:creator") or []),
                    "rights": meta.get("dc:rights"), "web": meta.get("xmpRights:WebStatement"),
                    "marked": meta.get("xmpRights:Marked"), "info": str(pdf.docinfo.get("/Title")),
                    "labels": len(pdf.Root.get("/PageLabels", {}).get("/Nums", [])) // 2}))
            """
        let run = try ProcessRunner.run(python, ["-c", script, pdf.path])
        XCTAssertEqual(run.exitCode, 0, run.stderr)
        return try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
    }

    private func pdftotext(_ pdf: URL) throws -> String {
        let run = try ProcessRunner.run(URL(fileURLWithPath: "/usr/bin/pdftotext"), ["-enc", "UTF-8", pdf.path, "-"])
        XCTAssertEqual(run.exitCode, 0, run.stderr)
        return run.stdout
    }

    func testThePDFCarriesTitleAndRightsAndFollowsAWebEdit() throws {
        let folder = try temporaryFolder(removedAfter: self)
        let batch = folder.appendingPathComponent("batch")
        let item = batch.appendingPathComponent("gia-pha")
        try PipelineFixtures.writePages(2, into: item)
        try Data(
            """
            title: Gia phả họ Đèo
            creator: Đèo Văn Long
            rights: http://rightsstatements.org/vocab/InC/1.0/
            pagination: {1: "Bìa", 2: "1"}

            """.utf8
        ).write(to: item.appendingPathComponent("item.yaml"))
        let archive = folder.appendingPathComponent("archive")
        let summary = try BatchRunner(
            options: PipelineFixtures.options(batch: batch, archive: archive) { CountingEngine() },
            progress: RunProgress(batch: "t", reporter: RecordingReporter())
        ).run()
        XCTAssertEqual(summary.exitStatus, .success, "\(summary.snapshot.failures)")
        let session = try ArchiveSession(folder: archive)
        let objectID = "urn:sohoa:LOCAL:gia-pha"
        func pdf() throws -> URL { try XCTUnwrap(try session.root.contentURL(objectID: objectID, logicalPath: "gia-pha.pdf")) }
        func reading() throws -> URL {
            try XCTUnwrap(try session.root.contentURL(objectID: objectID, logicalPath: "reading/gia-pha.pdf"))
        }

        for file in [try pdf(), try reading()] {
            let xmp = try readBack(file)
            XCTAssertEqual(xmp["title"] as? String, "Gia phả họ Đèo", file.path)
            XCTAssertEqual(xmp["creator"] as? [String], ["Đèo Văn Long"], file.path)
            XCTAssertEqual(xmp["rights"] as? String, "Có bản quyền", file.path)
            XCTAssertEqual(xmp["web"] as? String, "http://rightsstatements.org/vocab/InC/1.0/", file.path)
            XCTAssertEqual(xmp["marked"] as? String, "True", file.path)
            XCTAssertEqual(xmp["info"] as? String, "Gia phả họ Đèo", file.path)
            try SharedChecks.assertValid("validate-pdf", ["--expect-text", "--pdfa-1b", file.path])
        }

        // An archivist finds the manuscript is out of copyright and mends the title.
        let editor = MetadataEditor(session: session)
        var description = try XCTUnwrap(try editor.description(of: "gia-pha"))
        description.title = "Gia phả dòng họ Đèo ở Mường Lay"
        description.rights = "http://creativecommons.org/publicdomain/mark/1.0/"
        let before = try [pdf(), reading()].map { try Data(contentsOf: $0) }
        _ = try editor.apply(MetadataEdit(itemID: "gia-pha", description: description), by: "Lò Thị Mai")
        for (file, original) in zip([try pdf(), try reading()], before) {
            let after = try Data(contentsOf: file)
            XCTAssertEqual(after.prefix(original.count), original, "the update is appended: the original bytes stay (\(file.path))")
            let xmp = try readBack(file)
            XCTAssertEqual(xmp["title"] as? String, "Gia phả dòng họ Đèo ở Mường Lay", file.path)
            XCTAssertEqual(xmp["rights"] as? String, "Phạm vi công cộng (Public Domain Mark)", file.path)
            XCTAssertEqual(xmp["web"] as? String, "http://creativecommons.org/publicdomain/mark/1.0/", file.path)
            XCTAssertEqual(xmp["marked"] as? String, "False", file.path)
            XCTAssertEqual(xmp["info"] as? String, "Gia phả dòng họ Đèo ở Mường Lay", file.path)
            XCTAssertEqual(xmp["labels"] as? Int, 2, "the page labels stay (\(file.path))")
            try SharedChecks.assertValid("validate-pdf", ["--expect-text", "--pdfa-1b", file.path])
            XCTAssertTrue(try pdftotext(file).contains("Thư viện"), file.path)
        }

        // A structure save afterwards keeps the new metadata.
        _ = try StructureEdit(session: session).apply(
            itemID: "gia-pha", structure: ItemStructure(labels: ["Bìa", "i"]), by: "Lò Thị Mai")
        for file in [try pdf(), try reading()] {
            let xmp = try readBack(file)
            XCTAssertEqual(xmp["title"] as? String, "Gia phả dòng họ Đèo ở Mường Lay", file.path)
            XCTAssertEqual(xmp["marked"] as? String, "False", file.path)
            try SharedChecks.assertValid("validate-pdf", ["--expect-text", "--pdfa-1b", file.path])
        }
    }
}
