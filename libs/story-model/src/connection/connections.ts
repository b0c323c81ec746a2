import { Recap } from '../recap/recap.type.js';
import { SearchHit } from '../search/search.type.js';
import { Story } from '../story/story.type.js';
import { createConnectionTypes } from './connection.type.js';

const story = createConnectionTypes(Story, 'Story');
const recap = createConnectionTypes(Recap, 'Recap');
const searchHit = createConnectionTypes(SearchHit, 'SearchHit');

/** A page of stories. */
export const StoryConnection = story.Connection;
/** A page of stories. */
export type StoryConnection = InstanceType<typeof StoryConnection>;
/** A story in a page. */
export const StoryEdge = story.Edge;
/** A page of recaps. */
export const RecapConnection = recap.Connection;
/** A page of recaps. */
export type RecapConnection = InstanceType<typeof RecapConnection>;
/** A page of ranked search hits. */
export const SearchHitConnection = searchHit.Connection;
/** A page of ranked search hits. */
export type SearchHitConnection = InstanceType<typeof SearchHitConnection>;
