-- Files from before the shared store (data/ledger, data/spend) imported into it, one row per file,
-- written in the same transaction as what the file held: a restart in the middle of an import never
-- counts a day's spend twice (store.LegacyFiles).
CREATE TABLE legacy_import (
    name        VARCHAR(300) PRIMARY KEY,
    imported_at BIGINT       NOT NULL
);
