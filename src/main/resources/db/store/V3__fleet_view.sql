-- The fleet's one budget and what the fleet shows of itself (issue 14, point 4).

-- The day's limit for the whole fleet: NULL until someone raises or lowers it at run time
-- (POST /api/budget), until then each instance's daily-budget-usd setting counts.
ALTER TABLE spend_day ADD COLUMN limit_nanos BIGINT;

-- Who each instance is and how busy, beside its last beat.
ALTER TABLE heartbeat ADD COLUMN host VARCHAR(200);
ALTER TABLE heartbeat ADD COLUMN in_flight INT;

-- One row per provider request started (epoch microseconds), kept for a few minutes: the fleet's
-- measured images per minute, beside the configured pace.
CREATE TABLE pace_start (
    name       VARCHAR(50) NOT NULL,
    started_at BIGINT      NOT NULL
);
CREATE INDEX pace_start_at ON pace_start (name, started_at);
