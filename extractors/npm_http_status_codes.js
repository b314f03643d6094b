// run: node extractors/npm_http_status_codes.js
//
// Prints the table of the npm package `http-status-codes` as a statuscheck table
// document: names are the members of its StatusCodes enum (NOT_FOUND ...) in definition
// order, each phrase is getReasonPhrase(code) (the package pairs StatusCodes.X with
// ReasonPhrases.X; getReasonPhrase returns that same phrase). Its deprecated top-level
// constants reuse the enum's names and add none. A member whose code an earlier member
// already named is an alias. The version is read from the installed package.json.
'use strict';

const { requireInstalled, printTableDocument } = require('./table_document');

const { StatusCodes, getReasonPhrase } = requireInstalled('http-status-codes');
const { version } = require('http-status-codes/package.json');

// A TypeScript numeric enum maps both ways; its names are the non-numeric keys.
const names = Object.keys(StatusCodes).filter((key) => Number.isNaN(Number(key)));
const seen = new Set();
const entries = names.map((name) => {
  const code = StatusCodes[name];
  const entry = seen.has(code)
    ? { code, name, alias: true }
    : { code, name, phrase: getReasonPhrase(code) };
  seen.add(code);
  return entry;
});
printTableDocument(`npm http-status-codes ${version}`, entries);
