import Foundation

/// Measures the skew of text lines by projection profiles.
///
/// The page is reduced to about 1400 px on its long side and binarized (Otsu); for each candidate
/// angle the ink pixels are projected along lines of that slope and the profile's sharpness (sum of
/// squared differences between neighbouring bins) is scored. A coarse sweep in 0.5° steps is
/// refined in 0.025° steps over ±0.6° and a parabola through the best three scores gives the final angle.
public enum SkewDetector {
    /// Long side, in pixels, of the reduced copy the profile is measured on.
    static let workingLongSide = 1400
    /// Fewer ink pixels than this in the reduced copy means there are no lines to measure.
    static let minimumInkPixels = 300

    /// The skew of `gray`'s text lines within ±`maxDegrees` (at most 45); `0` with confidence `0`
    /// when the page is blank or has no line structure. Accepts RGB too (converted to gray).
    public static func estimate(_ gray: Raster, maxDegrees: Double = 15) -> SkewEstimate {
        let none = SkewEstimate(degrees: 0, confidence: 0)
        let image = gray.grayscale()
        guard image.width >= 16, image.height >= 16 else { return none }
        return estimate(reduced: Binarization.reduced(image, by: workingFactor(image)), maxDegrees: maxDegrees)
    }

    /// The reduction factor `estimate` applies to `gray` (at least 16 × 16).
    static func workingFactor(_ gray: Raster) -> Int {
        let longSide = Swift.max(gray.width, gray.height)
        return Swift.max(1, Int((Double(longSide) / Double(workingLongSide)).rounded(.up)))
    }

    /// `estimate` on a page already reduced by `workingFactor` (`Binarization.reduced`).
    static func estimate(reduced: Raster, maxDegrees: Double) -> SkewEstimate {
        let none = SkewEstimate(degrees: 0, confidence: 0)
        guard let threshold = Binarization.otsuThreshold(reduced.pixels) else { return none }

        let limit = Swift.min(Swift.max(maxDegrees, 0.5), 45)
        guard let counts = ProjectionCounts(reduced, below: threshold) else { return none }
        let inkCount = counts.inkCount
        let inkFraction = Double(inkCount) / Double(reduced.pixels.count)
        guard inkCount >= minimumInkPixels, inkFraction < 0.6 else { return none }
        let profile = Profile(counts, maxDegrees: limit)

        // Coarse sweep.
        let coarseStep = 0.5
        let coarseCount = Int((limit / coarseStep).rounded(.down))
        var coarse: [(angle: Double, score: Double)] = []
        for index in -coarseCount...coarseCount {
            let angle = Double(index) * coarseStep
            coarse.append((angle, profile.score(degrees: angle)))
        }
        guard let coarseBest = coarse.max(by: { $0.score < $1.score }), coarseBest.score > 0 else { return none }

        // Refinement around the coarse peak.
        let fineStep = 0.025
        var fine: [(angle: Double, score: Double)] = []
        for index in -24...24 {
            let angle = coarseBest.angle + Double(index) * fineStep
            guard abs(angle) <= limit else { continue }
            fine.append((angle, profile.score(degrees: angle)))
        }
        var bestIndex = 0
        for index in fine.indices where fine[index].score > fine[bestIndex].score { bestIndex = index }
        var angle = fine[bestIndex].angle
        if bestIndex > 0, bestIndex < fine.count - 1 {
            let left = fine[bestIndex - 1].score
            let centre = fine[bestIndex].score
            let right = fine[bestIndex + 1].score
            let curvature = left - 2 * centre + right
            if curvature < 0 {
                angle += fineStep * 0.5 * (left - right) / curvature
            }
        }

        // Confidence: how far the peak stands above a typical (wrong-angle) score.
        let sorted = coarse.map(\.score).sorted()
        let median = sorted[sorted.count / 2]
        let peak = fine[bestIndex].score
        let ratio = median > 0 ? peak / median : 10
        // A ratio of 1 means no preferred direction; 3 or more is unambiguous text.
        var confidence = Swift.min(1, Swift.max(0, (ratio - 1) / 2))
        if inkCount < minimumInkPixels * 4 { confidence *= Double(inkCount) / Double(minimumInkPixels * 4) }
        let rounded = (angle * 1000).rounded() / 1000
        return SkewEstimate(degrees: rounded == 0 ? 0 : rounded, confidence: (confidence * 1000).rounded() / 1000)
    }

    /// The ink of the reduced page and a reusable bin buffer for scoring projection angles.
    private final class Profile {
        let counts: ProjectionCounts
        let margin: Int
        var bins: [Int32]

        init(_ counts: ProjectionCounts, maxDegrees: Double) {
            self.counts = counts
            let layout = ProjectionCounts.layout(width: counts.width, height: counts.height, maxDegrees: maxDegrees)
            margin = layout.margin
            bins = [Int32](repeating: 0, count: layout.bins)
        }

        /// Sharpness of the profile along lines rising to the right by `degrees`.
        func score(degrees: Double) -> Double {
            // A line rising by `a` satisfies y = y0 - x·tan(a), so y + x·tan(a) is constant along it.
            counts.project(degrees: degrees, margin: margin, into: &bins)
            var sum = 0.0
            var previous: Int32 = 0
            for value in bins {
                let difference = Double(value - previous)
                sum += difference * difference
                previous = value
            }
            return sum
        }
    }
}
