'use strict';
// Schema validation of rendered documents, offline: Kubernetes kinds with kubernetes-models
// (types, required fields, enums of the Kubernetes OpenAPI schema), the CloudNativePG Cluster
// with the schema in ../schemas. Unknown (misspelled) fields of Kubernetes kinds are caught by
// the JUnit test KubernetesManifestsTest (fabric8), which kubernetes-models does not check.
const fs = require('fs');
const path = require('path');
const { load } = require('./deps');

const Ajv = load('ajv');

const CUSTOM_SCHEMAS = {
  'postgresql.cnpg.io/v1/Cluster': path.join(__dirname, '..', 'schemas', 'cnpg-cluster.schema.json'),
};

const ajv = new Ajv({ allErrors: true, strict: true });
const customValidators = Object.fromEntries(
  Object.entries(CUSTOM_SCHEMAS).map(([key, file]) => [key, ajv.compile(JSON.parse(fs.readFileSync(file, 'utf8')))])
);

function modelClass(apiVersion, kind) {
  let models;
  try {
    models = load(`kubernetes-models/${apiVersion}`);
  } catch (e) {
    return undefined;
  }
  return typeof models[kind] === 'function' ? models[kind] : undefined;
}

/** Error messages for one document; empty when it is valid. */
function validateDocument(doc) {
  if (doc === null || typeof doc !== 'object' || typeof doc.apiVersion !== 'string' || typeof doc.kind !== 'string') {
    return ['not a Kubernetes object (apiVersion and kind missing)'];
  }
  const name = `${doc.kind} ${doc.metadata && doc.metadata.name}`;
  const custom = customValidators[`${doc.apiVersion}/${doc.kind}`];
  if (custom) {
    return custom(doc) ? [] : custom.errors.map((e) => `${name}: ${e.instancePath || '/'} ${e.message}${e.params && e.params.additionalProperty ? ` (${e.params.additionalProperty})` : ''}`);
  }
  const Model = modelClass(doc.apiVersion, doc.kind);
  if (!Model) return [`${name}: no schema for ${doc.apiVersion} ${doc.kind}`];
  try {
    new Model(doc).validate();
    return [];
  } catch (e) {
    return [`${name}: ${e.message}`];
  }
}

module.exports = { validateDocument };
