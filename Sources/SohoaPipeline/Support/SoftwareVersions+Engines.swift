import SohoaCollection
import SohoaImaging
import SohoaOCR

extension SoftwareVersions {
    public static var tesseract: String { "Tesseract \(TesseractEngine.version)" }
    /// sohoa with the image libraries it decodes with, for the ingest event.
    public static var sohoaWithCodecs: String { "\(sohoa) (\(CodecVersions.libtiff), \(CodecVersions.libpng))" }
}
