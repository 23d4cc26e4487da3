// Builds dist/ from src/: one bundle per entry with @vercel/ncc, then the grammar's .wasm files
// copied beside them (byte-checked: ncc has been seen to corrupt relocated assets). The CLI's
// bundles are CommonJS (.js; dist/package.json says commonjs): loading an ES module first starts
// Node's ES-module loader, ~8 ms in the main thread and again in every parse thread, a sixth of a
// replayed discovery. The Action stays an ES module (action.mjs): its @actions packages are ESM.
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dist = join(root, 'dist');
const outDir = process.env.FASTEST_BUILD_OUT ? process.env.FASTEST_BUILD_OUT : dist;
const entries = [
  // The executable: replays an unchanged `fastest discover` from its memo, else loads discover.js or main.js.
  { source: 'src/cli/entry.ts', bundle: 'cli.js', commonJs: true },
  { source: 'src/cli/main.ts', bundle: 'main.js', commonJs: true },
  // `fastest discover` alone: half of main.js, loaded by cli.js when the memo can't answer.
  { source: 'src/cli/discover-main.ts', bundle: 'discover.js', commonJs: true },
  // Loaded by src/discovery/parse-pool.ts as a worker thread, beside whichever bundle discovers.
  { source: 'src/discovery/parse-worker.ts', bundle: 'parse-worker.js', commonJs: true },
  // @actions/core, /github and /cache are ES modules only ("exports" has no "require"); ncc's
  // TypeScript loader resolves with the "require" condition and cannot find them. The action is
  // therefore transpiled to ES-module JavaScript first (build/tsc), which ncc resolves with "import".
  { source: 'src/action/main.ts', bundle: 'action.mjs', transpileFirst: true },
];
const wasmFiles = [
  ['web-tree-sitter', 'web-tree-sitter.wasm'],
  ['tree-sitter-python', 'tree-sitter-python.wasm'],
];

// webpack turns `await import("node-builtin")` into an interop call that loses named exports
// (web-tree-sitter's `const { createRequire } = await import("module")` then fails); put the
// native dynamic import back.
function restoreBuiltinImports(code) {
  const externals = new Map();
  for (const m of code.matchAll(
    /\/\*\*\*\/ (\d+):\n\/\*\*\*\/ \(\(module\) => \{\n\nmodule\.exports = __WEBPACK_EXTERNAL_createRequire\(import\.meta\.url\)\("([^"]+)"\);/g,
  )) {
    externals.set(m[1], m[2]);
  }
  return code.replace(
    // The require function is __webpack_require__ in a bundle built from .ts, __nccwpck_require__ from .js.
    /Promise\.resolve\(\/\* import\(\) \*\/\)\.then\((__webpack_require__|__nccwpck_require__)\.t\.bind\(\1, (\d+), 19\)\)/g,
    (whole, _req, id) => (externals.has(id) ? `import(${JSON.stringify(externals.get(id))})` : whole),
  );
}

// CommonJS code inside the ES-module bundle (web-tree-sitter's node build) expects these.
const ESM_SHIM = [
  "import { createRequire as __fastestCreateRequire } from 'node:module';",
  "import { fileURLToPath as __fastestFileURLToPath } from 'node:url';",
  "import { dirname as __fastestDirname } from 'node:path';",
  'const __filename = __fastestFileURLToPath(import.meta.url);',
  'const __dirname = __fastestDirname(__filename);',
  'const require = __fastestCreateRequire(import.meta.url);',
  '',
].join('\n');

/**
 * ncc's ES-module wrapper around a bundle whose modules are already CommonJS, made a CommonJS file:
 * the import line becomes a require, import.meta.url the file's URL, the exports module.exports.
 * Fails on anything else.
 */
function toCommonJs(code, bundle) {
  const header = 'import { createRequire as __WEBPACK_EXTERNAL_createRequire } from "module";\n';
  if (!code.startsWith(header)) throw new Error(`${bundle}: unexpected ncc output (no createRequire import first)`);
  const exportsOf = (list) =>
    list
      .split(',')
      .map((item) => item.trim().split(/\s+as\s+/))
      .filter(([, name]) => name !== '__esModule')
      .map(([local, name]) => `module.exports.${name} = ${local};`)
      .join('\n');
  const converted = [
    "'use strict';",
    "const __WEBPACK_EXTERNAL_createRequire = require('node:module').createRequire;",
    "const __fastestModuleUrl = require('node:url').pathToFileURL(__filename).href;",
    code
      .slice(header.length)
      .replaceAll('import.meta.url', '__fastestModuleUrl')
      .replace(/^export \{([^}]*)\};?$/gm, (_whole, list) => exportsOf(list)),
  ].join('\n');
  if (/^import\s*\{|^import\s+[\w$]+\s+from\s|^export\s|import\.meta/m.test(converted)) {
    throw new Error(`${bundle}: ES-module syntax left after conversion to CommonJS`);
  }
  return converted;
}

function packageFile(pkg, file) {
  const path = join(root, 'node_modules', pkg, file);
  if (!existsSync(path)) throw new Error(`${pkg}/${file} is missing: run npm ci`);
  return path;
}

// Every .ts file under src/ as ES-module .js under build/ (syntax only: `npm run typecheck` checks types).
async function transpileSources() {
  const ts = (await import(packageFile('typescript', 'lib/typescript.js'))).default;
  // A fixed path: module paths end up in the bundle's comments, which must not vary between builds.
  const out = join(root, 'build', 'tsc');
  rmSync(out, { recursive: true, force: true });
  const walk = (dir) => {
    for (const entry of readdirSync(join(root, dir), { withFileTypes: true })) {
      const rel = join(dir, entry.name);
      if (entry.isDirectory()) walk(rel);
      else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts')) {
        const { outputText } = ts.transpileModule(readFileSync(join(root, rel), 'utf8'), {
          fileName: rel,
          compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022, verbatimModuleSyntax: false, isolatedModules: true },
        });
        mkdirSync(dirname(join(out, rel)), { recursive: true });
        writeFileSync(join(out, rel.replace(/\.ts$/, '.js')), outputText);
      }
    }
  };
  walk('src');
  writeFileSync(join(out, 'package.json'), '{"type":"module"}\n');
  return out;
}

mkdirSync(outDir, { recursive: true });
const tmp = join(root, 'build', 'ncc');
let transpiled;
for (const { source, bundle, transpileFirst, commonJs } of entries) {
  if (!existsSync(join(root, source))) continue;
  rmSync(tmp, { recursive: true, force: true });
  let input = source;
  if (transpileFirst) {
    transpiled ??= await transpileSources();
    input = join(transpiled, source.replace(/\.ts$/, '.js'));
  }
  execFileSync(process.execPath, [packageFile('@vercel/ncc', 'dist/ncc/cli.js'), 'build', input, '-o', tmp, '-t', '-q', '--target', 'es2022'], {
    cwd: root,
    stdio: 'inherit',
  });
  const produced = readdirSync(tmp).filter((f) => f.endsWith('.js'));
  if (produced.length !== 1) throw new Error(`expected one bundle for ${source}, got ${produced.join(', ')}`);
  const code = restoreBuiltinImports(readFileSync(join(tmp, 'index.js'), 'utf8')).replace(/^#!.*\n/, '');
  writeFileSync(join(outDir, bundle), `#!/usr/bin/env node\n${commonJs ? toCommonJs(code, bundle) : ESM_SHIM + code}`, { mode: 0o755 });
}
rmSync(tmp, { recursive: true, force: true });
if (transpiled) rmSync(transpiled, { recursive: true, force: true });
for (const [pkg, file] of wasmFiles) {
  const from = packageFile(pkg, file);
  const to = join(outDir, file);
  copyFileSync(from, to);
  if (!readFileSync(from).equals(readFileSync(to))) throw new Error(`copied ${file} differs from its source`);
}
writeFileSync(join(outDir, 'package.json'), '{"type":"commonjs"}\n');
