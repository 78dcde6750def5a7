import Foundation
import SohoaCatalog

/// Which catalog a command uses: the archive's own SQLite file (the default, one station), or a
/// catalog on PostgreSQL that several machines share (issue 16).
///
/// Chosen, first match wins, by `--catalog` (a `postgresql://` address, a `catalog.sqlite` file or an
/// archive folder), then the `SOHOA_CATALOG` environment variable, then the archive's `catalog.sqlite`.
public enum CatalogLocation: Sendable, Equatable, CustomStringConvertible {
    /// A SQLite catalog file.
    case sqlite(URL)
    /// A catalog on a PostgreSQL server.
    case postgres(PostgresCatalogAddress)

    /// The environment variable naming the catalog when `--catalog` is not given.
    public static let environmentVariable = "SOHOA_CATALOG"

    /// The catalog named by `option` (`--catalog`), else by `SOHOA_CATALOG` in `environment`, else the
    /// `catalog.sqlite` inside `archive`.
    ///
    /// - Throws: `PostgresCatalogError` (`.badAddress`) for a PostgreSQL address that cannot be used.
    public static func resolve(
        option: String?, environment: [String: String] = ProcessInfo.processInfo.environment, archive: URL
    ) throws(PostgresCatalogError) -> CatalogLocation {
        if let option, !option.isEmpty {
            return try parse(option)
        }
        if let named = environment[environmentVariable], !named.isEmpty {
            return try parse(named)
        }
        return .sqlite(archive.appendingPathComponent(Catalog.fileName).standardizedFileURL)
    }

    /// `text` as a catalog location: a `postgresql://` address, or a SQLite file or archive folder
    /// (an archive folder means its `catalog.sqlite`). A path that does not exist yet is a new SQLite
    /// file only if its name ends in `.sqlite`: a mistyped folder is refused, not made a file.
    ///
    /// - Throws: `PostgresCatalogError` (`.badAddress`).
    public static func parse(_ text: String) throws(PostgresCatalogError) -> CatalogLocation {
        if PostgresCatalogAddress.isPostgres(text) {
            return .postgres(try PostgresCatalogAddress(text))
        }
        if text.contains("://") {
            throw PostgresCatalogError(
                kind: .badAddress,
                message: "không hiểu địa chỉ danh mục \(text) / the catalog address \(text) is neither a postgresql:// "
                    + "address nor a file: give postgresql://user:password@host/database, a catalog.sqlite file or an archive folder")
        }
        let url = URL(fileURLWithPath: text).standardizedFileURL
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory), isDirectory.boolValue {
            return .sqlite(url.appendingPathComponent(Catalog.fileName))
        }
        guard FileManager.default.fileExists(atPath: url.path) || url.pathExtension == "sqlite" else {
            throw PostgresCatalogError(
                kind: .badAddress,
                message: "không có tệp hay thư mục \(url.path); tên của một danh mục SQLite mới phải kết thúc bằng .sqlite / "
                    + "there is no file or folder at \(url.path); a new SQLite catalog's name must end in .sqlite "
                    + "(for example \(url.path).sqlite), and an archive folder must exist already")
        }
        return .sqlite(url)
    }

    public var description: String {
        switch self {
        case .sqlite(let file): file.path
        case .postgres(let address): address.description
        }
    }
}
