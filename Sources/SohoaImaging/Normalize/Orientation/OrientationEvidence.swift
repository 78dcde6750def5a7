/// Why a page was turned the way it was: every opinion the normalize stage asked, so an archivist
/// can see it in the report and the PREMIS normalization event.
public struct OrientationEvidence: Sendable, Codable, Equatable {
    /// sohoa's line-profile measure (always taken).
    public var profile: OrientationEstimate
    /// Orientations tried by recognizing a band of text lines, in the order tried; `nil` when
    /// recognition was not asked (the profiles were sure, or the item has no OCR language).
    public var candidates: [OrientationCandidate]?
    /// Tesseract's OSD, when it was asked (only when recognition gave no clear answer).
    public var osd: OrientationEstimate?
    /// Wall time of Tesseract's OSD, in milliseconds, when it was asked.
    public var osdMilliseconds: Double?

    /// Evidence with the profile measure only.
    public init(
        profile: OrientationEstimate, candidates: [OrientationCandidate]? = nil, osd: OrientationEstimate? = nil,
        osdMilliseconds: Double? = nil
    ) {
        self.profile = profile
        self.candidates = candidates
        self.osd = osd
        self.osdMilliseconds = osdMilliseconds
    }
}
