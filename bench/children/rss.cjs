// Preloaded with `node --require` when GNU time is missing: the child writes its own resource usage
// (peak RSS, CPU time) to the file named by BENCH_RSS_FILE as it exits, however it exits.
const { writeFileSync } = require('node:fs');

const file = process.env.BENCH_RSS_FILE;
if (file) process.on('exit', () => writeFileSync(file, JSON.stringify(process.resourceUsage())));
