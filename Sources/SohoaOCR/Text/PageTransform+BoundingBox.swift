import SohoaImaging

extension PageTransform {
    /// `box`, given in the normalized image, mapped onto the master image (see `toMaster(box:)`).
    func toMaster(_ box: BoundingBox) -> BoundingBox {
        let mapped = toMaster(box: (box.x, box.y, box.width, box.height))
        return BoundingBox(x: mapped.x, y: mapped.y, width: mapped.width, height: mapped.height)
    }
}
