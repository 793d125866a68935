const pad = (n: number): string => String(n).padStart(2, '0');

/**
 * Formats an instant as `YYYY-MM-DD HH:mm:ss` in the browser's time zone (R-0-04).
 * Missing or unparseable values give "-" (R-0-05).
 */
export function formatDateTime(value: string | number | Date | null | undefined): string {
  if (value === null || value === undefined || value === '') return '-';
  const date = value instanceof Date ? value : new Date(value);
  if (Number.isNaN(date.getTime())) return '-';
  return (
    `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())} ` +
    `${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())}`
  );
}
