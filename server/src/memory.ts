import { setFlagsFromString } from 'node:v8';

// The server lives as long as the editor and its work comes in bursts (indexing the workspace, a scan): with
// V8's default heuristics the heap grows to hold each burst's garbage — the syntax trees of every module the
// index parsed — and the process keeps those pages for the rest of the session (typeorm's package: 178 MB
// resident after indexing, 38 MB of it live). Optimising for size collects sooner and gives pages back:
// 131 MB there, at the cost of CPU while it is on (bench/README.md, "Language server"). Set before the rest
// of the server is loaded; V8 reads the flag as it goes, so `sizeOptimised` (bursts.ts) switches it off once
// the first indexing is done: keystrokes run without it, and each later burst runs with it again.
setFlagsFromString('--optimize-for-size');
