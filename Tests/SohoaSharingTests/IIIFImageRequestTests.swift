import XCTest

@testable import SohoaSharing

/// Parsing of Image API 3.0 request parameters and the geometry they ask for.
final class IIIFImageRequestTests: XCTestCase {
    func testRegionForms() throws {
        XCTAssertEqual(try IIIFRegion(parsing: "full"), .full)
        XCTAssertEqual(try IIIFRegion(parsing: "square"), .square)
        XCTAssertEqual(try IIIFRegion(parsing: "10,20,30,40"), .pixels(x: 10, y: 20, width: 30, height: 40))
        XCTAssertEqual(try IIIFRegion(parsing: "pct:10,20.5,30,40"), .percent(x: 10, y: 20.5, width: 30, height: 40))
        for bad in [
            "", "abc", "1,2,3", "1,2,3,4,5", "-1,0,10,10", "0,0,0,10", "0,0,10,0", "1.5,0,10,10", "pct:1,2,3", "pct:0,0,0,5", "pct:a,b,c,d",
            "FULL", " 1,2,3,4",
        ] {
            XCTAssertEqual(kind { _ = try IIIFRegion(parsing: bad) }, .badRequest, "region '\(bad)'")
        }
    }

    func testRegionBoxesAreCutAtTheEdges() throws {
        XCTAssertEqual(try IIIFRegion.full.box(inWidth: 300, height: 200), IIIFPixelBox(x: 0, y: 0, width: 300, height: 200))
        XCTAssertEqual(try IIIFRegion.square.box(inWidth: 300, height: 200), IIIFPixelBox(x: 50, y: 0, width: 200, height: 200))
        XCTAssertEqual(try IIIFRegion.square.box(inWidth: 200, height: 301), IIIFPixelBox(x: 0, y: 50, width: 200, height: 200))
        XCTAssertEqual(
            try IIIFRegion.pixels(x: 250, y: 150, width: 100, height: 100).box(inWidth: 300, height: 200),
            IIIFPixelBox(x: 250, y: 150, width: 50, height: 50))
        XCTAssertEqual(
            try IIIFRegion.percent(x: 10, y: 50, width: 50, height: 50).box(inWidth: 1000, height: 400),
            IIIFPixelBox(x: 100, y: 200, width: 500, height: 200))
        XCTAssertEqual(kind { _ = try IIIFRegion.pixels(x: 300, y: 0, width: 10, height: 10).box(inWidth: 300, height: 200) }, .badRequest)
        XCTAssertEqual(kind { _ = try IIIFRegion.pixels(x: 0, y: 200, width: 10, height: 10).box(inWidth: 300, height: 200) }, .badRequest)
    }

    func testSizeForms() throws {
        XCTAssertEqual(try IIIFSize(parsing: "max"), IIIFSize(form: .max))
        XCTAssertEqual(try IIIFSize(parsing: "^max"), IIIFSize(form: .max, upscalingAllowed: true))
        XCTAssertEqual(try IIIFSize(parsing: "150,"), IIIFSize(form: .width(150)))
        XCTAssertEqual(try IIIFSize(parsing: ",150"), IIIFSize(form: .height(150)))
        XCTAssertEqual(try IIIFSize(parsing: "pct:50"), IIIFSize(form: .percent(50)))
        XCTAssertEqual(try IIIFSize(parsing: "150,75"), IIIFSize(form: .exact(width: 150, height: 75)))
        XCTAssertEqual(try IIIFSize(parsing: "!150,75"), IIIFSize(form: .confined(width: 150, height: 75)))
        XCTAssertEqual(try IIIFSize(parsing: "^!150,75"), IIIFSize(form: .confined(width: 150, height: 75), upscalingAllowed: true))
        for bad in [
            "", "full", "abc", "150", ",", "0,", ",0", "0,10", "pct:0", "pct:", "!150,", "!,75", "-5,", "150,75,", "^", "^^max", "1e3,",
        ] {
            XCTAssertEqual(kind { _ = try IIIFSize(parsing: bad) }, .badRequest, "size '\(bad)'")
        }
    }

    func testSizePixelsKeepTheAspectRatioAndRefuseUpscalingWithoutCaret() throws {
        func pixels(_ text: String, _ w: Int, _ h: Int) throws -> [Int] {
            let size = try IIIFSize(parsing: text).pixels(regionWidth: w, regionHeight: h)
            return [size.width, size.height]
        }
        XCTAssertEqual(try pixels("max", 400, 300), [400, 300])
        XCTAssertEqual(try pixels("200,", 400, 300), [200, 150])
        XCTAssertEqual(try pixels(",100", 400, 300), [133, 100])
        XCTAssertEqual(try pixels("pct:25", 400, 300), [100, 75])
        XCTAssertEqual(try pixels("100,250", 400, 300), [100, 250])
        XCTAssertEqual(try pixels("!200,200", 400, 300), [200, 150])
        XCTAssertEqual(try pixels("!400,100", 400, 300), [133, 100])
        XCTAssertEqual(try pixels("^800,", 400, 300), [800, 600])
        XCTAssertEqual(try pixels("^pct:200", 400, 300), [800, 600])
        XCTAssertEqual(try pixels("^!800,800", 400, 300), [800, 600])
        for larger in ["401,", ",301", "pct:101", "500,300", "!800,800", "1200,1200"] {
            XCTAssertEqual(kind { _ = try pixels(larger, 400, 300) }, .badRequest, "size '\(larger)' must need ^")
        }
        XCTAssertEqual(kind { _ = try pixels("pct:0.1", 400, 300) }, .badRequest, "an empty result")
    }

    func testRotationForms() throws {
        XCTAssertEqual(try IIIFRotation(parsing: "0"), IIIFRotation(degrees: 0))
        XCTAssertEqual(try IIIFRotation(parsing: "90"), IIIFRotation(degrees: 90))
        XCTAssertEqual(try IIIFRotation(parsing: "!180"), IIIFRotation(degrees: 180, mirrored: true))
        XCTAssertEqual(try IIIFRotation(parsing: "270.0"), IIIFRotation(degrees: 270))
        XCTAssertEqual(try IIIFRotation(parsing: "360"), IIIFRotation(degrees: 0))
        XCTAssertEqual(kind { _ = try IIIFRotation(parsing: "45") }, .notImplemented)
        for bad in ["", "abc", "-90", "400", "!", "90!", "9 0", "1e2"] {
            XCTAssertEqual(kind { _ = try IIIFRotation(parsing: bad) }, .badRequest, "rotation '\(bad)'")
        }
    }

    func testQualityAndFormat() throws {
        let request = try IIIFImageRequest(region: "full", size: "max", rotation: "0", qualityAndFormat: "gray.png")
        XCTAssertEqual(request.quality, .gray)
        XCTAssertEqual(request.format, .png)
        XCTAssertEqual(try IIIFImageRequest(region: "full", size: "max", rotation: "0", qualityAndFormat: "default.jpg").format, .jpg)
        for bad in ["default", "grey.jpg", "native.jpg", "default.gif", "default.", ".jpg", "default.JPG", "abc123"] {
            XCTAssertEqual(
                kind { _ = try IIIFImageRequest(region: "full", size: "max", rotation: "0", qualityAndFormat: bad) }, .badRequest, bad)
        }
    }

    func testErrorsNameTheParameterAndCarryTheirStatus() {
        do {
            _ = try IIIFImageRequest(region: "full", size: "huge", rotation: "0", qualityAndFormat: "default.jpg")
            XCTFail("a bad size was accepted")
        } catch {
            XCTAssertEqual(error.statusCode, 400)
            XCTAssertTrue(error.message.contains("size 'huge'"), error.message)
        }
        XCTAssertEqual(IIIFError(.notFound, "x").statusCode, 404)
        XCTAssertEqual(IIIFError(.notImplemented, "x").statusCode, 501)
    }
}
