import SohoaCatalog
import SohoaSharing

extension SubmissionRecord {
    /// The submission as the protocol reports it.
    var status: SubmissionStatus {
        SubmissionStatus(
            id: id ?? 0, name: name, state: state.rawValue, size: size, sha256: sha256, chunkSize: chunkSize,
            receivedBytes: receivedBytes, problems: problems, libraryCode: libraryCode, pagesDone: pagesDone,
            pagesTotal: pagesTotal, pagesFailed: pagesFailed, itemsArchived: itemsArchived, createdAt: createdAt,
            updatedAt: updatedAt)
    }
}
