import SohoaCatalog

/// A page or item that failed in a stage: which file, which page, which stage, and why.
public struct StageFailure: Error, Sendable, CustomStringConvertible, Equatable, Codable {
    public var stage: PipelineStage
    public var file: String
    /// The page name (DESIGN §6), when the failure concerns one page.
    public var page: String?
    public var itemID: String?
    public var reason: String

    public init(stage: PipelineStage, file: String, page: String? = nil, itemID: String? = nil, reason: String) {
        self.stage = stage
        self.file = file
        self.page = page
        self.itemID = itemID
        self.reason = reason
    }

    public var description: String {
        let where_ = page.map { "\(file) [\($0)]" } ?? file
        return "\(stage.rawValue): \(where_): \(reason)"
    }
}
