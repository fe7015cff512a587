-- The city's curated knowledge: documents (Markdown) split into passages for retrieval.
create table knowledge_document (
    id                uuid primary key,
    slug              varchar(100) not null unique,
    title             varchar(300) not null,
    source_url        varchar(2000) not null,
    owner             varchar(300) not null,
    valid_from        date,
    updated_on        date         not null,
    keywords          text         not null default '',
    body              text         not null,
    unconfirmed_facts integer      not null default 0,
    origin            varchar(16)  not null check (origin in ('IMPORT', 'API')),
    modified_at       timestamptz  not null,
    version           integer      not null default 0
);

-- German spelled without umlauts ("Muell", "Gebuehr"): index a second, transliterated variant so
-- that both spellings find the same passage. ß needs nothing: the german stemmer folds it to ss.
create function kb_transliterate(text) returns text
    language sql immutable parallel safe
    return replace(replace(replace(lower($1), 'ä', 'ae'), 'ö', 'oe'), 'ü', 'ue');

create function kb_vector(weight "char", content text) returns tsvector
    language sql immutable parallel safe
    return setweight(to_tsvector('german', coalesce(content, '')), weight)
        || setweight(to_tsvector('german', kb_transliterate(coalesce(content, ''))), weight);

create table knowledge_passage (
    id          bigint generated always as identity primary key,
    document_id uuid         not null references knowledge_document (id) on delete cascade,
    position    integer      not null,
    title       varchar(300) not null,
    heading     varchar(300),
    keywords    text         not null default '',
    content     text         not null,
    -- Title above keywords above heading above body.
    search      tsvector generated always as (
        kb_vector('A', title) || kb_vector('B', keywords) || kb_vector('C', heading) || kb_vector('D', content)
    ) stored,
    -- What the passage is about (title, keywords, heading): a match here alone makes it a candidate.
    head        tsvector generated always as (
        kb_vector('A', title) || kb_vector('B', keywords) || kb_vector('C', heading)
    ) stored,
    unique (document_id, position)
);

create index knowledge_passage_search_idx on knowledge_passage using gin (search);
create index knowledge_passage_head_idx on knowledge_passage using gin (head);

-- When the knowledge last changed (create, update, delete): older AI answers are not reused.
create table knowledge_revision (
    id         integer primary key check (id = 1),
    changed_at timestamptz not null
);
insert into knowledge_revision values (1, now());

-- Which first-turn question an AI answer replied to, so that the same question can reuse it,
-- and the sources it was given with (JSON: [{"ref", "title", "url"}]).
alter table message add column question_key varchar(64);
alter table message add column sources text;
-- An AI answer given again for the same question points to the answer it repeats.
alter table audit_entry add column reused_from uuid;
create index message_reuse_idx on message (question_key, created_at) where question_key is not null;

-- Staff (clerks, admins, operators) when no identity provider is configured; bcrypt hashes only.
create table staff_account (
    id            bigint generated always as identity primary key,
    username      varchar(100) not null unique,
    password_hash varchar(200) not null,
    roles         varchar(200) not null,
    created_at    timestamptz  not null
);
