import fs from 'node:fs';
import path from 'node:path';
import { StackError } from './errors';
import { ROOT } from './paths';

export const TEMPORAL_CONFIG_DIR = path.join(ROOT, 'temporal-config');

const SEARCH_ATTRIBUTE_TYPES = new Set([
  'Text',
  'Keyword',
  'Int',
  'Double',
  'Bool',
  'Datetime',
  'KeywordList',
]);

/** The custom search attributes ({ name: type }) from temporal-config/search-attributes.json. */
export function readSearchAttributes(
  file = path.join(TEMPORAL_CONFIG_DIR, 'search-attributes.json'),
): Record<string, string> {
  const parsed: unknown = JSON.parse(fs.readFileSync(file, 'utf8'));
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) {
    throw new StackError(`${file} must be a JSON object { "Name": "Type" }.`);
  }
  for (const [name, type] of Object.entries(parsed)) {
    if (
      !/^[A-Za-z_][A-Za-z0-9_]*$/.test(name) ||
      typeof type !== 'string' ||
      !SEARCH_ATTRIBUTE_TYPES.has(type)
    ) {
      throw new StackError(
        `${file}: bad search attribute ${name}=${String(type)} (types: ${[...SEARCH_ATTRIBUTE_TYPES].join(', ')}).`,
      );
    }
  }
  return parsed as Record<string, string>;
}

/**
 * Parses the subset of Temporal's dynamic-config YAML that the dev server can take as flags:
 * `key:` followed by one `- value: <scalar>` item (an empty `constraints: {}` is allowed).
 * Returns [key, JSON text of the value] pairs.
 */
export function parseDynamicConfig(text: string, file = 'dynamic-config.yaml'): [string, string][] {
  const entries: [string, string][] = [];
  let currentKey: string | undefined;
  let hasValue = false;
  const lines = text.split('\n');
  lines.forEach((raw, index) => {
    const line = raw
      .replace(/\s+#.*$/, '')
      .replace(/^#.*$/, '')
      .trimEnd();
    if (!line.trim()) return;
    const where = `${file}:${index + 1}`;
    const key = /^([A-Za-z][\w.]*):$/.exec(line);
    if (key) {
      if (currentKey && !hasValue) throw new StackError(`${where}: ${currentKey} has no "- value:" item.`);
      currentKey = key[1];
      hasValue = false;
      return;
    }
    const value = /^\s+-\s+value:\s*(.+)$/.exec(line);
    if (value && currentKey) {
      if (hasValue)
        throw new StackError(`${where}: ${currentKey} has several values; the dev server takes one per key.`);
      entries.push([currentKey, toJsonScalar(value[1].trim())]);
      hasValue = true;
      return;
    }
    if (/^\s+constraints:\s*\{\s*\}$/.test(line) && hasValue) return;
    throw new StackError(
      `${where}: "${raw.trim()}" is outside the subset the dev server translation understands.`,
    );
  });
  if (currentKey && !hasValue) throw new StackError(`${file}: ${currentKey} has no "- value:" item.`);
  return entries;
}

function toJsonScalar(yamlScalar: string): string {
  try {
    return JSON.stringify(JSON.parse(yamlScalar)); // true, false, numbers, "quoted strings"
  } catch {
    const unquoted = /^'(.*)'$/.exec(yamlScalar)?.[1] ?? yamlScalar;
    return JSON.stringify(unquoted);
  }
}

/** `--search-attribute` and `--dynamic-config-value` flags for `temporal server start-dev`. */
export function devServerConfigFlags(): string[] {
  const flags: string[] = [];
  for (const [name, type] of Object.entries(readSearchAttributes()))
    flags.push('--search-attribute', `${name}=${type}`);
  const file = path.join(TEMPORAL_CONFIG_DIR, 'dynamic-config.yaml');
  for (const [key, value] of parseDynamicConfig(fs.readFileSync(file, 'utf8'), file)) {
    flags.push('--dynamic-config-value', `${key}=${value}`);
  }
  return flags;
}
