import Foundation
import SohoaTesting
import XCTest

/// `sohoa users …` and `sohoa access …` as an administrator runs them, and `access:` in item
/// metadata applied when `sohoa run` packages the item.
final class UsersCLITests: XCTestCase {
    /// bcrypt at its cheapest, so the tests stay fast.
    static let fastHashing = ["SOHOA_BCRYPT_COST": "4"]
    nonisolated(unsafe) private static var made: URL?
    nonisolated(unsafe) private static var madeRun: Sohoa.Result?

    /// A copy of a small image-only archive (three one-page items, two with an access level in
    /// their metadata, one with a wrong one), made once per test run.
    private func archiveCopy() throws -> URL {
        if Self.made == nil {
            let folder = try temporaryFolder("sohoa-users-cli")
            let batch = folder.appendingPathComponent("batch")
            let page = Sohoa.packageRoot.appendingPathComponent("SampleScans/bao-lai-chau-1998/trang-1.tif")
            for item in ["so-1", "so-2", "so-3"] {
                let itemFolder = batch.appendingPathComponent(item)
                try FileManager.default.createDirectory(at: itemFolder, withIntermediateDirectories: true)
                try FileManager.default.copyItem(at: page, to: itemFolder.appendingPathComponent("trang-1.tif"))
            }
            try "title: Sổ một\naccess: restricted\n".write(
                to: batch.appendingPathComponent("so-1/item.yaml"), atomically: true, encoding: .utf8)
            try "title: Sổ ba\naccess: secret\n".write(
                to: batch.appendingPathComponent("so-3/item.yaml"), atomically: true, encoding: .utf8)
            try "item,nhan đề,Quyền truy cập\nso-2,Sổ hai,đóng\n".write(
                to: batch.appendingPathComponent("items.csv"), atomically: true, encoding: .utf8)
            let archive = folder.appendingPathComponent("archive")
            let run = try Sohoa.run([
                "run", batch.path, "--archive", archive.path, "--pipeline", "Pipelines/image-only.yaml", "--library", "LCH",
            ])
            Self.madeRun = run
            Self.made = archive
        }
        let copy = try temporaryFolder("sohoa-users-copy").appendingPathComponent("archive")
        try FileManager.default.copyItem(at: try XCTUnwrap(Self.made), to: copy)
        addTeardownBlock { try? FileManager.default.removeItem(at: copy.deletingLastPathComponent()) }
        return copy
    }

    /// Runs `sohoa` with `input` on its standard input.
    private func sohoa(_ arguments: [String], input: String? = nil, environment: [String: String] = fastHashing) throws -> Sohoa.Result {
        try ProcessRunner.run(Sohoa.binary, arguments, environment: environment, in: Sohoa.packageRoot, input: input ?? "")
    }

    func testAddListDisableEnableAndNewPassword() throws {
        let archive = try archiveCopy().path
        let add = try sohoa(
            ["users", "add", "lan", "--role", "archivist", "--display-name", "Nguyễn Thị Lan", "--password-stdin", "--archive", archive],
            input: "mật khẩu dài\n")
        XCTAssertEqual(add.exitCode, 0, add.stderr)
        let admin = try sohoa(["users", "add", "boss", "--role", "admin", "--password-stdin", "--archive", archive], input: "12345678\n")
        XCTAssertEqual(admin.exitCode, 0, admin.stderr)

        var list = try sohoa(["users", "list", "--archive", archive])
        XCTAssertEqual(list.exitCode, 0, list.stderr)
        XCTAssertEqual(
            list.stdout.split(separator: "\n").map(String.init), ["boss\tadmin\tactive\t*", "lan\tarchivist\tactive\t*  Nguyễn Thị Lan"])
        XCTAssertFalse(list.stdout.contains("$2"), "hashes are never printed")

        XCTAssertEqual(try sohoa(["users", "disable", "lan", "--archive", archive]).exitCode, 0)
        list = try sohoa(["users", "list", "--json", "--archive", archive])
        let rows = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(list.stdout.utf8)) as? [[String: Any]])
        let lan = try XCTUnwrap(rows.first { $0["name"] as? String == "lan" })
        XCTAssertEqual(lan["disabled"] as? Bool, true)
        XCTAssertEqual(lan["role"] as? String, "archivist")
        XCTAssertEqual(lan["displayName"] as? String, "Nguyễn Thị Lan")
        XCTAssertEqual(try sohoa(["users", "enable", "lan", "--archive", archive]).exitCode, 0)
        list = try sohoa(["users", "list", "--archive", archive])
        XCTAssertTrue(list.stdout.contains("lan\tarchivist\tactive"), list.stdout)

        let passwd = try sohoa(["users", "passwd", "lan", "--password-stdin", "--archive", archive], input: "mật khẩu mới 2025\n")
        XCTAssertEqual(passwd.exitCode, 0, passwd.stderr)
    }

    func testUsageErrorsExitTwo() throws {
        let archive = try archiveCopy().path
        XCTAssertEqual(
            try sohoa(["users", "add", "lan", "--role", "scanner", "--password-stdin", "--archive", archive], input: "12345678\n").exitCode,
            0)

        let duplicate = try sohoa(
            ["users", "add", "LAN", "--role", "admin", "--password-stdin", "--archive", archive], input: "12345678\n")
        XCTAssertEqual(duplicate.exitCode, 2, duplicate.stderr)
        XCTAssertTrue(duplicate.stderr.contains("already exists"), duplicate.stderr)

        let role = try sohoa(["users", "add", "an", "--role", "director", "--password-stdin", "--archive", archive], input: "12345678\n")
        XCTAssertEqual(role.exitCode, 2)
        XCTAssertTrue(role.stderr.contains("director"), role.stderr)

        let short = try sohoa(["users", "add", "an", "--role", "manager", "--password-stdin", "--archive", archive], input: "1234567\n")
        XCTAssertEqual(short.exitCode, 2)
        XCTAssertTrue(short.stderr.contains("8"), short.stderr)

        let badName = try sohoa(
            ["users", "add", "an nguyen", "--role", "manager", "--password-stdin", "--archive", archive], input: "12345678\n")
        XCTAssertEqual(badName.exitCode, 2, badName.stderr)

        let noTerminal = try sohoa(["users", "add", "an", "--role", "manager", "--archive", archive])
        XCTAssertEqual(noTerminal.exitCode, 2)
        XCTAssertTrue(noTerminal.stderr.contains("--password-stdin"), noTerminal.stderr)

        let cost = try sohoa(
            ["users", "add", "an", "--role", "manager", "--password-stdin", "--archive", archive], input: "12345678\n",
            environment: ["SOHOA_BCRYPT_COST": "2"])
        XCTAssertEqual(cost.exitCode, 2)
        XCTAssertTrue(cost.stderr.contains("SOHOA_BCRYPT_COST"), cost.stderr)

        for command in [["passwd", "ghost", "--password-stdin"], ["disable", "ghost"], ["enable", "ghost"]] {
            let result = try sohoa(["users"] + command + ["--archive", archive], input: "12345678\n")
            XCTAssertEqual(result.exitCode, 2, "\(command): \(result.stderr)")
            XCTAssertTrue(result.stderr.contains("ghost"), result.stderr)
        }
        let list = try sohoa(["users", "list", "--archive", archive])
        XCTAssertEqual(list.stdout, "lan\tscanner\tactive\t*\n", "nothing was added by the refused commands")

        let notArchive = try sohoa(["users", "list", "--archive", try temporaryFolder("sohoa-not-archive").path])
        XCTAssertEqual(notArchive.exitCode, 3)
    }

    func testLibrariesAddListRenameAndUsersOfALibrary() throws {
        let archive = try archiveCopy().path
        // The archive's items are LCH's: the library is listed, named by its code until renamed.
        var list = try sohoa(["libraries", "list", "--archive", archive])
        XCTAssertEqual(list.exitCode, 0, list.stderr)
        XCTAssertEqual(list.stdout, "LCH\tLCH\n")

        let add = try sohoa(["libraries", "add", "tuy", "Thư viện huyện Than Uyên", "--district", "Than Uyên", "--archive", archive])
        XCTAssertEqual(add.exitCode, 0, add.stderr)
        XCTAssertTrue(add.stdout.contains("TUY (Thư viện huyện Than Uyên, Than Uyên)"), add.stdout)
        let duplicate = try sohoa(["libraries", "add", "TUY", "Khác", "--archive", archive])
        XCTAssertEqual(duplicate.exitCode, 2)
        XCTAssertTrue(duplicate.stderr.contains("listed already"), duplicate.stderr)
        for bad in ["TUY/1", "T:Y", "", String(repeating: "A", count: 33)] {
            let refused = try sohoa(["libraries", "add", bad, "Tên", "--archive", archive])
            XCTAssertEqual(refused.exitCode, 2, bad)
            XCTAssertTrue(refused.stderr.contains("not a library code"), refused.stderr)
        }
        let unknown = try sohoa(["libraries", "rename", "MTE", "Thư viện huyện Mường Tè", "--archive", archive])
        XCTAssertEqual(unknown.exitCode, 2)
        XCTAssertTrue(unknown.stderr.contains("MTE"), unknown.stderr)
        let rename = try sohoa(["libraries", "rename", "LCH", "Thư viện tỉnh Lai Châu", "--provincial", "--archive", archive])
        XCTAssertEqual(rename.exitCode, 0, rename.stderr)
        let second = try sohoa(["libraries", "add", "TDG", "Thư viện huyện Tam Đường", "--provincial", "--archive", archive])
        XCTAssertEqual(second.exitCode, 2)
        XCTAssertTrue(second.stderr.contains("provincial library already"), second.stderr)

        list = try sohoa(["libraries", "list", "--json", "--archive", archive])
        let rows = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(list.stdout.utf8)) as? [[String: Any]])
        XCTAssertEqual(rows.compactMap { $0["code"] as? String }, ["LCH", "TUY"], "the provincial library first; TDG was refused")
        XCTAssertEqual(rows.first?["name"] as? String, "Thư viện tỉnh Lai Châu")
        XCTAssertEqual(rows.first?["provincial"] as? Bool, true)
        XCTAssertEqual(rows.last?["district"] as? String, "Than Uyên")

        let user = try sohoa(
            ["users", "add", "mai", "--role", "archivist", "--library", "tuy", "--password-stdin", "--archive", archive],
            input: "12345678\n")
        XCTAssertEqual(user.exitCode, 0, user.stderr)
        let ghost = try sohoa(
            ["users", "add", "an", "--role", "scanner", "--library", "MTE", "--password-stdin", "--archive", archive], input: "12345678\n")
        XCTAssertEqual(ghost.exitCode, 2)
        XCTAssertTrue(ghost.stderr.contains("no library 'MTE'"), ghost.stderr)
        let provincial = try sohoa(
            ["users", "add", "hoa", "--role", "manager", "--password-stdin", "--archive", archive], input: "12345678\n")
        XCTAssertEqual(provincial.exitCode, 0, provincial.stderr)
        XCTAssertTrue(provincial.stdout.contains("library LCH"), "without --library: the provincial library; \(provincial.stdout)")
        XCTAssertEqual(try sohoa(["users", "library", "hoa", "--all", "--archive", archive]).exitCode, 0)
        XCTAssertEqual(try sohoa(["users", "library", "hoa", "MTE", "--archive", archive]).exitCode, 2)
        list = try sohoa(["users", "list", "--archive", archive])
        XCTAssertEqual(list.stdout.split(separator: "\n").map(String.init), ["hoa\tmanager\tactive\t*", "mai\tarchivist\tactive\tTUY"])
        XCTAssertFalse(list.stdout.contains("an\t"), "the refused user was not added")

        // `sohoa status --library`: the library's items only.
        func items(_ library: String?) throws -> Int? {
            let status = try sohoa(["status", "--json", "--archive", archive] + (library.map { ["--library", $0] } ?? []))
            XCTAssertEqual(status.exitCode, 0, status.stderr)
            let object = try JSONSerialization.jsonObject(with: Data(status.stdout.utf8)) as? [String: Any]
            return object?["itemCount"] as? Int
        }
        let all = try XCTUnwrap(try items(nil))
        XCTAssertGreaterThan(all, 0)
        XCTAssertEqual(try items("lch"), all, "every item is LCH's")
        XCTAssertEqual(try items("TUY"), 0)
        let unknownStatus = try sohoa(["status", "--library", "MTE", "--archive", archive])
        XCTAssertEqual(unknownStatus.exitCode, 2)
        XCTAssertTrue(unknownStatus.stderr.contains("MTE"), unknownStatus.stderr)
    }

    func testAccessLevelsFromMetadataAndTheCommand() throws {
        let archive = try archiveCopy().path
        let run = try XCTUnwrap(Self.madeRun)
        let output = run.stdout + run.stderr
        XCTAssertTrue(output.contains("so-3/item.yaml"), "the wrong access value names its file:\n\(output)")
        XCTAssertTrue(output.contains("secret"), output)

        XCTAssertEqual(try sohoa(["access", "so-1", "--archive", archive]).stdout, "restricted\n", "access: restricted in item.yaml")
        XCTAssertEqual(try sohoa(["access", "so-2", "--archive", archive]).stdout, "closed\n", "quyền truy cập: đóng in items.csv")
        XCTAssertEqual(try sohoa(["access", "so-3", "--archive", archive]).exitCode, 2, "the item with the wrong value was not archived")

        let set = try sohoa(["access", "so-1", "public", "--archive", archive])
        XCTAssertEqual(set.exitCode, 0, set.stderr)
        XCTAssertEqual(try sohoa(["access", "so-1", "--archive", archive]).stdout, "public\n")
        XCTAssertEqual(try sohoa(["access", "so-2", "restricted", "--archive", archive]).exitCode, 0)
        XCTAssertEqual(try sohoa(["access", "so-2", "--archive", archive]).stdout, "restricted\n")

        let missing = try sohoa(["access", "nothing", "closed", "--archive", archive])
        XCTAssertEqual(missing.exitCode, 2)
        XCTAssertTrue(missing.stderr.contains("nothing"), missing.stderr)
        let level = try sohoa(["access", "so-1", "secret", "--archive", archive])
        XCTAssertEqual(level.exitCode, 2)
    }
}
