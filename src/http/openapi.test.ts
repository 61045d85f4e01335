import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { SCHEMA_TYPES_FILE, schemaTypes } from '../../scripts/openapi-types.ts';

test("the web app's API types are those of the server's OpenAPI document (run `npm run api:types` after changing the API)", async () => {
  const expected = await schemaTypes();
  const checkedIn = readFileSync(SCHEMA_TYPES_FILE, 'utf8');
  if (checkedIn !== expected) {
    const a = checkedIn.split('\n');
    const b = expected.split('\n');
    const line = a.findIndex((l, i) => l !== b[i]);
    assert.fail(
      `web/src/api/schema.d.ts is stale: run \`npm run api:types\` (first difference at line ${line + 1}:\n` +
        `  checked in: ${a[line] ?? '(end of file)'}\n  generated:  ${b[line] ?? '(end of file)'})`,
    );
  }
});
