'use strict';
// Schema validation catches what a reviewer would miss: wrong types, missing required fields,
// and (for the CloudNativePG Cluster) misspelled fields.
const test = require('node:test');
const assert = require('node:assert');
const path = require('path');
const { ROOT } = require('../lib/deps');
const kustomize = require('../lib/kustomize');
const { validateDocument } = require('../lib/validate');

function prod(kind) {
  const docs = kustomize.build(path.join(ROOT, 'k8s/overlays/prod'));
  return JSON.parse(JSON.stringify(docs.find((doc) => doc.kind === kind)));
}

test('every document of the production overlay is valid', () => {
  const docs = kustomize.build(path.join(ROOT, 'k8s/overlays/prod'));
  assert.deepStrictEqual(docs.flatMap(validateDocument), []);
});

test('a Deployment with replicas as text and a container without name is invalid', () => {
  const deployment = prod('Deployment');
  deployment.spec.replicas = 'two';
  delete deployment.spec.template.spec.containers[0].name;
  const errors = validateDocument(deployment).join('\n');
  assert.match(errors, /replicas must be integer/);
  assert.match(errors, /must have required property name/);
});

test('a NetworkPolicy with an unknown policy type is invalid', () => {
  const policy = prod('NetworkPolicy');
  policy.spec.policyTypes = ['Inbound'];
  assert.match(validateDocument(policy).join('\n'), /policyTypes\/0 must be equal to one of the allowed values/);
});

test('a CloudNativePG Cluster with a misspelled field or a wrong type is invalid', () => {
  const cluster = prod('Cluster');
  cluster.spec.instance = cluster.spec.instances;
  delete cluster.spec.instances;
  cluster.spec.storage.size = 20;
  const errors = validateDocument(cluster).join('\n');
  assert.match(errors, /must NOT have additional properties \(instance\)/);
  assert.match(errors, /must have required property 'instances'/);
  assert.match(errors, /\/spec\/storage\/size must be string/);
});

test('a kind without a schema is refused, not waved through', () => {
  const errors = validateDocument({ apiVersion: 'example.com/v1', kind: 'Widget', metadata: { name: 'w' } });
  assert.deepStrictEqual(errors, ['Widget w: no schema for example.com/v1 Widget']);
});
