// Shared by the Node extractors (not run on its own): loads an npm package from
// extractors/node_modules, and prints a statuscheck table document (version 1).
'use strict';

// require(name) relative to this folder, or exit 1 with a one-line hint if it is not installed.
function requireInstalled(name) {
  try {
    return require(name);
  } catch (err) {
    if (err.code !== 'MODULE_NOT_FOUND') throw err;
    process.stderr.write(`npm package ${name} is not installed: run extractors/install.sh\n`);
    process.exit(1);
  }
}

// Writes the document to stdout: 2-space indent, one entry per line, trailing newline.
function printTableDocument(implementation, entries) {
  const lines = entries.map((entry) => `    ${JSON.stringify(entry)}`);
  process.stdout.write(
    '{\n' +
      '  "statuscheck_table": 1,\n' +
      `  "implementation": ${JSON.stringify(implementation)},\n` +
      '  "language": "javascript",\n' +
      `  "entries": [\n${lines.join(',\n')}\n  ]\n` +
      '}\n',
  );
}

module.exports = { requireInstalled, printTableDocument };
