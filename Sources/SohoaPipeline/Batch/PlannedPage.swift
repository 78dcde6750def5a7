import Foundation

/// One page the batch will process: a file, or one frame of a multi-page TIFF.
public struct PlannedPage: Sendable, Equatable {
    /// The page name in the archive (DESIGN §6): the file's stem, or `<stem>-p0003` for a frame.
    public var name: String
    /// 1-based position in the item.
    public var sequence: Int
    public var file: URL
    /// 0-based frame in a multi-page file.
    public var frameIndex: Int
    /// Frames in `file`.
    public var frameCount: Int

    public init(name: String, sequence: Int, file: URL, frameIndex: Int, frameCount: Int) {
        self.name = name
        self.sequence = sequence
        self.file = file
        self.frameIndex = frameIndex
        self.frameCount = frameCount
    }
}
