#!/usr/bin/env node
'use strict';
// Renders every kustomization of k8s/ and validates every document offline (README, Kubernetes).
// Writes target/k8s/<name>.yaml for the JUnit test KubernetesManifestsTest; a kustomization
// that fails leaves no file behind. Where kubectl is installed, its built-in kustomize renders
// the same kustomizations and the output must be identical (K8S_KUSTOMIZE_CROSS_CHECK=required
// makes a missing kubectl an error, =off skips the comparison).
const fs = require('fs');
const path = require('path');
const { spawnSync } = require('child_process');
const { ROOT } = require('./lib/deps');
const kustomize = require('./lib/kustomize');
const { validateDocument } = require('./lib/validate');

const TARGETS = [
  { name: 'dev', dir: 'k8s/overlays/dev' },
  { name: 'prod', dir: 'k8s/overlays/prod' },
  { name: 'model-pull', dir: 'k8s/ops/model-pull' },
];
const UNRENDERED = ['k8s/secret.example.yaml'];
const OUT = path.join(ROOT, 'target', 'k8s');

function kubectlKustomize(dir) {
  const mode = process.env.K8S_KUSTOMIZE_CROSS_CHECK || 'auto';
  if (mode === 'off') return { skipped: 'K8S_KUSTOMIZE_CROSS_CHECK=off' };
  const run = spawnSync('kubectl', ['kustomize', dir], { encoding: 'utf8', timeout: 120000 });
  if (run.error && run.error.code === 'ENOENT') {
    if (mode === 'required') return { error: 'kubectl is not installed but K8S_KUSTOMIZE_CROSS_CHECK=required' };
    return { skipped: 'kubectl not installed' };
  }
  if (run.error && mode !== 'required') return { skipped: `kubectl did not finish (${run.error.code || run.error.message})` };
  if (run.status !== 0) return { error: `kubectl kustomize ${dir} failed: ${(run.stderr || String(run.error)).trim()}` };
  return { docs: kustomize.parseYaml(run.stdout) };
}

function checkTarget(target) {
  const dir = path.join(ROOT, target.dir);
  const errors = [];
  let docs = [];
  try {
    docs = kustomize.build(dir);
  } catch (e) {
    return { errors: [`render: ${e.message}`], docs };
  }
  for (const doc of docs) errors.push(...validateDocument(doc));
  const reference = kubectlKustomize(dir);
  if (reference.error) errors.push(reference.error);
  if (reference.docs) errors.push(...kustomize.compareRenders(docs, reference.docs).map((d) => `kustomize differs: ${d}`));
  return { errors, docs, note: reference.skipped ? `cross-check skipped: ${reference.skipped}` : 'identical to kubectl kustomize' };
}

function main() {
  fs.mkdirSync(OUT, { recursive: true });
  let failed = 0;
  for (const target of TARGETS) {
    const file = path.join(OUT, `${target.name}.yaml`);
    fs.rmSync(file, { force: true });
    const { errors, docs, note } = checkTarget(target);
    if (errors.length > 0) {
      failed += 1;
      console.error(`k8s ${target.dir}: FAILED`);
      for (const error of errors) console.error(`  ${error}`);
      continue;
    }
    fs.writeFileSync(file, kustomize.toYaml(docs));
    console.log(`k8s ${target.dir}: ${docs.length} documents valid, ${note} -> ${path.relative(ROOT, file)}`);
  }
  for (const relative of UNRENDERED) {
    const docs = kustomize.parseYaml(fs.readFileSync(path.join(ROOT, relative), 'utf8'));
    const errors = docs.flatMap(validateDocument);
    if (docs.length === 0) errors.push('no document');
    if (errors.length > 0) {
      failed += 1;
      console.error(`k8s ${relative}: FAILED`);
      for (const error of errors) console.error(`  ${error}`);
    } else {
      console.log(`k8s ${relative}: ${docs.length} document valid`);
    }
  }
  if (failed > 0) {
    console.error(`k8s: ${failed} of ${TARGETS.length + UNRENDERED.length} manifests invalid`);
    process.exit(1);
  }
}

main();
