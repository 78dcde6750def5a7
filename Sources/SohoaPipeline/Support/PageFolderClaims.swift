import Foundation
import Synchronization

/// Which items of a run still need each page work folder. Work folders are keyed by content
/// (`WorkArea.pageFolder`), so two items that hold the same scan — a page scanned into two items, the
/// same blank leaf — share one folder: its images may be released only once the last item that uses
/// it is done, or the other item's packaging finds them gone.
final class PageFolderClaims: Sendable {
    /// Content key (`WorkArea.contentKey`) → the items of this run that use it.
    private let claims: Mutex<[String: Set<String>]>

    /// Claims for every page of the run (those to work on and those reused whole): its item and folder.
    init(_ pages: [(itemID: String, folder: URL)]) {
        var claims: [String: Set<String>] = [:]
        for page in pages { claims[WorkArea.contentKey(of: page.folder), default: []].insert(page.itemID) }
        self.claims = Mutex(claims)
    }

    /// Gives up the claims of item `itemID` (packaged or failed) on `folders`, its pages' folders, and
    /// returns those that no other item of the run still needs.
    func release(itemID: String, folders: [URL]) -> [URL] {
        claims.withLock { claims in
            let keys = folders.map { WorkArea.contentKey(of: $0) }
            for key in keys { claims[key]?.remove(itemID) }
            let free = zip(folders, keys).filter { claims[$0.1]?.isEmpty ?? true }.map(\.0)
            for key in keys where claims[key]?.isEmpty == true { claims[key] = nil }
            return free
        }
    }
}
