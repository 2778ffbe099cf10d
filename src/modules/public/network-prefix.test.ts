import { describe, expect, it } from 'vitest';
import { networkPrefix } from './network-prefix.ts';

describe('networkPrefix', () => {
  it('counts IPv4 by /24, IPv6 by /64 and IPv4-mapped IPv6 as IPv4', () => {
    expect(networkPrefix('203.0.113.9')).toBe('203.0.113.0/24');
    expect(networkPrefix('203.0.113.200')).toBe('203.0.113.0/24');
    expect(networkPrefix('::ffff:203.0.113.9')).toBe('203.0.113.0/24');
    expect(networkPrefix('2001:db8:1:2:aaaa::1')).toBe('2001:db8:1:2::/64');
    expect(networkPrefix('2001:0db8:0001:0002:ffff:ffff:ffff:ffff')).toBe('2001:db8:1:2::/64');
    expect(networkPrefix('2001:db8:1:3::1')).not.toBe(networkPrefix('2001:db8:1:2::1'));
    expect(networkPrefix('not an address')).toBe('not an address');
  });
});
