/// Finds dark scanner borders: dark areas (the lid, the book holder, the glass beyond the page)
/// connected to the image edge, far darker than the paper and too solid to be print.
///
/// Full-width or full-height bands of border are cropped away; what remains of the border inside
/// the crop (a partial border, a corner) is painted the paper's colour. Both stop at the first
/// block that is not solid dark, so text is never cut. A dotted or textured dark area at the edge
/// (a shaded corner printed as dots) is page, not border (`BorderTexture`).
enum BorderDetector {
    /// What to do to a page: the box to keep and the reduced-grid blocks to paint.
    struct Plan: Equatable {
        var crop: CropBox
        /// Blocks (in the reduced grid of `factor`-pixel cells) to paint with `paper`.
        var paintedCells: [Int]
        /// Every border block, inside the crop or not.
        var borderCells: [Int]
        var factor: Int
        var gridWidth: Int
        var paper: UInt8
    }

    /// The plan for `gray` at `dpi`; `nil` when there is no border. Dark edge areas that are dotted
    /// rather than solid are page, not border: judged on `gray` itself, or by `texture` when given
    /// (measured on the page before a deskew blurred its dots).
    static func plan(_ gray: Raster, dpi: Int, texture: BorderTexture? = nil) -> Plan? {
        let factor = gridFactor(dpi: dpi)
        let reduced = Binarization.reduced(gray, by: factor)
        let w = reduced.width
        let h = reduced.height
        guard w >= 8, h >= 8, let levels = levels(reduced) else { return nil }
        let paper = levels.paper
        let dark = levels.dark
        var mask = frameMask(reduced, darkerThan: dark)
        let judged =
            texture
            ?? BorderTexture.measured(gray, mask: mask, reduced: reduced, factor: factor, paper: paper, dark: dark)
        judged.removeDotted(from: &mask, gridWidth: w, factor: factor)
        let count = mask.reduce(0) { $1 ? $0 + 1 : $0 }
        // Less than a thin strip: nothing to remove.
        guard count * 500 >= w * h else { return nil }

        func columnIsBorder(_ x: Int, _ y0: Int, _ y1: Int) -> Bool {
            var n = 0
            for y in y0..<y1 where mask[y * w + x] { n += 1 }
            return n * 10 >= (y1 - y0) * 8
        }
        func rowIsBorder(_ y: Int, _ x0: Int, _ x1: Int) -> Bool {
            var n = 0
            for x in x0..<x1 where mask[y * w + x] { n += 1 }
            return n * 10 >= (x1 - x0) * 8
        }
        var left = 0
        var right = w
        var top = 0
        var bottom = h
        // At most 30% of a side is cropped; repeat so that corners do not hide a band.
        for _ in 0..<2 {
            while left < w * 3 / 10, columnIsBorder(left, top, bottom) { left += 1 }
            while right > w * 7 / 10, columnIsBorder(right - 1, top, bottom) { right -= 1 }
            while top < h * 3 / 10, rowIsBorder(top, left, right) { top += 1 }
            while bottom > h * 7 / 10, rowIsBorder(bottom - 1, left, right) { bottom -= 1 }
        }
        // One more cell where a band was cut: the blurred edge between border and paper.
        if left > 0 { left += 1 }
        if right < w { right -= 1 }
        if top > 0 { top += 1 }
        if bottom < h { bottom -= 1 }

        var painted: [Int] = []
        let edge = dark + (paper - dark) / 3
        for y in top..<bottom {
            for x in left..<right {
                let index = y * w + x
                if mask[index] {
                    painted.append(index)
                    continue
                }
                // The blurred rim of a painted area, when it is still darker than print.
                guard Int(reduced.pixels[index]) < edge else { continue }
                let near =
                    (x > 0 && mask[index - 1]) || (x < w - 1 && mask[index + 1]) || (y > 0 && mask[index - w])
                    || (y < h - 1 && mask[index + w])
                if near { painted.append(index) }
            }
        }
        let crop = CropBox(
            x: left * factor, y: top * factor,
            width: Swift.min(gray.width, right * factor) - left * factor,
            height: Swift.min(gray.height, bottom * factor) - top * factor)
        guard crop.width > 0, crop.height > 0 else { return nil }
        if crop == CropBox(x: 0, y: 0, width: gray.width, height: gray.height), painted.isEmpty { return nil }
        let border = mask.indices.filter { mask[$0] }
        return Plan(crop: crop, paintedCells: painted, borderCells: border, factor: factor, gridWidth: w, paper: UInt8(paper))
    }

    /// The side in pixels of the grid's cells at `dpi`.
    static func gridFactor(dpi: Int) -> Int { Swift.max(1, dpi / 40) }

    /// The paper's level (the 90th percentile of `reduced`) and the level below which a cell is dark
    /// enough to be border; `nil` on a page too dark to tell.
    static func levels(_ reduced: Raster) -> (paper: Int, dark: Int)? {
        let paper = Binarization.level(atRank: reduced.pixels.count * 9 / 10, of: reduced.pixels)
        let dark = Swift.min(paper / 2, 110)
        return dark > 0 ? (paper, dark) : nil
    }

    /// The cells of `reduced` darker than `dark` and connected to the image's edge through such cells.
    static func frameMask(_ reduced: Raster, darkerThan dark: Int) -> [Bool] {
        let w = reduced.width
        let h = reduced.height
        var mask = [Bool](repeating: false, count: w * h)
        guard w > 0, h > 0 else { return mask }
        var stack: [Int] = []
        func seed(_ index: Int) {
            if !mask[index], Int(reduced.pixels[index]) < dark {
                mask[index] = true
                stack.append(index)
            }
        }
        for x in 0..<w {
            seed(x)
            seed((h - 1) * w + x)
        }
        for y in 0..<h {
            seed(y * w)
            seed(y * w + w - 1)
        }
        while let index = stack.popLast() {
            let x = index % w
            let y = index / w
            if x > 0 { seed(index - 1) }
            if x < w - 1 { seed(index + 1) }
            if y > 0 { seed(index - w) }
            if y < h - 1 { seed(index + w) }
        }
        return mask
    }

    /// Paints the plan's cells on `gray` (full size, before cropping) and returns the cropped page.
    static func apply(_ plan: Plan, to gray: Raster) -> Raster {
        let c = plan.crop
        return paint(plan.paintedCells, of: plan, on: gray).cropped(x: c.x, y: c.y, width: c.width, height: c.height)
    }

    /// `gray` with its whole border painted the paper's colour, not cropped (for measuring the page).
    static func withoutBorder(_ gray: Raster, dpi: Int) -> Raster {
        guard let plan = plan(gray, dpi: dpi) else { return gray }
        return paint(plan.borderCells, of: plan, on: gray)
    }

    /// `Binarization.reduced(withoutBorder(gray, dpi: dpi), by: factor)`, given `reducedGray`, the
    /// same reduction of `gray` itself: only the blocks that touch a painted cell are recomputed.
    static func reducedWithoutBorder(_ gray: Raster, dpi: Int, factor: Int, reducedGray: Raster) -> Raster {
        guard let plan = plan(gray, dpi: dpi) else { return reducedGray }
        let f = plan.factor
        let gridWidth = plan.gridWidth
        let gridHeight = (gray.height + f - 1) / f
        var painted = [Bool](repeating: false, count: gridWidth * gridHeight)
        for cell in plan.borderCells { painted[cell] = true }
        // The blocks of the reduction that touch a border cell, each once.
        let blocksWide = reducedGray.width
        var touched = [Bool](repeating: false, count: blocksWide * reducedGray.height)
        var blocks: [Int] = []
        for cell in plan.borderCells {
            let cellX = (cell % gridWidth) * f
            let cellY = (cell / gridWidth) * f
            for blockY in (cellY / factor)...(Swift.min(cellY + f, gray.height) - 1) / factor {
                for blockX in (cellX / factor)...(Swift.min(cellX + f, gray.width) - 1) / factor
                where !touched[blockY * blocksWide + blockX] {
                    touched[blockY * blocksWide + blockX] = true
                    blocks.append(blockY * blocksWide + blockX)
                }
            }
        }
        var result = reducedGray
        let w = gray.width
        let h = gray.height
        let paper = UInt32(plan.paper)
        gray.pixels.withUnsafeBufferPointer { source in
            painted.withUnsafeBufferPointer { painted in
                result.pixels.withUnsafeMutableBufferPointer { target in
                    for block in blocks {
                        let y0 = (block / blocksWide) * factor
                        let y1 = Swift.min(y0 + factor, h)
                        let x0 = (block % blocksWide) * factor
                        let x1 = Swift.min(x0 + factor, w)
                        var sum: UInt32 = 0
                        for y in y0..<y1 {
                            let cellRow = (y / f) * gridWidth
                            for x in x0..<x1 {
                                sum += painted[cellRow + x / f] ? paper : UInt32(source[y * w + x])
                            }
                        }
                        let count = UInt32((y1 - y0) * (x1 - x0))
                        target[block] = UInt8((sum + count / 2) / count)
                    }
                }
            }
        }
        return result
    }

    private static func paint(_ cells: [Int], of plan: Plan, on gray: Raster) -> Raster {
        var page = gray
        let f = plan.factor
        page.pixels.withUnsafeMutableBufferPointer { pixels in
            for cell in cells {
                let x0 = (cell % plan.gridWidth) * f
                let y0 = (cell / plan.gridWidth) * f
                for y in y0..<Swift.min(y0 + f, gray.height) {
                    for x in x0..<Swift.min(x0 + f, gray.width) { pixels[y * gray.width + x] = plan.paper }
                }
            }
        }
        return page
    }

    /// The typical level of the image's outermost rows and columns (the fill for uncovered corners).
    static func frameLevel(_ gray: Raster) -> UInt8 {
        var samples: [UInt8] = []
        let w = gray.width
        let h = gray.height
        guard w > 0, h > 0 else { return 255 }
        let step = Swift.max(1, (w + h) / 400)
        for x in stride(from: 0, to: w, by: step) {
            samples.append(gray.pixels[x])
            samples.append(gray.pixels[(h - 1) * w + x])
        }
        for y in stride(from: 0, to: h, by: step) {
            samples.append(gray.pixels[y * w])
            samples.append(gray.pixels[y * w + w - 1])
        }
        samples.sort()
        return samples[samples.count / 2]
    }
}
