'use strict';
// A strict renderer for exactly the kustomize features this repository uses, so that CI can
// render the overlays on a machine without kustomize or kubectl:
//   resources (files inside the kustomization's folder, or folders with a kustomization),
//   namespace, labels (metadata only), images, and patches (JSON 6902 with a target, or
//   strategic merge identified by the patch's kind and name).
// Anything else - another kustomization key, a generator, a remote resource, a patch it cannot
// apply the way kustomize would - is an error, never silently skipped. Where kubectl is
// installed, check.js also renders with its built-in kustomize and requires identical output.
const fs = require('fs');
const path = require('path');
const { load } = require('./deps');

const yaml = load('js-yaml');
const jsonpatch = load('fast-json-patch');

const KUSTOMIZATION_KEYS = new Set(['apiVersion', 'kind', 'resources', 'namespace', 'labels', 'images', 'patches']);
const LABEL_KEYS = new Set(['pairs', 'includeSelectors']);
const IMAGE_KEYS = new Set(['name', 'newName', 'newTag', 'digest']);
const PATCH_KEYS = new Set(['path', 'patch', 'target']);
const TARGET_KEYS = new Set(['group', 'version', 'kind', 'name']);

// Kinds the namespace transformer may touch, by "group/kind". Kinds with special namespace
// handling in kustomize (RoleBinding subjects, ...) are deliberately absent.
const NAMESPACED = new Set([
  '/ConfigMap', '/Secret', '/Service', '/ServiceAccount', '/PersistentVolumeClaim',
  'apps/Deployment', 'apps/StatefulSet', 'batch/Job', 'batch/CronJob',
  'networking.k8s.io/Ingress', 'networking.k8s.io/NetworkPolicy', 'policy/PodDisruptionBudget',
  'autoscaling/HorizontalPodAutoscaler', 'postgresql.cnpg.io/Cluster',
]);
const CLUSTER_SCOPED = new Set(['/Namespace']);

// Lists a strategic-merge patch merges element by element in built-in kinds (their
// patchMergeKey in the Kubernetes API). Any other list may only be set where the resource has
// none yet, because then merging and replacing give the same result.
const MERGE_KEYS = {
  containers: 'name',
  initContainers: 'name',
  volumes: 'name',
  env: 'name',
  volumeMounts: 'mountPath',
  imagePullSecrets: 'name',
};

class RenderError extends Error {}

function fail(message) {
  throw new RenderError(message);
}

function groupOf(apiVersion) {
  return apiVersion.includes('/') ? apiVersion.split('/')[0] : '';
}

function versionOf(apiVersion) {
  return apiVersion.includes('/') ? apiVersion.split('/')[1] : apiVersion;
}

function kindKey(doc) {
  return `${groupOf(doc.apiVersion)}/${doc.kind}`;
}

function idOf(doc) {
  return `${kindKey(doc)}/${doc.metadata.namespace || ''}/${doc.metadata.name}`;
}

function isPlainObject(value) {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function checkKeys(object, allowed, where) {
  if (!isPlainObject(object)) fail(`${where}: expected a mapping`);
  for (const key of Object.keys(object)) {
    if (!allowed.has(key)) fail(`${where}: "${key}" is not supported by this renderer (supported: ${[...allowed].join(', ')})`);
  }
}

function insideRoot(root, file) {
  const relative = path.relative(root, file);
  return relative !== '' && !relative.startsWith('..') && !path.isAbsolute(relative);
}

function readDocuments(file) {
  const docs = yaml.loadAll(fs.readFileSync(file, 'utf8')).filter((doc) => doc !== null && doc !== undefined);
  for (const doc of docs) {
    if (!isPlainObject(doc) || typeof doc.apiVersion !== 'string' || typeof doc.kind !== 'string'
        || !isPlainObject(doc.metadata) || typeof doc.metadata.name !== 'string') {
      fail(`${file}: every document needs apiVersion, kind and metadata.name`);
    }
    if (doc.kind === 'List' || doc.kind.endsWith('List')) fail(`${file}: lists of resources are not supported`);
  }
  return docs;
}

function readKustomization(dir) {
  for (const other of ['kustomization.yml', 'Kustomization']) {
    if (fs.existsSync(path.join(dir, other))) fail(`${dir}: use kustomization.yaml, not ${other}`);
  }
  const file = path.join(dir, 'kustomization.yaml');
  if (!fs.existsSync(file)) fail(`${dir}: no kustomization.yaml`);
  const k = yaml.load(fs.readFileSync(file, 'utf8'));
  checkKeys(k, KUSTOMIZATION_KEYS, file);
  if (k.apiVersion !== 'kustomize.config.k8s.io/v1beta1' || k.kind !== 'Kustomization') {
    fail(`${file}: apiVersion must be kustomize.config.k8s.io/v1beta1 and kind Kustomization`);
  }
  return { file, k };
}

function loadResources(dir, k, file, visiting) {
  const docs = [];
  for (const entry of k.resources || []) {
    if (typeof entry !== 'string' || /^[a-z]+:\/\//i.test(entry) || entry.startsWith('github.com/')) {
      fail(`${file}: resource ${JSON.stringify(entry)} is not a local path`);
    }
    const target = path.resolve(dir, entry);
    if (!fs.existsSync(target)) fail(`${file}: resource ${entry} does not exist`);
    if (fs.statSync(target).isDirectory()) {
      docs.push(...build(target, visiting));
    } else {
      if (!insideRoot(dir, target)) fail(`${file}: file ${entry} lies outside the kustomization's folder`);
      docs.push(...readDocuments(target));
    }
  }
  return docs;
}

function matchesTarget(doc, target) {
  if (target.kind !== doc.kind || target.name !== doc.metadata.name) return false;
  if (target.group !== undefined && target.group !== groupOf(doc.apiVersion)) return false;
  if (target.version !== undefined && target.version !== versionOf(doc.apiVersion)) return false;
  return true;
}

function strategicMerge(base, patch, where, builtIn) {
  const result = { ...base };
  for (const [key, value] of Object.entries(patch)) {
    if (key.startsWith('$')) fail(`${where}: directive ${key} is not supported`);
    const here = `${where}.${key}`;
    if (value === null) {
      delete result[key];
    } else if (isPlainObject(value)) {
      if (result[key] !== undefined && !isPlainObject(result[key])) fail(`${here}: patch a mapping onto a non-mapping`);
      result[key] = strategicMerge(result[key] || {}, value, here, builtIn);
    } else if (Array.isArray(value)) {
      result[key] = mergeList(result[key], value, key, here, builtIn);
    } else {
      result[key] = value;
    }
  }
  return result;
}

function mergeList(existing, patch, key, where, builtIn) {
  const mergeKey = builtIn ? MERGE_KEYS[key] : undefined;
  if (!mergeKey) {
    if (existing !== undefined && JSON.stringify(existing) !== JSON.stringify(patch)) {
      fail(`${where}: the resource already has this list and kustomize may merge or replace it; use a JSON 6902 patch`);
    }
    return patch;
  }
  // kustomize's order: the patch's elements first (merged into their counterparts), then the
  // resource's elements the patch does not name.
  const base = existing || [];
  const named = new Set();
  const merged = patch.map((item) => {
    if (!isPlainObject(item) || typeof item[mergeKey] !== 'string') fail(`${where}: every element needs "${mergeKey}"`);
    if (named.has(item[mergeKey])) fail(`${where}: "${item[mergeKey]}" appears twice`);
    named.add(item[mergeKey]);
    const counterpart = base.find((candidate) => candidate[mergeKey] === item[mergeKey]);
    return counterpart ? strategicMerge(counterpart, item, `${where}[${mergeKey}=${item[mergeKey]}]`, builtIn) : item;
  });
  return [...merged, ...base.filter((item) => !named.has(item[mergeKey]))];
}

function applyPatches(docs, k, dir, file) {
  for (const [i, spec] of (k.patches || []).entries()) {
    const where = `${file}: patches[${i}]`;
    checkKeys(spec, PATCH_KEYS, where);
    if ((spec.path === undefined) === (spec.patch === undefined)) fail(`${where}: give either path or patch`);
    let text = spec.patch;
    if (spec.path !== undefined) {
      const patchFile = path.resolve(dir, spec.path);
      if (!insideRoot(dir, patchFile) || !fs.existsSync(patchFile)) fail(`${where}: ${spec.path} is not a file in the kustomization's folder`);
      text = fs.readFileSync(patchFile, 'utf8');
    }
    const content = yaml.load(text);
    if (Array.isArray(content)) {
      if (!spec.target) fail(`${where}: a JSON 6902 patch needs a target`);
      checkKeys(spec.target, TARGET_KEYS, `${where}.target`);
      if (typeof spec.target.kind !== 'string' || !/^[a-z0-9.-]+$/.test(spec.target.name || '')) {
        fail(`${where}.target: kind and a plain name are required`);
      }
      const matches = docs.filter((doc) => matchesTarget(doc, spec.target));
      if (matches.length !== 1) fail(`${where}: the target matches ${matches.length} resources, not one`);
      const doc = matches[0];
      try {
        const patched = jsonpatch.applyPatch(jsonpatch.deepClone(doc), content, true, false).newDocument;
        docs[docs.indexOf(doc)] = patched;
      } catch (e) {
        fail(`${where}: ${e.message.split('\n')[0]}`);
      }
    } else if (isPlainObject(content)) {
      if (spec.target) fail(`${where}: strategic-merge patches with a target are not supported; name the resource in the patch`);
      if (typeof content.apiVersion !== 'string' || typeof content.kind !== 'string'
          || !isPlainObject(content.metadata) || typeof content.metadata.name !== 'string') {
        fail(`${where}: a strategic-merge patch needs apiVersion, kind and metadata.name`);
      }
      const target = { kind: content.kind, name: content.metadata.name, group: groupOf(content.apiVersion) };
      const matches = docs.filter((doc) => matchesTarget(doc, target));
      if (matches.length !== 1) fail(`${where}: ${content.kind} ${content.metadata.name} matches ${matches.length} resources, not one`);
      const builtIn = !groupOf(content.apiVersion).includes('.') || groupOf(content.apiVersion).endsWith('.k8s.io');
      docs[docs.indexOf(matches[0])] = strategicMerge(matches[0], content, `${where} ${content.kind}/${content.metadata.name}`, builtIn);
    } else {
      fail(`${where}: neither a JSON 6902 list nor a strategic-merge patch`);
    }
  }
}

function setNamespace(docs, namespace, file) {
  if (typeof namespace !== 'string' || namespace === '') fail(`${file}: namespace must be a name`);
  for (const doc of docs) {
    const key = kindKey(doc);
    if (CLUSTER_SCOPED.has(key)) {
      if (doc.kind === 'Namespace' && doc.metadata.name !== namespace) {
        fail(`${file}: Namespace ${doc.metadata.name} differs from the kustomization's namespace ${namespace}`);
      }
    } else if (NAMESPACED.has(key)) {
      doc.metadata = { ...doc.metadata, namespace };
    } else {
      fail(`${file}: ${key} is not known to this renderer as namespaced or cluster-scoped; extend NAMESPACED deliberately`);
    }
  }
}

function addLabels(docs, labels, file) {
  if (!Array.isArray(labels)) fail(`${file}: labels must be a list`);
  for (const [i, entry] of labels.entries()) {
    checkKeys(entry, LABEL_KEYS, `${file}: labels[${i}]`);
    if (entry.includeSelectors === true) fail(`${file}: labels[${i}]: includeSelectors: true is not supported (selectors are immutable)`);
    for (const value of Object.values(entry.pairs || {})) {
      if (typeof value !== 'string') fail(`${file}: labels[${i}]: label values must be strings`);
    }
    for (const doc of docs) {
      doc.metadata = { ...doc.metadata, labels: { ...(doc.metadata.labels || {}), ...entry.pairs } };
    }
  }
}

function splitImage(image) {
  const at = image.indexOf('@');
  if (at >= 0) return { name: image.slice(0, at), suffix: image.slice(at) };
  const colon = image.lastIndexOf(':');
  if (colon > image.lastIndexOf('/')) return { name: image.slice(0, colon), suffix: image.slice(colon) };
  return { name: image, suffix: '' };
}

function setImages(docs, images, file) {
  if (!Array.isArray(images)) fail(`${file}: images must be a list`);
  for (const [i, entry] of images.entries()) {
    checkKeys(entry, IMAGE_KEYS, `${file}: images[${i}]`);
    if (typeof entry.name !== 'string') fail(`${file}: images[${i}] needs a name`);
    if (entry.newTag !== undefined && entry.digest !== undefined) fail(`${file}: images[${i}]: give newTag or digest, not both`);
  }
  const visit = (node) => {
    if (Array.isArray(node)) return node.forEach(visit);
    if (!isPlainObject(node)) return undefined;
    for (const [key, value] of Object.entries(node)) {
      if ((key === 'containers' || key === 'initContainers') && Array.isArray(value)) {
        for (const container of value) {
          if (!isPlainObject(container) || typeof container.image !== 'string') continue;
          const { name, suffix } = splitImage(container.image);
          const entry = images.find((candidate) => candidate.name === name);
          if (!entry) continue;
          const tag = entry.digest !== undefined ? `@${entry.digest}` : entry.newTag !== undefined ? `:${entry.newTag}` : suffix;
          container.image = `${entry.newName || name}${tag}`;
        }
      }
      visit(value);
    }
    return undefined;
  };
  visit(docs);
}

/** Renders the kustomization in dir to a list of resources, as `kustomize build dir` would. */
function build(dir, visiting = new Set()) {
  const absolute = path.resolve(dir);
  if (visiting.has(absolute)) fail(`${absolute}: kustomizations include each other in a cycle`);
  visiting.add(absolute);
  const { file, k } = readKustomization(absolute);
  const docs = loadResources(absolute, k, file, visiting).map((doc) => JSON.parse(JSON.stringify(doc)));
  visiting.delete(absolute);
  const seen = new Set();
  for (const doc of docs) {
    if (seen.has(idOf(doc))) fail(`${file}: ${idOf(doc)} is defined twice`);
    seen.add(idOf(doc));
  }
  // kustomize's order: patches, namespace, labels, images.
  applyPatches(docs, k, absolute, file);
  if (k.namespace !== undefined) setNamespace(docs, k.namespace, file);
  if (k.labels !== undefined) addLabels(docs, k.labels, file);
  if (k.images !== undefined) setImages(docs, k.images, file);
  return docs;
}

function toYaml(docs) {
  return docs.map((doc) => yaml.dump(doc, { noRefs: true, lineWidth: -1 })).join('---\n');
}

function parseYaml(text) {
  return yaml.loadAll(text).filter((doc) => doc !== null && doc !== undefined);
}

/** Differences between two renderings of the same kustomization, as readable lines. */
function compareRenders(ours, theirs) {
  const index = (docs) => new Map(docs.map((doc) => [idOf(doc), doc]));
  const a = index(ours);
  const b = index(theirs);
  const differences = [];
  for (const id of a.keys()) if (!b.has(id)) differences.push(`${id}: only in the built-in renderer's output`);
  for (const id of b.keys()) if (!a.has(id)) differences.push(`${id}: only in kustomize's output`);
  for (const [id, doc] of a) {
    if (!b.has(id)) continue;
    const first = firstDifference(doc, b.get(id), '');
    if (first !== null) differences.push(`${id}: differs at ${first || '/'}`);
  }
  return differences;
}

function firstDifference(x, y, where) {
  if (Array.isArray(x) && Array.isArray(y)) {
    if (x.length !== y.length) return `${where} (length ${x.length} vs ${y.length})`;
    for (let i = 0; i < x.length; i += 1) {
      const found = firstDifference(x[i], y[i], `${where}/${i}`);
      if (found !== null) return found;
    }
    return null;
  }
  if (isPlainObject(x) && isPlainObject(y)) {
    for (const key of new Set([...Object.keys(x), ...Object.keys(y)])) {
      const found = firstDifference(x[key], y[key], `${where}/${key}`);
      if (found !== null) return found;
    }
    return null;
  }
  return x === y ? null : where;
}

module.exports = { build, toYaml, parseYaml, compareRenders, RenderError, idOf };
