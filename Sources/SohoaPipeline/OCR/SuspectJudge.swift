import Synchronization

/// Decides whether a recognized page looks wrong (issue 11): its mean confidence or its share of
/// Vietnamese syllables far below what the run has seen so far on good pages, or below absolute floors.
/// Shared by all OCR workers of a run.
final class SuspectJudge: Sendable {
    /// Below this mean confidence a page is suspect whatever the batch does.
    static let confidenceFloor = 60.0
    /// Below this share of Vietnamese syllables a Vietnamese page is suspect whatever the batch does.
    static let syllableFloor = 0.6
    /// How far below the batch's typical confidence (points) a page may fall.
    static let confidenceMargin = 20.0
    /// How far below the batch's typical syllable share a page may fall.
    static let syllableMargin = 0.2
    /// Good pages needed before the batch's typical figures are used.
    static let minimumBatchPages = 3

    private let seen = Mutex<(confidences: [Double], shares: [Double])>(([], []))

    /// The run's typical (median) figures over the good pages seen so far, when there are enough.
    var batchFigures: (confidence: Double?, share: Double?) {
        seen.withLock { seen in
            (Self.median(seen.confidences), Self.median(seen.shares))
        }
    }

    /// Why `quality` looks wrong, in words ("mean confidence 41% (batch 93%)"); nil when it looks right.
    func reason(for quality: PageQuality) -> String? {
        guard quality.wordCount > 0, let confidence = quality.meanConfidence else {
            return "no text recognized on a page that is not blank"
        }
        let batch = batchFigures
        var reasons: [String] = []
        if confidence < Self.confidenceFloor || batch.confidence.map({ confidence < $0 - Self.confidenceMargin }) == true {
            reasons.append(
                "mean confidence \(Self.percent(confidence / 100))"
                    + (batch.confidence.map { " (batch \(Self.percent($0 / 100)))" } ?? ""))
        }
        if let share = quality.syllableShare,
            share < Self.syllableFloor || batch.share.map({ share < $0 - Self.syllableMargin }) == true
        {
            reasons.append(
                "\(Self.percent(share)) of words are Vietnamese syllables"
                    + (batch.share.map { " (batch \(Self.percent($0)))" } ?? ""))
        }
        return reasons.isEmpty ? nil : reasons.joined(separator: "; ")
    }

    /// Counts a page that looked right into the batch's figures.
    func accept(_ quality: PageQuality) {
        seen.withLock { seen in
            if let confidence = quality.meanConfidence { seen.confidences.append(confidence) }
            if let share = quality.syllableShare { seen.shares.append(share) }
        }
    }

    private static func median(_ values: [Double]) -> Double? {
        guard values.count >= minimumBatchPages else { return nil }
        let sorted = values.sorted()
        let middle = sorted.count / 2
        return sorted.count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
    }

    private static func percent(_ fraction: Double) -> String {
        "\(Int((fraction * 100).rounded()))%"
    }
}
