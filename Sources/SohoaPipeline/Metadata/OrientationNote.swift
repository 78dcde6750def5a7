import Foundation
import SohoaImaging

/// The orientation part of a page's PREMIS normalization parameters: what was done, by which
/// method, and every opinion behind it, e.g. `turned 90° by recognition (profile 270° 0.31;
/// recognition 270° 0.41 (12 words), 90° 0.93 (40 words); OSD not asked)`.
enum OrientationNote {
    /// The note for one page's report; `nil` when orientation was not measured.
    static func text(_ report: NormalizeReport) -> String? {
        guard let estimate = report.orientation else { return nil }
        let applied = (report.quarterTurnsApplied ?? 0) * 90
        var text = applied == 0 ? "kept upright" : "turned \(applied)°"
        text += " by \(method(estimate.method)) (confidence \(String(format: "%.2f", estimate.confidence))"
        guard let evidence = report.orientationEvidence else { return text + ")" }
        text += "; profile \(evidence.profile.degrees)° \(String(format: "%.2f", evidence.profile.confidence))"
        if let candidates = evidence.candidates {
            let tried = candidates.map { candidate -> String in
                guard let reading = candidate.readability else { return "\(candidate.quarterTurns * 90)° unreadable" }
                return "\(candidate.quarterTurns * 90)° \(String(format: "%.2f", reading.score)) (\(reading.words) words, "
                    + "confidence \(String(format: "%.0f", reading.meanConfidence))"
                    + (reading.syllableShare.map { ", syllables \(String(format: "%.0f", $0 * 100))%" } ?? "") + ")"
            }
            text += "; recognition " + tried.joined(separator: ", ")
        }
        if let osd = evidence.osd { text += "; OSD \(osd.degrees)° \(String(format: "%.2f", osd.confidence))" }
        return text + ")"
    }

    private static func method(_ method: OrientationEstimate.Method) -> String {
        switch method {
        case .profile: return "line profiles"
        case .recognition: return "recognition"
        case .tesseractOSD: return "Tesseract OSD"
        }
    }
}
