import Foundation

/// What one page's capture measures: resolution, tone, sharpness and clipping. Made once per page
/// at ingest by `CaptureQuality.measure`; judged against a pipeline's criteria with `findings(against:)`.
public struct CaptureQualityReport: Sendable, Equatable, Codable {
    /// The page's resolution at its real size (estimated when the file gives none that is plausible).
    public var dpi: ResolvedDPI
    /// The tone the source file encodes (a 1-bit file is bilevel).
    public var tone: CaptureTone
    /// Bits per sample in the source file.
    public var bitsPerSample: Int
    /// Median width of the page's strong edges in pixels; `nil` when the page has too few edges to
    /// judge (a blank page).
    public var edgeWidth: Double?
    /// Share (0–1) of pixels at pure white; `nil` for 1-bit pages.
    public var clippedHighlights: Double?
    /// Share (0–1) of pixels at pure black; `nil` for 1-bit pages.
    public var clippedShadows: Double?

    /// A report with every measure given.
    public init(
        dpi: ResolvedDPI, tone: CaptureTone, bitsPerSample: Int, edgeWidth: Double?, clippedHighlights: Double?,
        clippedShadows: Double?
    ) {
        self.dpi = dpi
        self.tone = tone
        self.bitsPerSample = bitsPerSample
        self.edgeWidth = edgeWidth
        self.clippedHighlights = clippedHighlights
        self.clippedShadows = clippedShadows
    }

    /// Where the page falls short of `criteria`, in a fixed order (resolution, tone, blur, clipping);
    /// empty for a good page.
    public func findings(against criteria: CaptureQualityCriteria) -> [CaptureQualityFinding] {
        var findings: [CaptureQualityFinding] = []
        if let minimum = criteria.minimumDPI, dpi.dpi < minimum {
            let vi = dpi.estimated ? " (ước tính)" : ""
            let en = dpi.estimated ? " (estimated)" : ""
            findings.append(
                CaptureQualityFinding(
                    kind: .resolution,
                    vietnamese: "độ phân giải \(dpi.dpi) dpi\(vi) < \(minimum) dpi tối thiểu",
                    english: "resolution \(dpi.dpi) dpi\(en) < \(minimum) dpi minimum"))
        }
        if let expected = criteria.expectedTone, tone < expected {
            findings.append(
                CaptureQualityFinding(
                    kind: .tone,
                    vietnamese: "ảnh \(tone.words.vi) nhưng cần ảnh \(expected.words.vi)",
                    english: "a \(tone.words.en) image where \(expected.words.en) is expected"))
        }
        if let maximum = criteria.maximumBlur, let edgeWidth, edgeWidth > maximum {
            let measured = Self.decimal(edgeWidth)
            let limit = Self.decimal(maximum)
            findings.append(
                CaptureQualityFinding(
                    kind: .blur,
                    vietnamese: "ảnh mờ: nét chữ rộng \(measured) px > \(limit) px tối đa",
                    english: "blurred: text edges \(measured) px wide > \(limit) px maximum"))
        }
        if let maximum = criteria.maximumClipped {
            let limit = Self.percent(maximum)
            if let share = clippedHighlights, share > maximum {
                findings.append(
                    CaptureQualityFinding(
                        kind: .clippedHighlights,
                        vietnamese: "vùng sáng bị cắt: \(Self.percent(share)) điểm ảnh trắng tuyệt đối > \(limit) tối đa",
                        english: "clipped highlights: \(Self.percent(share)) of pixels pure white > \(limit) maximum"))
            }
            if let share = clippedShadows, share > maximum {
                findings.append(
                    CaptureQualityFinding(
                        kind: .clippedShadows,
                        vietnamese: "vùng tối bị cắt: \(Self.percent(share)) điểm ảnh đen tuyệt đối > \(limit) tối đa",
                        english: "clipped shadows: \(Self.percent(share)) of pixels pure black > \(limit) maximum"))
            }
        }
        return findings
    }

    private static func decimal(_ value: Double) -> String { String(format: "%.1f", value) }
    private static func percent(_ share: Double) -> String { String(format: "%.1f%%", share * 100) }
}
