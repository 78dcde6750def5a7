import Foundation
import SohoaArchive
import SohoaCatalog
import SohoaPipeline

/// What every route works with: the archive (OCFL root and catalog) and the options. One per server.
public final class ServerServices: Sendable {
    public let session: ArchiveSession
    public let options: ServerOptions

    public var catalog: Catalog { session.catalog }
    public var root: OCFLStorageRoot { session.root }

    public init(session: ArchiveSession, options: ServerOptions) {
        self.session = session
        self.options = options
    }
}
