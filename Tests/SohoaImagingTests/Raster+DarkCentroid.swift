import SohoaImaging

extension Raster {
    /// Centroid of darkness (255 − value) in continuous pixel coordinates (pixel centres at +0.5),
    /// or nil on a white raster. Tests use it to follow a mark through a transform.
    func darkCentroid() -> (x: Double, y: Double)? {
        var sum = 0.0
        var sx = 0.0
        var sy = 0.0
        for y in 0..<height {
            for x in 0..<width {
                let weight = Double(255 - pixels[y * width + x])
                guard weight > 0 else { continue }
                sum += weight
                sx += weight * (Double(x) + 0.5)
                sy += weight * (Double(y) + 0.5)
            }
        }
        return sum > 0 ? (sx / sum, sy / sum) : nil
    }
}
