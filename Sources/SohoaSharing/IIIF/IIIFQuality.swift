/// The `quality` parameter of an Image API request.
public enum IIIFQuality: String, Sendable, CaseIterable {
    /// As scanned: colour for colour masters, gray for gray ones.
    case `default`
    case color
    case gray
    /// Black and white only.
    case bitonal
}
