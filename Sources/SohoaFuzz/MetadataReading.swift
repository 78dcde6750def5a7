import Foundation

@testable import SohoaPipeline

/// Fuzzes the batch's own text files: `item.yaml`, `items.csv` and pipeline files.
enum MetadataReading {
    static func readItemYAML(_ input: Data) {
        let url = ScratchFolder.file("item.yaml", input)
        guard var metadata = try? ItemMetadata.fromYAML(url) else { return }
        metadata.applyDefaults(itemID: "fuzz", languages: ["vie"])
    }

    static func readItemsCSV(_ input: Data) {
        let url = ScratchFolder.file("items.csv", input)
        guard let table = try? ItemMetadataTable.load(from: url) else { return }
        _ = table.row(for: "fuzz")
    }

    static func readPipelineFile(_ input: Data) {
        _ = try? PipelineFileParser.parse(String(decoding: input, as: UTF8.self), file: "fuzz.yaml")
    }
}
