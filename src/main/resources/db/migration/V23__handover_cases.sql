-- Hand-over cases (README, Hand-over to the offices): a citizen's question handed to an office,
-- answered by a person. Contact data and the citizen's note are encrypted by the service
-- (AES-GCM, key from configuration): a database reader without the key cannot read them.
-- The token hash is a copy of the conversation's, so the citizen can still read the reply after
-- the conversation itself has expired.
create table handover_case (
    id                 uuid primary key,
    number             varchar(16)  not null unique,
    conversation_id    uuid         not null,
    token_hash         bytea        not null,
    language           varchar(8)   not null,
    office             varchar(64)  not null,
    reason             varchar(32),
    area               varchar(32),
    status             varchar(16)  not null default 'OPEN'
        check (status in ('OPEN', 'CLAIMED', 'ANSWERED', 'CLOSED')),
    question           text         not null,
    conversation_text  text,
    note_enc           bytea,
    contact_enc        bytea,
    contact_kind       varchar(8)   check (contact_kind in ('EMAIL', 'PHONE', 'NONE')),
    created_at         timestamptz  not null,
    expected_reply_by  timestamptz  not null,
    claimed_by         varchar(100),
    claimed_at         timestamptz,
    reply_text         text,
    reply_by           varchar(200),
    reply_channel      varchar(8)   check (reply_channel in ('WIDGET', 'EMAIL', 'PHONE')),
    replied_at         timestamptz,
    closed_at          timestamptz,
    outcome            varchar(500),
    personal_data_deleted_at timestamptz,
    version            integer      not null default 0,
    check (status <> 'CLAIMED' or claimed_by is not null),
    check (status <> 'ANSWERED' or replied_at is not null)
);
create index handover_case_office_idx on handover_case (office, status, created_at);
create index handover_case_closed_idx on handover_case (closed_at) where personal_data_deleted_at is null;

-- Mails to send, written in the same transaction as what they announce and sent by a job:
-- SMTP down keeps them here, a sent one is marked and never sent again. No addresses or text:
-- the job builds the mail from the case when it sends.
create table case_mail (
    id          bigint generated always as identity primary key,
    case_id     uuid         not null references handover_case (id) on delete cascade,
    kind        varchar(16)  not null check (kind in ('OFFICE_NOTICE', 'CITIZEN_REPLY')),
    created_at  timestamptz  not null,
    attempts    integer      not null default 0,
    next_try_at timestamptz  not null,
    sent_at     timestamptz,
    failure     varchar(200)
);
create index case_mail_due_idx on case_mail (next_try_at) where sent_at is null;
