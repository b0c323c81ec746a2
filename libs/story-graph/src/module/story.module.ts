import {
  Company,
  Day,
  Metric,
  Node,
  PageInfo,
  Practice,
  Recap,
  SearchHit,
  Source,
  Story,
  StoryFilter,
  StoryOrder,
} from '@devops-stories/story-model';
import { AttributionResolver } from '../attribution/attribution.resolver.js';
import { CompanyResolver } from '../company/company.resolver.js';
import { DayResolver } from '../day/day.resolver.js';
import { NodeResolver } from '../node/node.resolver.js';
import { PracticeResolver } from '../practice/practice.resolver.js';
import { RecapResolver } from '../recap/recap.resolver.js';
import { SearchResolver } from '../search/search.resolver.js';
import { StoryResolver } from '../story/story.resolver.js';
import { defineSchemaModule } from './schema-module.js';

/** The core module: every query of the API contract v1 and the shared model types. */
export const storyModule = defineSchemaModule({
  name: 'story',
  resolvers: [
    StoryResolver,
    CompanyResolver,
    PracticeResolver,
    DayResolver,
    RecapResolver,
    SearchResolver,
    NodeResolver,
    AttributionResolver,
  ],
  types: [Node, Story, Company, Practice, Metric, Source, Day, Recap, SearchHit, PageInfo, StoryFilter, StoryOrder],
});
