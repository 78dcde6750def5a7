import Foundation
import XCTest

@testable import SohoaSharing

/// An ALTO file from outside (a bag imported from another library) that declares an encoding libxml2
/// crashes on is refused with an error, not given to the parser.
final class IIIFTextLineALTOTests: XCTestCase {
    static let alto = """
        <?xml version="1.0" encoding="UTF-8"?>
        <alto xmlns="http://www.loc.gov/standards/alto/ns-v4#"><Layout><Page><PrintSpace>
        <TextLine HPOS="10" VPOS="20" WIDTH="300" HEIGHT="40"><String CONTENT="Lai"/><String CONTENT="Châu"/></TextLine>
        </PrintSpace></Page></Layout></alto>
        """

    func testLinesAreReadAndAnEncodingTheParserCrashesOnIsRefused() throws {
        let lines = try IIIFTextLine.lines(inALTO: Data(Self.alto.utf8))
        XCTAssertEqual(lines.map(\.text), ["Lai Châu"])
        let declaringUTF7 = Data(Self.alto.replacingOccurrences(of: "UTF-8", with: "UTF-7").utf8)
        XCTAssertThrowsError(try IIIFTextLine.lines(inALTO: declaringUTF7)) { error in
            XCTAssertTrue("\(error)".contains("\"UTF-7\""), "\(error)")
        }
    }
}
