import GRDB

extension CatalogSchema {
    /// Registers `v-oai-record-changes`: an item's harvested record also changes when another item
    /// naming the same holding is archived, withdrawn, reinstated, moved to another access level or to
    /// another holding (its MARC `001`/`035` depend on whether the holding is shared), and when its
    /// holding is imported or changed (the MARC leader and fields follow the register). Triggers move
    /// the `updatedAt` of those items forward to the change's time, so OAI-PMH's datestamp (and MARC's
    /// `005`) say the record changed and incremental harvests send it again. `updatedAt` never moves
    /// back; rows a `sohoa catalog copy` inserts fire no item trigger (only updates do), and holdings
    /// are copied before the items that name them, so a copy changes nothing.
    static func registerOAIRecordChanges(_ migrator: inout DatabaseMigrator) {
        migrator.registerMigration("v-oai-record-changes") { db in
            try db.execute(sql: oaiRecordChanges)
        }
    }

    private static let oaiRecordChanges = """
        CREATE TRIGGER items_holding_siblings AFTER UPDATE OF holdingID, ocflVersion, access, withdrawnAt ON items
        WHEN coalesce(NEW.holdingID, OLD.holdingID) IS NOT NULL AND (
            OLD.holdingID IS NOT NEW.holdingID OR OLD.access IS NOT NEW.access
            OR (OLD.ocflVersion IS NULL) <> (NEW.ocflVersion IS NULL)
            OR (OLD.withdrawnAt IS NULL) <> (NEW.withdrawnAt IS NULL))
        BEGIN
            UPDATE items SET updatedAt = NEW.updatedAt
            WHERE holdingID IN (OLD.holdingID, NEW.holdingID) AND id <> NEW.id AND updatedAt < NEW.updatedAt;
        END;
        CREATE TRIGGER holdings_items_insert AFTER INSERT ON holdings BEGIN
            UPDATE items SET updatedAt = NEW.updatedAt WHERE holdingID = NEW.id AND updatedAt < NEW.updatedAt;
        END;
        CREATE TRIGGER holdings_items_update AFTER UPDATE ON holdings BEGIN
            UPDATE items SET updatedAt = NEW.updatedAt WHERE holdingID = NEW.id AND updatedAt < NEW.updatedAt;
        END;
        """
}
