extension PostgresCatalogSchema {
    /// The one folding function of search on PostgreSQL, `sohoa_fold(text)`: what `DiacriticFolding.fold`
    /// does for Latin script in SQLite's index — tone and vowel marks removed (`unaccent`), `đ/Đ` (and
    /// `ð/Ð`, from legacy encodings) made `d`, lower case — and every run of characters that are not
    /// letters or digits made one space, as FTS5's `unicode61` tokenizer splits words. The index
    /// (`page_texts.search`) and the queries both call it, so they fold alike. `IMMUTABLE` (which a
    /// generated column needs) holds because the `unaccent` dictionary is named explicitly; changing the
    /// folding needs a new migration that replaces the function and recomputes `search`.
    ///
    /// It is not `DiacriticFolding.fold` outside Latin script (that one is script-aware since
    /// `v-search-marks`, keeping other scripts' marks): `unaccent` also takes Greek accents off and makes
    /// Cyrillic `ё` `е`; the marks that the server locale's `[:alnum:]` does not match split words (under
    /// `C.UTF-8`, Tai Viet's tone marks U+AABF and U+AAC1), where `DiacriticFolding` keeps them in the
    /// word; and `unaccent` spells out `ß`, `æ`, `ø`, `ł`, which `DiacriticFolding` keeps (see
    /// docs/architecture.md).
    static let foldFunction = """
        CREATE FUNCTION sohoa_fold(value text) RETURNS text LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
        RETURN trim(regexp_replace(
            lower(public.unaccent('public.unaccent'::regdictionary, translate(value, 'đĐðÐ', 'dDdD'))),
            '[^[:alnum:]]+', ' ', 'g'))
        """

    /// `v1-fts`: page texts (NFC, with diacritics) and their search index. SQLite's FTS5 table
    /// `page_search` is, on PostgreSQL, the generated column `page_texts.search`
    /// (`to_tsvector('simple', sohoa_fold(text))`) with a GIN index of the same name.
    static let fullTextSearch = PostgresMigration(
        "v1-fts",
        [
            """
            CREATE TABLE page_texts (
                pageID BIGINT PRIMARY KEY NOT NULL,
                itemID TEXT NOT NULL,
                text TEXT NOT NULL,
                updatedAt TIMESTAMP(3) NOT NULL,
                FOREIGN KEY (pageID, itemID) REFERENCES pages(id, itemID) ON DELETE CASCADE
            )
            """,
            "CREATE INDEX page_texts_itemID ON page_texts(itemID)",
            "CREATE EXTENSION IF NOT EXISTS unaccent SCHEMA public",
            foldFunction,
            """
            ALTER TABLE page_texts ADD COLUMN search tsvector
                GENERATED ALWAYS AS (to_tsvector('simple', sohoa_fold(text))) STORED
            """,
            "CREATE INDEX page_search ON page_texts USING gin (search)",
        ])

    /// `v-search-fast`: on SQLite, FTS5 prefix indexes; a GIN index over a `tsvector` already serves
    /// prefix queries (`dai:*`), so on PostgreSQL this migration changes nothing.
    static let searchFast = PostgresMigration("v-search-fast", [])
}
