import Foundation
import SohoaCatalog
import XCTest

@testable import SohoaSharing

/// Presentation 3 manifests and collections as built from catalog records (the validator runs on
/// them in SohoaServerTests/IIIFTests).
final class IIIFManifestBuilderTests: XCTestCase {
    private let builder = IIIFManifestBuilder(links: IIIFLinks(baseURL: "https://thuvien.example/"), repositoryName: "Thư viện số")

    private func item(metadataJSON: String? = nil, language: String = "vie") -> ItemRecord {
        ItemRecord(
            id: "địa chí", libraryCode: "LCH", title: "Địa chí Lai Châu", creator: "Ban biên soạn", date: "2016", language: language,
            type: "Sách", subject: "Lai Châu", holdingID: "LCH-DC-0001", metadataJSON: metadataJSON, sourcePath: "/b/x", state: .packaged,
            pageCount: 2)
    }

    private let pages = [
        IIIFCanvasPage(
            pageID: 7, name: "p1", sequence: 1, width: 1000, height: 1400, hasALTO: true, hasHOCR: true,
            lines: [IIIFTextLine(text: "Thư viện tỉnh", x: 10, y: 20, width: 300, height: 40)]),
        IIIFCanvasPage(pageID: 8, name: "p2", sequence: 2, width: 150, height: 100, text: "Cả trang"),
    ]

    private func object(_ json: IIIFJSON) throws -> [String: Any] {
        try XCTUnwrap(JSONSerialization.jsonObject(with: json.data()) as? [String: Any])
    }

    func testManifestShape() throws {
        let manifest = try object(builder.manifest(item: item(), pages: pages))
        XCTAssertEqual(manifest["@context"] as? String, "http://iiif.io/api/presentation/3/context.json")
        XCTAssertEqual(manifest["id"] as? String, "https://thuvien.example/iiif/%C4%91%E1%BB%8Ba%20ch%C3%AD/manifest")
        XCTAssertEqual(manifest["type"] as? String, "Manifest")
        XCTAssertEqual(manifest["label"] as? [String: [String]], ["vi": ["Địa chí Lai Châu"]])
        XCTAssertEqual(manifest["rights"] as? String, "http://rightsstatements.org/vocab/InC/1.0/")
        let statement = try XCTUnwrap(manifest["requiredStatement"] as? [String: [String: [String]]])
        XCTAssertEqual(statement["label"], ["vi": ["Ghi công"], "en": ["Attribution"]])
        XCTAssertEqual(statement["value"]?["vi"], ["Thư viện số, thư viện LCH"])
        let metadata = try XCTUnwrap(manifest["metadata"] as? [[String: [String: [String]]]])
        XCTAssertTrue(
            metadata.contains { $0["label"] == ["vi": ["Nhan đề"], "en": ["Title"]] && $0["value"] == ["vi": ["Địa chí Lai Châu"]] })
        XCTAssertTrue(
            metadata.contains { $0["label"]?["en"] == ["Language"] && $0["value"] == ["vi": ["Tiếng Việt"], "en": ["Vietnamese"]] })
        for entry in metadata {
            XCTAssertEqual(entry["label"]?.keys.sorted(), ["en", "vi"], "every field is labelled in both languages")
        }

        let canvases = try XCTUnwrap(manifest["items"] as? [[String: Any]])
        XCTAssertEqual(canvases.count, 2)
        XCTAssertEqual(canvases.map { $0["width"] as? Int }, [1000, 150])
        XCTAssertEqual(canvases[0]["label"] as? [String: [String]], ["vi": ["Trang 1"], "en": ["Page 1"]])
        let canvasID = try XCTUnwrap(canvases[0]["id"] as? String)
        let paintingPage = try XCTUnwrap((canvases[0]["items"] as? [[String: Any]])?.first)
        let painting = try XCTUnwrap((paintingPage["items"] as? [[String: Any]])?.first)
        XCTAssertEqual(painting["motivation"] as? String, "painting")
        XCTAssertEqual(painting["target"] as? String, canvasID)
        let body = try XCTUnwrap(painting["body"] as? [String: Any])
        XCTAssertEqual(body["id"] as? String, "https://thuvien.example/iiif/image/7/full/max/0/default.jpg")
        let service = try XCTUnwrap((body["service"] as? [[String: String]])?.first)
        XCTAssertEqual(service, ["id": "https://thuvien.example/iiif/image/7", "type": "ImageService3", "profile": "level2"])

        let seeAlso = try XCTUnwrap(canvases[0]["seeAlso"] as? [[String: Any]])
        XCTAssertEqual(
            seeAlso.map { $0["id"] as? String },
            [
                "https://thuvien.example/iiif/%C4%91%E1%BB%8Ba%20ch%C3%AD/alto/p1",
                "https://thuvien.example/iiif/%C4%91%E1%BB%8Ba%20ch%C3%AD/hocr/p1",
            ])
        XCTAssertEqual(seeAlso.map { $0["format"] as? String }, ["application/xml", "text/vnd.hocr+html"])
        XCTAssertNil(canvases[1]["seeAlso"])

        let textPage = try XCTUnwrap((canvases[0]["annotations"] as? [[String: Any]])?.first)
        XCTAssertEqual(textPage["type"] as? String, "AnnotationPage")
        let line = try XCTUnwrap((textPage["items"] as? [[String: Any]])?.first)
        XCTAssertEqual(line["motivation"] as? String, "supplementing")
        XCTAssertEqual(line["target"] as? String, canvasID + "#xywh=10,20,300,40")
        XCTAssertEqual(
            line["body"] as? [String: String], ["type": "TextualBody", "value": "Thư viện tỉnh", "format": "text/plain", "language": "vi"])
        let wholePage = try XCTUnwrap(((canvases[1]["annotations"] as? [[String: Any]])?.first?["items"] as? [[String: Any]])?.first)
        XCTAssertEqual((wholePage["body"] as? [String: String])?["value"], "Cả trang")
        XCTAssertEqual(wholePage["target"] as? String, canvases[1]["id"] as? String)
        // A page smaller than a thumbnail is not upscaled.
        XCTAssertEqual(
            ((canvases[1]["thumbnail"] as? [[String: Any]])?.first?["id"] as? String),
            "https://thuvien.example/iiif/image/8/full/150,/0/default.jpg")
    }

    func testRightsComeFromTheMetadataWhenIIIFAllowsThem() throws {
        XCTAssertEqual(
            IIIFManifestBuilder.rights("https://creativecommons.org/licenses/by/4.0/"), "http://creativecommons.org/licenses/by/4.0/")
        XCTAssertEqual(
            IIIFManifestBuilder.rights("http://rightsstatements.org/vocab/NoC-US/1.0/"), "http://rightsstatements.org/vocab/NoC-US/1.0/")
        XCTAssertEqual(IIIFManifestBuilder.rights("Bản quyền thuộc thư viện"), IIIFManifestBuilder.defaultRights)
        XCTAssertEqual(IIIFManifestBuilder.rights("http://example.org/rights"), IIIFManifestBuilder.defaultRights)
        XCTAssertEqual(IIIFManifestBuilder.rights(nil), IIIFManifestBuilder.defaultRights)
        let given = try object(
            builder.manifest(
                item: item(metadataJSON: #"{"rights": "http://creativecommons.org/publicdomain/mark/1.0/", "description": "Mô tả"}"#),
                pages: pages))
        XCTAssertEqual(given["rights"] as? String, "http://creativecommons.org/publicdomain/mark/1.0/")
        XCTAssertEqual(given["summary"] as? [String: [String]], ["vi": ["Mô tả"]])
    }

    func testItemsInOtherScriptsHaveNoLanguageOnTheirValues() throws {
        let manifest = try object(builder.manifest(item: item(language: "blt"), pages: pages))
        XCTAssertEqual(manifest["label"] as? [String: [String]], ["none": ["Địa chí Lai Châu"]])
    }

    func testCollection() throws {
        let collection = try object(builder.collection(libraryCode: "LCH", items: [item(), item(language: "eng")]))
        XCTAssertEqual(collection["type"] as? String, "Collection")
        XCTAssertEqual(collection["id"] as? String, "https://thuvien.example/iiif/collection/LCH")
        let items = try XCTUnwrap(collection["items"] as? [[String: Any]])
        XCTAssertEqual(items.count, 2)
        XCTAssertEqual(items[0]["type"] as? String, "Manifest")
        XCTAssertEqual(items[1]["label"] as? [String: [String]], ["en": ["Địa chí Lai Châu"]])
    }

    func testJSONEscapingAndOrder() throws {
        let json = IIIFJSON.object([("b", .string("\"<\\>\n\u{1}/")), ("a", .array([.int(-3), .bool(true)]))])
        XCTAssertEqual(json.serialized(), #"{"b":"\"<\\>\n\u0001/","a":[-3,true]}"#)
        let parsed = try XCTUnwrap(JSONSerialization.jsonObject(with: json.data()) as? [String: Any])
        XCTAssertEqual(parsed["b"] as? String, "\"<\\>\n\u{1}/")
    }

    func testImageInfoDocument() throws {
        let info = try object(IIIFImageInfo.document(id: "http://h/iiif/image/3", width: 2000, height: 3000))
        XCTAssertEqual(info["@context"] as? String, "http://iiif.io/api/image/3/context.json")
        XCTAssertEqual(info["id"] as? String, "http://h/iiif/image/3")
        XCTAssertEqual(info["type"] as? String, "ImageService3")
        XCTAssertEqual(info["protocol"] as? String, "http://iiif.io/api/image")
        XCTAssertEqual(info["profile"] as? String, "level2")
        XCTAssertEqual(info["width"] as? Int, 2000)
        XCTAssertEqual(info["height"] as? Int, 3000)
        let tiles = try XCTUnwrap((info["tiles"] as? [[String: Any]])?.first)
        XCTAssertEqual(tiles["scaleFactors"] as? [Int], [1, 2, 4, 8])
        let sizes = try XCTUnwrap(info["sizes"] as? [[String: Int]])
        XCTAssertEqual(sizes.last, ["width": 1000, "height": 1500])
        XCTAssertEqual(sizes.first, ["width": 125, "height": 188])
        XCTAssertEqual(info["extraFormats"] as? [String], ["png"])
    }

    func testALTOLinesAreReadWithTheirBoxes() throws {
        let alto = """
            <?xml version="1.0" encoding="UTF-8"?>
            <alto xmlns="http://www.loc.gov/standards/alto/ns-v4#"><Layout><Page WIDTH="100" HEIGHT="100" PHYSICAL_IMG_NR="1">
            <PrintSpace><TextBlock ID="b1"><TextLine ID="l1" HPOS="10" VPOS="20.4" WIDTH="30" HEIGHT="5">
            <String CONTENT="Thư" HPOS="10" VPOS="20" WIDTH="10" HEIGHT="5"/><SP/><String CONTENT="viện &amp; &lt;x&gt;"/></TextLine>
            <TextLine ID="l2" HPOS="1" VPOS="2" WIDTH="3" HEIGHT="4"></TextLine>
            <TextLine ID="l3" HPOS="10" VPOS="40" WIDTH="50" HEIGHT="6"><String CONTENT="Lai Châu"/></TextLine>
            </TextBlock></PrintSpace></Page></Layout></alto>
            """
        XCTAssertEqual(
            try IIIFTextLine.lines(inALTO: Data(alto.utf8)),
            [
                IIIFTextLine(text: "Thư viện & <x>", x: 10, y: 20, width: 30, height: 5),
                IIIFTextLine(text: "Lai Châu", x: 10, y: 40, width: 50, height: 6),
            ])
        XCTAssertThrowsError(try IIIFTextLine.lines(inALTO: Data("<alto><TextLine HPOS=\"1\"></alto>".utf8)))
    }
}
