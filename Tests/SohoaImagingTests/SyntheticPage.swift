import Foundation
import SohoaImaging
import SohoaTesting

/// Text-like test pages: rows of dark "word" rectangles of varied widths on white paper, drawn
/// directly at a known rotation (not through `Raster.rotated`, so detection is tested independently).
enum SyntheticPage {
    /// An A4 page at 300 dpi (2480×3508) whose lines are rotated by `degrees`, counter-clockwise
    /// positive on screen (the `PageTransform` convention), so lines rise to the right for positive angles.
    static func text(degrees: Double, width: Int = 2480, height: Int = 3508, seed: UInt64 = 1) -> Raster {
        var random = SplitMix64(seed: seed)
        var words: [(x: Int, y: Int, width: Int, height: Int)] = []
        let margin = width / 10
        var y = height / 10
        var lineIndex = 0
        while y < height - height / 10 {
            lineIndex += 1
            if lineIndex % 9 == 0 {  // paragraph break
                y += 50
                continue
            }
            var x = margin + (lineIndex % 9 == 1 ? 80 : 0)
            let lineEnd = width - margin - (lineIndex % 9 == 8 ? Int(random.next() % 900) : 0)
            while x < lineEnd {
                let wordWidth = 40 + Int(random.next() % 260)
                if x + wordWidth > lineEnd { break }
                let ascender = random.next() % 3 == 0 ? 10 : 0
                words.append((x, y - ascender, wordWidth, 28 + ascender))
                x += wordWidth + 22 + Int(random.next() % 10)
            }
            y += 52
        }
        return draw(words, degrees: degrees, width: width, height: height)
    }

    /// A blank page with faint paper noise and a few specks.
    static func blank(width: Int = 2480, height: Int = 3508) -> Raster {
        var random = SplitMix64(seed: 7)
        var pixels = [UInt8](repeating: 0, count: width * height)
        for index in pixels.indices { pixels[index] = 235 + UInt8(random.next() % 16) }
        for _ in 0..<20 {
            let x = Int(random.next() % UInt64(width - 4))
            let y = Int(random.next() % UInt64(height - 4))
            for dy in 0..<3 { for dx in 0..<3 { pixels[(y + dy) * width + x + dx] = 40 } }
        }
        return Raster(width: width, height: height, layout: .gray, pixels: pixels)
    }

    private static func draw(
        _ boxes: [(x: Int, y: Int, width: Int, height: Int)], degrees: Double, width: Int, height: Int
    ) -> Raster {
        var pixels = [UInt8](repeating: 255, count: width * height)
        let radians = degrees * .pi / 180
        let cx = Double(width) / 2
        let cy = Double(height) / 2
        for box in boxes {
            // Bounding box of the box's corners after the forward rotation (inverse of toMaster).
            let corners = [
                (box.x, box.y), (box.x + box.width, box.y), (box.x, box.y + box.height),
                (box.x + box.width, box.y + box.height),
            ]
            .map { (px, py) -> (Double, Double) in
                let dx = Double(px) - cx
                let dy = Double(py) - cy
                return (dx * cos(radians) + dy * sin(radians) + cx, -dx * sin(radians) + dy * cos(radians) + cy)
            }
            let minX = max(0, Int(corners.map(\.0).min()!) - 1)
            let maxX = min(width - 1, Int(corners.map(\.0).max()!) + 1)
            let minY = max(0, Int(corners.map(\.1).min()!) - 1)
            let maxY = min(height - 1, Int(corners.map(\.1).max()!) + 1)
            guard minX <= maxX, minY <= maxY else { continue }
            // Inverse mapping as PageTransform.toMaster does it (inlined: this runs per pixel).
            let cosine = cos(radians)
            let sine = sin(radians)
            let left = Double(box.x)
            let right = Double(box.x + box.width)
            let top = Double(box.y)
            let bottom = Double(box.y + box.height)
            for y in minY...maxY {
                let dy = Double(y) + 0.5 - cy
                for x in minX...maxX {
                    let dx = Double(x) + 0.5 - cx
                    let mx = dx * cosine - dy * sine + cx
                    let my = dx * sine + dy * cosine + cy
                    if mx >= left, mx < right, my >= top, my < bottom {
                        pixels[y * width + x] = 20
                    }
                }
            }
        }
        return Raster(width: width, height: height, layout: .gray, pixels: pixels)
    }
}
