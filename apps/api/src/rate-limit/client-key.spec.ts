import { describe, expect, it } from 'vitest';
import { clientKey } from './client-key.js';

describe('clientKey', () => {
  it('keeps an IPv4 address whole', () => {
    expect(clientKey('203.0.113.7')).toBe('203.0.113.7');
    expect(clientKey('203.0.113.8')).not.toBe(clientKey('203.0.113.7'));
  });

  it('counts every address of one IPv6 /64 as one client', () => {
    const a = clientKey('2001:db8:aa:bb:1:2:3:4');
    expect(a).toBe('2001:db8:aa:bb::/64');
    expect(clientKey('2001:0db8:00aa:00bb:ffff:ffff:ffff:ffff')).toBe(a);
    expect(clientKey('2001:DB8:AA:BB::1')).toBe(a);
    expect(clientKey('2001:db8:aa:bb::1%eth0')).toBe(a);
    expect(clientKey('2001:db8:aa:bc::1')).not.toBe(a);
    expect(clientKey('::1')).toBe('0:0:0:0::/64');
    expect(clientKey('2001:db8::')).toBe('2001:db8:0:0::/64');
  });

  it('treats an IPv4-mapped IPv6 address as the IPv4 client it is', () => {
    expect(clientKey('::ffff:203.0.113.7')).toBe('203.0.113.7');
    expect(clientKey('::ffff:cb00:7107')).toBe('203.0.113.7');
  });

  it('leaves anything that is not an address as its own key', () => {
    expect(clientKey('local')).toBe('local');
    expect(clientKey('')).toBe('');
  });
});
