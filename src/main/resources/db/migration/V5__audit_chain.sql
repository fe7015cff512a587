-- Tamper evidence for the audit trail: a gapless sequence and a SHA-256 hash chain over a
-- canonical serialisation of each entry (content fields enter as their digests, so that retention
-- can replace content by its digest and the chain still verifies).
alter table audit_entry add column seq bigint unique;
alter table audit_entry add column prev_hash varchar(64);
alter table audit_entry add column hash varchar(64);

-- The head of the chain. The sealer locks this row while it chains a batch, so sequence numbers
-- are gapless and each entry names its true predecessor, however many instances run.
create table audit_head (
    id        integer primary key check (id = 1),
    seq       bigint      not null,
    hash      varchar(64) not null
);
insert into audit_head values (1, 0, repeat('0', 64));

-- Signed checkpoints (Ed25519) of the head, kept apart from the entries: a rewrite of the whole
-- chain by someone with database access no longer matches them.
create table audit_checkpoint (
    id          bigint generated always as identity primary key,
    seq         bigint       not null,
    head_hash   varchar(64)  not null,
    created_at  timestamptz  not null,
    public_key  varchar(200) not null,
    signature   varchar(200) not null
);
create index audit_checkpoint_seq_idx on audit_checkpoint (seq);

-- The audit is append-only. The one exception is the retention path (and a citizen's erasure),
-- which sets assistant.audit_retention for its transaction and may only replace content by
-- 'erased:sha256:' || its digest; sequence, chain and every other field stay as they are.
create function audit_digest(content text) returns text
    language sql immutable parallel safe
    return case when content is null or content like 'erased:sha256:%' then content
                else 'erased:sha256:' || encode(sha256(convert_to(content, 'UTF8')), 'hex') end;

create function audit_entry_guard() returns trigger
    language plpgsql as $$
declare
    rest audit_entry;
begin
    if tg_op = 'DELETE' then
        raise exception 'audit entries cannot be deleted' using errcode = 'insufficient_privilege';
    end if;
    rest := new;
    rest.question := old.question;
    rest.answer := old.answer;
    rest.note := old.note;
    if old.seq is null then
        -- Sealing: the chain position of an entry not yet chained is set once.
        rest.seq := old.seq;
        rest.prev_hash := old.prev_hash;
        rest.hash := old.hash;
    end if;
    if rest is distinct from old then
        raise exception 'audit entries cannot be changed' using errcode = 'insufficient_privilege';
    end if;
    if new.question is distinct from old.question or new.answer is distinct from old.answer
        or new.note is distinct from old.note then
        if coalesce(current_setting('assistant.audit_retention', true), '') <> 'on' then
            raise exception 'audit entries cannot be changed' using errcode = 'insufficient_privilege';
        end if;
        if (new.question is distinct from old.question and new.question is distinct from audit_digest(old.question))
            or (new.answer is distinct from old.answer and new.answer is distinct from audit_digest(old.answer))
            or (new.note is distinct from old.note and new.note is distinct from audit_digest(old.note)) then
            raise exception 'retention may only replace audit content by its digest' using errcode = 'insufficient_privilege';
        end if;
    end if;
    return new;
end $$;

create function audit_checkpoint_guard() returns trigger
    language plpgsql as $$
begin
    raise exception 'audit checkpoints cannot be changed or deleted' using errcode = 'insufficient_privilege';
end $$;

-- Entries are written unsealed (in parallel) and chained by the sealer in batches (AuditSealer);
-- the entries written before this migration are chained by its first run.
create trigger audit_entry_append_only before update or delete on audit_entry
    for each row execute function audit_entry_guard();
create index audit_entry_unsealed_idx on audit_entry (id) where seq is null;
create trigger audit_checkpoint_append_only before update or delete on audit_checkpoint
    for each row execute function audit_checkpoint_guard();
