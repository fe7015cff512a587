-- Knowledge sources: the city's website and PDFs, fetched on a schedule. Each fetched page becomes
-- a knowledge document (origin CRAWL) whose passages keep the anchor of their section, so that a
-- citation opens the right place. What changed is listed for the editors with a diff.
alter table knowledge_document drop constraint knowledge_document_origin_check;
alter table knowledge_document add constraint knowledge_document_origin_check
    check (origin in ('IMPORT', 'API', 'CRAWL'));
-- The fragment of a passage's section on its page (an element id, a PDF's page=N, or a text fragment).
alter table knowledge_passage add column anchor varchar(500);

create table knowledge_source (
    id             uuid primary key,
    type           varchar(8)    not null check (type in ('WEB', 'PDF')),
    url            varchar(2000) not null,
    -- A cron expression of the scheduler (seconds first, Europe/Vienna).
    schedule       varchar(100)  not null,
    approval       varchar(8)    not null check (approval in ('AUTO', 'EDITOR')),
    created_by     varchar(100)  not null,
    created_at     timestamptz   not null,
    next_crawl_at  timestamptz   not null,
    -- Set while an instance crawls the source (a lease: a crashed crawl is taken over later).
    crawling_since timestamptz,
    last_crawl_at  timestamptz,
    -- What the last crawl did (JSON): counts, requests, problems.
    last_report    text,
    unique (type, url)
);
create index knowledge_source_due_idx on knowledge_source (next_crawl_at);

-- Every page (or PDF) a source has: the validators and hash of what was fetched last, and the
-- document that is live for it (null while a new page waits for an editor, or after it vanished).
create table knowledge_page (
    id            uuid primary key,
    source_id     uuid          not null references knowledge_source (id) on delete cascade,
    url           varchar(2000) not null,
    document_id   uuid references knowledge_document (id) on delete set null,
    etag          varchar(500),
    last_modified varchar(100),
    fetched_hash  varchar(64),
    live_hash     varchar(64),
    live_content  text,          -- the live page as read (JSON), for the next diff
    gone          boolean       not null default false,
    unique (source_id, url)
);

-- A new, changed or vanished page, as the editors see it: the text before and after. A change of
-- a source with editor approval waits (PENDING) until an editor applies or rejects it.
create table knowledge_change (
    id          uuid primary key,
    source_id   uuid          not null references knowledge_source (id) on delete cascade,
    page_id     uuid          not null references knowledge_page (id) on delete cascade,
    url         varchar(2000) not null,
    kind        varchar(8)    not null check (kind in ('NEW', 'CHANGED', 'VANISHED')),
    status      varchar(12)   not null check (status in ('PENDING', 'APPLIED', 'REJECTED', 'SUPERSEDED')),
    detected_at timestamptz   not null,
    title       varchar(300),
    old_text    text,
    new_text    text,
    -- The page as read (JSON: title and sections with heading, anchor, text), put live on approval.
    new_content text,
    -- What the import screen found (JSON list), e.g. text that reads like instructions to the model.
    warnings    text,
    decided_by  varchar(100),
    decided_at  timestamptz,
    -- Approved answers withdrawn because they cited a passage this change replaced or removed.
    withdrawn_answers integer not null default 0
);
create index knowledge_change_status_idx on knowledge_change (status, detected_at);
create index knowledge_change_page_idx on knowledge_change (page_id);
