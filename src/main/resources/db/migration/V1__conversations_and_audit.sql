-- Citizens' conversations. The access token is stored only as its SHA-256 hash.
create table conversation (
    id          uuid primary key,
    token_hash  bytea       not null,
    language    varchar(2)  not null,
    created_at  timestamptz not null,
    updated_at  timestamptz not null,
    message_count integer   not null default 0
);

create table message (
    id              uuid primary key,
    conversation_id uuid         not null references conversation (id) on delete cascade,
    position        integer      not null,
    author          varchar(16)  not null check (author in ('CITIZEN', 'ASSISTANT')),
    kind            varchar(32),
    reason          varchar(32),
    content         text         not null,
    -- The disclosure of an AI answer as it was given: model and responsible person at that time.
    model               varchar(200),
    responsible_name    varchar(300),
    responsible_role    varchar(300),
    responsible_contact varchar(300),
    generated_at        timestamptz,
    review_status   varchar(32),
    created_at      timestamptz  not null,
    unique (conversation_id, position),
    check (kind is distinct from 'AI_GENERATED' or (model is not null and responsible_name is not null))
);

-- One row per reply (and per erasure), written in the same transaction as the message.
-- No foreign key: the audit outlives the conversations it records.
create table audit_entry (
    id                  bigint generated always as identity primary key,
    occurred_at         timestamptz  not null,
    event               varchar(32)  not null,
    conversation_id     uuid,
    message_id          uuid,
    kind                varchar(32),
    reason              varchar(32),
    question            text,
    answer              text,
    model               varchar(200),
    prompt_version      varchar(64),
    responsible_name    varchar(300) not null,
    responsible_role    varchar(300) not null,
    responsible_contact varchar(300) not null,
    latency_ms          bigint,
    input_tokens        integer,
    output_tokens       integer,
    failure             varchar(200)
);

create index audit_entry_conversation_idx on audit_entry (conversation_id);
create index audit_entry_occurred_idx on audit_entry (occurred_at);
