-- A migration after the newest one (EmbeddedStoreTest): Flyway must apply it to a store NewEmbeddedStore made.
ALTER TABLE heartbeat ADD COLUMN later_note VARCHAR;
