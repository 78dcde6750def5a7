extension PostgresCatalogSchema {
    /// The text columns that keep the database's collation: `page_texts.text` (the search column
    /// `page_texts.search` is generated from it, which forbids changing it; nothing sorts page texts)
    /// and the `citext` user names (compared without case, as SQLite's `COLLATE NOCASE`).
    public static let textColumnsNotInByteOrder: Set<String> = ["page_texts.text", "users.name"]

    /// `v-byte-order` (PostgreSQL only): every text column of the catalog compares and sorts byte by byte
    /// (`COLLATE "C"`), as SQLite's text does, whatever collation the database was made with.
    ///
    /// Under another collation (Debian's default `en_US.UTF-8`, an ICU locale) PostgreSQL would list
    /// `a` before `B`, `B_2` before `B10` and `Đ` before `E`, where SQLite lists `B`, `B10`, `E`, `a`, `Đ`:
    /// item ids, page names, library codes and stages would come in another order than on SQLite, and
    /// text comparisons (`id > ?`) would give other rows. With the columns in `"C"`, every `ORDER BY`,
    /// comparison, `MIN`/`MAX` and index on them is byte order, so a query ported to `CatalogStatements`
    /// needs nothing more. Equality and uniqueness do not change (both collations are deterministic).
    ///
    /// The triggers that name columns (`UPDATE OF`) forbid changing those columns' type, so they are
    /// kept (`pg_get_triggerdef`), dropped, and made again the same after the change; indexes, primary
    /// keys and foreign keys are rebuilt by `ALTER TABLE` itself. The columns left out are
    /// `textColumnsNotInByteOrder`. A later migration adding a text column writes `TEXT COLLATE "C"`
    /// (`PostgresSchemaTests` checks every text column).
    static let byteOrder = PostgresMigration(
        "v-byte-order",
        [
            """
            DO $$
            DECLARE
                found record;
                definitions text[] := '{}';
                definition text;
            BEGIN
                FOR found IN
                    SELECT t.tgname, t.tgrelid::regclass AS tbl, pg_get_triggerdef(t.oid) AS def
                    FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid
                    WHERE NOT t.tgisinternal AND t.tgattr::text <> ''
                        AND c.relnamespace = current_schema()::regnamespace
                LOOP
                    definitions := definitions || found.def;
                    EXECUTE format('DROP TRIGGER %I ON %s', found.tgname, found.tbl);
                END LOOP;
                FOR found IN
                    SELECT table_name, string_agg(format('ALTER COLUMN %I TYPE text COLLATE "C"', column_name), ', ') AS alters
                    FROM information_schema.columns
                    WHERE table_schema = current_schema() AND data_type = 'text'
                        AND NOT (table_name = 'page_texts' AND column_name = 'text')
                    GROUP BY table_name
                LOOP
                    EXECUTE format('ALTER TABLE %I %s', found.table_name, found.alters);
                END LOOP;
                FOREACH definition IN ARRAY definitions LOOP
                    EXECUTE definition;
                END LOOP;
            END
            $$
            """
        ])
}
