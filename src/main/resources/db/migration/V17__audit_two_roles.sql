-- The audit against its own database role (README, Audit trail: who can do what).
-- Migrations run as the schema owner; the service runs as a plain runtime role that is granted,
-- after every migration (RuntimeRoleGrants calls assistant_grant_runtime_role), INSERT and SELECT
-- on the audit tables and nothing else there. What the service must change in the audit (sealing,
-- erasure, retention) it changes through the SECURITY DEFINER functions below, which belong to the
-- owner and do exactly that one thing.

-- An entry's HMAC (key from configuration, never in the database): written with the entry, so a
-- row INSERTed with the database password alone has none that holds (AuditVerifier: FORGED).
alter table audit_entry add column mac varchar(64);
-- A copy of a real entry (same content, same HMAC) is refused: no replayed decisions.
create unique index audit_entry_mac_idx on audit_entry (mac) where mac is not null;

-- Since when entries and checkpoints must carry this service's keys: one row per pinned key,
-- signed with it. Entries from from_entry_id or at from_seq and later, and checkpoints from
-- from_checkpoint_id on must be authenticated; what came before (no pinned keys) is legacy.
create table audit_key_epoch (
    id                 bigint generated always as identity primary key,
    from_entry_id      bigint       not null,
    from_seq           bigint       not null,
    from_checkpoint_id bigint       not null,
    created_at         timestamptz  not null,
    public_key         varchar(200) not null,
    signature          varchar(200) not null
);

-- New entries are written unsealed: only the sealer (audit_seal) gives them a place in the chain.
create function audit_entry_insert_guard() returns trigger
    language plpgsql as $$
begin
    raise exception 'audit entries are written unsealed' using errcode = 'insufficient_privilege';
end $$;
create trigger audit_entry_unsealed_on_insert before insert on audit_entry
    for each row when (new.seq is not null or new.prev_hash is not null or new.hash is not null)
    execute function audit_entry_insert_guard();

-- TRUNCATE bypasses row triggers: refuse it for every audit table (this matters for a set-up with
-- one role, which owns the tables; a runtime role has no TRUNCATE right at all).
create function audit_truncate_guard() returns trigger
    language plpgsql as $$
begin
    raise exception 'the audit cannot be truncated' using errcode = 'insufficient_privilege';
end $$;
create trigger audit_entry_no_truncate before truncate on audit_entry
    for each statement execute function audit_truncate_guard();
create trigger audit_checkpoint_no_truncate before truncate on audit_checkpoint
    for each statement execute function audit_truncate_guard();
create trigger audit_head_no_truncate before truncate on audit_head
    for each statement execute function audit_truncate_guard();
create trigger audit_key_epoch_no_truncate before truncate on audit_key_epoch
    for each statement execute function audit_truncate_guard();
create trigger audit_key_epoch_append_only before update or delete on audit_key_epoch
    for each row execute function audit_checkpoint_guard();

-- The head only moves forward (moving it back is how a cut-off tail would be hidden).
create function audit_head_guard() returns trigger
    language plpgsql as $$
begin
    if tg_op = 'DELETE' or new.id <> old.id or new.seq < old.seq or (new.seq = old.seq and new.hash <> old.hash) then
        raise exception 'the audit head only moves forward' using errcode = 'insufficient_privilege';
    end if;
    return new;
end $$;
create trigger audit_head_forward_only before update or delete on audit_head
    for each row execute function audit_head_guard();

-- The sealer's lock on the head (SELECT ... FOR UPDATE would need UPDATE on the table).
create function audit_lock_head() returns table (seq bigint, hash varchar)
    language sql security definer set search_path = public, pg_temp
    as $$ select h.seq, h.hash from audit_head h where h.id = 1 for update $$;

-- Chains a batch: entry ids[i] gets seq first_seq + i - 1, its predecessor's hash, and hashes[i]
-- (computed by the service). Only entries not yet chained, only right after the current head.
create function audit_seal(first_seq bigint, previous varchar, ids bigint[], hashes varchar[]) returns void
    language plpgsql security definer set search_path = public, pg_temp as $$
declare
    head_seq  bigint;
    head_hash varchar;
    prev      varchar := previous;
    n         integer := coalesce(array_length(ids, 1), 0);
begin
    select h.seq, h.hash into head_seq, head_hash from audit_head h where h.id = 1 for update;
    if head_seq <> first_seq - 1 or head_hash <> previous then
        raise exception 'the audit head has moved' using errcode = 'serialization_failure';
    end if;
    if n <> coalesce(array_length(hashes, 1), 0) then
        raise exception 'one hash per entry';
    end if;
    for i in 1 .. n loop
        update audit_entry e set seq = first_seq + i - 1, prev_hash = prev, hash = hashes[i]
            where e.id = ids[i] and e.seq is null;
        if not found then
            raise exception 'audit entry % is chained already or missing', ids[i];
        end if;
        prev := hashes[i];
    end loop;
    if n > 0 then
        update audit_head h set seq = first_seq + n - 1, hash = prev where h.id = 1;
    end if;
end $$;

-- A citizen's erasure and the retention job: content replaced by its digest, nothing else.
create function audit_erase_conversation(conversation uuid) returns integer
    language plpgsql security definer set search_path = public, pg_temp as $$
declare
    changed integer;
begin
    perform set_config('assistant.audit_retention', 'on', true);
    update audit_entry set question = audit_digest(question), answer = audit_digest(answer), note = audit_digest(note)
        where conversation_id = conversation;
    get diagnostics changed = row_count;
    perform set_config('assistant.audit_retention', 'off', true);
    return changed;
end $$;

create function audit_erase_before(before timestamptz) returns integer
    language plpgsql security definer set search_path = public, pg_temp as $$
declare
    changed integer;
begin
    perform set_config('assistant.audit_retention', 'on', true);
    update audit_entry set question = audit_digest(question), answer = audit_digest(answer), note = audit_digest(note)
        where occurred_at < before
          and ((question is not null and question not like 'erased:sha256:%')
            or (answer is not null and answer not like 'erased:sha256:%')
            or (note is not null and note not like 'erased:sha256:%'));
    get diagnostics changed = row_count;
    perform set_config('assistant.audit_retention', 'off', true);
    return changed;
end $$;

revoke execute on function audit_lock_head(), audit_seal(bigint, varchar, bigint[], varchar[]),
    audit_erase_conversation(uuid), audit_erase_before(timestamptz) from public;

-- What the runtime role may do, (re)granted after every migration so that tables added later are
-- covered too: the audit tables SELECT, entries INSERT of every column but the chain's, checkpoints
-- and key epochs INSERT, the four functions above; every other table of the service SELECT, INSERT,
-- UPDATE, DELETE; the migration history nothing. No TRUNCATE, REFERENCES, TRIGGER anywhere.
create function assistant_grant_runtime_role(runtime name) returns void
    language plpgsql set search_path = public, pg_temp as $$
declare
    t       record;
    columns text;
begin
    execute format('grant usage on schema public to %I', runtime);
    for t in select tablename from pg_tables where schemaname = 'public' loop
        execute format('revoke all on table %I from %I', t.tablename, runtime);
        if t.tablename in ('audit_entry', 'audit_head', 'audit_checkpoint', 'audit_key_epoch') then
            execute format('grant select on table %I to %I', t.tablename, runtime);
        elsif t.tablename <> 'flyway_schema_history' then
            execute format('grant select, insert, update, delete on table %I to %I', t.tablename, runtime);
        end if;
    end loop;
    select string_agg(quote_ident(column_name), ', ') into columns
        from information_schema.columns
        where table_schema = 'public' and table_name = 'audit_entry'
          and column_name not in ('id', 'seq', 'prev_hash', 'hash');
    execute format('grant insert (%s) on table audit_entry to %I', columns, runtime);
    execute format('grant insert on table audit_checkpoint, audit_key_epoch to %I', runtime);
    execute format('grant usage, select on all sequences in schema public to %I', runtime);
    execute format('grant execute on function audit_lock_head(), audit_seal(bigint, varchar, bigint[], varchar[]),'
        || ' audit_erase_conversation(uuid), audit_erase_before(timestamptz) to %I', runtime);
end $$;
revoke execute on function assistant_grant_runtime_role(name) from public;
