-- pgbench script for bench/load.sh: the rows one new-conversation turn stores in one transaction
-- (ConversationStore.record): the conversation, the question, the AI answer and its unsealed audit entry.
\set c random(1, 9000000000000000000)
BEGIN;
INSERT INTO conversation (id, token_hash, language, created_at, updated_at, message_count)
  VALUES (md5(:c::text)::uuid, sha256(:c::text::bytea), 'de', now(), now(), 0);
INSERT INTO message (id, conversation_id, position, author, content, created_at, plain_language)
  VALUES (md5(:c::text || 'q')::uuid, md5(:c::text)::uuid, 0, 'CITIZEN', 'Wann hat das Bürgerservice geöffnet?', now(), false);
INSERT INTO message (id, conversation_id, position, author, kind, content, model, responsible_name,
    responsible_role, responsible_contact, generated_at, review_status, created_at, question_key, sources, plain_language)
  VALUES (md5(:c::text || 'a')::uuid, md5(:c::text)::uuid, 1, 'ASSISTANT', 'AI_GENERATED',
    'Das Bürgerservice im Rathaus hilft Ihnen gerne weiter. Sie erreichen es persönlich oder telefonisch.',
    'llama3.1:8b', 'Benchmark', 'Digital.Team', 'digital@leoben.at', now(), 'UNREVIEWED', now(),
    md5(:c::text || 'k'), '[{"title":"Bürgerservice","url":"https://www.leoben.at/buergerservice"}]', false);
INSERT INTO audit_entry (occurred_at, event, conversation_id, message_id, kind, question, answer, model, prompt_version,
    responsible_name, responsible_role, responsible_contact, latency_ms, input_tokens, output_tokens)
  VALUES (now(), 'TURN', md5(:c::text)::uuid, md5(:c::text || 'a')::uuid, 'AI_GENERATED', 'Wann hat das Bürgerservice geöffnet?',
    'Das Bürgerservice im Rathaus hilft Ihnen gerne weiter. Sie erreichen es persönlich oder telefonisch.',
    'llama3.1:8b', 'grounded-v3', 'Benchmark', 'Digital.Team', 'digital@leoben.at', 3, 1200, 17);
COMMIT;
