import SohoaImaging

extension PageTransform {
    /// `box`, given in the normalized image, mapped onto the master image: the smallest
    /// axis-aligned box holding its four mapped corners, clamped to the master.
    ///
    /// Same model as `toMaster(box:)`, but corners within 1e-6 px of a whole pixel are snapped to
    /// it first, so rounding noise of the trigonometry (cos 90° ≈ 6e-17) does not grow a box by a
    /// pixel on each side.
    func toMaster(_ box: BoundingBox) -> BoundingBox {
        let corners = [
            toMaster(x: Double(box.x), y: Double(box.y)),
            toMaster(x: Double(box.x + box.width), y: Double(box.y)),
            toMaster(x: Double(box.x), y: Double(box.y + box.height)),
            toMaster(x: Double(box.x + box.width), y: Double(box.y + box.height)),
        ]
        func snapped(_ value: Double) -> Double {
            let nearest = value.rounded()
            return abs(value - nearest) < 1e-6 ? nearest : value
        }
        let xs = corners.map { snapped($0.x) }, ys = corners.map { snapped($0.y) }
        let minX = max(0, Int((xs.min() ?? 0).rounded(.down)))
        let minY = max(0, Int((ys.min() ?? 0).rounded(.down)))
        let maxX = min(masterWidth, Int((xs.max() ?? 0).rounded(.up)))
        let maxY = min(masterHeight, Int((ys.max() ?? 0).rounded(.up)))
        return BoundingBox(x: minX, y: minY, width: max(0, maxX - minX), height: max(0, maxY - minY))
    }
}
