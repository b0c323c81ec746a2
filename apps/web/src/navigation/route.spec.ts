import { describe, expect, it } from 'vitest';
import { isClosing, isPageChange, type Route, routeFromParams, routeParams, searchTerm } from './route.js';

const list: Route = { view: 'stories', practice: '', company: '', q: '' };

describe('route ↔ fragment parameters', () => {
  it('writes nothing for the route the attributes give, so an untouched element leaves the URL alone', () => {
    expect(routeParams(list, list)).toEqual({});
    const portal = { ...list, practice: 'continuous-deployment' };
    expect(routeParams(portal, portal)).toEqual({});
  });

  it('writes every non-empty field, and the view only when needed', () => {
    const route: Route = { ...list, story: 'amazon', practice: 'continuous-deployment', q: 'deploy' };
    expect(routeParams(route, list)).toEqual({ story: 'amazon', practice: 'continuous-deployment', q: 'deploy' });
    expect(routeParams({ ...list, view: 'recap', recap: 6, day: 3 }, list)).toEqual({
      view: 'recap',
      recap: '6',
      day: '3',
    });
  });

  it('records a cleared attribute filter as view=stories, which reads back as no filter', () => {
    const initial = { ...list, practice: 'continuous-deployment' };
    const params = routeParams(list, initial);
    expect(params).toEqual({ view: 'stories' });
    expect(routeFromParams(params)).toEqual({ ...list, story: undefined, day: undefined, recap: undefined });
  });

  it('round-trips a route', () => {
    const route: Route = {
      view: 'recap',
      story: 'etsy',
      day: 5,
      recap: 6,
      practice: 'a',
      company: 'b',
      q: 'roll back',
    };
    expect(routeFromParams(routeParams(route, list))).toEqual(route);
  });

  it('drops malformed values instead of sending them to the API', () => {
    expect(
      routeFromParams({ view: 'admin', story: '../x', day: '-1', recap: '1e3', practice: 'A B', company: '', q: 'x' }),
    ).toEqual({ ...list, story: undefined, day: undefined, recap: undefined });
    expect(routeFromParams({ day: '0' }).day).toBeUndefined();
    expect(routeFromParams({ story: 'x'.repeat(101) }).story).toBeUndefined();
  });

  it('commits only searches of two characters or more, trimmed', () => {
    expect(searchTerm('  rollback ')).toBe('rollback');
    expect(searchTerm(' r ')).toBe('');
    expect(searchTerm('x'.repeat(300))).toHaveLength(200);
  });
});

describe('route changes', () => {
  it('a story, a day, a recap or a view is another page; chips and search are not', () => {
    expect(isPageChange(list, { ...list, story: 'amazon' })).toBe(true);
    expect(isPageChange(list, { ...list, day: 5 })).toBe(true);
    expect(isPageChange(list, { ...list, view: 'recap' })).toBe(true);
    expect(isPageChange({ ...list, view: 'recap' }, { ...list, view: 'recap', recap: 6 })).toBe(true);
    expect(isPageChange(list, { ...list, practice: 'x', q: 'deploy' })).toBe(false);
  });

  it('closing a story or day is a step back; switching the view is not', () => {
    expect(isClosing({ ...list, story: 'amazon' }, list)).toBe(true);
    expect(isClosing({ ...list, day: 5, story: 'amazon' }, { ...list, day: 5 })).toBe(true);
    expect(isClosing({ ...list, day: 5 }, list)).toBe(true);
    expect(isClosing({ ...list, story: 'amazon' }, { ...list, view: 'recap' })).toBe(false);
    expect(isClosing(list, { ...list, story: 'amazon' })).toBe(false);
  });
});
