const IPV4_MAPPED = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i;

/**
 * A client's address as people write it. On a dual-stack socket (the api listens on `::`) Node reports an IPv4
 * peer as an IPv4-mapped IPv6 address, `::ffff:127.0.0.1`, and a proxy may forward one the same way; those are
 * the IPv4 address inside. Other addresses are returned as they are.
 */
export function unmappedIp(ip: string): string {
  return IPV4_MAPPED.exec(ip)?.[1] ?? ip;
}
