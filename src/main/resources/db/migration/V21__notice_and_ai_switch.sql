-- The Digital.Team's crisis controls, shared by every instance through the database.
-- A notice for every visitor of the chat: at most one is not ended at a time (setting one ends
-- the one before); rows stay as the history.
create table service_notice (
    id          uuid primary key,
    -- The text per language code (JSON object); German is required.
    texts       text         not null,
    severity    varchar(16)  not null check (severity in ('INFO', 'WARNING', 'EMERGENCY')),
    link        varchar(2000),
    starts_at   timestamptz  not null,
    -- Until when it shows (null: until ended by hand).
    ends_at     timestamptz,
    set_by      varchar(100) not null,
    set_role    varchar(32)  not null,
    set_at      timestamptz  not null,
    -- Ended by hand (DELETE) or replaced by a newer notice.
    ended_at    timestamptz,
    ended_by    varchar(100),
    check (ends_at is null or ends_at > starts_at)
);
create index service_notice_open_idx on service_notice (set_at) where ended_at is null;

-- The AI switch: every change for one channel (widget, api) is a row; the newest row of a channel
-- is its state. "all" is written as one row per channel.
create table ai_switch_change (
    id          bigserial primary key,
    channel     varchar(16)  not null check (channel in ('WIDGET', 'API')),
    enabled     boolean      not null,
    reason      varchar(500) not null,
    -- When a switch-off ends by itself (null: until switched on by hand).
    until       timestamptz,
    changed_by  varchar(100) not null,
    changed_role varchar(32) not null,
    changed_at  timestamptz  not null
);
create index ai_switch_change_channel_idx on ai_switch_change (channel, id desc);
