import type { Complexity } from 'type-graphql';

/**
 * The cost of a field inside one page (`nodes`, `edges`): 1 plus what is selected in it, counted
 * once, because the list or connection around it already multiplies by the page size.
 */
export const IN_PAGE_COST: Complexity = ({ childComplexity }) => 1 + childComplexity;

/**
 * The cost of a list or connection sized by `first` (or `last`): `base` + size × the cost of what is
 * selected inside it. A size the API would refuse (absent, null, 0 or negative) counts as
 * `defaultSize`, so an invalid argument can never lower the cost of the rest of a document.
 */
export function pagedCost(defaultSize: number, base = 1): Complexity {
  return ({ args, childComplexity }) => {
    const requested = args['first'] ?? args['last'];
    const size = typeof requested === 'number' && requested >= 1 ? requested : defaultSize;
    return base + size * childComplexity;
  };
}

/** The sentence SDL descriptions use for a field priced by {@link pagedCost}. */
export function pagedCostNote(defaultSize: number, base = 1): string {
  return `Cost: ${base} + page size × the cost of the selection (page size ${defaultSize} when not given).`;
}
