// The hand-written row types (src/db/schema.ts) against the tables the migrations make: a fresh
// database (embedded, or a new one on the server named by DATABASE_URL) is migrated and its
// information_schema.columns compared, column by column, with what the `DB` interface declares.
// TypeScript types are gone at run time, so the declared shape comes from the source through the
// TypeScript 5 compiler API (TypeScript 7, the project's compiler, has no stable JS API): the type
// checker resolves declaration merging, intersections, local aliases (Timestamp) and Kysely's
// wrappers — Generated<T>, ColumnType<S, I, U>, JSONColumnType<S> all carry their select type S as
// `__select__`, which is what a row read from the table holds. Checked: a table for every DB entry
// and the reverse (views too: the migrations make none, a view read through Db would need its
// interface just the same), every column on both sides, nullability (`| null`), the type family
// (PG_TO_TS), and Generated against the database's defaults (an insert leaving out a NOT NULL
// column without a default fails; a GENERATED ALWAYS column cannot be given).
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import { relative } from 'node:path';
import ts from 'typescript5';
import { sql } from 'kysely';
import { freshDatabase, type FreshDatabase } from '../../test/support.ts';
import { migrate } from './migrate.ts';

const SCHEMA_FILE = fileURLToPath(new URL('./schema.ts', import.meta.url));
const ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** Tables of the database that need no interface in DB. */
const UNDECLARED_TABLES: Record<string, string> = {
  // Kysely's Migrator bookkeeping (src/db/migrate.ts): written and read by the Migrator alone,
  // never through the application's Db.
  kysely_migration: 'migration bookkeeping',
  kysely_migration_lock: 'migration bookkeeping',
};

/** The TypeScript families a value of each PostgreSQL type (udt_name) is read as. The drivers are
 *  set up in src/db/connection.ts: date stays a 'YYYY-MM-DD' string and int8 becomes a number on
 *  both the server (pg) and the embedded database (PGlite); numeric keeps pg's string. */
const PG_TO_TS: Record<string, readonly Family[]> = {
  text: ['string'],
  varchar: ['string'],
  bpchar: ['string'],
  citext: ['string'],
  uuid: ['string'],
  name: ['string'],
  int2: ['number'],
  int4: ['number'],
  int8: ['number'],
  float4: ['number'],
  float8: ['number'],
  numeric: ['string'],
  bool: ['boolean'],
  date: ['string'],
  timestamptz: ['Date'],
  timestamp: ['Date'],
  // a JSON value: an object, an array, or left open (unknown)
  json: ['json', 'array'],
  jsonb: ['json', 'array'],
  // Buffer on both drivers (connection.ts makes PGlite's Uint8Array a Buffer)
  bytea: ['Buffer'],
};

type Family = 'string' | 'number' | 'bigint' | 'boolean' | 'Date' | 'Buffer' | 'Uint8Array' | 'json' | 'array' | 'undefined' | 'other';

/** One member of a column's declared select type (null excluded). */
interface Member {
  family: Family;
  /** For an array: its elements' families. */
  elements?: Member[];
  text: string;
}

interface DeclaredColumn {
  members: Member[];
  nullable: boolean;
  /** unknown or any: null is in it whether written or not. */
  open: boolean;
  /** An insert may leave it out (Generated<T>, GeneratedAlways<T>, or a ColumnType whose insert type has undefined or is never). */
  insertOptional: boolean;
  text: string;
  where: string;
}

interface ActualColumn {
  udt: string;
  /** The element type of an array column (udt_name '_text' → 'text'). */
  element: string | undefined;
  nullable: boolean;
  dataType: string;
  /** A default or an identity: an insert may leave it out. */
  defaulted: boolean;
  /** GENERATED ALWAYS (identity or stored): an insert may not give it. */
  always: boolean;
}

// ---------------------------------------------------------------------------------------------
// The declared shape, from src/db/schema.ts.

function declaredSchema(): Map<string, { columns: Map<string, DeclaredColumn>; where: string }> {
  const config = ts.readConfigFile(`${ROOT}/tsconfig.json`, ts.sys.readFile);
  const { options } = ts.parseJsonConfigFileContent(config.config, ts.sys, ROOT);
  const program = ts.createProgram([SCHEMA_FILE], { ...options, noEmit: true });
  const checker = program.getTypeChecker();
  const source = program.getSourceFile(SCHEMA_FILE);
  assert.ok(source, `cannot read ${SCHEMA_FILE}`);
  const errors = ts.getPreEmitDiagnostics(program, source).map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'));
  assert.deepEqual(errors, [], 'src/db/schema.ts does not compile');
  const moduleSymbol = checker.getSymbolAtLocation(source);
  const dbSymbol = moduleSymbol && checker.getExportsOfModule(moduleSymbol).find((s) => s.name === 'DB');
  assert.ok(dbSymbol, 'src/db/schema.ts exports no DB interface');
  const dbType = checker.getDeclaredTypeOfSymbol(dbSymbol);

  const where = (symbol: ts.Symbol): string => {
    const decl = symbol.declarations?.[0];
    if (!decl) return '?';
    const file = decl.getSourceFile();
    const { line } = file.getLineAndCharacterOfPosition(decl.getStart());
    return `${relative(ROOT, file.fileName)}:${line + 1}`;
  };

  // The select type: Kysely's wrappers are { __select__: S, __insert__: I, __update__: U }.
  const selectMembers = (type: ts.Type): ts.Type[] => {
    if (type.isUnion()) return type.types.flatMap(selectMembers);
    const select = type.getProperty('__select__');
    return select ? selectMembers(checker.getTypeOfSymbol(select)) : [type];
  };

  // Kysely lets an insert leave a column out when its insert type has undefined (Generated<T> is
  // ColumnType<T, T | undefined, T>), and makes it leave it out when the type is never
  // (GeneratedAlways<T>, a column PostgreSQL computes).
  const insertMayOmit = (type: ts.Type): boolean => {
    if (type.isUnion()) return type.types.some(insertMayOmit);
    const insert = type.getProperty('__insert__');
    if (!insert) return false;
    const t = checker.getTypeOfSymbol(insert);
    return (t.isUnion() ? t.types : [t]).some((m) => m.flags & (ts.TypeFlags.Undefined | ts.TypeFlags.Void | ts.TypeFlags.Never));
  };

  const member = (type: ts.Type): Member => {
    const text = checker.typeToString(type);
    const f = type.flags;
    if (f & (ts.TypeFlags.String | ts.TypeFlags.StringLiteral | ts.TypeFlags.TemplateLiteral)) return { family: 'string', text };
    if (f & (ts.TypeFlags.Number | ts.TypeFlags.NumberLiteral)) return { family: 'number', text };
    if (f & (ts.TypeFlags.BigInt | ts.TypeFlags.BigIntLiteral)) return { family: 'bigint', text };
    if (f & (ts.TypeFlags.Boolean | ts.TypeFlags.BooleanLiteral)) return { family: 'boolean', text };
    if (f & (ts.TypeFlags.Undefined | ts.TypeFlags.Void)) return { family: 'undefined', text };
    if (f & (ts.TypeFlags.Unknown | ts.TypeFlags.Any | ts.TypeFlags.NonPrimitive)) return { family: 'json', text };
    if (f & ts.TypeFlags.Object) {
      if (checker.isArrayType(type) || checker.isTupleType(type)) {
        const args = checker.getTypeArguments(type as ts.TypeReference);
        const elements = args
          .flatMap(selectMembers)
          .filter((t) => !(t.flags & ts.TypeFlags.Null))
          .map(member);
        return { family: 'array', elements, text };
      }
      const name = type.getSymbol()?.name ?? type.aliasSymbol?.name;
      if (name === 'Date') return { family: 'Date', text };
      if (name === 'Buffer' || name === 'Uint8Array') return { family: name, text };
      // Record<string, unknown>, an object literal, an interface: a JSON object
      return { family: 'json', text };
    }
    return { family: 'other', text };
  };

  const tables = new Map<string, { columns: Map<string, DeclaredColumn>; where: string }>();
  for (const table of checker.getPropertiesOfType(dbType)) {
    const rowType = checker.getTypeOfSymbol(table);
    const columns = new Map<string, DeclaredColumn>();
    for (const column of checker.getPropertiesOfType(rowType)) {
      const declared = checker.getTypeOfSymbol(column);
      const types = selectMembers(declared);
      const nullable = types.some((t) => t.flags & ts.TypeFlags.Null);
      const members = types.filter((t) => !(t.flags & ts.TypeFlags.Null)).map(member);
      const open = types.some((t) => t.flags & (ts.TypeFlags.Unknown | ts.TypeFlags.Any));
      const optional = (column.flags & ts.SymbolFlags.Optional) !== 0;
      if (optional) members.push({ family: 'undefined', text: '(optional)' });
      columns.set(column.name, { members, nullable, open, insertOptional: insertMayOmit(declared), text: checker.typeToString(declared), where: where(column) });
    }
    // the row interface where there is one (not for an intersection such as RegistryTable & { iin })
    const rowSymbol = rowType.isIntersection() ? undefined : rowType.getSymbol();
    tables.set(table.name, { columns, where: where(rowSymbol?.declarations?.length ? rowSymbol : table) });
  }
  return tables;
}

// ---------------------------------------------------------------------------------------------
// The comparison.

/** What is wrong with one column's declaration (nothing: []). */
function columnProblems(actual: ActualColumn, declared: DeclaredColumn): string[] {
  const problems: string[] = [];
  if (actual.nullable && !declared.nullable && !declared.open) problems.push('nullable in the database, but declared without `| null`');
  if (!actual.nullable && declared.nullable) problems.push('NOT NULL in the database, but declared `| null`');

  const udt = actual.element ?? actual.udt;
  const families = PG_TO_TS[udt];
  if (!families) {
    problems.push(`no TypeScript mapping for PostgreSQL type ${udt} (add it to PG_TO_TS in this file)`);
  } else if (declared.members.length === 0) {
    problems.push('declared as null only');
  } else {
    const fits =
      actual.element !== undefined
        ? (m: Member) => m.family === 'array' && m.elements !== undefined && m.elements.length > 0 && m.elements.every((e) => families.includes(e.family))
        : (m: Member) => families.includes(m.family);
    const misfits = declared.members.filter((m) => !fits(m));
    if (misfits.length > 0) {
      const expected = actual.element !== undefined ? `${families.join(' | ')}[]` : families.join(' or ');
      problems.push(`${actual.dataType} in the database is read as ${expected}, but declared ${misfits.map((m) => m.text).join(' | ')}`);
    }
  }

  // Generated<T> lets an insert leave the column out: only right if the database fills it in.
  if (declared.insertOptional && !actual.defaulted && !actual.nullable) {
    problems.push('declared Generated (an insert may leave it out), but NOT NULL with no default in the database');
  }
  if (actual.always && !declared.insertOptional) problems.push('GENERATED ALWAYS in the database (an insert cannot give it), but not declared Generated or GeneratedAlways');
  return problems;
}

let fresh: FreshDatabase;
let actualTables: Map<string, Map<string, ActualColumn>>;
let declaredTables: ReturnType<typeof declaredSchema>;

before(async () => {
  declaredTables = declaredSchema();
  fresh = await freshDatabase();
  await migrate(fresh.database.db);
  const { rows } = await sql<{
    table_name: string;
    column_name: string;
    data_type: string;
    udt_name: string;
    is_nullable: 'YES' | 'NO';
    column_default: string | null;
    is_identity: 'YES' | 'NO';
    identity_generation: string | null;
    is_generated: string;
  }>`
    SELECT c.table_name, c.column_name, c.data_type, c.udt_name, c.is_nullable,
           c.column_default, c.is_identity, c.identity_generation, c.is_generated
    FROM information_schema.columns c
    JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name
    WHERE c.table_schema = current_schema() AND t.table_type IN ('BASE TABLE', 'VIEW')
    ORDER BY c.table_name, c.ordinal_position`.execute(fresh.database.db);
  actualTables = new Map();
  for (const r of rows) {
    let columns = actualTables.get(r.table_name);
    if (!columns) actualTables.set(r.table_name, (columns = new Map()));
    const isArray = r.data_type === 'ARRAY';
    columns.set(r.column_name, {
      udt: r.udt_name,
      element: isArray ? r.udt_name.replace(/^_/, '') : undefined,
      nullable: r.is_nullable === 'YES',
      dataType: isArray ? `${r.udt_name.replace(/^_/, '')}[]` : r.data_type,
      defaulted: r.column_default !== null || r.is_identity === 'YES' || r.is_generated === 'ALWAYS',
      always: r.identity_generation === 'ALWAYS' || r.is_generated === 'ALWAYS',
    });
  }
});

after(async () => {
  await fresh?.database.close();
  await fresh?.drop();
});

test('the migrations make tables (the rest of this file checks them)', () => {
  assert.ok(actualTables.size > 10, `only ${actualTables.size} tables after migrating`);
  assert.ok(declaredTables.size > 10, `only ${declaredTables.size} tables in DB`);
});

test('every table has an interface in DB, and every DB entry a table', () => {
  const problems: string[] = [];
  for (const name of actualTables.keys()) {
    if (!declaredTables.has(name) && !(name in UNDECLARED_TABLES)) problems.push(`table ${name}: in the database, missing from DB in src/db/schema.ts`);
  }
  for (const [name, { where }] of declaredTables) {
    if (!actualTables.has(name)) problems.push(`table ${name} (${where}): declared in DB, but the migrations make no such table`);
  }
  for (const name of Object.keys(UNDECLARED_TABLES)) {
    if (declaredTables.has(name)) problems.push(`table ${name}: listed in UNDECLARED_TABLES, but declared in DB`);
  }
  if (problems.length > 0) assert.fail(`${problems.length} mismatch(es):\n${problems.join('\n')}`);
});

test('every column matches its declaration: presence, nullability, type, Generated', async (t) => {
  for (const [table, actualColumns] of actualTables) {
    const declared = declaredTables.get(table);
    if (!declared) continue;
    await t.test(table, () => {
      const problems: string[] = [];
      for (const [column, actual] of actualColumns) {
        const d = declared.columns.get(column);
        if (!d) {
          problems.push(`${table}.${column} (${actual.dataType}${actual.nullable ? ', nullable' : ''}): in the database, missing from the interface (${declared.where})`);
          continue;
        }
        for (const p of columnProblems(actual, d)) problems.push(`${table}.${column} (${d.where}, declared ${d.text}): ${p}`);
      }
      for (const [column, d] of declared.columns) {
        if (!actualColumns.has(column)) problems.push(`${table}.${column} (${d.where}): declared, but the table has no such column`);
      }
      if (problems.length > 0) assert.fail(`${problems.length} mismatch(es):\n${problems.join('\n')}`);
    });
  }
});
