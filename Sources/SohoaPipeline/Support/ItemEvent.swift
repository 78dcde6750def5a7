import SohoaArchive
import SohoaCatalog

/// One preservation event of an item, built once by the metadata stage: the PREMIS event the
/// package writes into METS (with its per-page parameters), and how the catalog lists it.
struct ItemEvent: Sendable {
    /// The event in the archive's METS.
    var premis: PreservationEvent
    /// Its type in the catalog.
    var type: EventRecord.EventType
    /// Its detail in the catalog: the event's summary, without the per-page parameters.
    var summary: String?
}
