import SohoaImaging

extension PageTransform {
    /// This transform followed by turning the normalized image clockwise by `turns` × 90°.
    ///
    /// A turn of the final image is the same as turning the deskew canvas before the crop: quarter
    /// turns and the deskew rotation both turn about the canvas centre, so they commute; the crop box
    /// turns with the canvas.
    func turned(clockwise turns: Int) -> PageTransform {
        var result = self
        for _ in 0..<(((turns % 4) + 4) % 4) {
            // One clockwise turn of a W×H canvas sends (x, y) to (H − y, x).
            let (width, height) = (result.canvasWidth, result.canvasHeight)
            let crop = (x: result.cropX, y: result.cropY, width: result.normalizedWidth, height: result.normalizedHeight)
            result.quarterTurns = (result.quarterTurns + 1) % 4
            result.canvasWidth = height
            result.canvasHeight = width
            result.cropX = height - (crop.y + crop.height)
            result.cropY = crop.x
            result.normalizedWidth = crop.height
            result.normalizedHeight = crop.width
        }
        return result
    }
}
