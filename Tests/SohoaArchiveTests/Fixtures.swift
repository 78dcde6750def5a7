import Foundation
import SohoaTesting

@testable import SohoaArchive

/// Small items with Vietnamese titles and file names.
enum Fixtures {
    static let user = VersionUser(name: "Thủ thư Nguyễn Thị Hoa", address: "mailto:hoa@thuvien.example.vn")
    static let kieuID = "urn:sohoa:HNI:truyen-kieu-1866"
    static let daiNamID = "urn:sohoa:HNI:đại-nam-thực-lục"

    static func kieuFiles(in folder: TemporaryFolder) throws -> [LogicalFile] {
        [
            LogicalFile(logicalPath: "masters/trang-01.tif", source: .file(try folder.file("src/trang-01.tif", "TIFF bytes 1"))),
            LogicalFile(logicalPath: "text/trang-01.txt", source: .data(Data("Trăm năm trong cõi người ta,\n".utf8))),
            LogicalFile(logicalPath: "ghi chú/Truyện Kiều – bản Liễu Văn Đường.txt", source: .data(Data("ghi chú\n".utf8))),
        ]
    }

    static func daiNamFiles() -> [LogicalFile] {
        [
            LogicalFile(logicalPath: "masters/quyển-1.tif", source: .data(Data("TIFF Đại Nam".utf8))),
            // NFD on input: must be stored as NFC.
            LogicalFile(logicalPath: "text/quyê\u{0300}n-1.txt", source: .data(Data("Đại Nam thực lục\n".utf8))),
        ]
    }
}
