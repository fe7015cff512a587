'use strict';
// The renderer renders what kustomize would and refuses whatever it does not support.
const test = require('node:test');
const assert = require('node:assert');
const fs = require('fs');
const os = require('os');
const path = require('path');
const { ROOT } = require('../lib/deps');
const kustomize = require('../lib/kustomize');

const DEPLOYMENT = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  replicas: 2
  selector:
    matchLabels: {app: web}
  template:
    metadata:
      labels: {app: web}
    spec:
      containers:
        - name: web
          image: registry.example/web
          ports:
            - {containerPort: 8080}
          env:
            - {name: A, value: "1"}
            - {name: X, value: "1"}
        - name: sidecar
          image: registry.example/sidecar:1.0
`;

function tree(files) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kustomize-test-'));
  for (const [name, content] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), content);
  }
  return dir;
}

const HEADER = 'apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\n';

test('an overlay sets namespace, labels, image tag and patches like kustomize', () => {
  const dir = tree({
    'base/kustomization.yaml': `${HEADER}resources: [deployment.yaml]\n`,
    'base/deployment.yaml': DEPLOYMENT,
    'overlay/kustomization.yaml': `${HEADER}namespace: shop
resources: [../base]
labels:
  - pairs: {team: city}
images:
  - {name: registry.example/web, newTag: "2.0"}
patches:
  - path: more-env.yaml
  - target: {group: apps, version: v1, kind: Deployment, name: web}
    patch: |-
      - op: replace
        path: /spec/replicas
        value: 3
`,
    'overlay/more-env.yaml': `apiVersion: apps/v1
kind: Deployment
metadata: {name: web}
spec:
  template:
    spec:
      containers:
        - name: web
          env:
            - {name: B, value: "3"}
            - {name: A, value: "2"}
`,
  });
  const [doc] = kustomize.build(path.join(dir, 'overlay'));
  assert.strictEqual(doc.metadata.namespace, 'shop');
  assert.deepStrictEqual(doc.metadata.labels, { team: 'city' });
  assert.deepStrictEqual(doc.spec.selector.matchLabels, { app: 'web' }, 'selectors stay untouched');
  assert.strictEqual(doc.spec.replicas, 3);
  const [web, sidecar] = doc.spec.template.spec.containers;
  assert.strictEqual(web.image, 'registry.example/web:2.0');
  assert.strictEqual(sidecar.image, 'registry.example/sidecar:1.0');
  // As kustomize orders them: the patch's elements first, then the ones it does not name.
  assert.deepStrictEqual(web.env, [{ name: 'B', value: '3' }, { name: 'A', value: '2' }, { name: 'X', value: '1' }]);
});

function rendersWithError(files, overlay, pattern) {
  const dir = tree(files);
  assert.throws(() => kustomize.build(path.join(dir, overlay)), (e) => {
    assert.ok(e instanceof kustomize.RenderError, e.stack);
    assert.match(e.message, pattern);
    return true;
  });
}

test('a kustomization key the renderer does not support is an error', () => {
  rendersWithError({
    'kustomization.yaml': `${HEADER}resources: [deployment.yaml]\nconfigMapGenerator:\n  - name: x\n    literals: [a=b]\n`,
    'deployment.yaml': DEPLOYMENT,
  }, '.', /"configMapGenerator" is not supported/);
});

test('a resource file outside the kustomization folder is an error, as in kustomize', () => {
  rendersWithError({
    'deployment.yaml': DEPLOYMENT,
    'overlay/kustomization.yaml': `${HEADER}resources: [../deployment.yaml]\n`,
  }, 'overlay', /outside the kustomization's folder/);
});

test('a JSON 6902 patch of a missing path is an error', () => {
  rendersWithError({
    'kustomization.yaml': `${HEADER}resources: [deployment.yaml]
patches:
  - target: {kind: Deployment, name: web}
    patch: |-
      - {op: replace, path: /spec/paused, value: true}
`,
    'deployment.yaml': DEPLOYMENT,
  }, '.', /patches\[0\]/);
});

test('a patch that matches no resource is an error', () => {
  rendersWithError({
    'kustomization.yaml': `${HEADER}resources: [deployment.yaml]\npatches:\n  - path: p.yaml\n`,
    'deployment.yaml': DEPLOYMENT,
    'p.yaml': 'apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: webb}\nspec: {replicas: 1}\n',
  }, '.', /matches 0 resources/);
});

test('a strategic-merge patch of a list without a known merge key is an error', () => {
  rendersWithError({
    'kustomization.yaml': `${HEADER}resources: [deployment.yaml]\npatches:\n  - path: p.yaml\n`,
    'deployment.yaml': DEPLOYMENT,
    'p.yaml': `apiVersion: apps/v1
kind: Deployment
metadata: {name: web}
spec:
  template:
    spec:
      containers:
        - name: web
          ports:
            - {containerPort: 9090}
`,
  }, '.', /use a JSON 6902 patch/);
});

test('the same resource defined twice is an error', () => {
  rendersWithError({
    'kustomization.yaml': `${HEADER}resources: [a.yaml, b.yaml]\n`,
    'a.yaml': DEPLOYMENT,
    'b.yaml': DEPLOYMENT,
  }, '.', /defined twice/);
});

test('a kind the namespace transformer does not know is an error', () => {
  rendersWithError({
    'kustomization.yaml': `${HEADER}namespace: x\nresources: [r.yaml]\n`,
    'r.yaml': 'apiVersion: rbac.authorization.k8s.io/v1\nkind: RoleBinding\nmetadata: {name: r}\n',
  }, '.', /not known to this renderer/);
});

test('the comparison with kustomize finds a changed value and a missing resource', () => {
  const ours = kustomize.parseYaml(DEPLOYMENT);
  const theirs = kustomize.parseYaml(DEPLOYMENT.replace('replicas: 2', 'replicas: 1'));
  assert.deepStrictEqual(kustomize.compareRenders(ours, theirs), ['apps/Deployment//web: differs at /spec/replicas']);
  assert.deepStrictEqual(kustomize.compareRenders(ours, []), ['apps/Deployment//web: only in the built-in renderer\'s output']);
});

test('the repository\'s overlays render with the built-in renderer', () => {
  for (const overlay of ['k8s/overlays/dev', 'k8s/overlays/prod', 'k8s/ops/model-pull']) {
    const docs = kustomize.build(path.join(ROOT, overlay));
    assert.ok(docs.some((doc) => doc.kind === 'NetworkPolicy'), overlay);
  }
});
