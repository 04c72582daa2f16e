#!/usr/bin/env node
// Offline consistency check of the Terraform code under terraform/ (no terraform binary, no provider).
//
//   node terraform/test/check-terraform.mjs [--root DIR] [--schema FILE]
//
// Every directory below the root that holds *.tf files is one configuration (a module or an
// environment; test/ and .terraform/ are skipped). Each is parsed with a real HCL parser
// (@cdktf/hcl2json, the HCL library compiled to WASM) and checked for:
//   - var.X declared as a variable; local.X declared in a locals block;
//   - every module: its source path exists, every argument is a variable of that module, every
//     variable without a default is passed, and every module.M.O it is read through is an output of it;
//   - every resource and data source type is a type of the hashicorp/aws provider (schema extracted from
//     the provider's prebuilt bindings, see aws-provider-schema.json's provenance), every argument and
//     nested block (also inside dynamic blocks) exists in that type, and every reference
//     aws_T.N.attr / data.aws_T.N.attr names a declared resource and an attribute the type has;
//   - variables typed and described, outputs described, the required files of a module/environment,
//     an S3 backend with locking in each environment, aws provider version >= the minimum for the types used;
//   - terraform.tfvars only sets declared variables;
//   - no unused declarations (tflint's terraform_unused_declarations, part of its recommended preset that
//     CI runs): every variable, data source and local is referenced somewhere in its configuration;
//   - no AdministratorAccess anywhere (deploy roles are scoped; see terraform/README.md);
//   - the indentation and `=` alignment that `terraform fmt -check` (run in CI) would change.
// Prints one line per problem and exits 1 if there is any, 0 otherwise.
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const { parse } = require('@cdktf/hcl2json');

const here = path.dirname(fileURLToPath(import.meta.url));
const args = process.argv.slice(2);
const opt = (name, fallback) => {
  const i = args.indexOf(name);
  return i >= 0 ? path.resolve(args[i + 1]) : fallback;
};
const root = opt('--root', path.resolve(here, '..'));
const schema = JSON.parse(fs.readFileSync(opt('--schema', path.join(here, 'aws-provider-schema.json')), 'utf8'));

/** Resource types that need a newer provider than 6.0; the aws constraint's lower bound must reach it. */
const MIN_PROVIDER = { aws_ecs_express_gateway_service: '6.23.0' };
const META_ARGS = new Set(['count', 'for_each', 'provider', 'depends_on', 'lifecycle', 'provisioner', 'connection']);
const MODULE_META = new Set(['source', 'version', 'providers', 'count', 'for_each', 'depends_on']);
const BUILTIN_TYPES = new Set(['terraform_data']);

const problems = [];
const rel = (p) => path.relative(process.cwd(), p) || '.';
const report = (where, message) => problems.push(`${rel(where)}: ${message}`);

/** Yields every string inside a parsed HCL value (hcl2json renders expressions as "${…}" strings). */
function* strings(value) {
  if (typeof value === 'string') yield value;
  else if (Array.isArray(value)) for (const v of value) yield* strings(v);
  else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      yield k; // object keys can be expressions too, e.g. { (var.x) = 1 }
      yield* strings(v);
    }
  }
}

/** The expression parts of a template string: the text inside ${ … } and %{ … }, nesting aware. */
function expressions(text) {
  const out = [];
  for (let i = 0; i < text.length - 1; i++) {
    if ((text[i] === '$' || text[i] === '%') && text[i + 1] === '{' && text[i - 1] !== text[i]) {
      let depth = 0;
      let j = i + 1;
      for (; j < text.length; j++) {
        if (text[j] === '{') depth++;
        else if (text[j] === '}' && --depth === 0) break;
      }
      out.push(text.slice(i + 2, j));
      i = j;
    }
  }
  return out;
}

/** Removes quoted string literals from an expression so that their text is not taken for references. */
const unquote = (expr) => expr.replace(/"(?:[^"\\]|\\.)*"/g, '""');

function exprsOf(value) {
  const out = [];
  for (const s of strings(value)) for (const e of expressions(s)) out.push(unquote(e));
  return out;
}

/** Like exprsOf, but also the interpolations of template strings nested inside expressions ("a-${x}"). */
function deepExprsOf(value) {
  const out = [];
  const walk = (text) => {
    for (const e of expressions(text)) {
      out.push(unquote(e));
      for (const m of e.matchAll(/"((?:[^"\\]|\\.)*)"/g)) walk(m[1]);
    }
  };
  for (const s of strings(value)) walk(s);
  return out;
}

async function parseFile(file) {
  try {
    return await parse(path.basename(file), fs.readFileSync(file, 'utf8'));
  } catch (e) {
    report(file, `HCL parse error: ${String(e.message ?? e).split('\n')[0]}`);
    return {};
  }
}


/**
 * The part of `terraform fmt` that hand-written HCL most often gets wrong, so that CI's
 * `terraform fmt -check` does not fail on it: two-space indentation by bracket depth, no tabs or
 * trailing spaces, and the `=` of consecutive one-line attributes aligned one space after the
 * longest name (hclwrite's rule: a line whose value opens a bracket, a blank line, a comment or a
 * block line ends the group).
 */
function checkFormat(file) {
  const text = fs.readFileSync(file, 'utf8');
  const lines = text.split('\n');
  if (!text.endsWith('\n') || text.endsWith('\n\n')) report(file, 'fmt: file must end with exactly one newline');
  const indents = [];
  let chain = [];
  const closeChain = () => {
    if (chain.length > 0) {
      const want = Math.max(...chain.map((c) => c.lead.length)) + 1;
      for (const c of chain) {
        if (c.eq !== want) report(file, `fmt: line ${c.n}: "=" at column ${c.eq + 1}, terraform fmt puts it at ${want + 1}`);
      }
    }
    chain = [];
  };
  let inHeredoc = null;
  lines.forEach((line, i) => {
    const n = i + 1;
    if (inHeredoc) {
      if (line.trim() === inHeredoc) inHeredoc = null;
      closeChain();
      return;
    }
    if (/\t/.test(line)) report(file, `fmt: line ${n}: tab`);
    if (/\s+$/.test(line)) report(file, `fmt: line ${n}: trailing whitespace`);
    // tokens outside strings and comments
    let code = '';
    const stack = []; // 'str' or an interpolation's brace depth (a number)
    for (let j = 0; j < line.length; j++) {
      const c = line[j];
      const top = stack[stack.length - 1];
      if (top === 'str') {
        if (c === '\\') {
          j++;
          code += 'ss';
        } else if (c === '"') {
          stack.pop();
          code += stack.length === 0 ? '"' : 's';
        } else if ((c === '$' || c === '%') && line[j + 1] === '{') {
          stack.push(0);
          j++;
          code += 'ss';
        } else code += 's';
        continue;
      }
      if (typeof top === 'number') {
        if (c === '"') stack.push('str');
        else if (c === '{') stack[stack.length - 1]++;
        else if (c === '}') {
          if (top === 0) stack.pop();
          else stack[stack.length - 1]--;
        }
        code += 's';
        continue;
      }
      if (c === '"') {
        stack.push('str');
        code += '"';
        continue;
      }
      if (c === '#' || (c === '/' && line[j + 1] === '/')) break;
      code += c;
    }
    const heredoc = /<<-?([A-Z_]+)\s*$/.exec(code);
    const trimmed = code.trim();
    const opens = (code.match(/[{[(]/g) ?? []).length;
    const closes = (code.match(/[}\])]/g) ?? []).length;
    // hclwrite's formatIndent: a line with more openers pushes one level (remembering how many),
    // a line with more closers pops levels until that many openers are closed, then is indented
    const net = opens - closes;
    if (net < 0) {
      let closed = -net;
      while (closed > 0 && indents.length > 0) {
        const top = indents[indents.length - 1];
        if (closed >= top) {
          closed -= top;
          indents.pop();
        } else {
          indents[indents.length - 1] -= closed;
          closed = 0;
        }
      }
    }
    if (line.trim() !== '') {
      const want = 2 * indents.length;
      const have = line.length - line.trimStart().length;
      if (have !== want) report(file, `fmt: line ${n}: indented ${have}, terraform fmt indents ${want}`);
    }
    if (net > 0) indents.push(net);
    const eq = /^(\s*[\w"().\[\]*-]+(?:\s+[\w"-]+)*?)\s*=(?![=>])/.exec(code);
    const isAssign = eq && trimmed.indexOf('=') > 0 && opens === closes && !/^(for|if)\b/.test(trimmed);
    if (isAssign) {
      chain.push({ n, lead: code.slice(0, code.indexOf('=')).trimEnd(), eq: code.indexOf('=') });
    } else {
      closeChain();
    }
    if (heredoc) inHeredoc = heredoc[1];
  });
  closeChain();
}

const configs = new Map(); // dir -> parsed configuration

function tfDirs(dir, acc = []) {
  const entries = fs.readdirSync(dir, { withFileTypes: true });
  if (entries.some((e) => e.isFile() && e.name.endsWith('.tf'))) acc.push(dir);
  for (const e of entries) {
    if (!e.isDirectory() || e.name.startsWith('.') || e.name === 'node_modules') continue;
    if (dir === root && e.name === 'test') continue;
    tfDirs(path.join(dir, e.name), acc);
  }
  return acc;
}

async function load(dir) {
  if (configs.has(dir)) return configs.get(dir);
  const cfg = {
    dir,
    files: {},
    variables: {},
    outputs: {},
    locals: new Set(),
    modules: {},
    resources: {},
    data: {},
    terraform: [],
    providers: {},
  };
  configs.set(dir, cfg);
  for (const name of fs.readdirSync(dir).filter((n) => n.endsWith('.tf') || n.endsWith('.tfvars')).sort()) {
    const file = path.join(dir, name);
    checkFormat(file);
    checkNoAdministratorAccess(file);
    if (name.endsWith('.tfvars')) continue;
    const doc = await parseFile(file);
    cfg.files[name] = doc;
    for (const [n, blocks] of Object.entries(doc.variable ?? {})) cfg.variables[n] = { ...blocks[0], file };
    for (const [n, blocks] of Object.entries(doc.output ?? {})) cfg.outputs[n] = { ...blocks[0], file };
    for (const block of doc.locals ?? []) for (const n of Object.keys(block)) cfg.locals.add(n);
    for (const [n, blocks] of Object.entries(doc.module ?? {})) cfg.modules[n] = { ...blocks[0], file };
    for (const [kind, key] of [
      ['resource', 'resources'],
      ['data', 'data'],
    ]) {
      for (const [type, named] of Object.entries(doc[kind] ?? {})) {
        for (const [n, blocks] of Object.entries(named)) cfg[key][`${type}.${n}`] = { type, name: n, body: blocks[0], file };
      }
    }
    for (const block of doc.terraform ?? []) cfg.terraform.push({ block, file });
    for (const [n, blocks] of Object.entries(doc.provider ?? {})) {
      for (const b of blocks) cfg.providers[b.alias ? `${n}.${b.alias}` : n] = { ...b, file };
    }
  }
  return cfg;
}

/** Checks one block body against a schema node { a: [...], b: {...} }. */
function checkBody(where, label, body, node, top) {
  if (!body || typeof body !== 'object' || Array.isArray(body)) return;
  const attrs = new Set(node.a ?? []);
  const blocks = node.b ?? {};
  for (const [key, value] of Object.entries(body)) {
    if (top && META_ARGS.has(key)) continue;
    if (key === 'dynamic') {
      for (const [dname, dblocks] of Object.entries(value)) {
        if (!blocks[dname]) {
          report(where, `${label}: dynamic "${dname}" is not a block of this type`);
          continue;
        }
        for (const d of dblocks) for (const c of d.content ?? []) checkBody(where, `${label}.${dname}`, c, blocks[dname], false);
      }
      continue;
    }
    if (blocks[key]) {
      const list = Array.isArray(value) ? value : [value];
      for (const item of list) checkBody(where, `${label}.${key}`, item, blocks[key], false);
    } else if (!attrs.has(key)) {
      report(where, `${label}: "${key}" is not an argument or block of this type`);
    }
  }
}

function versionAtLeast(a, b) {
  const pa = a.split('.').map(Number);
  const pb = b.split('.').map(Number);
  for (let i = 0; i < 3; i++) {
    if ((pa[i] ?? 0) !== (pb[i] ?? 0)) return (pa[i] ?? 0) > (pb[i] ?? 0);
  }
  return true;
}

/** Lower bound of a constraint such as ">= 6.23.0, < 7.0" or "~> 6.23". */
function lowerBound(constraint) {
  const m = /(?:>=|~>|=)\s*(\d+(?:\.\d+){0,2})/.exec(constraint ?? '');
  return m ? m[1] : null;
}

function requiredAws(cfg) {
  for (const { block } of cfg.terraform) {
    for (const rp of block.required_providers ?? []) if (rp.aws) return rp.aws;
  }
  return null;
}

/** All resource types used by a configuration and the modules it calls, transitively. */
function typesUsed(cfg, seen = new Set()) {
  if (seen.has(cfg.dir)) return new Set();
  seen.add(cfg.dir);
  const out = new Set([...Object.values(cfg.resources)].map((r) => r.type));
  for (const m of Object.values(cfg.modules)) {
    const dir = path.resolve(cfg.dir, m.source ?? '');
    if (configs.has(dir)) for (const t of typesUsed(configs.get(dir), seen)) out.add(t);
  }
  return out;
}

/** A provider configuration name (aws or aws.ALIAS) that a configuration can use. */
function providerKnown(cfg, p) {
  if (cfg.providers[p]) return true;
  const [local, alias] = p.split('.');
  if (!alias) return true; // the default configuration of a provider always exists (possibly inherited)
  return cfg.terraform.some(({ block }) =>
    (block.required_providers ?? []).some((rp) => (rp[local]?.configuration_aliases ?? []).some((a) => a.replace(/^\$\{|\}$/g, '') === p)),
  );
}

/**
 * tflint's terraform_unused_declarations: a variable, data source or local that nothing in the
 * configuration reads. A variable's own validation block does not count as a use.
 */
function checkUnused(cfg) {
  const used = { var: new Set(), local: new Set(), data: new Set() };
  for (const doc of Object.values(cfg.files)) {
    const { variable, ...rest } = doc;
    for (const expr of deepExprsOf(rest)) {
      for (const m of expr.matchAll(/(?<![\w.])var\.([A-Za-z_][\w-]*)/g)) used.var.add(m[1]);
      for (const m of expr.matchAll(/(?<![\w.])local\.([A-Za-z_][\w-]*)/g)) used.local.add(m[1]);
      for (const m of expr.matchAll(/(?<![\w.])data\.([a-z0-9_]+)\.([A-Za-z_][\w-]*)/g)) used.data.add(`${m[1]}.${m[2]}`);
    }
    // cross-variable validation (Terraform >= 1.9) reads other variables: that is a use of those
    for (const [name, blocks] of Object.entries(variable ?? {})) {
      for (const expr of deepExprsOf(blocks)) {
        for (const m of expr.matchAll(/(?<![\w.])var\.([A-Za-z_][\w-]*)/g)) if (m[1] !== name) used.var.add(m[1]);
      }
    }
  }
  for (const [n, v] of Object.entries(cfg.variables)) {
    if (!used.var.has(n)) report(v.file, `variable "${n}" is declared but not used`);
  }
  for (const [key, d] of Object.entries(cfg.data)) {
    if (!used.data.has(key)) report(d.file, `data "${d.type}" "${d.name}" is declared but not used`);
  }
  for (const [name, doc] of Object.entries(cfg.files)) {
    for (const block of doc.locals ?? []) {
      for (const n of Object.keys(block)) if (!used.local.has(n)) report(path.join(cfg.dir, name), `local.${n} is declared but not used`);
    }
  }
}

/** AdministratorAccess (or any AWS managed admin policy) in Terraform code: the deploy roles are scoped instead. */
function checkNoAdministratorAccess(file) {
  const lines = fs.readFileSync(file, 'utf8').split('\n');
  lines.forEach((line, i) => {
    if (/AdministratorAccess/.test(line)) report(file, `line ${i + 1}: AdministratorAccess (give the role a scoped policy instead)`);
  });
}

function checkConfig(cfg) {
  const { dir } = cfg;
  checkUnused(cfg);
  const isModule = path.basename(path.dirname(dir)) === 'modules';
  const isEnv = path.basename(path.dirname(dir)) === 'environments';

  // layout: the files of a terraform-aws-modules style module / environment
  const required = ['main.tf', 'variables.tf', 'outputs.tf', 'versions.tf'];
  if (isModule) required.push('README.md');
  if (isEnv) required.push('terraform.tfvars');
  if (isModule || isEnv) {
    for (const f of required) if (!fs.existsSync(path.join(dir, f))) report(dir, `missing ${f}`);
  }

  for (const [n, v] of Object.entries(cfg.variables)) {
    if (!v.type) report(v.file, `variable "${n}" has no type`);
    if (!v.description) report(v.file, `variable "${n}" has no description`);
  }
  for (const [n, o] of Object.entries(cfg.outputs)) if (!o.description) report(o.file, `output "${n}" has no description`);
  if (isModule && cfg.variables.tags === undefined && Object.keys(cfg.resources).length > 0) {
    report(dir, 'module has resources but no "tags" variable');
  }

  // references: var., local., module., resources and data sources
  for (const [name, doc] of Object.entries(cfg.files)) {
    const file = path.join(dir, name);
    for (const expr of deepExprsOf(doc)) {
      for (const m of expr.matchAll(/(?<![\w.])var\.([A-Za-z_][\w-]*)/g)) {
        if (!cfg.variables[m[1]]) report(file, `var.${m[1]} is not declared`);
      }
      for (const m of expr.matchAll(/(?<![\w.])local\.([A-Za-z_][\w-]*)/g)) {
        if (!cfg.locals.has(m[1])) report(file, `local.${m[1]} is not declared`);
      }
      for (const m of expr.matchAll(/(?<![\w.])module\.([A-Za-z_][\w-]*)(?:\[[^\]]*\])?(?:\.([A-Za-z_][\w-]*))?/g)) {
        const mod = cfg.modules[m[1]];
        if (!mod) {
          report(file, `module.${m[1]} is not declared`);
          continue;
        }
        const target = configs.get(path.resolve(dir, mod.source ?? ''));
        if (m[2] && target && !target.outputs[m[2]]) report(file, `module.${m[1]}.${m[2]}: no output "${m[2]}" in ${mod.source}`);
      }
      const refRe = /(?<![\w.])(data\.)?((?:aws|terraform)_[a-z0-9_]+)\.([A-Za-z_][\w-]*)(?:\[[^\]]*\]|\.\*)?(?:\.([a-z_][a-z0-9_]*))?/g;
      for (const m of expr.matchAll(refRe)) {
        const [, isData, type, rname, attr] = m;
        const key = `${type}.${rname}`;
        const decl = isData ? cfg.data[key] : cfg.resources[key];
        if (!decl) {
          report(file, `${isData ?? ''}${key} is not declared in this configuration`);
          continue;
        }
        const node = (isData ? schema.data : schema.resources)[type];
        if (attr && node) {
          const known = new Set([...(node.a ?? []), ...Object.keys(node.b ?? {}), ...(node.r ?? [])]);
          if (!known.has(attr)) report(file, `${isData ?? ''}${key}.${attr}: "${attr}" is not an attribute of ${type}`);
        }
      }
    }
  }

  // resource and data source types and their arguments
  for (const [kind, table, entries] of [
    ['resource', schema.resources, cfg.resources],
    ['data', schema.data, cfg.data],
  ]) {
    for (const r of Object.values(entries)) {
      const label = `${kind === 'data' ? 'data.' : ''}${r.type}.${r.name}`;
      if (kind === 'resource' && BUILTIN_TYPES.has(r.type)) continue;
      const node = table[r.type];
      if (!node) {
        report(r.file, `${label}: "${r.type}" is not a ${kind === 'data' ? 'data source' : 'resource'} type of hashicorp/aws`);
        continue;
      }
      checkBody(r.file, label, r.body, node, true);
      const alias = r.body.provider;
      if (typeof alias === 'string') {
        const p = alias.replace(/^\$\{|\}$/g, '');
        if (!providerKnown(cfg, p)) report(r.file, `${label}: provider ${p} is neither configured nor a configuration_alias`);
      }
    }
  }

  // module calls
  for (const [n, mod] of Object.entries(cfg.modules)) {
    const src = mod.source;
    if (typeof src !== 'string' || !src.startsWith('.')) {
      report(mod.file, `module "${n}": source "${src}" is not a local path (only local modules are used here)`);
      continue;
    }
    const target = configs.get(path.resolve(dir, src));
    if (!target) {
      report(mod.file, `module "${n}": source "${src}" does not exist or holds no .tf files`);
      continue;
    }
    for (const key of Object.keys(mod)) {
      if (key === 'file' || MODULE_META.has(key)) continue;
      if (!target.variables[key]) report(mod.file, `module "${n}": "${key}" is not a variable of ${src}`);
    }
    for (const [v, decl] of Object.entries(target.variables)) {
      if (!('default' in decl) && !(v in mod)) report(mod.file, `module "${n}": required variable "${v}" of ${src} is not set`);
    }
    for (const p of [mod.providers ?? {}].flat()) {
      for (const [inner, outer] of Object.entries(p)) {
        const o = String(outer).replace(/^\$\{|\}$/g, '');
        if (!providerKnown(cfg, o)) report(mod.file, `module "${n}": provider ${o} passed as ${inner} is not configured here`);
        const innerName = inner.replace(/^\$\{|\}$/g, '');
        if (innerName.includes('.') && !providerKnown(target, innerName)) {
          report(mod.file, `module "${n}": ${src} declares no configuration_alias ${innerName}`);
        }
      }
    }
  }

  // provider version: lower bound high enough for the types used
  const aws = requiredAws(cfg);
  const used = typesUsed(cfg);
  if ([...used].some((t) => t.startsWith('aws_'))) {
    if (!aws) report(dir, 'no required_providers entry for aws');
    else {
      const low = lowerBound(aws.version);
      if (!low) report(dir, `aws provider version "${aws.version}" has no lower bound`);
      else {
        for (const t of used) {
          if (MIN_PROVIDER[t] && !versionAtLeast(low, MIN_PROVIDER[t])) {
            report(dir, `${t} needs hashicorp/aws >= ${MIN_PROVIDER[t]}, constraint allows ${low}`);
          }
        }
      }
    }
  }

  if (isEnv) {
    const backend = cfg.terraform.flatMap(({ block }) => block.backend ?? []).map((b) => b.s3).find(Boolean);
    const s3 = backend?.[0];
    if (!s3) report(dir, 'no backend "s3" (remote state)');
    else if (!s3.use_lockfile && !s3.dynamodb_table) report(dir, 'backend "s3" has no locking (use_lockfile or dynamodb_table)');
  }
}

async function checkTfvars(cfg) {
  const file = path.join(cfg.dir, 'terraform.tfvars');
  if (!fs.existsSync(file)) return;
  const doc = await parseFile(file);
  for (const key of Object.keys(doc)) if (!cfg.variables[key]) report(file, `sets "${key}", which is not a declared variable`);
}

const dirs = tfDirs(root);
for (const d of dirs) await load(d);
// module sources outside the scanned dirs (e.g. a typo'd path) are reported, not loaded
for (const cfg of [...configs.values()]) checkConfig(cfg);
for (const cfg of [...configs.values()]) await checkTfvars(cfg);

const resources = [...configs.values()].reduce((n, c) => n + Object.keys(c.resources).length + Object.keys(c.data).length, 0);
for (const p of problems) console.log(p);
console.log(
  `check-terraform: ${dirs.length} configurations, ${resources} resources/data sources, ${problems.length} problem(s)` +
    ` [schema: ${schema.provenance.source}, ${schema.provenance.provider.name} ${schema.provenance.provider.version}]`,
);
process.exit(problems.length ? 1 : 0);
