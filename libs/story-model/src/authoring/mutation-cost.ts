import type { Complexity } from 'type-graphql';

/** What a mutation costs before its payload's selection: a write is dearer than a read. */
export const MUTATION_BASE_COST = 10;

/** The cost of a mutation: {@link MUTATION_BASE_COST} plus what its payload selects. */
export const MUTATION_COST: Complexity = ({ childComplexity }) => MUTATION_BASE_COST + childComplexity;

/** The sentence SDL descriptions use for a mutation's price. */
export const MUTATION_COST_NOTE = `Cost: ${MUTATION_BASE_COST} + the cost of the payload's selection.`;
