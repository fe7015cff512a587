#!/usr/bin/env bash
# Checks the Prometheus alert rules and the Grafana dashboard offline (run by .ci/run, a few seconds):
#   1. `promtool check rules` on deploy/prometheus/alerts.yaml (syntax, PromQL, annotation templates);
#   2. `promtool test rules` on alerts.test.yaml and alerts.workdays.test.yaml, against a copy of the rules without annotations
#      (promtool compares annotations verbatim; the tests are about when alerts fire);
#   3. the dashboard: valid JSON, unique panel ids, no overlapping panels, every query on the
#      datasource variable, every query valid PromQL (promtool); dashboard and alerts use only the
#      metric names the service exports (the list below: extend it with the service's metrics).
# promtool comes from Debian's prometheus package, unpacked under target/ (no daemon is installed).
set -euo pipefail
cd "$(dirname "$0")/.."

work="target/observability-check"
mkdir -p "$work"

promtool="$(command -v promtool || true)"
if [[ -z "$promtool" ]]; then
  promtool="$PWD/target/promtool/usr/bin/promtool"
  if [[ ! -x "$promtool" ]]; then
    echo "Unpacking promtool from Debian's prometheus package into target/promtool" >&2
    rm -rf target/promtool-deb && mkdir -p target/promtool-deb
    (cd target/promtool-deb && { apt-get download prometheus >/dev/null 2>&1 \
      || { apt-get update -qq && apt-get download prometheus >/dev/null; }; })
    dpkg -x target/promtool-deb/prometheus_*.deb target/promtool
  fi
fi

"$promtool" check rules deploy/prometheus/alerts.yaml

# The rules without their annotations blocks (every key indented deeper than "annotations:").
awk '
  match($0, /^ *annotations:[ ]*$/) { skip = RLENGTH - length("annotations:"); next }
  skip >= 0 { match($0, /^ */); if ($0 ~ /^ *$/ || RLENGTH > skip) next; skip = -1 }
  { print }
' skip=-1 deploy/prometheus/alerts.yaml >"$work/alerts.yaml"
cp deploy/prometheus/alerts.test.yaml deploy/prometheus/alerts.workdays.test.yaml "$work/"
(cd "$work" && "$promtool" test rules alerts.test.yaml alerts.workdays.test.yaml)

node - deploy/grafana/buergerassistent.json "$work/dashboard-queries.yaml" deploy/prometheus/alerts.yaml <<'JS'
const fs = require('fs');
const [file, out, alerts] = process.argv.slice(2);
const known = new Set([
  'assistant_turns_total', 'assistant_turn_duration_seconds_bucket', 'assistant_turn_duration_seconds_count',
  'assistant_turn_duration_seconds_sum', 'assistant_first_token_seconds_bucket', 'assistant_first_token_seconds_count',
  'assistant_first_token_seconds_sum', 'assistant_model_tokens_total', 'assistant_energy_wh_total',
  'assistant_answer_energy_wh_count', 'assistant_answer_energy_wh_sum', 'assistant_answer_energy_wh_max',
  'assistant_flags_total', 'assistant_review_backlog', 'assistant_review_in_review',
  'assistant_review_oldest_age_seconds', 'assistant_cases_waiting', 'assistant_cases_overdue', 'assistant_cases_oldest_age_seconds', 'assistant_model_approved', 'assistant_model_check',
  'assistant_model_calls_saved_total', 'assistant_llm_circuit_open', 'assistant_rate_limited_total',
  'assistant_handovers_total', 'assistant_ai_switched_off', 'assistant_ai_switched_off_seconds',
  'assistant_notice_active', 'assistant_model_prompt_tokens', 'assistant_model_prompt_tokens_count',
  'assistant_model_prompt_tokens_sum', 'assistant_model_prompt_tokens_max',
]);
const errors = new Set();
for (const n of fs.readFileSync(alerts, 'utf8').match(/\bassistant_[a-z_]+/g)) {
  if (!known.has(n)) errors.add(`alerts.yaml: unknown metric ${n}`);
}
const dash = JSON.parse(fs.readFileSync(file, 'utf8'));
if (!dash.templating.list.some(v => v.name === 'datasource' && v.type === 'datasource')) {
  errors.add('no datasource variable');
}
const ids = new Set();
const cells = new Map();
const rules = [];
for (const p of dash.panels) {
  if (ids.has(p.id)) errors.add(`duplicate panel id ${p.id}`);
  ids.add(p.id);
  const g = p.gridPos;
  if (g.x + g.w > 24) errors.add(`panel "${p.title}" is wider than the grid`);
  for (let x = g.x; x < g.x + g.w; x++) {
    for (let y = g.y; y < g.y + g.h; y++) {
      const key = `${x},${y}`;
      if (cells.has(key)) errors.add(`panels "${cells.get(key)}" and "${p.title}" overlap`);
      cells.set(key, p.title);
    }
  }
  for (const t of p.targets || []) {
    if (t.datasource?.uid !== '${datasource}' || p.datasource?.uid !== '${datasource}') {
      errors.add(`panel "${p.title}" does not use the datasource variable`);
    }
    const names = t.expr.match(/\b(assistant_[a-z_]+)/g) || [];
    for (const n of names) if (!known.has(n)) errors.add(`panel "${p.title}": unknown metric ${n}`);
    const expr = t.expr.replaceAll('$__rate_interval', '5m').replaceAll('$__range', '1h')
      .replaceAll('$job', 'buergerassistent').replaceAll('$instance', '.*');
    rules.push({ record: `dashboard:panel_${p.id}_${t.refId}`, expr });
  }
}
fs.writeFileSync(out, JSON.stringify({ groups: [{ name: 'dashboard', rules }] }, null, 1));
if (errors.size) {
  console.error([...errors].join('\n'));
  process.exit(1);
}
console.log(`Dashboard: ${dash.panels.length} panels, ${rules.length} queries, layout and metric names fine`);
JS
"$promtool" check rules "$work/dashboard-queries.yaml" >/dev/null
echo "Dashboard queries: valid PromQL"
