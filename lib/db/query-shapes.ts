/**
 * Query shapes: what a MongoDB command asks of a collection, stripped of its values, and whether FerretDB v1.24
 * on PostgreSQL evaluates it in SQL ("pushdown") or fetches rows and filters them in Go.
 *
 * The rules, read from FerretDB v1.24.2 (internal/backends/postgresql/query.go prepareWhereClause/filterEqual,
 * internal/handler/msg_*.go):
 * - Per top-level key of the filter the handler hands to the backend: a plain value, or `{$eq: v}`, of type
 *   string, ObjectId, date, number or bool becomes `_jsonb->'k' @> v` (pushed); `{$ne: v}` of those types
 *   becomes a NOT (…) that SQL evaluates but that narrows nothing; null, arrays, subdocuments, regexes,
 *   binaries and every other operator ($in, $gt…, $regex, $exists, $elemMatch…) are left to Go.
 * - `$`-prefixed top-level keys ($or, $and, $expr…) are never pushed.
 * - find, aggregate (and explain) drop dotted keys before the backend sees them (EnableNestedPushdown is off);
 *   count, distinct, update, delete and findAndModify hand the filter over as is, so there a dotted key with
 *   a plain value is pushed as a path (`_jsonb#>'{a,b}' @> v`).
 * - Sort is never pushed (only $natural, on capped collections); limit only on a find with neither filter nor
 *   sort. aggregate pushes the first $match among its first two stages (after a leading $sort).
 * A key counts as pushed only when SQL evaluates it entirely: an operator document mixing $eq with another
 * operator counts as not pushed (conservative; none of our queries does it).
 */

/** How one value or operator document reads, values stripped: `string`, `objectId`, `$in`, `$range`, `$ne:string`… */
export type KeyKind = string;

export interface QueryShape {
  collection: string;
  /** find, count, distinct, update, delete, findAndModify, aggregate. */
  command: string;
  /** Stable, readable key of the shape without collection and command: the allow-list names shapes by it. */
  shape: string;
  pushdown: Pushdown;
}

/**
 * - `pushed`: SQL selects exactly the rows wanted, by equality on at least one key (or a bare limit); or SQL
 *   selects one row by `_id` and Go checks the rest of the filter on it.
 * - `partly`: SQL narrows by equality, Go evaluates the rest (other keys, or a sort) over those rows.
 * - `not`: nothing narrows in SQL: every row of the collection (all tenants) is read and filtered in Go.
 */
export type Pushdown = 'pushed' | 'partly' | 'not';

type Doc = Record<string, unknown>;

/** Types FerretDB's filterEqual pushes; `number` covers int32, int64 and doubles (pushed as a range past 2^53). */
const PUSHABLE = new Set(['string', 'objectId', 'date', 'number', 'bool']);

const RANGE_OPERATORS = new Set(['$gt', '$gte', '$lt', '$lte']);

function isDoc(v: unknown): v is Doc {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** The BSON type name of a value in a command document as the driver holds it (js-bson classes carry `_bsontype`). */
function typeOf(v: unknown): string {
  if (v === null || v === undefined) return 'null';
  if (typeof v === 'string') return 'string';
  if (typeof v === 'number' || typeof v === 'bigint') return 'number';
  if (typeof v === 'boolean') return 'bool';
  if (v instanceof Date) return 'date';
  if (v instanceof RegExp) return 'regex';
  if (Array.isArray(v)) return 'array';
  const bsonType = (v as { _bsontype?: unknown })._bsontype;
  switch (bsonType) {
    case 'ObjectId':
      return 'objectId';
    case 'Int32':
    case 'Double':
    case 'Long':
      return 'number';
    case 'BSONRegExp':
      return 'regex';
    case undefined:
      return 'object';
    default:
      return String(bsonType).toLowerCase(); // binary, decimal128, timestamp…: never pushed
  }
}

interface KeyShape {
  kind: KeyKind;
  /** `eq` narrows in SQL; `ne` is evaluated in SQL without narrowing; `none` is left to Go. */
  sql: 'eq' | 'ne' | 'none';
}

/** An operator document's kind: its operators, ranges folded into `$range`, sorted and joined with `+`. */
function operatorKind(ops: Doc): KeyKind {
  const parts = new Set<string>();
  for (const [op, value] of Object.entries(ops)) {
    if (op === '$eq') parts.add(typeOf(value));
    else if (op === '$ne') parts.add(`$ne:${typeOf(value)}`);
    else if (RANGE_OPERATORS.has(op)) parts.add('$range');
    else if (op === '$options') parts.add('$regex');
    else parts.add(op);
  }
  return [...parts].sort().join('+');
}

function keyShape(key: string, value: unknown, dottedPushed: boolean): KeyShape {
  const isOperatorDoc =
    isDoc(value) && typeOf(value) === 'object' && Object.keys(value).some((k) => k.startsWith('$'));
  const kind = isOperatorDoc ? operatorKind(value) : typeOf(value);
  if (key.startsWith('$') || (key.includes('.') && !dottedPushed)) return { kind, sql: 'none' };
  if (PUSHABLE.has(kind)) return { kind, sql: 'eq' };
  if (kind.startsWith('$ne:') && PUSHABLE.has(kind.slice('$ne:'.length))) return { kind, sql: 'ne' };
  return { kind, sql: 'none' };
}

/** `{a: string, b: $in}` with keys sorted; `$or`/`$and`/`$nor` show their branches' shapes, deduplicated. */
function filterText(filter: Doc, keys: Map<string, KeyShape>): string {
  const parts = [...keys.keys()].sort().map((key) => {
    const branches = filter[key];
    if (['$or', '$and', '$nor'].includes(key) && Array.isArray(branches)) {
      const inner = [
        ...new Set(branches.filter(isDoc).map((b) => filterText(b, keyShapes(b, false)))),
      ].sort();
      return `${key}: [${inner.join(' | ')}]`;
    }
    if (key.startsWith('$')) return key; // $expr, $text, $where: their contents are code, not a shape
    return `${key}: ${keys.get(key)!.kind}`;
  });
  return `{${parts.join(', ')}}`;
}

function keyShapes(filter: Doc, dottedPushed: boolean): Map<string, KeyShape> {
  const keys = new Map<string, KeyShape>();
  for (const [key, value] of Object.entries(filter)) {
    if (key === '$comment') continue;
    keys.set(key, keyShape(key, value, dottedPushed));
  }
  return keys;
}

interface Access {
  filter: Doc;
  /** find and aggregate strip dotted keys before pushdown; the other commands do not. */
  dottedPushed: boolean;
  sort?: Doc;
  /** A limit SQL could apply (find without filter and sort). */
  limited?: boolean;
  /** Extra words for the shape key: `distinct(field)`, an aggregate's stages. */
  suffix?: string;
}

function classify(keys: Map<string, KeyShape>, access: Access): Pushdown {
  // `_id` by equality selects at most one row: whatever Go does with it after costs nothing.
  if (keys.get('_id')?.sql === 'eq') return 'pushed';
  const sql = [...keys.values()].map((k) => k.sql);
  const narrows = sql.includes('eq');
  const sortsInGo = Object.keys(access.sort ?? {}).some((k) => k !== '$natural');
  if (narrows) return sql.includes('none') || sortsInGo ? 'partly' : 'pushed';
  if (keys.size === 0 && access.limited && !sortsInGo) return 'pushed';
  return 'not';
}

function shapeOf(collection: string, command: string, access: Access): QueryShape {
  const keys = keyShapes(access.filter, access.dottedPushed);
  const words = [filterText(access.filter, keys)];
  const sortKeys = Object.keys(access.sort ?? {});
  if (sortKeys.length) words.push(`sort(${sortKeys.join(', ')})`);
  if (access.limited) words.push('limit');
  if (access.suffix) words.push(access.suffix);
  return { collection, command, shape: words.join(' '), pushdown: classify(keys, access) };
}

const asDoc = (v: unknown): Doc => (isDoc(v) ? v : {});
const positive = (v: unknown) => typeof v === 'number' && v > 0;

/**
 * The filter aggregate pushes: the first $match among its first two stages, after a leading $sort. Any $sort
 * stage sorts in Go; the other stages ($group, $project…) run in Go over the rows the filter selects.
 */
function aggregateAccess(pipeline: unknown): Access {
  const stages = Array.isArray(pipeline) ? pipeline.filter(isDoc) : [];
  const names = stages.map((s) => Object.keys(s)[0] ?? '?');
  const leading = names[0] === '$sort' ? stages.slice(0, 2) : stages.slice(0, 1);
  const match = leading.find((s) => isDoc(s.$match))?.$match;
  const sort = stages.find((s) => isDoc(s.$sort))?.$sort;
  return { filter: asDoc(match), dottedPushed: false, sort: asDoc(sort), suffix: `[${names.join(' ')}]` };
}

/**
 * The shapes of one command as the driver sends it (a `commandStarted` event's `command`): one per statement
 * of an update or delete, none for commands that do not read by filter (insert, getMore, createIndexes…).
 */
export function shapesOfCommand(commandName: string, command: Doc): QueryShape[] {
  const collection = String(command[commandName] ?? '');
  switch (commandName) {
    case 'find': {
      const filter = asDoc(command.filter);
      const sort = asDoc(command.sort);
      const bareLimit = Object.keys(filter).length === 0 && Object.keys(sort).length === 0;
      return [
        shapeOf(collection, 'find', {
          filter,
          sort,
          dottedPushed: false,
          limited: bareLimit && positive(command.limit),
        }),
      ];
    }
    case 'count':
      return [shapeOf(collection, 'count', { filter: asDoc(command.query), dottedPushed: true })];
    case 'distinct':
      return [
        shapeOf(collection, 'distinct', {
          filter: asDoc(command.query),
          dottedPushed: true,
          suffix: `distinct(${String(command.key)})`,
        }),
      ];
    case 'update':
    case 'delete': {
      const statements = Array.isArray(command[`${commandName}s`])
        ? (command[`${commandName}s`] as unknown[])
        : [];
      return statements
        .filter(isDoc)
        .map((s) => shapeOf(collection, commandName, { filter: asDoc(s.q), dottedPushed: true }));
    }
    case 'findAndModify':
    case 'findandmodify':
      return [
        shapeOf(String(command[commandName]), 'findAndModify', {
          filter: asDoc(command.query),
          sort: asDoc(command.sort),
          dottedPushed: true,
        }),
      ];
    case 'aggregate':
      return [shapeOf(collection, 'aggregate', aggregateAccess(command.pipeline))];
    default:
      return [];
  }
}

/** `{_id: <value>}` alone: a read or write by key, the access the rule wants; not worth recording. */
export function isByIdOnly(shape: QueryShape): boolean {
  return shape.pushdown === 'pushed' && /^\{_id: (string|objectId|number)\}( \[|$)/.test(shape.shape);
}
