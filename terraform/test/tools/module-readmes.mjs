#!/usr/bin/env node
// Rewrites the "## Inputs" and "## Outputs" tables of every terraform/modules/*/README.md from the
// module's variables.tf and outputs.tf (parsed with the same HCL library as check-terraform.mjs).
// The prose above "## Inputs" is kept.
//   node terraform/test/tools/module-readmes.mjs
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const { parse } = require('@cdktf/hcl2json');
const modules = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'modules');

const bare = (v) => String(v).replace(/^\$\{(.*)\}$/s, '$1');
const cell = (v) => String(v).replace(/\|/g, '\\|').replace(/\n/g, ' ');
function defaultOf(v) {
  if (!('default' in v)) return 'required';
  const d = v.default;
  if (d === null) return '`null`';
  if (typeof d === 'string') return d === '' ? '`""`' : `\`${bare(d)}\``;
  return `\`${JSON.stringify(d)}\``;
}

for (const name of fs.readdirSync(modules).sort()) {
  const dir = path.join(modules, name);
  const readme = path.join(dir, 'README.md');
  if (!fs.existsSync(readme)) continue;
  const vars = (await parse('variables.tf', fs.readFileSync(path.join(dir, 'variables.tf'), 'utf8'))).variable ?? {};
  const outs = (await parse('outputs.tf', fs.readFileSync(path.join(dir, 'outputs.tf'), 'utf8'))).output ?? {};
  const inputs = Object.keys(vars)
    .sort()
    .map((n) => {
      const v = vars[n][0];
      const sensitive = v.sensitive ? ' (sensitive)' : '';
      return `| \`${n}\` | \`${cell(bare(v.type))}\` | ${cell(defaultOf(v))} | ${cell(v.description)}${sensitive} |`;
    });
  const outputs = Object.keys(outs)
    .sort()
    .map((n) => `| \`${n}\` | ${cell(outs[n][0].description)} |`);
  const text = fs.readFileSync(readme, 'utf8');
  const head = text.split('\n## Inputs')[0].trimEnd();
  const body = [
    head,
    '',
    '## Inputs',
    '',
    '| name | type | default | description |',
    '|---|---|---|---|',
    ...inputs,
    '',
    '## Outputs',
    '',
    '| name | description |',
    '|---|---|',
    ...outputs,
    '',
    'The tables are generated from `variables.tf` and `outputs.tf` by `terraform/test/tools/module-readmes.mjs`;',
    '`terraform/test/check-terraform.mjs` checks that every variable is typed and described.',
    '',
  ].join('\n');
  fs.writeFileSync(readme, body);
}
