import Foundation

/// Where an image served by the Image API comes from: a frame of an archived master file.
public struct IIIFImageSource: Sendable, Equatable {
    /// Identifies the content (the master's digest and the frame), for the caches.
    public var contentKey: String
    /// The master file in the archive.
    public var file: URL
    /// The 0-based frame of a multi-page TIFF; 0 otherwise.
    public var frame: Int
    /// The frame's size when the catalog knows it (it is decoded otherwise).
    public var width: Int?
    public var height: Int?

    public init(contentKey: String, file: URL, frame: Int = 0, width: Int? = nil, height: Int? = nil) {
        self.contentKey = contentKey
        self.file = file
        self.frame = frame
        self.width = width
        self.height = height
    }
}
