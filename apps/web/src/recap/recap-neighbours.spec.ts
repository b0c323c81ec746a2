import { describe, expect, it } from 'vitest';
import { recapNeighbours } from './recap-neighbours.js';

const recaps = [
  { day: 13, title: 'Recap: days 7-13' },
  { day: 6, title: 'Recap: days 1-6' },
  { day: 20, title: 'Recap: days 14-20' },
];

describe('recapNeighbours', () => {
  it('finds the recaps just before and after, whatever the order', () => {
    expect(recapNeighbours(recaps, 13)).toEqual({ previous: recaps[1], next: recaps[2] });
  });

  it('has no previous for the first and no next for the last', () => {
    expect(recapNeighbours(recaps, 6)).toEqual({ previous: undefined, next: recaps[0] });
    expect(recapNeighbours(recaps, 20)).toEqual({ previous: recaps[0], next: undefined });
  });

  it('has neither when there is only one recap', () => {
    expect(recapNeighbours([recaps[1]], 6)).toEqual({ previous: undefined, next: undefined });
  });

  it('gives the nearest recaps around a day that has none', () => {
    expect(recapNeighbours(recaps, 3)).toEqual({ previous: undefined, next: recaps[1] });
    expect(recapNeighbours(recaps, 15)).toEqual({ previous: recaps[0], next: recaps[2] });
  });
});
