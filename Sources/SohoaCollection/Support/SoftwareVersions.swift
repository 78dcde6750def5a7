/// Names and versions of the software that acts on the material, for events and outputs. The
/// pipeline adds the OCR engine and the image libraries (`SoftwareVersions+Engines`).
public enum SoftwareVersions {
    public static let sohoaVersion = "0.1.0"
    public static let sohoa = "sohoa \(sohoaVersion)"
}
