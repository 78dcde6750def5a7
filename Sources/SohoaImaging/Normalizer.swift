import Foundation

/// The normalize stage (minimal for now): gray → upsample very low resolutions → deskew → blank test.
/// The decoded scan is never modified.
public struct Normalizer: Sendable {
    /// A page with less ink than this fraction (margins excluded) is reported blank.
    public static let blankInkFraction = 0.001
    /// Longest side an upsampled page may reach, in pixels.
    static let maximumUpsampledSide = 14_000

    /// What the stage does.
    public var options: NormalizeOptions

    /// A normalizer with the given options.
    public init(options: NormalizeOptions = NormalizeOptions()) {
        self.options = options
    }

    /// Normalizes one decoded page.
    public func normalize(_ scan: DecodedScan) -> NormalizedPage {
        let start = DispatchTime.now()
        let master = scan.raster
        var gray = master.grayscale()
        let resolved = DPIResolver.resolve(scan.technical)

        var scale = 1.0
        var dpiUsed = resolved.dpi
        if let target = options.minimumDPI, target > 0, resolved.dpi * 3 < target * 2 {
            let wanted = Double(target) / Double(resolved.dpi)
            let cap = Double(Self.maximumUpsampledSide) / Double(Swift.max(master.width, master.height))
            scale = Swift.min(wanted, Swift.max(1, cap))
            if scale > 1 {
                gray = gray.scaled(by: scale)
                dpiUsed = Int((Double(resolved.dpi) * scale).rounded())
            } else {
                scale = 1
            }
        }

        var skew = SkewEstimate(degrees: 0, confidence: 0)
        var rotation = 0.0
        if options.deskew {
            skew = SkewDetector.estimate(gray, maxDegrees: options.maxSkewDegrees)
            if abs(skew.degrees) >= options.minimumSkewDegrees, skew.confidence >= options.minimumSkewConfidence {
                rotation = -skew.degrees
                gray = gray.rotated(degrees: rotation, fill: 255)
            }
        }

        let ink = Self.inkFraction(gray)
        let transform = PageTransform(
            masterWidth: master.width, masterHeight: master.height,
            scale: scale == 1 ? 1 : Double(gray.width) / Double(master.width),
            rotationDegrees: rotation, normalizedWidth: gray.width, normalizedHeight: gray.height)
        let elapsed = Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1_000_000
        let report = NormalizeReport(
            skewDegrees: skew.degrees, skewConfidence: skew.confidence, rotationApplied: rotation,
            dpiUsed: dpiUsed, dpiEstimated: resolved.estimated, blank: ink < Self.blankInkFraction,
            inkFraction: ink, milliseconds: elapsed)
        return NormalizedPage(raster: gray, transform: transform, report: report)
    }

    /// Fraction of ink on a reduced copy, ignoring a 5% margin (scanner edges, punch holes).
    /// Ink is darker than the paper (the 90th-percentile level) by more than 80 levels, so paper
    /// texture and faint noise do not count.
    static func inkFraction(_ gray: Raster) -> Double {
        let factor = Swift.max(1, Swift.max(gray.width, gray.height) / 800)
        let reduced = Binarization.reduced(gray, by: factor)
        let marginX = reduced.width / 20
        let marginY = reduced.height / 20
        var histogram = [Int](repeating: 0, count: 256)
        var total = 0
        for y in marginY..<(reduced.height - marginY) {
            for x in marginX..<(reduced.width - marginX) {
                histogram[Int(reduced.pixels[y * reduced.width + x])] += 1
                total += 1
            }
        }
        guard total > 0 else { return 0 }
        var cumulative = 0
        var paper = 255
        for level in 0..<256 {
            cumulative += histogram[level]
            if cumulative * 10 >= total * 9 {
                paper = level
                break
            }
        }
        let inkBelow = paper - 80
        guard inkBelow > 0 else { return 0 }
        let ink = histogram[0..<inkBelow].reduce(0, +)
        return Double(ink) / Double(total)
    }
}
