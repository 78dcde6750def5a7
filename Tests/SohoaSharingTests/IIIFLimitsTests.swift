import XCTest

@testable import SohoaSharing

/// Issue 12: every Image API request is held to the declared limits, never traps on odd numbers, and
/// equivalent requests resolve to one canonical plan (one cache entry, one ETag).
final class IIIFLimitsTests: XCTestCase {
    private let limits = IIIFLimits(maxWidth: 1000, maxHeight: 800, maxArea: 500_000)

    private func size(_ text: String, _ w: Int, _ h: Int) throws -> [Int] {
        let size = try IIIFSize(parsing: text).pixels(regionWidth: w, regionHeight: h, limits: limits)
        return [size.width, size.height]
    }

    func testMaxAndConfinedSizesShrinkToTheLimits() throws {
        XCTAssertEqual(try size("max", 2000, 1000), [1000, 500], "max: the region, shrunk to fit maxWidth")
        XCTAssertEqual(try size("max", 900, 900), [707, 707], "max: shrunk to fit maxArea")
        XCTAssertEqual(try size("max", 400, 300), [400, 300], "max within the limits is the region")
        XCTAssertEqual(try size("^max", 100, 50), [1000, 500], "^max: grown to the limits")
        XCTAssertEqual(try size("!5000,5000", 2000, 1000), [1000, 500])
        XCTAssertEqual(try size("^!5000,5000", 100, 50), [1000, 500])
    }

    func testOtherSizesBeyondTheLimitsAreRefused() {
        for (text, w, h) in [
            ("^20000,20000", 1, 1), ("2000,", 4000, 2000), (",900", 1000, 1000), ("pct:100", 2000, 1000), ("^pct:1000", 500, 500),
            ("999,999", 1000, 1000), ("!300,300", 200, 100),
        ] {
            XCTAssertEqual(kind { _ = try size(text, w, h) }, .badRequest, "\(text) of \(w)×\(h)")
        }
    }

    func testDeclaredSizesStayWithinTheLimits() throws {
        let info = IIIFImageInfo.document(id: "x", width: 5000, height: 4000, limits: limits)
        let json = try XCTUnwrap(JSONSerialization.jsonObject(with: info.data()) as? [String: Any])
        XCTAssertEqual(json["maxWidth"] as? Int, 1000)
        XCTAssertEqual(json["maxHeight"] as? Int, 800)
        XCTAssertEqual(json["maxArea"] as? Int, 500_000)
        let sizes = try XCTUnwrap(json["sizes"] as? [[String: Int]])
        XCTAssertFalse(sizes.isEmpty)
        for size in sizes { XCTAssertTrue(limits.allows(width: size["width"] ?? 0, height: size["height"] ?? 0), "\(size)") }
    }

    /// Numbers no image has, in every parameter: each answer is a 400 (or 501) or a plan within the
    /// limits, and nothing traps.
    func testHostileNumbersNeverTrap() {
        let regions = [
            "full", "999999999,999999999,999999999,999999999", "0,0,999999999,999999999", "2999,3999,999999999,999999999",
            "99999999999999999999,0,1,1", "pct:999999999,0,1,1", "pct:0,0,999999999.999999999,999999999", "pct:0.000000001,0,1,1",
            "-1,0,1,1", "1e99,0,1,1", "١,٢,٣,٤", "１,２,３,４", "nan,0,1,1", "0x10,0,1,1", "", ",,,",
        ]
        let sizes = [
            "max", "^max", "^999999999,999999999", "^pct:999999999", "^,999999999", "^999999999,", "^!999999999,1", "!1,999999999",
            "99999999999999999999,", "pct:999999999.999999999", "pct:0.000000001", "-1,", "1e99,", "١٢٣,", "１２３,", "nan,", "inf,",
            "0x10,", "^^max", "!,", "^pct:",
        ]
        let rotations = ["0", "360", "!360", "99999999999999999999", "360.000000001", "1e400", "-0", "nan", "inf", "0.999999999"]
        for region in regions {
            for size in sizes {
                for rotation in rotations {
                    do {
                        let request = try IIIFImageRequest(region: region, size: size, rotation: rotation, qualityAndFormat: "default.jpg")
                        let plan = try request.plan(width: 3000, height: 4000, limits: .standard)
                        XCTAssertTrue(
                            IIIFLimits.standard.allows(width: plan.width, height: plan.height) && plan.width >= 1 && plan.height >= 1,
                            "\(region)/\(size)/\(rotation) → \(plan.canonical)")
                    } catch {
                        XCTAssertTrue([.badRequest, .notImplemented].contains(error.kind), "\(region)/\(size)/\(rotation): \(error)")
                    }
                }
            }
        }
    }

    func testEquivalentRequestsHaveOneCanonicalPlan() throws {
        func plan(_ region: String, _ size: String, _ rotation: String, _ file: String = "default.jpg") throws -> IIIFRenderPlan {
            try IIIFImageRequest(region: region, size: size, rotation: rotation, qualityAndFormat: file).plan(width: 3000, height: 3000)
        }
        let full = try plan("full", "max", "0")
        XCTAssertEqual(full.canonical, "0,0,3000,3000/3000,3000/0/default.jpg")
        for (region, size, rotation) in [
            ("0,0,3000,3000", "3000,", "360"), ("pct:0,0,100,100", ",3000", "0.0"), ("square", "pct:100", "360.0"),
            ("0,0,9999,9999", "!3000,3000", "00"), ("full", "3000,3000", "0"),
        ] {
            XCTAssertEqual(try plan(region, size, rotation), full, "\(region)/\(size)/\(rotation)")
        }
        let thumbnail = try plan("full", "!300,300", "0")
        XCTAssertEqual(try plan("full", "!0300,300", "0"), thumbnail)
        XCTAssertEqual(try plan("full", "300,", "0"), thumbnail)
        XCTAssertEqual(try plan("full", ",300", "360"), thumbnail)
        XCTAssertNotEqual(try plan("full", "300,", "90"), thumbnail)
        XCTAssertNotEqual(try plan("full", "300,", "!0"), thumbnail)
        XCTAssertNotEqual(try plan("full", "300,", "0", "gray.jpg"), thumbnail)
        XCTAssertNotEqual(try plan("full", "300,", "0", "default.png"), thumbnail)
    }
}
