import Foundation

/// sohoa's own orientation method: line profiles on a reduced, binarized copy.
///
/// Text lines give a sharp projection profile along their direction and a flat one across it, which
/// tells upright or upside-down pages (lines horizontal) from pages lying on their side. Within each
/// line, more ink sits above the x-height band (ascenders, capitals and, in Vietnamese, the tone
/// marks and the hats of â ê ô) than below it (descenders and the dot of nặng), which tells up from
/// down. Cheap (a few tens of milliseconds a page); unsure pages get a low confidence.
public enum OrientationDetector {
    /// Long side, in pixels, of the reduced copy the profiles are measured on.
    static let workingLongSide = 1600
    /// Fewer ink pixels than this means there is nothing to measure.
    static let minimumInkPixels = 1000

    /// The clockwise quarter turns that make `gray` upright; confidence 0 on pages without text lines.
    public static func estimate(_ gray: Raster) -> OrientationEstimate {
        let none = OrientationEstimate(quarterTurns: 0, confidence: 0, method: .profile)
        let image = gray.grayscale()
        guard image.width >= 32, image.height >= 32 else { return none }
        return estimate(reduced: Binarization.reduced(image, by: workingFactor(image)))
    }

    /// The reduction factor `estimate` applies to `gray` (at least 32 × 32).
    static func workingFactor(_ gray: Raster) -> Int {
        let longSide = Swift.max(gray.width, gray.height)
        return Swift.max(1, Int((Double(longSide) / Double(workingLongSide)).rounded(.up)))
    }

    /// `estimate` on a page already reduced by `workingFactor` (`Binarization.reduced`).
    static func estimate(reduced: Raster) -> OrientationEstimate {
        let none = OrientationEstimate(quarterTurns: 0, confidence: 0, method: .profile)
        guard let threshold = Binarization.otsuThreshold(reduced.pixels) else { return none }
        let w = reduced.width
        let h = reduced.height
        // Ink points: 1 in a mask of the reduced page.
        var mask = [UInt8](repeating: 0, count: w * h)
        reduced.pixels.withUnsafeBufferPointer { pixels in
            func ink(_ x: Int, _ y: Int) -> Bool {
                x >= 0 && y >= 0 && x < w && y < h && Int(pixels[y * w + x]) < threshold
            }
            for y in 0..<h {
                // Every other pixel in a checkerboard: half the work, no comb in either profile.
                for x in stride(from: y & 1, to: w, by: 2) where ink(x, y) {
                    // Inside a solid area (a border, a photo): not print, and it would swamp the profiles.
                    if ink(x - 2, y), ink(x + 2, y), ink(x, y - 2), ink(x, y + 2), ink(x - 2, y - 2), ink(x + 2, y + 2) {
                        continue
                    }
                    mask[y * w + x] = 1
                }
            }
        }
        guard let rows = ProjectionCounts(mask, width: w, height: h),
            let columns = ProjectionCounts(transposing: mask, width: w, height: h),
            rows.inkCount >= minimumInkPixels, rows.inkCount * 4 < reduced.pixels.count
        else { return none }

        let horizontal = LineProfile.best(rows)
        let vertical = LineProfile.best(columns)
        let lying = vertical.score > horizontal.score
        let winner = lying ? vertical : horizontal
        let loser = lying ? horizontal : vertical
        let axisRatio = loser.score > 0 ? winner.score / loser.score : 10
        let (before, after) = asymmetry(winner.bins)
        guard before + after > 0 else { return none }
        let upFirst = before >= after
        let sideRatio = Swift.max(before, after) / Swift.max(1, Swift.min(before, after))
        let turns: Int
        if lying {
            // Low bins are on the left: tops on the left mean the page was turned left.
            turns = upFirst ? 1 : 3
        } else {
            turns = upFirst ? 0 : 2
        }
        let axisConfidence = Swift.min(1, Swift.max(0, (axisRatio - 1.2) / 1.5))
        let sideConfidence = Swift.min(1, Swift.max(0, (sideRatio - 1.15) / 0.6))
        let confidence = Swift.min(axisConfidence, sideConfidence)
        return OrientationEstimate(
            quarterTurns: turns, confidence: (confidence * 1000).rounded() / 1000, method: .profile,
            axisConfidence: (axisConfidence * 1000).rounded() / 1000)
    }

    /// `values.sorted()[rank]`, by keeping only the largest few (the rank is near the top).
    static func value(atRank rank: Int, of values: [Int32]) -> Int32 {
        let above = values.count - rank
        guard above > 0, above <= 64 else { return values.sorted()[rank] }
        // The `above` largest values, largest first.
        var top = [Int32](repeating: .min, count: above)
        for value in values where value > top[above - 1] {
            var index = above - 1
            while index > 0, top[index - 1] < value {
                top[index] = top[index - 1]
                index -= 1
            }
            top[index] = value
        }
        return top[above - 1]
    }

    /// Ink above the x-height band of each line (low bins) and below it (high bins), summed over lines.
    static func asymmetry(_ bins: [Int32]) -> (before: Double, after: Double) {
        let positive = bins.filter { $0 > 0 }.sorted()
        guard !positive.isEmpty else { return (0, 0) }
        let reference = Double(positive[positive.count * 9 / 10])
        let floor = reference * 0.06
        var before = 0.0
        var after = 0.0
        var index = 0
        while index < bins.count {
            guard Double(bins[index]) > floor else {
                index += 1
                continue
            }
            var end = index
            while end + 1 < bins.count, Double(bins[end + 1]) > floor { end += 1 }
            let run = bins[index...end]
            let peak = Double(run.max() ?? 0)
            // Lines (not dust): a run at least 4 bins tall with a real peak.
            if end - index >= 3, peak >= reference * 0.3 {
                let core = run.indices.filter { Double(bins[$0]) >= peak * 0.5 }
                if let first = core.first, let last = core.last {
                    for i in index..<first { before += Double(bins[i]) }
                    if last < end { for i in (last + 1)...end { after += Double(bins[i]) } }
                }
            }
            index = end + 1
        }
        return (before, after)
    }

    /// The sharpest projection profile of ink points along lines within ±15° of the x axis.
    private struct LineProfile {
        var score: Double
        var bins: [Int32]

        static func best(_ counts: ProjectionCounts) -> LineProfile {
            let maxDegrees = 15.0
            let layout = ProjectionCounts.layout(width: counts.width, height: counts.height, maxDegrees: maxDegrees)
            var bins = [Int32](repeating: 0, count: layout.bins)
            func profile(_ degrees: Double) -> LineProfile {
                counts.project(degrees: degrees, margin: layout.margin, into: &bins)
                // Bins clipped at the 99.5th percentile: one straight edge (a photo, a rule) is not a text line.
                let clip = OrientationDetector.value(atRank: bins.count * 995 / 1000, of: bins)
                var sum = 0.0
                var previous: Int32 = 0
                for raw in bins {
                    let value = Swift.min(raw, clip)
                    let difference = Double(value - previous)
                    sum += difference * difference
                    previous = value
                }
                return LineProfile(score: sum, bins: bins)
            }
            // 1° steps, then quarter degrees around the best (the line zones need a level profile).
            var best = LineProfile(score: -1, bins: [])
            var bestDegrees = 0.0
            for step in -15...15 {
                let candidate = profile(Double(step))
                if candidate.score > best.score {
                    best = candidate
                    bestDegrees = Double(step)
                }
            }
            for offset in [-0.5, -0.25, 0.25, 0.5] {
                let candidate = profile(bestDegrees + offset)
                if candidate.score > best.score { best = candidate }
            }
            return best
        }
    }
}
