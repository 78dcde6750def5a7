import Foundation
import SohoaImaging
import SohoaOCR
import SohoaText
import XCTest

final class TesseractEngineTests: XCTestCase {
    /// Vietnamese letters that only exist with tone marks or Vietnamese-specific diacritics.
    private let toneMarked = Set("àáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵđ")

    func testVietnamesePageMatchesTheCLI() throws {
        let path = try TestFixtures.scan("vie_vietocr3_samples/vietsample2.png").path
        let tesseract = try TestFixtures.tool("tesseract")
        let page = try TestFixtures.recognized("vie_vietocr3_samples/vietsample2.png")

        let start = Date(), cpuStart = TestFixtures.cpuTime(children: true)
        let cli = try TestFixtures.run(tesseract, [path, "stdout", "--psm", "3", "-l", "vie"])
        let cliSeconds = Date().timeIntervalSince(start), cliCPU = TestFixtures.cpuTime(children: true) - cpuStart
        XCTAssertEqual(cli.exitCode, 0, cli.stderr)
        let cer = CharacterErrorRate.of(page.text.plainText, against: cli.stdout)
        print(
            String(
                format: "vietsample2.png: in-process %.2f s wall / %.2f s CPU, CLI %.2f s wall / %.2f s CPU, CER vs CLI %.4f, %d words",
                page.seconds, page.cpuSeconds, cliSeconds, cliCPU, cer, page.text.words.count))
        XCTAssertLessThan(cer, 0.01, "in-process text differs from `tesseract --psm 3 -l vie`")

        let text = page.text
        XCTAssertEqual(text.width, page.image.raster.width)
        XCTAssertEqual(text.height, page.image.raster.height)
        XCTAssertGreaterThan(text.words.count, 100)
        for word in text.words {
            XCTAssertFalse(word.text.isEmpty)
            XCTAssertEqual(word.text, word.text.precomposedStringWithCanonicalMapping, "word not NFC: \(word.text)")
            XCTAssertTrue((0...100).contains(word.confidence), "\(word.text): confidence \(word.confidence)")
            XCTAssertGreaterThanOrEqual(word.box.x, 0)
            XCTAssertGreaterThanOrEqual(word.box.y, 0)
            XCTAssertGreaterThan(word.box.width, 0)
            XCTAssertGreaterThan(word.box.height, 0)
            XCTAssertLessThanOrEqual(word.box.x + word.box.width, text.width)
            XCTAssertLessThanOrEqual(word.box.y + word.box.height, text.height)
        }
        XCTAssertTrue(text.plainText.lowercased().contains { toneMarked.contains($0) }, "no Vietnamese tone marks")
        XCTAssertTrue(text.plainText.contains("Tôi Đi Học"), String(text.plainText.prefix(200)))
        XCTAssertGreaterThan(text.meanConfidence ?? 0, 80)
    }

    func testSyntheticVietnameseWord() throws {
        let page = try TestFixtures.recognized("tesseract_test/synthetic/viet.tif")
        XCTAssertEqual(page.text.plainText, "tiếng")
        XCTAssertEqual(page.text.words.count, 1)
    }

    func testOneEngineServesSeveralPagesAndSwitchesLanguage() throws {
        let english = try LeptonicaImageLoader.loadGray(path: TestFixtures.scan("tesseract_test/synthetic/phototest.tif").path)
        let vietnamese = try LeptonicaImageLoader.loadGray(path: TestFixtures.scan("tesseract_test/synthetic/viet.tif").path)
        let engine = try TesseractEngine()
        XCTAssertNil(engine.currentLanguage)

        let first = try engine.recognize(english.raster, dpi: 300, language: "eng")
        XCTAssertEqual(engine.currentLanguage, "eng")
        XCTAssertTrue(first.plainText.contains("quick brown"), first.plainText)
        let second = try engine.recognize(english.raster, dpi: 300, language: "eng")
        XCTAssertEqual(second, first, "the same page twice on one engine must give the same text")

        let third = try engine.recognize(vietnamese.raster, dpi: 300, language: "vie")
        XCTAssertEqual(engine.currentLanguage, "vie")
        XCTAssertEqual(third.plainText, "tiếng")

        let fourth = try engine.recognize(vietnamese.raster, dpi: 300, language: "vie+eng")
        XCTAssertEqual(engine.currentLanguage, "vie+eng")
        XCTAssertEqual(fourth.plainText, "tiếng")
    }

    func testRGBImageIsConverted() throws {
        let gray = try LeptonicaImageLoader.loadGray(path: TestFixtures.scan("tesseract_test/synthetic/viet.tif").path).raster
        let rgb = Raster(width: gray.width, height: gray.height, layout: .rgb, pixels: gray.pixels.flatMap { [$0, $0, $0] })
        let text = try TesseractEngine().recognize(rgb, dpi: 300, language: "vie")
        XCTAssertEqual(text.plainText, "tiếng")
    }

    func testMissingLanguageSaysWhatToDo() throws {
        let engine = try TesseractEngine()
        XCTAssertThrowsError(try engine.recognize(Raster(width: 50, height: 50), dpi: 300, language: "blt")) { error in
            guard let error = error as? OCRError else { return XCTFail("not an OCRError: \(error)") }
            XCTAssertEqual(error.kind, .languageUnavailable)
            XCTAssertEqual(error.language, "blt")
            XCTAssertTrue(error.message.contains("no Tesseract model for 'blt' in \(engine.tessdata.path)"), error.message)
            XCTAssertTrue(error.message.contains("install tesseract-ocr-blt or set the item's language to none"), error.message)
            XCTAssertTrue(error.onPage("sach-01-p0003").description.hasPrefix("page sach-01-p0003, stage ocr"))
        }
        XCTAssertThrowsError(try engine.recognize(Raster(width: 50, height: 50), dpi: 300, language: "vie+blt")) { error in
            XCTAssertEqual((error as? OCRError)?.kind, .languageUnavailable)
        }
        // The engine still works after a refused language.
        XCTAssertEqual(try engine.recognize(Raster(width: 50, height: 50), dpi: 300, language: "eng").words.count, 0)
    }

    func testRefusesBadInput() throws {
        let engine = try TesseractEngine()
        let cases: [(Raster, Int, String, OCRError.Kind)] = [
            (Raster(width: 10, height: 10), 300, "", .invalidLanguage),
            (Raster(width: 10, height: 10), 300, "none", .invalidLanguage),
            (Raster(width: 10, height: 10), 300, "../vie", .invalidLanguage),
            (Raster(width: 10, height: 10), 0, "vie", .invalidImage),
            (Raster(width: 0, height: 10), 300, "vie", .invalidImage),
        ]
        for (image, dpi, language, kind) in cases {
            XCTAssertThrowsError(try engine.recognize(image, dpi: dpi, language: language)) { error in
                XCTAssertEqual((error as? OCRError)?.kind, kind, "\(language) \(dpi) dpi")
            }
        }
    }

    func testBlankPageGivesEmptyText() throws {
        let text = try TesseractEngine().recognize(Raster(width: 600, height: 800), dpi: 300, language: "vie")
        XCTAssertEqual(text, .empty(width: 600, height: 800))
        XCTAssertNil(text.meanConfidence)
    }

    func testAvailableLanguagesAndVersion() {
        let languages = TesseractEngine.availableLanguages()
        XCTAssertTrue(languages.isSuperset(of: ["vie", "eng"]), "\(languages)")
        XCTAssertFalse(languages.contains("osd"))
        XCTAssertTrue(TesseractEngine.version.hasPrefix("5."), TesseractEngine.version)
        XCTAssertEqual(TesseractEngine.availableLanguages(tessdata: URL(fileURLWithPath: "/nonexistent")), [])
    }
}
