/// A line of recognized text and where it is on the master, for `supplementing` annotations.
public struct IIIFTextLine: Sendable, Equatable {
    public var text: String
    public var x: Int
    public var y: Int
    public var width: Int
    public var height: Int

    public init(text: String, x: Int, y: Int, width: Int, height: Int) {
        self.text = text
        self.x = x
        self.y = y
        self.width = width
        self.height = height
    }
}
