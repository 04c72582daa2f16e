// Extracts the argument/block/attribute names of every resource and data source of the
// hashicorp/aws provider from the prebuilt CDK bindings in the npm package @cdktn/provider-aws,
// and writes them to ../aws-provider-schema.json (checked in; read by check-terraform.mjs).
//
// Usage (needs the npm registry, ~46 MB download; not part of the test run):
//   cd "$(mktemp -d)" && npm pack @cdktn/provider-aws@25.7.0 && tar xzf cdktn-provider-aws-25.7.0.tgz
//   node /path/to/terraform/test/tools/extract-aws-schema.mjs "$PWD/package" <integrity from npm pack>
//
// Each lib/<name>/index.js of that package holds one resource or data source class:
//   static tfResourceType = "aws_…"                       the Terraform type name
//   synthesizeHclAttributes() { const attrs = { x: { value: …, isBlock: … } } }   its arguments
//   function fooToHclTerraform(struct) { const attrs = {…} }                     nested blocks
//   this.getStringAttribute('arn') …                                             readable attributes
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const [pkgDir, integrity = 'unknown'] = process.argv.slice(2);
if (!pkgDir) {
  console.error('usage: extract-aws-schema.mjs <unpacked package dir> [integrity]');
  process.exit(2);
}
const pkg = JSON.parse(fs.readFileSync(path.join(pkgDir, 'package.json'), 'utf8'));
const libDir = path.join(pkgDir, 'lib');

/** Returns the text of the object literal that starts at `start` (the index of its `{`). */
function objectAt(text, start) {
  let depth = 0;
  for (let i = start; i < text.length; i++) {
    const c = text[i];
    if (c === '{') depth++;
    else if (c === '}') {
      depth--;
      if (depth === 0) return text.slice(start, i + 1);
    } else if (c === '"' || c === "'" || c === '`') {
      const end = text.indexOf(c, i + 1);
      i = end;
    }
  }
  throw new Error('unbalanced object at ' + start);
}

/** Parses `const attrs = { name: { value: EXPR, isBlock: B, … }, … }` following `from`. */
function attrsAfter(text, from) {
  const at = text.indexOf('const attrs = {', from);
  if (at < 0) return null;
  const body = objectAt(text, at + 'const attrs = '.length);
  const out = [];
  const re = /\n {8,16}(\w+): \{\s*value: ([\s\S]*?),\s*isBlock: (true|false),/g;
  let m;
  while ((m = re.exec(body))) {
    const fn = /(\w+)ToHclTerraform,/.exec(m[2]) || /(\w+)ToHclTerraform\(/.exec(m[2]);
    const nested = fn && !fn[1].startsWith('cdktn.') && !/^(string|number|boolean|any)$/.test(fn[1]) ? fn[1] : null;
    out.push({ name: m[1], isBlock: m[3] === 'true', nested });
  }
  return out;
}

function schemaOf(text, fnName, seen = new Set()) {
  const at = text.indexOf(`function ${fnName}ToHclTerraform(struct)`);
  if (at < 0 || seen.has(fnName)) return { a: [], b: {} };
  seen.add(fnName);
  return build(text, attrsAfter(text, at), seen);
}

function build(text, attrs, seen) {
  const node = { a: [], b: {} };
  for (const attr of attrs ?? []) {
    if (attr.nested && attr.isBlock) node.b[attr.name] = schemaOf(text, attr.nested, new Set(seen));
    else node.a.push(attr.name);
  }
  node.a.sort();
  if (Object.keys(node.b).length === 0) delete node.b;
  return node;
}

const resources = {};
const data = {};
let files = 0;
for (const dir of fs.readdirSync(libDir).sort()) {
  const file = path.join(libDir, dir, 'index.js');
  if (!fs.existsSync(file)) continue;
  const text = fs.readFileSync(file, 'utf8');
  const type = /static tfResourceType = "([a-z0-9_]+)"/.exec(text);
  if (!type) continue;
  files++;
  const classAt = text.search(/class \w+ extends cdktn\.(TerraformResource|TerraformDataSource)/);
  const synth = text.indexOf('synthesizeHclAttributes()', classAt);
  const node = build(text, attrsAfter(text, synth), new Set());
  // readable attributes of the resource itself (computed ones too), for references
  const cls = text.slice(classAt, synth);
  const readable = new Set(node.a);
  for (const m of cls.matchAll(/this\.get\w*Attribute\('(\w+)'\)/g)) readable.add(m[1]);
  for (const m of cls.matchAll(/this, "(\w+)"/g)) readable.add(m[1]); // OutputReference(this, "block")
  readable.add('id');
  node.r = [...readable].filter((n) => !node.a.includes(n)).sort();
  const isData = dir.startsWith('data-');
  (isData ? data : resources)[type[1]] = node;
}

const out = {
  provenance: {
    source: `npm ${pkg.name}@${pkg.version}`,
    integrity,
    provider: pkg.cdktn?.provider ?? pkg.cdktf?.provider,
    generatedBy: 'terraform/test/tools/extract-aws-schema.mjs',
    note: 'a: arguments; b: nested blocks; r: further readable (computed) attributes',
  },
  resources,
  data,
};
const target = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'aws-provider-schema.json');
// one type per line, so that a provider upgrade reads as a diff of the types that changed
const lines = (obj) => Object.entries(obj).map(([k, v]) => `    ${JSON.stringify(k)}: ${JSON.stringify(v)}`).join(',\n');
fs.writeFileSync(
  target,
  `{\n  "provenance": ${JSON.stringify(out.provenance)},\n  "resources": {\n${lines(resources)}\n  },\n  "data": {\n${lines(data)}\n  }\n}\n`,
);
console.log(`${files} files: ${Object.keys(resources).length} resources, ${Object.keys(data).length} data sources -> ${target}`);
