extension PostgresCatalogSchema {
    /// `v-work-queue` (PostgreSQL only): the pages waiting for a worker, each with its lease.
    ///
    /// A page is `queued`, `claimed` (a worker holds a lease on it until `leaseExpiresAt`, renewed by
    /// heartbeats), `done`, or `failed` (after `maxAttempts` claims that failed or expired). Each claim
    /// gets a new `leaseToken`, so a worker whose lease expired and was given to another cannot complete,
    /// fail or renew the page any more. Times are the server's clock (`now()`), never the workers'.
    static let workQueue = PostgresMigration(
        "v-work-queue",
        [
            """
            CREATE TABLE work_queue (
                pageID BIGINT PRIMARY KEY NOT NULL REFERENCES pages(id) ON DELETE CASCADE,
                itemID TEXT NOT NULL,
                batchID BIGINT REFERENCES batches(id) ON DELETE SET NULL,
                state TEXT NOT NULL DEFAULT 'queued' CHECK (state IN ('queued', 'claimed', 'done', 'failed')),
                attempts INTEGER NOT NULL DEFAULT 0 CHECK (attempts >= 0),
                maxAttempts INTEGER NOT NULL DEFAULT 3 CHECK (maxAttempts >= 1),
                worker TEXT,
                leaseToken UUID,
                leaseExpiresAt TIMESTAMPTZ,
                heartbeatAt TIMESTAMPTZ,
                enqueuedAt TIMESTAMPTZ NOT NULL DEFAULT now(),
                claimedAt TIMESTAMPTZ,
                finishedAt TIMESTAMPTZ,
                error TEXT,
                FOREIGN KEY (pageID, itemID) REFERENCES pages(id, itemID) ON DELETE CASCADE,
                CHECK ((state = 'claimed') = (leaseToken IS NOT NULL AND leaseExpiresAt IS NOT NULL AND worker IS NOT NULL)),
                CHECK ((state IN ('done', 'failed')) = (finishedAt IS NOT NULL)),
                CHECK (state <> 'failed' OR error IS NOT NULL)
            )
            """,
            "CREATE INDEX work_queue_queued ON work_queue(pageID) WHERE state = 'queued'",
            "CREATE INDEX work_queue_leases ON work_queue(leaseExpiresAt) WHERE state = 'claimed'",
            "CREATE INDEX work_queue_itemID ON work_queue(itemID)",
        ])
}
