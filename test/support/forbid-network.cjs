// Preloaded with `node -r` by test/protocol/network.test.ts: every way node
// offers to open a network connection or listen for one is replaced by a
// function that reports the attempt on stderr and throws, so a test can run
// the real bundles and prove they never touch the network.
'use strict';
const fs = require('node:fs');

function forbid(owner, name, label) {
  if (!owner || typeof owner[name] !== 'function') return;
  owner[name] = function forbidden() {
    fs.writeSync(2, `COPYDESK NETWORK ATTEMPT: ${label}\n`);
    throw new Error(`network access is forbidden in this test: ${label}`);
  };
}

const net = require('node:net');
for (const name of ['connect', 'createConnection', 'createServer']) forbid(net, name, `net.${name}`);
forbid(net.Socket.prototype, 'connect', 'net.Socket#connect');
forbid(net.Server.prototype, 'listen', 'net.Server#listen');
for (const id of ['http', 'https']) {
  const mod = require(`node:${id}`);
  for (const name of ['request', 'get', 'createServer']) forbid(mod, name, `${id}.${name}`);
}
forbid(require('node:http2'), 'connect', 'http2.connect');
forbid(require('node:http2'), 'createServer', 'http2.createServer');
forbid(require('node:tls'), 'connect', 'tls.connect');
forbid(require('node:dgram'), 'createSocket', 'dgram.createSocket');
const dns = require('node:dns');
for (const name of ['lookup', 'resolve', 'resolve4', 'resolve6', 'resolveAny']) forbid(dns, name, `dns.${name}`);
forbid(dns.promises, 'lookup', 'dns.promises.lookup');
forbid(globalThis, 'fetch', 'fetch');
if (typeof globalThis.WebSocket === 'function') forbid(globalThis, 'WebSocket', 'WebSocket');
