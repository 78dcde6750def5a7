import SohoaImaging
import SohoaOCR

/// Names and versions of the software that acts on the material, for events and outputs.
public enum SoftwareVersions {
    public static let sohoaVersion = "0.1.0"
    public static let sohoa = "sohoa \(sohoaVersion)"
    public static var tesseract: String { "Tesseract \(TesseractEngine.version)" }
    /// sohoa with the image libraries it decodes with, for the ingest event.
    public static var sohoaWithCodecs: String { "\(sohoa) (\(CodecVersions.libtiff), \(CodecVersions.libpng))" }
}
