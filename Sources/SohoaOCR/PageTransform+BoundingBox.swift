import SohoaImaging

extension PageTransform {
    /// `box`, given in the normalized image, mapped onto the master image.
    ///
    /// The transform is a similarity (scale, quarter turns, a small deskew rotation, a crop), so a
    /// box keeps its shape on the master up to that small rotation. The box is placed at its mapped
    /// centre with its true size there (divided by `scale`, width and height swapped by an odd
    /// number of quarter turns, counting a rotation near 90° as one), rather than as the hull of its rotated corners: the hull of a long
    /// line turned by 2–3° is several times taller than the line and overlaps its neighbours.
    /// Values within 1e-6 px of a whole pixel are snapped first, so the trigonometry's rounding
    /// noise (cos 90° ≈ 6e-17) never grows a box by a pixel. Clamped to the master.
    func toMaster(_ box: BoundingBox) -> BoundingBox {
        func snapped(_ value: Double) -> Double {
            let nearest = value.rounded()
            return abs(value - nearest) < 1e-6 ? nearest : value
        }
        let centre = toMaster(x: Double(box.x) + Double(box.width) / 2, y: Double(box.y) + Double(box.height) / 2)
        let scale = self.scale > 0 ? self.scale : 1
        var width = Double(box.width) / scale, height = Double(box.height) / scale
        // Width and height swap with every quarter turn, whether it came from orientation or rotation.
        let turns = Int((Double(quarterTurns) + rotationDegrees / 90).rounded())
        if abs(turns) % 2 == 1 { swap(&width, &height) }
        let minX = max(0, Int(snapped(snapped(centre.x) - width / 2).rounded(.down)))
        let minY = max(0, Int(snapped(snapped(centre.y) - height / 2).rounded(.down)))
        let maxX = min(masterWidth, Int(snapped(snapped(centre.x) + width / 2).rounded(.up)))
        let maxY = min(masterHeight, Int(snapped(snapped(centre.y) + height / 2).rounded(.up)))
        return BoundingBox(x: minX, y: minY, width: max(0, maxX - minX), height: max(0, maxY - minY))
    }
}
