import CPNG
import CTIFF
import Foundation

/// Versions of the image libraries sohoa decodes with, for preservation events.
public enum CodecVersions {
    /// e.g. `libtiff 4.5.0`.
    public static var libtiff: String {
        guard let text = TIFFGetVersion() else { return "libtiff" }
        // "LIBTIFF, Version 4.5.0\nCopyright …": keep the version number.
        let first = String(cString: text).split(separator: "\n").first.map(String.init) ?? ""
        return "libtiff " + (first.components(separatedBy: "Version ").last ?? first)
    }

    /// e.g. `libpng 1.6.39`.
    public static var libpng: String {
        guard let text = png_get_libpng_ver(nil) else { return "libpng" }
        return "libpng " + String(cString: text)
    }
}
