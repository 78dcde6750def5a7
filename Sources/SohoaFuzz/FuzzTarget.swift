import Foundation

/// A reader of outside input that the fuzzer drives; chosen by the `SOHOA_FUZZ_TARGET` environment variable.
enum FuzzTarget: String, CaseIterable, Sendable {
    /// A TIFF scan: `ScanDecoder.inspect` and `decode` of its first pages.
    case tiff
    /// A PNG scan: `ScanDecoder.inspect` and `decode`.
    case png
    /// A JPEG scan (its JFIF, EXIF and Adobe segments too): `ScanDecoder.inspect` and `decode`.
    case jpeg
    /// A JPEG 2000 scan (JP2 boxes or a raw codestream): `ScanDecoder.inspect` and `decode` through OpenJPEG.
    case jpeg2000
    /// A holdings register in CSV (any of the encodings `RegisterText` accepts).
    case holdingsCSV = "holdings-csv"
    /// A holdings register in MARC 21 (ISO 2709), MARC-8 or UTF-8.
    case marc
    /// A holdings register in MARCXML.
    case marcXML = "marcxml"
    /// An item's `item.yaml`.
    case itemYAML = "item-yaml"
    /// A batch's `items.csv`.
    case itemsCSV = "items-csv"
    /// A pipeline file (`Pipelines/*.yaml`).
    case pipeline
    /// A BagIt bag given to `sohoa import` (the input is split into files, see `BagInput`).
    case bag

    /// The target named by `SOHOA_FUZZ_TARGET`; the run stops with the list of names when it is missing or wrong.
    static let selected: FuzzTarget = {
        let name = ProcessInfo.processInfo.environment["SOHOA_FUZZ_TARGET"] ?? ""
        guard let target = FuzzTarget(rawValue: name) else {
            let names = allCases.map(\.rawValue).joined(separator: ", ")
            FileHandle.standardError.write(Data("SohoaFuzz: set SOHOA_FUZZ_TARGET to one of: \(names)\n".utf8))
            exit(2)
        }
        return target
    }()

    /// Runs the reader on `input`; errors thrown by the reader are expected and ignored.
    func run(_ input: Data) {
        switch self {
        case .tiff: ScanReading.read(input, fileName: "scan.tif")
        case .png: ScanReading.read(input, fileName: "scan.png")
        case .jpeg: ScanReading.read(input, fileName: "scan.jpg")
        case .jpeg2000: ScanReading.read(input, fileName: "scan.jp2")
        case .holdingsCSV: HoldingsReading.read(input, format: .csv, fileName: "register.csv")
        case .marc: HoldingsReading.read(input, format: .marc, fileName: "register.mrc")
        case .marcXML: HoldingsReading.read(input, format: .marcxml, fileName: "register.xml")
        case .itemYAML: MetadataReading.readItemYAML(input)
        case .itemsCSV: MetadataReading.readItemsCSV(input)
        case .pipeline: MetadataReading.readPipelineFile(input)
        case .bag: BagReading.read(input)
        }
    }
}
