import { before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createConfig, lintFromString } from '@redocly/openapi-core';
import { SCHEMA_TYPES_FILE, openApiDocument, schemaTypes } from '../../scripts/openapi-types.ts';
import { operationIdOf, withoutConditionals } from './openapi.ts';

let doc: Record<string, unknown>;
before(async () => {
  doc = await openApiDocument();
});

test("the web app's API types are those of the server's OpenAPI document (run `npm run api:types` after changing the API)", async () => {
  const expected = await schemaTypes(doc);
  const checkedIn = readFileSync(SCHEMA_TYPES_FILE, 'utf8');
  if (checkedIn !== expected) {
    const a = checkedIn.split('\n');
    const b = expected.split('\n');
    const line = a.findIndex((l, i) => l !== b[i]);
    assert.fail(`web/src/api/schema.d.ts is stale: run \`npm run api:types\` (first difference at line ${line + 1}:\n` + `  checked in: ${a[line] ?? '(end of file)'}\n  generated:  ${b[line] ?? '(end of file)'})`);
  }
});

test("the OpenAPI document passes Redocly's recommended rules with no errors", async () => {
  const config = await createConfig({ extends: ['recommended'] });
  const problems = await lintFromString({ source: JSON.stringify(doc, null, 2), absoluteRef: '/api/docs/json', config });
  const errors = problems.filter((p) => p.severity === 'error');
  const warnings = problems.length - errors.length;
  const listed = errors.map((p) => `  ${p.ruleId} at ${p.location[0]?.pointer ?? '?'}: ${p.message}`).join('\n');
  assert.equal(errors.length, 0, `${errors.length} error(s) (and ${warnings} warning(s)) from Redocly's recommended rules:\n${listed}`);
});

test('every operation has a camelCase operationId from its method and path, unique in the document', () => {
  const ids: string[] = [];
  for (const [path, item] of Object.entries(doc.paths as Record<string, Record<string, { operationId?: string }>>)) {
    for (const [method, op] of Object.entries(item)) {
      assert.equal(op.operationId, operationIdOf(method, path), `${method} ${path}`);
      ids.push(op.operationId!);
    }
  }
  assert.ok(ids.length > 0);
  assert.deepEqual(
    ids.filter((id, i) => ids.indexOf(id) !== i),
    [],
  );
  assert.ok(ids.every((id) => /^[a-z][A-Za-z0-9]*$/.test(id)));
  assert.equal(operationIdOf('get', '/api/v1/appeals/{id}/decisions/allowed'), 'getAppealsByIdDecisionsAllowed');
  assert.equal(operationIdOf('post', '/api/v1/auth/login'), 'postAuthLogin');
  assert.equal(operationIdOf('patch', '/api/v1/admin/directories/{name}/{code}'), 'patchAdminDirectoriesByNameByCode');
});

test('if/then/else (not in OpenAPI 3.0) become a note in the description; a property named `if` stays', () => {
  const schema = {
    type: 'object',
    properties: { if: { type: 'string' }, kind: { type: 'string' } },
    if: { properties: { kind: { const: 'a' } } },
    then: { required: ['if'] },
  };
  const out = withoutConditionals(schema) as Record<string, unknown>;
  assert.deepEqual(Object.keys(out).sort(), ['description', 'properties', 'type']);
  assert.deepEqual(Object.keys(out.properties as object), ['if', 'kind']);
  assert.match(out.description as string, /^If the value matches .*"const":"a".* it must also match .*"required":\["if"\]/);
  assert.equal(JSON.stringify(doc).includes('"then":'), false);
});
