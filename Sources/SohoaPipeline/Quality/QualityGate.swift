import SohoaImaging

/// A pipeline's capture-quality gate (the `quality:` section): what each page's capture must meet,
/// and what happens to a page that does not. Pipelines without the section have no gate.
public struct QualityGate: Sendable, Equatable, Codable {
    /// What a page that falls short becomes.
    public enum OnFail: String, Sendable, Equatable, CaseIterable, Codable {
        /// Archived as usual and sent back for rescanning with the reason (the default).
        case flag
        /// Refused: not archived, listed among the run's failures with the reason.
        case refuse
    }

    /// Whether an item's page count is compared with its holding's `estimated-pages`.
    public enum PageCount: String, Sendable, Equatable, CaseIterable, Codable {
        case warn
        case ignore
    }

    /// The thresholds (300 dpi, any tone, text edges at most 4 px wide, clipping unchecked by default).
    public var criteria = CaptureQualityCriteria.standard
    public var onFail = OnFail.flag
    public var pageCount = PageCount.warn

    /// The standard gate: flag pages below `CaptureQualityCriteria.standard`, warn on page counts.
    public init() {}

    /// Where the page's capture falls short, measured from its decoded pixels at `dpi`.
    public func findings(of scan: DecodedScan, dpi: ResolvedDPI) -> [CaptureQualityFinding] {
        CaptureQuality.measure(raster: scan.raster, technical: scan.technical, dpi: dpi).findings(against: criteria)
    }

    /// The findings as one reason for staff ("…; …").
    public static func reason(_ findings: [CaptureQualityFinding]) -> String {
        findings.map(\.reason).joined(separator: "; ")
    }
}
