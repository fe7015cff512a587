'use strict';
// The npm packages of the validation, installed by .ci/run into target/k8s-validate (pinned
// versions there), never into the repository.
const path = require('path');
const { createRequire } = require('module');

const ROOT = path.resolve(__dirname, '..', '..', '..');
const PREFIX = process.env.K8S_VALIDATE_PREFIX || path.join(ROOT, 'target', 'k8s-validate');
const requireFromPrefix = createRequire(path.join(PREFIX, 'package.json'));

function load(name) {
  try {
    return requireFromPrefix(name);
  } catch (e) {
    throw new Error(
      `npm package ${name} is missing in ${PREFIX}: run bash .ci/run, or ` +
        'npm install --prefix target/k8s-validate kubernetes-models@4.5.1 js-yaml@4.1.0 fast-json-patch@3.1.1 ajv@8.17.1'
    );
  }
}

module.exports = { ROOT, load };
