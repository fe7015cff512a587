-- The sensitive area a hand-over was made for, on the reply and in the audit.
alter table message add column area varchar(32);
alter table audit_entry add column area varchar(32);

-- Answers and questions a clerk should look at, with why. Written with the reply they concern.
create table review_flag (
    id              bigint generated always as identity primary key,
    message_id      uuid         not null,
    conversation_id uuid         not null,
    reason          varchar(32)  not null,
    severity        varchar(16)  not null check (severity in ('FLAG', 'WITHHOLD')),
    detail          varchar(500),
    -- A withheld answer is kept here for the clerk, never shown to the citizen.
    withheld_text   text,
    created_at      timestamptz  not null,
    status          varchar(16)  not null default 'OPEN'
);

create index review_flag_status_idx on review_flag (status, created_at);

-- Reports of the bias probe, for admins: the same questions asked for different names,
-- genders and origins, and how the answers differed.
create table bias_report (
    id             uuid primary key,
    created_at     timestamptz not null,
    model          varchar(200) not null,
    prompt_version varchar(64)  not null,
    pairs          integer      not null,
    flagged        integer      not null,
    markdown       text         not null
);
