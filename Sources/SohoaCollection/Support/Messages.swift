import Foundation

/// Words the command line shows people: Vietnamese first, English with `SOHOA_LANG=en`. Each
/// module adds its own words in extensions (`Messages+Run` in SohoaPipeline).
public enum Messages {
    /// Whether English was asked for (`SOHOA_LANG=en`); Vietnamese otherwise.
    public static let english: Bool = {
        let lang = ProcessInfo.processInfo.environment["SOHOA_LANG"] ?? ""
        return lang.lowercased().hasPrefix("en")
    }()

    package static func text(_ vi: String, _ en: String) -> String { english ? en : vi }

    public static var pages: String { text("trang", "pages") }

    /// A second `sohoa run` on an archive that a run is using.
    public static func archiveBusy(archive: String, holder: String) -> String {
        text(
            "Kho \(archive) đang được một lần chạy khác dùng (\(holder)). Hãy đợi lần chạy đó xong rồi chạy lại lệnh này.",
            "The archive \(archive) is in use by another sohoa run (\(holder)). Wait for it to finish, then run this command again."
        )
    }
}
