/// What `CatalogCopy` copied: each table and its row count, in copy order.
public struct CatalogCopyReport: Sendable, Equatable {
    /// A table and how many rows it holds on both sides after the copy.
    public struct Table: Sendable, Equatable {
        /// The table's name.
        public var name: String
        /// Its rows (the same on both sides: the copy checks).
        public var rows: Int
    }

    /// The tables copied, in order.
    public var tables: [Table] = []

    /// All rows copied.
    public var totalRows: Int { tables.reduce(0) { $0 + $1.rows } }
}
