/// A MARC 21 bibliographic record: the leader, control fields and data fields with their subfields,
/// in order, as Unicode text. Read from ISO 2709 or MARCXML for the holdings register
/// (`MARCReader`, `MARCXMLReader`), made for an archived item (`ItemMARCRecord`) and written by
/// `MARCWriter` (ISO 2709) and `MARCXMLWriter`.
public struct MARCRecord: Sendable, Equatable {
    /// A variable data field (tag 010–999).
    public struct DataField: Sendable, Equatable {
        /// Three characters, e.g. `245`.
        public var tag: String
        /// The two indicators, e.g. `10` or a space for an undefined one.
        public var indicators: String
        /// The subfields in order: a one-character code and its value.
        public var subfields: [(code: Character, value: String)]

        /// A data field with these indicators and subfields.
        public init(tag: String, indicators: String, subfields: [(code: Character, value: String)]) {
            self.tag = tag
            self.indicators = indicators
            self.subfields = subfields
        }

        public static func == (a: DataField, b: DataField) -> Bool {
            a.tag == b.tag && a.indicators == b.indicators && a.subfields.map(\.code) == b.subfields.map(\.code)
                && a.subfields.map(\.value) == b.subfields.map(\.value)
        }
    }

    /// The 24-character leader. Writers set its record length and base address (positions 0–4, 12–16).
    public var leader: String
    /// Fields `001`–`009`.
    public var controlFields: [(tag: String, value: String)] = []
    /// Fields `010`–`999`.
    public var dataFields: [DataField] = []

    /// A record with this leader and fields.
    public init(leader: String, controlFields: [(tag: String, value: String)] = [], dataFields: [DataField] = []) {
        self.leader = leader
        self.controlFields = controlFields
        self.dataFields = dataFields
    }

    public static func == (a: MARCRecord, b: MARCRecord) -> Bool {
        a.leader == b.leader && a.controlFields.map(\.tag) == b.controlFields.map(\.tag)
            && a.controlFields.map(\.value) == b.controlFields.map(\.value) && a.dataFields == b.dataFields
    }

    /// The data fields with `tag`, in record order.
    public func fields(_ tag: String) -> [DataField] {
        dataFields.filter { $0.tag == tag }
    }

    /// The value of control field `tag`, or nil.
    public func control(_ tag: String) -> String? {
        controlFields.first { $0.tag == tag }?.value
    }
}
