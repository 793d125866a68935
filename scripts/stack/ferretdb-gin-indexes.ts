import type { Client } from 'pg';

/**
 * GIN indexes beside FerretDB's own, so that PostgreSQL serves by index what FerretDB pushes down.
 *
 * FerretDB v1 (PostgreSQL backend) stores a document as `_jsonb` and pushes an equality filter down as
 * containment, `_jsonb -> 'field' @> '"value"'` (dotted fields as `_jsonb #> '{a,b}' @> …`). For each MongoDB
 * index it creates a btree on `(_jsonb -> 'field')`, which can never serve `@>`: every pushed-down query was a
 * sequential scan, `_id` lookups included. A GIN index with `jsonb_path_ops` on the same expression serves
 * exactly that operator, for scalars and for arrays that contain the value (`followUserIds: x`).
 *
 * An event trigger keeps them in step inside the database itself: whenever FerretDB creates an index, every
 * ascending field of every btree index of that table gets one GIN index (`<table>_<hash>_gin`, one per field, shared
 * by all the indexes that name it; descending keys only order results, which FerretDB never pushes down); a dropped index drops the GIN indexes no remaining index needs, and a dropped collection
 * takes its own with it. The btree indexes stay: unique ones enforce uniqueness. FerretDB passes the field name as
 * a statement parameter, so plans must be made for the actual values (`plan_cache_mode = force_custom_plan`, set
 * by the PostgreSQL service) for the index expression to match.
 *
 * Only the embedded store needs this; a real MongoDB (MONGO_URL) uses its own indexes.
 */
const GIN_INDEXING_SQL = String.raw`
CREATE OR REPLACE FUNCTION scrm_gin_sync_table(tbl regclass) RETURNS void LANGUAGE plpgsql AS $fn$
DECLARE
  r record;
  wanted text[] := '{}';
  keys text[];
  gin_expr text;
  gin_name text;
  rel text;
  nsp text;
BEGIN
  SELECT c.relname, n.nspname INTO rel, nsp
    FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE c.oid = tbl;
  FOR r IN
    SELECT pg_get_indexdef(i.indexrelid, k, false) AS expr
    FROM pg_index i
    JOIN pg_class ic ON ic.oid = i.indexrelid
    JOIN pg_am am ON am.oid = ic.relam
    CROSS JOIN LATERAL generate_series(1, i.indnkeyatts) AS k
    -- descending keys order a MongoDB index's results (sorts FerretDB never pushes down): no equality on them
    WHERE i.indrelid = tbl AND am.amname = 'btree' AND (i.indoption[k - 1] & 1) = 0
  LOOP
    -- FerretDB's key expressions: (_jsonb -> 'f'::text), nested ((_jsonb -> 'a'::text) -> 'b'::text)
    CONTINUE WHEN r.expr NOT LIKE '%\_jsonb ->%';
    SELECT array_agg(replace(m[1], '''''', '''') ORDER BY n) INTO keys
      FROM regexp_matches(r.expr, '''((?:[^'']|'''')*)''::text', 'g') WITH ORDINALITY AS t(m, n);
    CONTINUE WHEN keys IS NULL;
    -- the same expressions FerretDB's pushed-down filters use
    gin_expr := CASE WHEN cardinality(keys) = 1 THEN format('(_jsonb -> %L::text)', keys[1])
                     ELSE format('(_jsonb #> %L::text[])', keys::text) END;
    gin_name := left(rel, 40) || '_' || left(md5(gin_expr), 12) || '_gin';
    CONTINUE WHEN gin_name = ANY (wanted);
    wanted := wanted || gin_name;
    IF to_regclass(format('%I.%I', nsp, gin_name)) IS NULL THEN
      EXECUTE format('CREATE INDEX %I ON %s USING gin (%s jsonb_path_ops)', gin_name, tbl, gin_expr);
    END IF;
  END LOOP;
  FOR r IN
    SELECT ic.relname FROM pg_index i
    JOIN pg_class ic ON ic.oid = i.indexrelid
    JOIN pg_am am ON am.oid = ic.relam
    WHERE i.indrelid = tbl AND am.amname = 'gin' AND ic.relname LIKE '%\_gin' AND NOT ic.relname = ANY (wanted)
  LOOP
    EXECUTE format('DROP INDEX %I.%I', nsp, r.relname);
  END LOOP;
END
$fn$;

CREATE OR REPLACE FUNCTION scrm_gin_on_create_index() RETURNS event_trigger LANGUAGE plpgsql AS $fn$
DECLARE
  t regclass;
BEGIN
  -- our own CREATE INDEX fires this trigger again: nothing to do then
  IF current_setting('scrm.gin_syncing', true) = 'on' THEN RETURN; END IF;
  PERFORM set_config('scrm.gin_syncing', 'on', true);
  FOR t IN
    SELECT DISTINCT i.indrelid::regclass FROM pg_event_trigger_ddl_commands() d
    JOIN pg_index i ON i.indexrelid = d.objid
    WHERE d.object_type = 'index'
  LOOP
    PERFORM scrm_gin_sync_table(t);
  END LOOP;
  PERFORM set_config('scrm.gin_syncing', 'off', true);
END
$fn$;

CREATE OR REPLACE FUNCTION scrm_gin_on_drop_index() RETURNS event_trigger LANGUAGE plpgsql AS $fn$
DECLARE
  t regclass;
BEGIN
  IF current_setting('scrm.gin_syncing', true) = 'on' THEN RETURN; END IF;
  PERFORM set_config('scrm.gin_syncing', 'on', true);
  -- the dropped index's table is no longer known: look again at the tables of its schema
  FOR t IN
    SELECT c.oid::regclass FROM pg_class c
    WHERE c.relkind = 'r' AND c.relnamespace IN (
      SELECT n.oid FROM pg_namespace n
      WHERE n.nspname IN (SELECT schema_name FROM pg_event_trigger_dropped_objects() WHERE object_type = 'index'))
  LOOP
    PERFORM scrm_gin_sync_table(t);
  END LOOP;
  PERFORM set_config('scrm.gin_syncing', 'off', true);
END
$fn$;

DROP EVENT TRIGGER IF EXISTS scrm_gin_on_create_index;
CREATE EVENT TRIGGER scrm_gin_on_create_index ON ddl_command_end WHEN TAG IN ('CREATE INDEX')
  EXECUTE FUNCTION scrm_gin_on_create_index();
DROP EVENT TRIGGER IF EXISTS scrm_gin_on_drop_index;
CREATE EVENT TRIGGER scrm_gin_on_drop_index ON sql_drop WHEN TAG IN ('DROP INDEX')
  EXECUTE FUNCTION scrm_gin_on_drop_index();
`;

/**
 * Installs (or updates) the functions and event triggers in FerretDB's PostgreSQL database, then brings every
 * existing table in step (a store created before them, or by an older version of this module). Idempotent.
 */
export async function installGinIndexing(client: Client): Promise<void> {
  await client.query(GIN_INDEXING_SQL);
  await client.query(String.raw`
    SELECT scrm_gin_sync_table(c.oid::regclass) FROM pg_class c
    JOIN pg_namespace n ON n.oid = c.relnamespace
    WHERE c.relkind = 'r' AND n.nspname NOT IN ('pg_catalog', 'information_schema', 'public')
      AND n.nspname NOT LIKE 'pg\_%'`);
}
