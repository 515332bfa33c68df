-- Batch API state (io.brief2image.store.BatchRecords): what survives a kill -9 while a batch is open or pending.
-- A brief's lines are recorded in one transaction after they are on disk; its queue message is acknowledged
-- only after that commit, so a redelivered brief finds its lines here and is not added twice.

-- One row per batch input file under data/batches: open (taking lines), closed (due to upload), uploaded
-- (the provider has the file: input_file_id), submitted (batch_id), ended (its results are being read), done.
CREATE TABLE batch_file (
    file_key      VARCHAR(200) PRIMARY KEY,
    endpoint      VARCHAR(40)  NOT NULL,
    path          VARCHAR      NOT NULL,
    owner         VARCHAR(200) NOT NULL,
    state         VARCHAR(16)  NOT NULL,
    lines         INT          NOT NULL,
    bytes         BIGINT       NOT NULL,
    opened_at     BIGINT       NOT NULL,
    input_file_id VARCHAR(200),
    batch_id      VARCHAR(200),
    batch_status  VARCHAR(32),
    polls         INT          NOT NULL,
    next_poll_at  BIGINT       NOT NULL,
    output_lines  BIGINT       NOT NULL,
    output_bytes  BIGINT       NOT NULL,
    error_lines   BIGINT       NOT NULL,
    error_bytes   BIGINT       NOT NULL,
    updated_at    BIGINT       NOT NULL
);
CREATE INDEX batch_file_state ON batch_file (state);

-- One row per batch brief: the queue message it came in (body and headers, to publish its result as any
-- brief's) and its plan after guidelines and expansion (JSON), until its images are published or it failed.
CREATE TABLE batch_brief (
    brief_key  VARCHAR(400) PRIMARY KEY,
    brief_id   VARCHAR(200) NOT NULL,
    tasks      INT          NOT NULL,
    state      VARCHAR(16)  NOT NULL,
    message    VARCHAR      NOT NULL,
    headers    VARCHAR      NOT NULL,
    plan       VARCHAR      NOT NULL,
    created_at BIGINT       NOT NULL
);

-- One row per line (one image call): its custom_id, the file it is in, the budget reservation held at the
-- batch price (JSON), and once its result is read: made (result = images in data/batches/images), failed, unfinished.
CREATE TABLE batch_line (
    custom_id   VARCHAR(500) PRIMARY KEY,
    brief_key   VARCHAR(400) NOT NULL,
    file_key    VARCHAR(200) NOT NULL,
    first_task  INT          NOT NULL,
    task_count  INT          NOT NULL,
    reservation VARCHAR      NOT NULL,
    state       VARCHAR(16)  NOT NULL,
    result      VARCHAR,
    updated_at  BIGINT       NOT NULL
);
CREATE INDEX batch_line_brief ON batch_line (brief_key);
CREATE INDEX batch_line_file ON batch_line (file_key, state);
