package io.brief2image.store;

/**
 * What differs between the two databases behind the store: only how an UPDATE hands back the row it
 * changed (PostgreSQL's {@code RETURNING}, H2's data-change delta table). Everything else is one SQL.
 */
enum Backend {

    POSTGRESQL("UPDATE pace SET next_start = GREATEST(next_start, ?) + ? WHERE name = ? RETURNING next_start"),
    H2("SELECT next_start FROM FINAL TABLE (UPDATE pace SET next_start = GREATEST(next_start, ?) + ? WHERE name = ?)");

    /** Moves the pace row on by one interval from max(its next start, now) and returns the new next start. */
    final String claimPaceSlot;

    Backend(String claimPaceSlot) {
        this.claimPaceSlot = claimPaceSlot;
    }
}
