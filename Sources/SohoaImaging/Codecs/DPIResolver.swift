import Foundation

/// Decides a page's resolution: the file's own when it is plausible, otherwise an estimate.
public enum DPIResolver {
    /// Resolutions accepted from a file.
    public static let plausibleDPI: ClosedRange<Double> = 70...2400
    /// Physical long side, in inches, that a scanned page plausibly has at the file's resolution.
    public static let plausibleLongSideInches: ClosedRange<Double> = 3...25
    /// Long side of A4 in inches, assumed when the resolution must be estimated.
    public static let assumedLongSideInches = 11.69
    /// Resolutions scanners commonly use; estimates snap to the nearest one.
    public static let commonDPI = [150, 200, 300, 400, 600]

    /// The file's resolution when plausible for the page's pixel size, else an estimate assuming an
    /// A4 page, snapped to a common scan resolution, with a note saying why.
    public static func resolve(_ technical: TechnicalMetadata) -> ResolvedDPI {
        let longSide = Double(max(technical.width, technical.height))
        let fileDPI = technical.resolutionX ?? technical.resolutionY
        let reason: String
        if let fileDPI {
            let inches = longSide / fileDPI
            if plausibleDPI.contains(fileDPI), plausibleLongSideInches.contains(inches) {
                return ResolvedDPI(dpi: Int(fileDPI.rounded()), estimated: false)
            }
            let dpiText = String(format: "%g", fileDPI)
            if !plausibleDPI.contains(fileDPI) {
                reason = "the file says \(dpiText) dpi, outside the plausible 70–2400 dpi"
            } else {
                reason = String(
                    format: "the file says %@ dpi, which would make the page's long side %.1f in", dpiText, inches)
            }
        } else {
            reason = "the file records no resolution"
        }
        let raw = longSide / assumedLongSideInches
        let snapped = commonDPI.min(by: { abs(Double($0) - raw) < abs(Double($1) - raw) }) ?? 300
        return ResolvedDPI(
            dpi: snapped, estimated: true,
            note: "\(reason); assumed an A4 page (long side 11.69 in): about \(Int(raw.rounded())) dpi, "
                + "taken as \(snapped) dpi")
    }
}
