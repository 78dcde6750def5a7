/// The `rotation` parameter of an Image API request: mirroring, then a clockwise turn.
public struct IIIFRotation: Sendable, Equatable {
    /// 0, 90, 180 or 270.
    public var degrees: Int
    /// `!`: mirrored left to right before turning.
    public var mirrored: Bool

    public init(degrees: Int = 0, mirrored: Bool = false) {
        self.degrees = degrees
        self.mirrored = mirrored
    }

    /// Parses the parameter; throws `badRequest` for bad syntax or angles outside 0–360 and
    /// `notImplemented` for angles that are not a multiple of 90.
    public init(parsing text: String) throws(IIIFError) {
        var rest = Substring(text)
        mirrored = rest.hasPrefix("!")
        if mirrored { rest = rest.dropFirst() }
        guard let angle = IIIFNumber.decimal(rest), angle <= 360 else {
            throw IIIFError(.badRequest, "rotation '\(text)' is not a number from 0 to 360, optionally after !")
        }
        guard angle.truncatingRemainder(dividingBy: 90) == 0 else {
            throw IIIFError(.notImplemented, "rotation '\(text)': only 0, 90, 180 and 270 degrees are offered")
        }
        degrees = Int(angle) % 360
    }
}
