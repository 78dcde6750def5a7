/// The `format` of an Image API request: the returned file type.
public enum IIIFFormat: String, Sendable, CaseIterable {
    case jpg
    case png

    /// The media type of the returned file.
    public var mediaType: String {
        switch self {
        case .jpg: "image/jpeg"
        case .png: "image/png"
        }
    }
}
