// Imported first by the server and the CLI. V8 runs a regular expression in
// its bytecode interpreter until it "tiers up" to native code, and a garbage
// collection may drop that native code again. Typing makes many collections, so
// after a burst of keystrokes the slow phase met the attribution and rule
// patterns (alternations of hundreds of verbs) back in the interpreter: one
// paragraph took 120 ms, a rule 170 ms, and a hover waited behind them.
// Compiling each pattern to native code from its first use costs a few
// milliseconds once; every later match runs at full speed.
//
// The flag is process-wide and V8 may crash if it changes while a second
// JavaScript thread runs: it is set only by the main thread, and not under a
// module loader (tsx, which the tests use to run the sources, runs its hooks
// on a thread of their own). Workers started later share it.

import { setFlagsFromString } from 'node:v8';
import { isMainThread } from 'node:worker_threads';

if (isMainThread && !process.execArgv.some((arg) => /^--(?:import|loader|experimental-loader)\b/.test(arg))) setFlagsFromString('--no-regexp-tier-up');
