-- Login names are one account whatever their case: "admin" and "ADMIN" were two accounts.
-- Names that collide when lower-cased keep the oldest account; the younger ones are renamed
-- "<name>-duplicate-<id>" (they can be deleted or renamed by an admin) instead of being dropped.
update staff_account s
   set username = lower(s.username) || '-duplicate-' || s.id
 where exists (select 1 from staff_account o
                where lower(o.username) = lower(s.username) and o.id < s.id);
update staff_account set username = lower(username) where username <> lower(username);
alter table staff_account add constraint staff_account_username_lower check (username = lower(username));

-- Clients (HMAC of login name and address, never the address) that signed in to an account
-- before: a flood of wrong passwords from elsewhere does not lock them out of it.
create table staff_login_known_client (
    id           varchar(80) primary key,
    last_success timestamptz not null
);
create index staff_login_known_client_last on staff_login_known_client (last_success);

-- Sessions of the staff UI's login form, so that logging out ends them on every instance: the
-- login cookie alone (name and expiry, encrypted) would open /staff until it expires.
create table staff_session (
    id         varchar(64)  primary key,  -- SHA-256 (hex) of the ba-session cookie
    username   varchar(100) not null,
    created_at timestamptz  not null,
    last_seen  timestamptz  not null
);
create index staff_session_last_seen on staff_session (last_seen);
