import { describe, expect, it } from 'vitest';
import { readFragment, writeFragment } from './fragment.js';

describe('an element’s parameters in the URL fragment', () => {
  it('reads the keys of an element without an id, and ignores other parts', () => {
    expect(readFragment('#story=amazon&q=roll%20back&top', '')).toEqual({ story: 'amazon', q: 'roll back' });
    expect(readFragment('#top', '')).toBeUndefined();
    expect(readFragment('', '')).toBeUndefined();
  });

  it('keeps two elements apart by their id', () => {
    const hash = '#lesson.story=amazon&sidebar.view=recap&sidebar.recap=6';
    expect(readFragment(hash, 'lesson')).toEqual({ story: 'amazon' });
    expect(readFragment(hash, 'sidebar')).toEqual({ view: 'recap', recap: '6' });
    expect(readFragment(hash, '')).toBeUndefined();
  });

  it('replaces only its own keys, keeping the page’s anchor and the other element’s keys in place', () => {
    const hash = '#intro&lesson.story=amazon&sidebar.view=recap';
    expect(writeFragment(hash, 'lesson', { practice: 'continuous-deployment' })).toBe(
      'intro&sidebar.view=recap&lesson.practice=continuous-deployment',
    );
    expect(writeFragment(hash, 'sidebar', {})).toBe('intro&lesson.story=amazon');
    expect(writeFragment('', '', { story: 'etsy', q: 'a&b=c' })).toBe('story=etsy&q=a%26b%3Dc');
  });

  it('survives a malformed escape instead of throwing', () => {
    expect(readFragment('#q=%E0%A4%A&story=etsy', '')).toEqual({ q: '', story: 'etsy' });
  });
});
