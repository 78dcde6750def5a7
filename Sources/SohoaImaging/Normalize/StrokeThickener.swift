/// Thickens the dark strokes of a page by one pixel on every side, for a second reading of a page
/// that OCR read with low confidence: thin, sharp type (a typewriter face scanned without blur)
/// breaks apart in Tesseract's own binarization, and reads far better one pixel bolder.
///
/// Each pixel takes the darkest value of its 3×3 neighbourhood (a gray-level erosion of the paper).
/// The image keeps its size, so word boxes found on it are boxes on the page as it was.
public enum StrokeThickener {
    /// `gray` with every dark stroke one pixel wider on each side; an RGB raster is made gray first.
    public static func thickened(_ image: Raster) -> Raster {
        let gray = image.layout == .gray ? image : image.grayscale()
        let w = gray.width
        let h = gray.height
        guard w > 0, h > 0 else { return gray }
        // Separable: the darkest of three across, then the darkest of three down.
        var across = gray.pixels
        gray.pixels.withUnsafeBufferPointer { source in
            across.withUnsafeMutableBufferPointer { output in
                for y in 0..<h {
                    let row = y * w
                    for x in 0..<w {
                        var darkest = source[row + x]
                        if x > 0 { darkest = Swift.min(darkest, source[row + x - 1]) }
                        if x + 1 < w { darkest = Swift.min(darkest, source[row + x + 1]) }
                        output[row + x] = darkest
                    }
                }
            }
        }
        var down = across
        across.withUnsafeBufferPointer { source in
            down.withUnsafeMutableBufferPointer { output in
                for y in 0..<h {
                    let row = y * w
                    for x in 0..<w {
                        var darkest = source[row + x]
                        if y > 0 { darkest = Swift.min(darkest, source[row - w + x]) }
                        if y + 1 < h { darkest = Swift.min(darkest, source[row + w + x]) }
                        output[row + x] = darkest
                    }
                }
            }
        }
        return Raster(width: w, height: h, layout: .gray, pixels: down)
    }
}
