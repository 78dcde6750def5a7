/// What a pipeline does with a scan in a lossy format (JPEG) as its master: keep it silently, keep it
/// with a warning (in the run's output and the item's PREMIS ingestion event), or refuse the file.
public enum LossyMasters: String, Sendable, Equatable, CaseIterable {
    case accept
    case warn
    case refuse
}
