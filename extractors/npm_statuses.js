// run: node extractors/npm_statuses.js
//
// Prints the table of the npm package `statuses` (used by Express, Koa and
// http-errors), its statuses.message map (code -> message), as a statuscheck table
// document. It names no constants, so entries carry no names; they follow the map's
// iteration order (ascending code). The version is read from the installed package.json.
'use strict';

const { requireInstalled, printTableDocument } = require('./table_document');

const statuses = requireInstalled('statuses');
const { version } = require('statuses/package.json');

const entries = Object.entries(statuses.message).map(([code, phrase]) => ({
  code: Number(code),
  phrase,
}));
printTableDocument(`npm statuses ${version}`, entries);
