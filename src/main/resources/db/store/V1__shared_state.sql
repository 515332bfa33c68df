-- The shared store's schema (io.brief2image.store), for PostgreSQL and for H2 in PostgreSQL mode.
-- Times are epoch milliseconds (leases, beats) or microseconds (pace), written by the instances' clocks.
-- Money is in nano-dollars, so sums are exact.

-- One row per brief id: 'started' while an instance owns it (until lease_until), 'done' with its result.
CREATE TABLE brief_ledger (
    brief_key   VARCHAR(200) PRIMARY KEY,
    fingerprint VARCHAR(200) NOT NULL,
    status      VARCHAR(16)  NOT NULL,
    owner       VARCHAR(200) NOT NULL,
    lease_until BIGINT       NOT NULL,
    result      VARCHAR,
    updated_at  BIGINT       NOT NULL
);
CREATE INDEX brief_ledger_owner ON brief_ledger (owner, status);

-- One row per day (UTC): settled spend, and what is reserved for requests under way. A reservation
-- whose instance died keeps counting, since the provider may have been paid.
CREATE TABLE spend_day (
    spend_date      DATE   PRIMARY KEY,
    spent_nanos    BIGINT NOT NULL,
    reserved_nanos BIGINT NOT NULL
);

-- The next free start slot of each paced resource (epoch microseconds).
CREATE TABLE pace (
    name       VARCHAR(50) PRIMARY KEY,
    next_start BIGINT      NOT NULL
);

-- Instances waiting for budget, and why.
CREATE TABLE budget_pause (
    instance VARCHAR(200) PRIMARY KEY,
    reason   VARCHAR      NOT NULL,
    since    BIGINT       NOT NULL
);

CREATE TABLE heartbeat (
    instance   VARCHAR(200) PRIMARY KEY,
    info       VARCHAR      NOT NULL,
    started_at BIGINT       NOT NULL,
    beat_at    BIGINT       NOT NULL
);

-- Files of a shared inbox being read, per consumer (Camel's idempotent read lock).
CREATE TABLE inbox_claim (
    processor   VARCHAR(100)  NOT NULL,
    message_id  VARCHAR(1000) NOT NULL,
    owner       VARCHAR(200)  NOT NULL,
    lease_until BIGINT        NOT NULL,
    PRIMARY KEY (processor, message_id)
);
