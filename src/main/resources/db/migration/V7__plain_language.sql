-- The citizen asked for this reply in plain language ("Einfache Sprache"): the clerk who reviews it
-- sees so, and a correction should keep to it. The audit records it in prompt_version
-- (system-v2+plain-language-v1); answer reuse keeps the variants apart through question_key.
alter table message add column plain_language boolean not null default false;
