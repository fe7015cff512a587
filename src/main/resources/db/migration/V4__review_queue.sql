-- The review queue: one item per reply that a clerk should look at, whatever flagged it, with
-- the statuses of an annotation queue: OPEN -> IN_REVIEW -> APPROVED / CORRECTED / REJECTED.
create table review_item (
    id               uuid primary key,
    message_id       uuid         not null unique,
    conversation_id  uuid         not null,
    status           varchar(16)  not null default 'OPEN'
        check (status in ('OPEN', 'IN_REVIEW', 'APPROVED', 'CORRECTED', 'REJECTED')),
    created_at       timestamptz  not null,
    claimed_by       varchar(100),
    claimed_at       timestamptz,
    decided_by       varchar(100),
    decided_role     varchar(16),
    decided_at       timestamptz,
    decision_comment varchar(2000),
    corrected_text   text,
    version          integer      not null default 0,
    check (status <> 'IN_REVIEW' or claimed_by is not null),
    check (status <> 'CORRECTED' or corrected_text is not null)
);
create index review_item_status_idx on review_item (status, created_at);
create index review_item_conversation_idx on review_item (conversation_id);

-- Flags keep why; the item keeps where it stands.
insert into review_item (id, message_id, conversation_id, created_at)
select gen_random_uuid(), message_id, (array_agg(conversation_id))[1], min(created_at)
from review_flag group by message_id;
alter table review_flag drop column status;
create index review_flag_message_idx on review_flag (message_id);
create index review_flag_reason_idx on review_flag (reason, message_id);

-- Citizens' ratings of replies (thumbs up/down, optional comment and reason tags).
create table feedback (
    id              bigint generated always as identity primary key,
    message_id      uuid          not null,
    conversation_id uuid          not null,
    rating          varchar(4)    not null check (rating in ('UP', 'DOWN')),
    reasons         varchar(200),
    comment         varchar(2000),
    created_at      timestamptz   not null
);
-- One rating per reply: a second one replaces the first (a citizen may change their mind).
create unique index feedback_message_idx on feedback (message_id);
create index feedback_conversation_idx on feedback (conversation_id);

-- Answers a clerk approved or corrected, given again to later questions that match closely.
-- model is null for an answer a clerk wrote where the assistant had none (no AI part).
create table approved_answer (
    id                  uuid primary key,
    question_key        varchar(64)  not null,
    review_item_id      uuid         not null,
    source_message_id   uuid         not null,
    decision            varchar(16)  not null check (decision in ('APPROVED', 'CORRECTED')),
    answer              text         not null,
    sources             text,
    model               varchar(200),
    responsible_name    varchar(300),
    responsible_role    varchar(300),
    responsible_contact varchar(300),
    generated_at        timestamptz,
    approved_by         varchar(100) not null,
    approved_role       varchar(16)  not null,
    approved_at         timestamptz  not null,
    withdrawn_by        varchar(100),
    withdrawn_at        timestamptz,
    check (model is null or (responsible_name is not null and generated_at is not null))
);
-- At most one answer in force per question.
create unique index approved_answer_in_force_idx on approved_answer (question_key) where withdrawn_at is null;

-- What a clerk did to a reply, as the citizen sees it again.
alter table message add column corrected_text text;
alter table message add column reviewed_role varchar(16);
alter table message add column reviewed_at timestamptz;

-- Who (a member of staff) did something the audit records, and their comment.
alter table audit_entry add column actor varchar(100);
alter table audit_entry add column actor_role varchar(16);
alter table audit_entry add column note varchar(2000);
create index audit_entry_message_idx on audit_entry (message_id);
