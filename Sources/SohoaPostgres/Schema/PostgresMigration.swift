/// One named schema change of the catalog on PostgreSQL: its statements run in order, in the
/// migrating transaction. Never edited once released, like the SQLite migrations.
public struct PostgresMigration: Sendable {
    /// The migration's name: the same as the SQLite migration it mirrors.
    public var name: String
    /// Its statements (one each: PostgreSQL's extended protocol runs one statement at a time).
    public var statements: [String]

    /// Makes a migration.
    public init(_ name: String, _ statements: [String]) {
        self.name = name
        self.statements = statements
    }
}
