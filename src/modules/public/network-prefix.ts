import ipaddr from 'ipaddr.js';

/**
 * The network an address belongs to, as the public limits count it: its /24 for IPv4 and its
 * /64 for IPv6 (one household or one subscriber gets a whole /64, so counting per address
 * would let one client rotate through billions). An IPv4-mapped IPv6 address counts as IPv4.
 * Something that is not an address at all counts as itself.
 *
 * @example networkPrefix('::ffff:203.0.113.9') // '203.0.113.0/24'
 */
export function networkPrefix(address: string): string {
  if (!ipaddr.isValid(address)) return address;
  const ip = ipaddr.process(address);
  if (ip.kind() === 'ipv4') return `${(ip as ipaddr.IPv4).octets.slice(0, 3).join('.')}.0/24`;
  const parts = (ip as ipaddr.IPv6).parts.slice(0, 4).map((p) => p.toString(16));
  return `${parts.join(':')}::/64`;
}
