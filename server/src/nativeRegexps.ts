// Imported first by the server and the CLI. V8 runs a regular expression in
// its bytecode interpreter until it "tiers up" to native code, and a garbage
// collection may drop that native code again. Typing makes many collections, so
// after a burst of keystrokes the slow phase met the attribution and rule
// patterns (alternations of hundreds of verbs) back in the interpreter: one
// paragraph took 120 ms, a rule 170 ms, and a hover waited behind them.
// Compiling each pattern to native code from its first use costs a few
// milliseconds once; every later match runs at full speed.
//
// The flag is process-wide, and V8 may crash if it changes while another
// JavaScript thread runs. So it is set here only by the main thread of a
// process started without preloaded modules (--require, --import, a loader: tsx,
// which the tests use to run the sources, starts a thread of its own). The VS
// Code client passes it on the server's command line instead, and workers
// started later share it.

import { setFlagsFromString } from 'node:v8';
import { isMainThread } from 'node:worker_threads';

const preloads = /(?:^|\s)(?:--require|-r|--import|--loader|--experimental-loader)\b/;

if (
  isMainThread &&
  !preloads.test(process.execArgv.join(' ')) &&
  !preloads.test(process.env.NODE_OPTIONS ?? '') &&
  !process.execArgv.includes('--no-regexp-tier-up')
) {
  setFlagsFromString('--no-regexp-tier-up');
}
