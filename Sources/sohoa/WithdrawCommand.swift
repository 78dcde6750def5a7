import ArgumentParser
import Foundation
import SohoaCollection

/// `sohoa withdraw ITEM --reason TEXT` / `sohoa withdraw ITEM --restore`: takes an item out of the
/// collection (search, item pages, IIIF; OAI-PMH reports it as deleted) or puts it back. Nothing is
/// removed from the archive.
struct WithdrawCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "withdraw",
        abstract:
            "Rút một tài liệu khỏi bộ sưu tập (không xóa khỏi kho lưu trữ), hoặc khôi phục. (Withdraw an item from the collection — nothing leaves the archive — or restore it.)"
    )

    @Argument(help: "The item id (see `sohoa status`).")
    var item: String

    @Option(name: .long, help: "Why the item is withdrawn (recorded in the catalog's events).")
    var reason: String?

    @Flag(name: .long, help: "Put a withdrawn item back in the collection.")
    var restore = false

    @OptionGroup var options: ArchiveOptions

    @OptionGroup var catalogOptions: CatalogOptions

    func validate() throws {
        if restore, reason != nil { throw ValidationError("give either --reason or --restore, not both") }
        if !restore, (reason ?? "").trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            throw ValidationError("--reason must say why the item is withdrawn (or use --restore)")
        }
    }

    func run() throws {
        let session = try catalogOptions.openSession(options)
        let agent = "sohoa withdraw (\(NSUserName()))"
        do {
            if restore {
                let restored = try session.catalog.restoreItem(id: item, agent: agent)
                print(
                    restored
                        ? (Messages.english ? "restored: \(item)" : "đã khôi phục: \(item)")
                        : (Messages.english ? "\(item) was not withdrawn; nothing changed" : "\(item) chưa bị rút; không thay đổi gì"))
            } else {
                try session.catalog.withdrawItem(id: item, reason: reason ?? "", agent: agent)
                print(Messages.english ? "withdrawn: \(item)" : "đã rút: \(item)")
            }
        } catch {
            throw fail(error.description, error.kind == .notFound ? .usage : .archiveUnusable)
        }
    }
}
