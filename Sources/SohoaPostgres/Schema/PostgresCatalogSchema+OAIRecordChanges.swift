extension PostgresCatalogSchema {
    /// `v-oai-record-changes`: an item's harvested record changes when another item naming its holding
    /// is archived, withdrawn, reinstated, moved to another access level or holding, and when its holding
    /// is imported or changed; the triggers move those items' `updatedAt` forward to the change's time
    /// (never back), as SQLite's of the same names do. `IS DISTINCT FROM` is SQLite's `IS NOT`.
    static let oaiRecordChanges = PostgresMigration(
        "v-oai-record-changes",
        [
            """
            CREATE FUNCTION items_touch_holding_siblings() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                UPDATE items SET updatedAt = NEW.updatedAt
                WHERE (holdingID = OLD.holdingID OR holdingID = NEW.holdingID) AND id <> NEW.id AND updatedAt < NEW.updatedAt;
                RETURN NULL;
            END
            $$
            """,
            """
            CREATE TRIGGER items_holding_siblings AFTER UPDATE OF holdingID, ocflVersion, access, withdrawnAt ON items
                FOR EACH ROW WHEN (coalesce(NEW.holdingID, OLD.holdingID) IS NOT NULL AND (
                    OLD.holdingID IS DISTINCT FROM NEW.holdingID OR OLD.access IS DISTINCT FROM NEW.access
                    OR (OLD.ocflVersion IS NULL) <> (NEW.ocflVersion IS NULL)
                    OR (OLD.withdrawnAt IS NULL) <> (NEW.withdrawnAt IS NULL)))
                EXECUTE FUNCTION items_touch_holding_siblings()
            """,
            """
            CREATE FUNCTION holdings_touch_items() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                UPDATE items SET updatedAt = NEW.updatedAt WHERE holdingID = NEW.id AND updatedAt < NEW.updatedAt;
                RETURN NULL;
            END
            $$
            """,
            "CREATE TRIGGER holdings_items_insert AFTER INSERT ON holdings FOR EACH ROW EXECUTE FUNCTION holdings_touch_items()",
            "CREATE TRIGGER holdings_items_update AFTER UPDATE ON holdings FOR EACH ROW EXECUTE FUNCTION holdings_touch_items()",
        ])
}
