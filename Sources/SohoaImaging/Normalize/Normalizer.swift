import Foundation

/// The normalize stage's image work: gray → upsample low resolutions → orientation → deskew →
/// border removal → even light → spread split → despeckle → binarize → blank test.
/// The decoded scan is never modified; every page comes with the transform back to the master.
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

    /// Normalizes one decoded page that is known not to be a spread (never split); orientation by
    /// sohoa's own method only.
    public func normalize(_ scan: DecodedScan) -> NormalizedPage {
        var single = self
        single.options.splitSpreads = .never
        return single.pages(of: scan)[0]
    }

    /// Normalizes one decoded image into one page, or two (left first) when it is a spread.
    /// When sohoa's own orientation measure is unsure, `recognition` (the item's OCR language) reads
    /// a band of lines in the candidate orientations and decides when it reads clearly better one
    /// way; only without a clear reading is `orientationDetector` (Tesseract's OSD) asked.
    public func pages(
        of scan: DecodedScan, orientationDetector: (any OrientationDetecting)? = nil,
        recognition: (any RecognitionScoring)? = nil
    ) -> [NormalizedPage] {
        let start = DispatchTime.now()
        var clock = StepClock()
        let master = scan.raster
        var gray = master.grayscale()
        // Dither noise is looked for only on bilevel scans (a gray scan's paper has no dots).
        let bilevel = gray.pixels.allSatisfy { $0 == 0 || $0 == 255 }
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
        let scaledWidth = gray.width
        clock.lap("gray")

        var orientation: OrientationEstimate?
        var evidence: OrientationEvidence?
        var turns = 0
        // One reduced copy for orientation and skew when both measure at the same reduction.
        var reducedForSkew: Raster?
        // Or the full-size page without its border, when orientation measured that one and the page stays unturned.
        var unturnedWithoutBorder: Raster?
        if options.orientation {
            // Measured without any dark border, whose straight edges would swamp the line profiles.
            let own: OrientationEstimate
            let factor = OrientationDetector.workingFactor(gray)
            if options.deskew, gray.width >= 32, gray.height >= 32, factor > 1, SkewDetector.workingFactor(gray) == factor {
                // Skew too: a dark border's straight edges would hold the measure at 0°.
                let reduced = BorderDetector.reducedWithoutBorder(
                    gray, dpi: dpiUsed, factor: factor, reducedGray: Binarization.reduced(gray, by: factor))
                reducedForSkew = reduced
                own = OrientationDetector.estimate(reduced: reduced)
            } else {
                let withoutBorder = BorderDetector.withoutBorder(gray, dpi: dpiUsed)
                if options.deskew { unturnedWithoutBorder = withoutBorder }
                own = OrientationDetector.estimate(withoutBorder)
            }
            let decided = decideOrientation(gray, dpi: dpiUsed, profile: own, detector: orientationDetector, recognition: recognition)
            orientation = decided.estimate
            evidence = decided.evidence
            if decided.estimate.confidence >= options.minimumOrientationConfidence { turns = decided.estimate.quarterTurns }
            gray = gray.quarterTurned(clockwise: turns)
            if turns % 4 != 0 { unturnedWithoutBorder = nil }
            if let reduced = reducedForSkew, turns % 4 != 0 {
                // Blocks of the turned page are blocks of the page when the turned edges fall on block edges.
                let factor = SkewDetector.workingFactor(gray)
                let k = ((turns % 4) + 4) % 4
                let aligned = (k == 3 || gray.width % factor == 0) && (k == 1 || gray.height % factor == 0)
                reducedForSkew = aligned ? reduced.quarterTurned(clockwise: turns) : nil
            }
        }
        clock.lap("orientation")

        var skew = SkewEstimate(degrees: 0, confidence: 0)
        var rotation = 0.0
        // Dotted dark areas at the edge are told from solid borders before the rotation blurs the dots.
        var borderTexture: BorderTexture?
        if options.deskew {
            if let reduced = reducedForSkew {
                skew = SkewDetector.estimate(reduced: reduced, maxDegrees: options.maxSkewDegrees)
            } else {
                // Without the dark border, whose straight edges hold the measure at 0° (eval-0054:
                // a 2.66° page on a scanner lid read as 0°, where the orientation measure's reduction
                // differs from the skew measure's, or a quarter turn did not fall on its blocks).
                skew = SkewDetector.estimate(
                    unturnedWithoutBorder ?? BorderDetector.withoutBorder(gray, dpi: dpiUsed), maxDegrees: options.maxSkewDegrees)
                unturnedWithoutBorder = nil
            }
            if abs(skew.degrees) >= options.minimumSkewDegrees, skew.confidence >= options.minimumSkewConfidence {
                rotation = -skew.degrees
                if options.cropBorders {
                    borderTexture = BorderTexture.measured(gray, dpi: dpiUsed)
                    borderTexture?.rotationDegrees = rotation
                }
                // Uncovered corners take the colour of the image's edge (paper, or a dark border).
                gray = gray.rotated(degrees: rotation, fill: BorderDetector.frameLevel(gray))
            }
        }
        clock.lap("deskew")
        var transform = PageTransform(
            masterWidth: master.width, masterHeight: master.height,
            scale: scale == 1 ? 1 : Double(scaledWidth) / Double(master.width), quarterTurns: turns,
            rotationDegrees: rotation, normalizedWidth: gray.width, normalizedHeight: gray.height)

        var cropBox: CropBox?
        if options.cropBorders, let plan = BorderDetector.plan(gray, dpi: dpiUsed, texture: borderTexture) {
            gray = BorderDetector.apply(plan, to: gray)
            cropBox = plan.crop
            transform = transform.cropped(x: plan.crop.x, y: plan.crop.y, width: gray.width, height: gray.height)
        }
        clock.lap("borders")
        if options.evenLight { gray = IlluminationCorrector.corrected(gray, dpi: dpiUsed) }
        clock.lap("light")

        var parts: [(name: String?, raster: Raster, transform: PageTransform)] = [(nil, gray, transform)]
        var shadowWidths: [String: Int] = [:]
        // A page judged to lie on its side but left unturned has vertical lines: never a spread.
        let linesVertical = orientation.map { $0.quarterTurns % 2 == 1 && turns % 2 == 0 } ?? false
        let gutter =
            linesVertical && options.splitSpreads == .auto
            ? nil : SpreadDetector.gutter(gray, dpi: dpiUsed, mode: options.splitSpreads)
        if let gutter, gutter > 0, gutter < gray.width {
            let left = gray.cropped(x: 0, y: 0, width: gutter, height: gray.height)
            let right = gray.cropped(x: gutter, y: 0, width: gray.width - gutter, height: gray.height)
            // The spine's shadow along each cut edge, which even light leaves (see `GutterShadow`).
            let liftedLeft = GutterShadow.lifted(left, edge: .right, dpi: dpiUsed)
            let liftedRight = GutterShadow.lifted(right, edge: .left, dpi: dpiUsed)
            shadowWidths = ["a": liftedLeft.width, "b": liftedRight.width]
            parts = [
                ("a", liftedLeft.raster, transform.cropped(x: 0, y: 0, width: left.width, height: left.height)),
                ("b", liftedRight.raster, transform.cropped(x: gutter, y: 0, width: right.width, height: right.height)),
            ]
        }
        clock.lap("spread")

        var pages: [NormalizedPage] = []
        for part in parts {
            var raster = part.raster
            var specks: Int?
            var ditherRegions: Int?
            if options.despeckle {
                if bilevel {
                    let cleared = DitherCleaner.cleaned(raster, dpi: dpiUsed)
                    raster = cleared.raster
                    ditherRegions = cleared.regions
                }
                let cleaned = Despeckler.despeckled(raster, dpi: dpiUsed)
                raster = cleaned.raster
                specks = cleaned.removed
            }
            raster = Binarization.apply(options.binarize, to: raster, dpi: dpiUsed)
            let ink = Self.inkFraction(raster)
            var report = NormalizeReport(
                skewDegrees: skew.degrees, skewConfidence: skew.confidence, rotationApplied: rotation,
                dpiUsed: dpiUsed, dpiEstimated: resolved.estimated, blank: ink < Self.blankInkFraction,
                inkFraction: ink, milliseconds: 0)
            report.orientation = orientation
            report.orientationEvidence = evidence
            report.quarterTurnsApplied = turns
            report.cropBox = cropBox
            report.spreadPart = part.name
            report.gutterX = part.name == nil ? nil : gutter
            report.gutterShadowWidth = part.name.flatMap { shadowWidths[$0] }.flatMap { $0 > 0 ? $0 : nil }
            report.binarization = options.binarize
            report.specksRemoved = specks
            report.ditherRegionsCleaned = ditherRegions
            pages.append(NormalizedPage(raster: raster, transform: part.transform, report: report))
        }
        clock.lap("clean")
        let elapsed = Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1_000_000
        for index in pages.indices {
            pages[index].report.milliseconds = elapsed
            pages[index].report.stepMilliseconds = clock.laps
            pages[index].report.stepCPUMilliseconds = clock.cpuLaps.mapValues { ($0 * 1000).rounded() / 1000 }
            pages[index].report.cpuMilliseconds = (clock.cpuMilliseconds * 1000).rounded() / 1000
        }
        return pages
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
