import Foundation

/// Which way up a page reads best: a band of a few text lines is recognized in the candidate
/// orientations and the one that reads clearly better wins (the judge of last resort for pages the
/// line profiles are unsure about; Tesseract's OSD never overrides it).
enum OrientationByRecognition {
    /// Height of the sampled band across the lines, in inches (two to four lines of book type).
    static let bandInches = 0.6
    /// Longest stretch of the lines read, in inches (the middle of longer lines).
    static let bandLengthInches = 3.5
    /// The larger band read when the line direction is known but the first band decides nothing
    /// (a noisy or faint page needs more words): height and length in inches.
    static let largerBand = (inches: 0.9, lengthInches: 4.5)
    /// From this profile confidence on, the profiles' guess is taken without reading: on the
    /// generated tuning pages every guess this sure was right, and every wrong one was below 0.05.
    static let sureProfileConfidence = 0.99
    /// Below this mean confidence (0–100) a reading is no text at all (noise reads 8–15, text read
    /// the wrong way up 25–60)…
    static let noTextConfidence = 20.0
    /// …and below this profile axis confidence the page shows no text lines either way: when both
    /// readings of the guessed axis are no text on such a page, the other axis is not read.
    static let noLinesAxisConfidence = 0.2
    /// Samples are recognized at no more than this resolution (cost grows with pixels).
    static let samplingDPI = 300
    /// Words the winner must have for its reading to count.
    static let minimumWords = 4
    /// Score (0–1) the winner must reach: a page read upright scores 0.65–0.95, garbage 0.2–0.55.
    static let minimumScore = 0.7
    /// Lead (in score) the winner needs over every other candidate tried.
    static let minimumLead = 0.12
    /// A lead this large decides with a lower score (a degraded page that still reads one way only).
    static let decisiveLead = 0.25
    /// Lowest score a decisive lead may have.
    static let minimumDecisiveScore = 0.5
    /// A candidate read with at least this mean confidence (0–100)…
    static let clearConfidence = 85.0
    /// …in at least this many words…
    static let clearWords = 8
    /// …of which at least this share are valid syllables (when measured) is taken without trying
    /// another: pages read the wrong way up score 15–57, the right way up 76–97.
    static let clearSyllableShare = 0.75
    /// From this profile axis confidence on, the line direction is known: only the two orientations
    /// along it are read (a band of the other axis would cut across the lines).
    static let knownAxisConfidence = 0.6

    /// What recognition decided: the estimate when the evidence is clear, and every candidate tried.
    struct Verdict {
        var estimate: OrientationEstimate?
        var candidates: [OrientationCandidate]
        /// False when no band of text lines could be cut in any orientation tried (a photograph):
        /// nothing on the page reads as lines, so Tesseract's OSD is not asked either.
        var sampled = true
    }

    /// The sizes of band read (across and along the lines, in inches).
    enum BandSize: Hashable {
        case usual, larger

        var inches: (across: Double, along: Double) {
            switch self {
            case .usual: (bandInches, bandLengthInches)
            case .larger: (largerBand.inches, largerBand.lengthInches)
            }
        }
    }

    /// Reads the profile's guess first and stops when it reads clearly; then its opposite; when
    /// neither decides, a larger band both ways up if the profiles know the line direction, else the
    /// other axis (not when neither reading was text on a page without lines: noise). `gray` is the
    /// page as scanned (border painted over), at `dpi`. The normalizer asks only about guesses the
    /// profiles are not certain of (below `sureProfileConfidence`).
    static func judge(_ gray: Raster, dpi: Int, profile: OrientationEstimate, scorer: any RecognitionScoring) -> Verdict {
        let first = profile.quarterTurns
        var candidates: [OrientationCandidate] = []
        var bands: [BandKey: (raster: Raster, dpi: Int)?] = [:]
        var cut = false
        func tryTurns(_ turns: Int, size: BandSize = .usual) -> OrientationCandidate {
            let start = DispatchTime.now()
            let k = ((turns % 4) + 4) % 4
            let key = BandKey(size: size, linesHorizontal: k % 2 == 0)
            if bands[key] == nil {
                let inches = size.inches
                bands[key] = band(gray, dpi: dpi, linesHorizontal: key.linesHorizontal, inches: inches.across, lengthInches: inches.along)
            }
            var reading: Readability?
            if let sample = bands[key] ?? nil {
                cut = true
                reading = scorer.readability(of: sample.raster.quarterTurned(clockwise: k), dpi: sample.dpi)
            }
            let elapsed = Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1_000_000
            let candidate = OrientationCandidate(quarterTurns: k, readability: reading, milliseconds: (elapsed * 10).rounded() / 10)
            candidates.append(candidate)
            return candidate
        }
        func verdict(_ estimate: OrientationEstimate?) -> Verdict {
            Verdict(estimate: estimate, candidates: candidates, sampled: cut)
        }
        func alone(_ candidate: OrientationCandidate) -> Verdict {
            verdict(
                OrientationEstimate(
                    quarterTurns: candidate.quarterTurns, confidence: (candidate.score * 1000).rounded() / 1000, method: .recognition))
        }
        let axisKnown = (profile.axisConfidence ?? 0) >= knownAxisConfidence
        let guess = tryTurns(first)
        if readsClearly(guess) { return alone(guess) }
        let opposite = tryTurns(first + 2)
        let pair = [guess, opposite]
        if let decided = decision(pair), axisKnown || decided.readability?.meanConfidence ?? 0 >= 80 {
            return verdict(estimate(decided, among: pair))
        }
        if axisKnown {
            // The lines run this way but the band read poorly both ways up: a larger band decides.
            let larger = [tryTurns(first, size: .larger), tryTurns(first + 2, size: .larger)]
            return verdict(decision(larger).map { estimate($0, among: larger) })
        }
        let noText = pair.allSatisfy { ($0.readability?.meanConfidence ?? 0) < noTextConfidence }
        if noText, (profile.axisConfidence ?? 0) < noLinesAxisConfidence { return verdict(nil) }
        let across = tryTurns(first + 1)
        if readsClearly(across), across.score > guess.score, across.score > opposite.score { return alone(across) }
        _ = tryTurns(first + 3)
        return verdict(decision(candidates).map { estimate($0, among: candidates) })
    }

    /// A band cut for one size and line direction.
    private struct BandKey: Hashable {
        var size: BandSize
        var linesHorizontal: Bool
    }

    /// True when `candidate` reads so well that no other orientation needs trying.
    static func readsClearly(_ candidate: OrientationCandidate) -> Bool {
        guard let reading = candidate.readability else { return false }
        return reading.words >= clearWords && reading.meanConfidence >= clearConfidence
            && (reading.syllableShare ?? 1) >= clearSyllableShare
    }

    /// The candidate that reads clearly better than every other, or `nil`.
    static func decision(_ candidates: [OrientationCandidate]) -> OrientationCandidate? {
        let ranked = candidates.sorted { $0.score > $1.score }
        guard let best = ranked.first, let reading = best.readability, reading.words >= minimumWords else { return nil }
        let lead = best.score - (ranked.count > 1 ? ranked[1].score : 0)
        let clear = best.score >= minimumScore && lead >= minimumLead
        let decisive = best.score >= minimumDecisiveScore && lead >= decisiveLead
        return clear || decisive ? best : nil
    }

    /// The estimate for `winner`: confidence from its lead over the runner-up (at least 0.5, as a clear lead is sure).
    private static func estimate(_ winner: OrientationCandidate, among candidates: [OrientationCandidate]) -> OrientationEstimate {
        let runnerUp = candidates.filter { $0.quarterTurns != winner.quarterTurns }.map(\.score).max() ?? 0
        let confidence = Swift.min(1, 0.5 + (winner.score - runnerUp))
        return OrientationEstimate(
            quarterTurns: winner.quarterTurns, confidence: (confidence * 1000).rounded() / 1000, method: .recognition)
    }

    /// The densest band of text, `inches` across the lines (at most `lengthInches` along them), cut along the lines to the ink, with
    /// its edges moved to the quietest rows nearby so that few lines are cut; reduced to at most
    /// `samplingDPI`. Lines run along x when `linesHorizontal`, else along y. `nil` without ink.
    static func band(
        _ gray: Raster, dpi: Int, linesHorizontal: Bool, inches: Double = bandInches, lengthInches: Double = bandLengthInches
    ) -> (raster: Raster, dpi: Int)? {
        guard gray.width >= 32, gray.height >= 32 else { return nil }
        let factor = Swift.max(1, dpi / 75)
        let reduced = Binarization.reduced(gray, by: factor)
        guard let threshold = Binarization.otsuThreshold(reduced.pixels) else { return nil }
        let w = reduced.width
        let h = reduced.height
        // Across: the axis across the lines; along: the axis of the lines.
        let acrossCount = linesHorizontal ? h : w
        let alongCount = linesHorizontal ? w : h
        var across = [Int](repeating: 0, count: acrossCount)
        var along = [Int](repeating: 0, count: alongCount)
        var inkMask = [Bool](repeating: false, count: w * h)
        reduced.pixels.withUnsafeBufferPointer { pixels in
            func dark(_ x: Int, _ y: Int) -> Bool { x >= 0 && y >= 0 && x < w && y < h && Int(pixels[y * w + x]) < threshold }
            for y in 0..<h {
                // Print, not the inside of a dark area (a shadow, gray paper, a photo), which would
                // otherwise draw the band away from the lines.
                for x in 0..<w where dark(x, y) && !(dark(x - 2, y) && dark(x + 2, y) && dark(x, y - 2) && dark(x, y + 2)) {
                    inkMask[y * w + x] = true
                    across[linesHorizontal ? y : x] += 1
                }
            }
        }
        let window = Swift.min(acrossCount, Swift.max(4, Int(inches * Double(dpi) / Double(factor))))
        // Rows with more ink than nearly all text lines (a rule, a photo) count no more than a full line.
        let cap = Swift.max(1, across.sorted()[acrossCount * 95 / 100])
        let clipped = across.map { Swift.min($0, cap) }
        var sum = clipped[0..<window].reduce(0, +)
        var best = (start: 0, sum: sum)
        if window < acrossCount {
            for start in 1...(acrossCount - window) {
                sum += clipped[start + window - 1] - clipped[start - 1]
                if sum > best.sum { best = (start, sum) }
            }
        }
        guard best.sum > 0 else { return nil }
        func quietest(near position: Int) -> Int {
            let reach = window / 5
            let range = Swift.max(0, position - reach)...Swift.min(acrossCount - 1, position + reach)
            return range.min { across[$0] < across[$1] } ?? position
        }
        let start = quietest(near: best.start)
        let end = Swift.max(start + 4, quietest(near: Swift.min(acrossCount - 1, best.start + window)))
        for a in start..<Swift.min(end, acrossCount) {
            for b in 0..<alongCount where inkMask[linesHorizontal ? a * w + b : b * w + a] { along[b] += 1 }
        }
        guard let first = along.firstIndex(where: { $0 > 0 }), let last = along.lastIndex(where: { $0 > 0 }) else { return nil }
        let pad = Swift.max(1, 25 / factor)
        var alongStart = Swift.max(0, first - pad) * factor
        var alongEnd = Swift.min(alongCount, last + 1 + pad) * factor
        let longest = Int(lengthInches * Double(dpi))
        if alongEnd - alongStart > longest {
            // The stretch with the most print (on a spread: one page's lines, not the gutter).
            let span = Swift.max(1, longest / factor)
            let lo = alongStart / factor
            let hi = Swift.max(lo, alongEnd / factor - span)
            var sum = along[lo..<Swift.min(alongCount, lo + span)].reduce(0, +)
            var bestStart = lo
            var bestSum = sum
            if hi > lo {
                for s in (lo + 1)...hi where s + span - 1 < alongCount {
                    sum += along[s + span - 1] - along[s - 1]
                    if sum > bestSum {
                        bestSum = sum
                        bestStart = s
                    }
                }
            }
            alongStart = bestStart * factor
            alongEnd = alongStart + longest
        }
        let acrossStart = start * factor
        let acrossEnd = Swift.min(end, acrossCount) * factor
        var sample =
            linesHorizontal
            ? gray.cropped(
                x: alongStart, y: acrossStart, width: Swift.min(gray.width, alongEnd) - alongStart,
                height: Swift.min(gray.height, acrossEnd) - acrossStart)
            : gray.cropped(
                x: acrossStart, y: alongStart, width: Swift.min(gray.width, acrossEnd) - acrossStart,
                height: Swift.min(gray.height, alongEnd) - alongStart)
        var sampleDPI = dpi
        if dpi > samplingDPI {
            let longSide = Swift.max(sample.width, sample.height)
            sample = sample.downscaled(maxSide: Swift.max(1, longSide * samplingDPI / dpi))
            sampleDPI = samplingDPI
        }
        guard sample.width >= 16, sample.height >= 16 else { return nil }
        return (sample, sampleDPI)
    }
}
