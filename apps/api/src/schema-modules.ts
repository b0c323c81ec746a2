import { glossaryModule } from '@devops-stories/schema-glossary';
import { authoringModule, type SchemaModule, storyModule } from '@devops-stories/story-graph';

/**
 * Every schema module the API serves: the core story module first, then extensions.
 * The workspace generator appends new modules here.
 */
export const schemaModules: SchemaModule[] = [storyModule, authoringModule, glossaryModule];
