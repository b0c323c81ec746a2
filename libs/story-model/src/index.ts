import 'reflect-metadata';

export { Company } from './company/company.type.js';
export { ForwardPageArgs, PageArgs } from './connection/connection.args.js';
export { type ConnectionShape, createConnectionTypes, type EdgeShape } from './connection/connection.type.js';
export { RecapConnection, StoryConnection, StoryEdge } from './connection/connections.js';
export { PageInfo } from './connection/page-info.type.js';
export { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from './connection/page-size.js';
export { Day } from './day/day.type.js';
export { BodyFormat, OrderDirection, SourceKind, StoryOrderField } from './enums.js';
export { Metric } from './metric/metric.type.js';
export { Node, NODE_TYPENAMES, type NodeTypename } from './node/node.type.js';
export { Practice } from './practice/practice.type.js';
export { Recap } from './recap/recap.type.js';
export { SearchHit, SearchResult } from './search/search.type.js';
export { Source } from './source/source.type.js';
export { StoryFilter } from './story/story-filter.input.js';
export { StoryOrder } from './story/story-order.input.js';
export { Story } from './story/story.type.js';
