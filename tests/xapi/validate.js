#!/usr/bin/env node
// Validates xAPI statements with Learning Locker's independent validator
// (@learninglocker/xapi-validation), plus the cmi5 pattern dermasim promises:
// per registration, initialized first, terminated last, one of passed/failed
// before completed. An instructor's override voids that verdict (xAPI's voided
// verb, object a StatementRef) and adds a new one, marked by the override
// extension; the statements left standing must still give one verdict. Usage:
//   node validate.js FILE.json...   each a statement or an array of them
//   node validate.js --self-check   proves the validator rejects a broken statement
// Exits 1 and prints every problem when anything is invalid.
'use strict';
const fs = require('fs');
const path = require('path');
const validate = require('@learninglocker/xapi-validation').default;

const CMI5 = 'https://w3id.org/xapi/cmi5/context/categories/cmi5';
const VERB = (v) => 'http://adlnet.gov/expapi/verbs/' + v;

const isVoiding = (s) => ((s.verb || {}).id === VERB('voided'));
const verbName = (s) => ((s.verb || {}).id || '').replace(VERB(''), '');
const isVerdict = (s) => ['passed', 'failed'].includes(verbName(s));
// Proficiency reached (issue 15): a "cmi5 allowed" statement, outside any
// attempt's session, so without the cmi5 category and in its own registration.
const isMastered = (s) => ((s.verb || {}).id === VERB('mastered'));
// A visit of a treatment course (issue 14): a "cmi5 allowed" statement in
// the course's registration, verb scored, its own score and success; the one
// verdict of the registration stays the course's.
const isVisit = (s) => ((s.verb || {}).id === VERB('scored')) &&
  Object.keys(((s.context || {}).extensions) || {}).some((k) => k.endsWith('/xapi/extensions/visit'));
const isOverride = (s) =>
  Object.keys((s.result || {}).extensions || {}).some((k) => k.endsWith('/xapi/extensions/override'));

function problemsOf(statement) {
  const problems = validate(statement).map(
    (w) => `${w.path.join('.')}: ${w.name}${w.typeName ? ' (expected ' + w.typeName + ')' : ''}` +
           ` got ${JSON.stringify(w.data)}`);
  // The validator checks xAPI; these are the cmi5 parts it does not know.
  const ctx = statement.context || {};
  if (!statement.id) problems.push('id: missing (dermasim always PUTs with an id)');
  if (isVoiding(statement)) {
    if ((statement.object || {}).objectType !== 'StatementRef') problems.push('object: a voiding statement must point at a StatementRef');
    return problems;
  }
  if (!ctx.registration) problems.push('context.registration: missing');
  if (isMastered(statement)) {
    const cats = ((ctx.contextActivities || {}).category || []).map((a) => a.id);
    if (cats.includes(CMI5)) problems.push('context.contextActivities.category: a cmi5 allowed statement must not claim the cmi5 category');
    if ((statement.result || {}).success !== true) problems.push('result.success: mastered must be true');
    const ext = Object.keys((statement.result || {}).extensions || {});
    if (!ext.some((k) => k.endsWith('/xapi/extensions/benchmark'))) problems.push('result.extensions: no benchmark extension');
    if ((ctx.statement || {}).objectType !== 'StatementRef') problems.push('context.statement: must point at the attempt');
    return problems;
  }
  if (isVisit(statement)) {
    const cats = ((ctx.contextActivities || {}).category || []).map((a) => a.id);
    if (cats.includes(CMI5)) problems.push('context.contextActivities.category: a cmi5 allowed statement must not claim the cmi5 category');
    const scaled = ((statement.result || {}).score || {}).scaled;
    if (typeof scaled !== 'number' || scaled < 0 || scaled > 1) problems.push('result.score.scaled: missing or out of 0..1');
    if (typeof (statement.result || {}).success !== 'boolean') problems.push('result.success: a visit says whether it passed');
    if (!((ctx.contextActivities || {}).parent || []).length) problems.push('context.contextActivities.parent: a visit names its course');
    return problems;
  }
  const cats = ((ctx.contextActivities || {}).category || []).map((a) => a.id);
  if (!cats.includes(CMI5)) problems.push('context.contextActivities.category: no cmi5 category');
  const verb = (statement.verb || {}).id;
  const result = statement.result || {};
  if (verb === VERB('passed') || verb === VERB('failed')) {
    const scaled = (result.score || {}).scaled;
    if (typeof scaled !== 'number' || scaled < 0 || scaled > 1) problems.push('result.score.scaled: missing or out of 0..1');
    if (result.success !== (verb === VERB('passed'))) problems.push('result.success: does not match the verb');
    if (!result.duration) problems.push('result.duration: missing');
    if (!result.extensions || Object.keys(result.extensions).length === 0) problems.push('result.extensions: missing');
  }
  if (verb === VERB('completed') && result.completion !== true) problems.push('result.completion: must be true');
  return problems;
}

function patternProblems(statements) {
  const problems = [];
  const byId = new Map(statements.map((s) => [s.id, s]));
  const voided = new Set();
  for (const s of statements.filter(isVoiding)) {
    const target = byId.get((s.object || {}).id);
    if (!target) problems.push(`voiding statement ${s.id}: voids ${(s.object || {}).id}, which is not among the statements`);
    else if (!isVerdict(target)) problems.push(`voiding statement ${s.id}: voids a ${verbName(target)} statement, not a verdict`);
    voided.add((s.object || {}).id);
  }
  const byRegistration = new Map();
  for (const s of statements) {
    if (isVoiding(s) || isMastered(s) || isVisit(s)) continue;
    const r = (s.context || {}).registration;
    if (!byRegistration.has(r)) byRegistration.set(r, []);
    byRegistration.get(r).push(s);
  }
  for (const [r, all] of byRegistration) {
    const standing = all.filter((s) => !voided.has(s.id));
    const verbs = all.filter((s) => !isOverride(s)).map(verbName).join(',');
    const ok = verbs === 'initialized,terminated' || /^initialized,(passed|failed),completed,terminated$/.test(verbs);
    if (!ok) problems.push(`registration ${r}: verbs ${verbs} do not follow cmi5's pattern`);
    const verdicts = standing.filter(isVerdict).length;
    const expected = verbs.includes('completed') || all.some(isOverride) ? 1 : 0;
    if (verdicts !== expected)
      problems.push(`registration ${r}: ${verdicts} verdict(s) left standing after voiding, expected ${expected}`);
  }
  return problems;
}

function checkStatements(statements, label) {
  const problems = [];
  const ids = new Set();
  statements.forEach((s, i) => {
    for (const p of problemsOf(s)) problems.push(`${label}[${i}] ${p}`);
    if (s.id && ids.has(s.id)) problems.push(`${label}[${i}] id ${s.id} is used twice`);
    ids.add(s.id);
  });
  for (const p of patternProblems(statements)) problems.push(`${label}: ${p}`);
  return problems;
}

function selfCheck() {
  const good = JSON.parse(fs.readFileSync(path.join(__dirname, 'known_good_statement.json'), 'utf8'));
  const broken = JSON.parse(fs.readFileSync(path.join(__dirname, 'broken_statement.json'), 'utf8'));
  const goodProblems = validate(good);
  const brokenProblems = validate(broken);
  if (goodProblems.length !== 0) {
    console.error('self-check: the validator rejects a known good statement:', goodProblems.map((w) => w.path.join('.')));
    return 1;
  }
  if (brokenProblems.length === 0) {
    console.error('self-check: the validator ACCEPTED a deliberately broken statement: it would pass anything');
    return 1;
  }
  console.log(`self-check: a known good statement passes; the broken one fails with ${brokenProblems.length} problem(s): ` +
              brokenProblems.map((w) => w.path.join('.')).join(', '));
  return 0;
}

function main(argv) {
  if (argv.length === 0) {
    console.error('usage: node validate.js FILE.json... | --self-check');
    return 2;
  }
  if (argv[0] === '--self-check') return selfCheck();
  let problems = [];
  let count = 0;
  for (const file of argv) {
    let data;
    try {
      data = JSON.parse(fs.readFileSync(file, 'utf8'));
    } catch (e) {
      problems.push(`${file}: not readable JSON: ${e.message}`);
      continue;
    }
    const statements = Array.isArray(data) ? data : [data];
    if (statements.length === 0) problems.push(`${file}: no statements`);
    count += statements.length;
    problems = problems.concat(checkStatements(statements, file));
  }
  if (problems.length) {
    console.error(`INVALID xAPI: ${problems.length} problem(s) in ${argv.length} file(s):`);
    for (const p of problems) console.error('  ' + p);
    return 1;
  }
  console.log(`${count} statement(s) in ${argv.length} file(s) are valid xAPI 1.0.3 following cmi5's pattern`);
  return 0;
}

process.exitCode = main(process.argv.slice(2));
