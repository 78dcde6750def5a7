/// Alpha compositing onto a white page.
enum Compositing {
    /// One 8-bit sample over white; `premultiplied` when the sample is already multiplied by alpha.
    @inline(__always)
    static func onWhite(_ sample: UInt8, alpha: UInt8, premultiplied: Bool) -> UInt8 {
        if alpha == 255 { return sample }
        let a = Int(alpha)
        let value: Int
        if premultiplied {
            value = Int(sample) + 255 - a
        } else {
            value = (Int(sample) * a + 255 * (255 - a) + 127) / 255
        }
        return UInt8(min(255, value))
    }
}
