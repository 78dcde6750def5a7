import Foundation
import SohoaCollection

/// Fuzzes the holdings readers (`RegisterText`, `HoldingsCSV`, `MARCReader`, `MARC8`, `MARCXMLReader`,
/// the MARC mapping) through `HoldingsImporter.read`, as `sohoa holdings import` uses them.
enum HoldingsReading {
    static func read(_ input: Data, format: HoldingsImporter.Format, fileName: String) {
        let url = ScratchFolder.file(fileName, input)
        _ = try? HoldingsImporter(defaultLibraryCode: "LCH").read(url, format: format)
    }
}
