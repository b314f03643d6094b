// run: node extractors/node_http.js
//
// Prints Node's own status table, http.STATUS_CODES (code -> reason phrase, the phrase
// Node's HTTP server sends in the status line), as a statuscheck table document.
// Node names no constants, so entries carry no names; they follow the object's
// iteration order (ascending code). The version is the running node's.
'use strict';

const http = require('node:http');
const { printTableDocument } = require('./table_document');

const entries = Object.entries(http.STATUS_CODES).map(([code, phrase]) => ({
  code: Number(code),
  phrase,
}));
printTableDocument(`Node.js http.STATUS_CODES ${process.version}`, entries);
