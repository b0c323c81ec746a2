import { Story } from '@devops-stories/story-model';
import { Field, FieldResolver, ObjectType, Query, Resolver, Root } from 'type-graphql';
import { describe, expect, it } from 'vitest';
import type { StoryNode } from '../node/nodes.js';
import { createGraphHarness } from '../testing/graph-harness.js';
import { assertNoConflicts, modularContextFactory, SchemaModuleConflictError } from './module-registry.js';
import { defineSchemaModule } from './schema-module.js';
import { storyModule } from './story.module.js';

@Resolver(() => Story)
class ShoutResolver {
  @FieldResolver(() => String)
  shout(@Root() story: StoryNode): string {
    return story.title.toUpperCase();
  }
}

@Resolver(() => Story)
class TitleAgainResolver {
  @FieldResolver(() => String)
  title(@Root() story: StoryNode): string {
    return story.title;
  }
}

@Resolver()
class StoriesAgainResolver {
  @Query(() => String)
  stories(): string {
    return 'mine';
  }
}

@ObjectType('Badge')
class BadgeA {
  @Field(() => String)
  label!: string;
}

@ObjectType('Badge')
class BadgeB {
  @Field(() => String)
  label!: string;
}

const shout = defineSchemaModule({ name: 'shout', resolvers: [ShoutResolver] });

describe('schema module registry', () => {
  it('lets a module add a field to a type another module owns', async () => {
    const h = await createGraphHarness([storyModule, shout]);
    const { data, errors } = await h.run('{ story(slug: "etsy") { title shout } }');
    expect(errors).toBeUndefined();
    expect(data!.story.shout).toBe(data!.story.title.toUpperCase());
    await h.store.close();
  });

  it('fails with both module names when a module redefines a field of another', () => {
    const clash = defineSchemaModule({ name: 'titles', resolvers: [TitleAgainResolver] });
    expect(() => assertNoConflicts([storyModule, clash])).toThrow(SchemaModuleConflictError);
    expect(() => assertNoConflicts([storyModule, clash])).toThrow(
      'field Story.title is defined by module "story" (class Story) and module "titles" (TitleAgainResolver.title)',
    );
  });

  it('fails with both module names for the same root field or the same type', () => {
    const roots = defineSchemaModule({ name: 'again', resolvers: [StoriesAgainResolver] });
    expect(() => assertNoConflicts([storyModule, roots])).toThrow(
      'field Query.stories is defined by module "story" (StoryResolver.stories) and module "again" (StoriesAgainResolver.stories)',
    );
    const a = defineSchemaModule({ name: 'badges-a', resolvers: [ShoutResolver], types: [BadgeA] });
    const b = defineSchemaModule({ name: 'badges-b', resolvers: [StoriesAgainResolver], types: [BadgeB] });
    expect(() => assertNoConflicts([a, b])).toThrow(
      'type Badge is defined by module "badges-a" (class BadgeA) and module "badges-b" (class BadgeB)',
    );
  });

  it('fails for a module registered twice and for clashing context keys', async () => {
    expect(() => assertNoConflicts([storyModule, shout, shout])).toThrow('module name "shout" is registered twice');
    const h = await createGraphHarness();
    const one = defineSchemaModule({ name: 'one', resolvers: [], context: () => ({ clock: 1 }) });
    const two = defineSchemaModule({ name: 'two', resolvers: [], context: () => ({ clock: 2 }) });
    expect(() => modularContextFactory([one, two], { store: h.store, cursorSecret: 's' })).toThrow(
      'context key "clock" is added by module "one" and module "two"',
    );
    expect(() =>
      modularContextFactory(
        [one, defineSchemaModule({ name: 'shadow', resolvers: [], context: () => ({ view: 'all' }) })],
        {
          store: h.store,
          cursorSecret: 's',
        },
      ),
    ).toThrow('context key "view" is added by story core and module "shadow"');
    await h.store.close();
  });

  it("gives each request a fresh core context with each module's additions", async () => {
    const h = await createGraphHarness();
    let calls = 0;
    const counter = defineSchemaModule({ name: 'counter', resolvers: [], context: () => ({ request: ++calls }) });
    const createContext = modularContextFactory([counter], { store: h.store, cursorSecret: 's' });
    const [first, second] = [createContext(), createContext()];
    expect(first).toMatchObject({ store: h.store, view: 'published', request: calls - 1 });
    expect(second).toMatchObject({ store: h.store, view: 'published', request: calls });
    expect(second.loaders).not.toBe(first.loaders);
    await h.store.close();
  });
});
