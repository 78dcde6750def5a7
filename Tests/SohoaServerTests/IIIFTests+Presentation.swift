import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import SohoaArchive
import SohoaCatalog
import SohoaImaging
import SohoaPipeline
import SohoaTesting
import XCTest

@testable import SohoaServer

/// The IIIF Presentation API: manifests and the collection pass the validator and say what they should.
extension IIIFTests {
    // MARK: - Presentation API

    func testManifestsAndCollectionValidate() async throws {
        let fixture = try fixture()
        let manifest = try await fixture.get("/iiif/\(IIIFTestArchive.ocrItem)/manifest")
        XCTAssertEqual(manifest.status, .ok, manifest.text)
        XCTAssertEqual(manifest.headers[.contentType], "application/ld+json;profile=\"http://iiif.io/api/presentation/3/context.json\"")
        XCTAssertEqual(manifest.headers[.accessControlAllowOrigin], "*")
        try await assertValid(manifest.bytes, name: "ocr-manifest.json")

        let json = try manifest.json()
        XCTAssertEqual(json["id"] as? String, "http://sohoa.test/iiif/\(IIIFTestArchive.ocrItem)/manifest")
        XCTAssertEqual((json["label"] as? [String: [String]])?["vi"], ["Báo Lai Châu, số Xuân Mậu Dần 1998 (trích)"])
        XCTAssertEqual(json["rights"] as? String, "http://rightsstatements.org/vocab/InC/1.0/")
        let canvases = try XCTUnwrap(json["items"] as? [[String: Any]])
        let pages = try fixture.services.catalog.pages(itemID: IIIFTestArchive.ocrItem)
        XCTAssertEqual(canvases.count, 2)
        XCTAssertEqual(
            canvases.map { $0["label"] as? [String: [String]] },
            [["vi": ["Trang 1"], "en": ["Page 1"]], ["vi": ["Trang 2"], "en": ["Page 2"]]])
        XCTAssertEqual(canvases.map { $0["width"] as? Int }, pages.map(\.width))
        XCTAssertEqual(canvases.map { $0["height"] as? Int }, pages.map(\.height))

        // The OCR text: a supplementing annotation per line, inside the canvas, with the archive's words.
        let archivedText = try XCTUnwrap(
            try fixture.services.root.contentURL(
                objectID: try XCTUnwrap(try fixture.services.catalog.item(id: IIIFTestArchive.ocrItem)).objectID,
                logicalPath: "text/\(pages[0].name).txt"))
        let pageText = try String(contentsOf: archivedText, encoding: .utf8)
        let annotations = try XCTUnwrap(((canvases[0]["annotations"] as? [[String: Any]])?.first?["items"]) as? [[String: Any]])
        XCTAssertGreaterThan(annotations.count, 5)
        let canvasID = try XCTUnwrap(canvases[0]["id"] as? String)
        for annotation in annotations {
            XCTAssertEqual(annotation["motivation"] as? String, "supplementing")
            let target = try XCTUnwrap(annotation["target"] as? String)
            let box = try XCTUnwrap(target.split(separator: "#xywh=").last).split(separator: ",").compactMap { Int($0) }
            XCTAssertTrue(target.hasPrefix(canvasID + "#xywh="), target)
            XCTAssertEqual(box.count, 4)
            XCTAssertLessThanOrEqual(box[0] + box[2], try XCTUnwrap(pages[0].width))
            XCTAssertLessThanOrEqual(box[1] + box[3], try XCTUnwrap(pages[0].height))
            let words = try XCTUnwrap((annotation["body"] as? [String: Any])?["value"] as? String)
            XCTAssertTrue(pageText.contains(words), "'\(words)' is a line of the archived text")
        }
        XCTAssertTrue(pageText.lowercased().contains("lai"), "the OCR read the page (its masthead says LAI CHÂU)")

        // seeAlso: ALTO and hOCR, served with access checked.
        let seeAlso = try XCTUnwrap(canvases[1]["seeAlso"] as? [[String: Any]])
        XCTAssertEqual(seeAlso.compactMap { $0["format"] as? String }, ["application/xml", "text/vnd.hocr+html"])
        for link in seeAlso {
            let url = try XCTUnwrap(link["id"] as? String)
            let file = try await fixture.get(String(url.dropFirst("http://sohoa.test".count)))
            XCTAssertEqual(file.status, .ok, url)
            XCTAssertTrue(url.hasSuffix("/\(pages[1].name)"), url)
            XCTAssertTrue(file.text.contains(url.contains("/alto/") ? "<alto" : "ocr_page"), url)
            // Data, not a page of this site: no script in it can run on the site's origin (issue 12).
            XCTAssertEqual(
                file.headers[.contentType], url.contains("/alto/") ? "application/xml; charset=utf-8" : "text/vnd.hocr+html; charset=utf-8")
            XCTAssertFalse(file.headers[.contentType]?.hasPrefix("text/html") == true, url)
            XCTAssertEqual(file.headers[.contentSecurityPolicy], "sandbox; default-src 'none'", url)
            XCTAssertEqual(
                file.headers[.contentDisposition], "inline; filename=\"\(pages[1].name)\(url.contains("/alto/") ? ".xml" : ".hocr")\"")
            XCTAssertEqual(file.headers[.xContentTypeOptions], "nosniff")
        }

        // The image-only item: a canvas, no text.
        if fixture.hasGrid {
            let grid = try await fixture.get("/iiif/\(IIIFTestArchive.gridItem)/manifest")
            XCTAssertEqual(grid.status, .ok, grid.text)
            try await assertValid(grid.bytes, name: "grid-manifest.json")
            let canvas = try XCTUnwrap((try grid.json()["items"] as? [[String: Any]])?.first)
            XCTAssertEqual(canvas["width"] as? Int, 1000)
            XCTAssertNil(canvas["annotations"])
            XCTAssertNil(canvas["seeAlso"])
        }

        // The library's collection lists what a reader may see.
        let collection = try await fixture.get("/iiif/collection/\(IIIFTestArchive.library)")
        XCTAssertEqual(collection.status, .ok, collection.text)
        try await assertValid(collection.bytes, name: "collection.json", collection: true)
        let listed = try XCTUnwrap(try collection.json()["items"] as? [[String: Any]]).compactMap { $0["id"] as? String }
        var expected = [IIIFTestArchive.ocrItem]
        if fixture.hasGrid { expected.append(IIIFTestArchive.gridItem) }
        XCTAssertEqual(Set(listed), Set(expected.map { "http://sohoa.test/iiif/\($0)/manifest" }))
    }
}
