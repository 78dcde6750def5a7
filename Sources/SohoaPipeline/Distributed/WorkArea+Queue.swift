import Foundation

/// Where a distributed run's orders and outcomes live: `queue/` in the work area, which every worker
/// reaches through the mounted archive folder.
extension WorkArea {
    /// The folder of orders and outcomes.
    var queueFolder: URL { root.appendingPathComponent("queue", isDirectory: true) }

    /// The planner's order for page `pageID`.
    func orderURL(pageID: Int64) -> URL {
        queueFolder.appendingPathComponent("\(pageID).order.json")
    }

    /// A worker's outcome for page `pageID` under the claim `token`.
    func outcomeURL(pageID: Int64, token: UUID) -> URL {
        queueFolder.appendingPathComponent("\(pageID)-\(token.uuidString.lowercased()).outcome.json")
    }

    /// Writes `value` as JSON, atomically.
    func writeQueueFile(_ value: some Encodable, to url: URL) throws {
        try FileManager.default.createDirectory(at: queueFolder, withIntermediateDirectories: true)
        try JSONEncoder.sohoa.encode(value).write(to: url, options: .atomic)
    }

    /// Reads a JSON file of the queue folder; `nil` when it is missing or unreadable.
    func readQueueFile<T: Decodable>(_ type: T.Type, at url: URL) -> T? {
        guard let data = FileManager.default.contents(atPath: url.path) else { return nil }
        return try? JSONDecoder.sohoa.decode(type, from: data)
    }

    /// Removes the outcomes (of every claim) of the pages `pageIDs`, e.g. an earlier run's, before the
    /// pages are queued again.
    func removeOutcomes(of pageIDs: Set<Int64>) {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: queueFolder.path)) ?? []
        for name in names where name.hasSuffix(".outcome.json") {
            guard let id = name.split(separator: "-").first.flatMap({ Int64($0) }), pageIDs.contains(id) else { continue }
            try? FileManager.default.removeItem(at: queueFolder.appendingPathComponent(name))
        }
    }
}
