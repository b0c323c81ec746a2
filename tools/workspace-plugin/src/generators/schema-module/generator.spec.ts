import { logger, readJson, type Tree } from '@nx/devkit';
import { createTreeWithEmptyWorkspace } from '@nx/devkit/testing';
import * as ts from 'typescript';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { addModuleToRegistry, API_REGISTRY, RegistryShapeError } from './api-registration.js';
import { schemaModuleGenerator } from './generator.js';
import { InvalidSchemaModuleNameError, schemaModuleNames } from './module-names.js';

const REGISTRY = `import { glossaryModule } from '@devops-stories/schema-glossary';
import { type SchemaModule, storyModule } from '@devops-stories/story-graph';

/** Every schema module the API serves. */
export const schemaModules: SchemaModule[] = [storyModule, glossaryModule];
`;

const SDL = `type PageInfo {
  hasNextPage: Boolean!
}

type Query {
  stories(first: Int): [Story!]!
  story(slug: String!): Story
}

type Story {
  slug: String!
}

input StoryFilter {
  practice: String
}
`;

/** A workspace with the API and the glossary module, shaped like this repository. */
function seedWorkspace(): Tree {
  const tree = createTreeWithEmptyWorkspace({ formatter: 'none' });
  // The repository's settings (.prettierrc.json); formatFiles reads them from a tree as .prettierrc.
  tree.write('.prettierrc', JSON.stringify({ singleQuote: true, printWidth: 120 }));
  tree.write(
    'package.json',
    JSON.stringify({ name: '@devops-stories/source', dependencies: { 'type-graphql': '2.0.0-rc.4' } }),
  );
  tree.write(
    'tsconfig.json',
    JSON.stringify({ files: [], references: [{ path: './libs/schema-glossary' }, { path: './apps/api' }] }),
  );
  tree.write(API_REGISTRY, REGISTRY);
  tree.write('apps/api/schema.graphql', SDL);
  tree.write(
    'apps/api/package.json',
    JSON.stringify({
      name: '@devops-stories/api',
      dependencies: { '@devops-stories/story-graph': '*', fastify: '^5.0.0' },
    }),
  );
  tree.write(
    'apps/api/tsconfig.app.json',
    JSON.stringify({ compilerOptions: {}, references: [{ path: '../../libs/story-graph/tsconfig.lib.json' }] }),
  );
  tree.write('libs/schema-glossary/package.json', JSON.stringify({ name: '@devops-stories/schema-glossary' }));
  tree.write(
    'libs/schema-glossary/src/glossary/term.type.ts',
    `@ObjectType({ description: 'A term.' })\nexport class Term {\n  @Field(() => String)\n  slug!: string;\n}\n`,
  );
  tree.write(
    'libs/schema-glossary/src/glossary/glossary.resolver.ts',
    `@Resolver(() => Term)\nexport class GlossaryResolver {\n  @Query(() => [Term])\n  glossary(): Term[] {\n    return [];\n  }\n\n  @Query(() => Term, { name: 'termOfTheDay' })\n  today(): Term {\n    return {} as Term;\n  }\n}\n`,
  );
  tree.write(
    'libs/schema-glossary/src/glossary.module.ts',
    `export const glossaryModule = defineSchemaModule({ name: 'glossary', resolvers: [GlossaryResolver], types: [Term] });\n`,
  );
  tree.write(
    'libs/help-desk/src/faq.module.ts',
    `export const helpModule = defineSchemaModule({ name: 'faq', resolvers: [] });\nregisterEnumType(Urgency, { name: 'Urgency' });\n`,
  );
  return tree;
}

/** Every pending change with its content, to prove a failed run changed nothing. */
function snapshot(tree: Tree) {
  return tree
    .listChanges()
    .map((change) => ({ path: change.path, type: change.type, content: change.content?.toString('utf-8') }));
}

describe('schema-module generator', () => {
  let tree: Tree;
  beforeEach(() => {
    tree = seedWorkspace();
  });
  afterEach(() => vi.restoreAllMocks());

  it('creates libs/schema-<name> with package, tsconfigs, test config, type, resolver, module, barrel and spec', async () => {
    await schemaModuleGenerator(tree, { name: 'release-notes' });

    const root = 'libs/schema-release-notes';
    const created = tree
      .listChanges()
      .filter((c) => c.type === 'CREATE' && c.path.startsWith(`${root}/`))
      .map((c) => c.path.slice(root.length + 1))
      .sort();
    expect(created).toEqual([
      'eslint.config.mjs',
      'package.json',
      'src/index.ts',
      'src/release-notes.module.ts',
      'src/release-notes/release-notes.resolver.spec.ts',
      'src/release-notes/release-notes.resolver.ts',
      'src/release-notes/release-notes.type.ts',
      'tsconfig.json',
      'tsconfig.lib.json',
      'tsconfig.spec.json',
      'vitest.config.ts',
    ]);

    const pkg = readJson(tree, `${root}/package.json`);
    expect(pkg).toMatchObject({
      name: '@devops-stories/schema-release-notes',
      type: 'module',
      nx: { tags: ['scope:api', 'type:schema-module'] },
      dependencies: { '@devops-stories/story-graph': '*', 'type-graphql': '2.0.0-rc.4' },
    });
    expect(pkg.exports['.']['@devops-stories/source']).toBe('./src/index.ts');
    expect(Object.keys(pkg.exports['.'])[0]).toBe('@devops-stories/source');

    const lib = readJson(tree, `${root}/tsconfig.lib.json`);
    expect(lib.compilerOptions).toMatchObject({
      experimentalDecorators: true,
      emitDecoratorMetadata: true,
      rootDir: 'src',
    });
    expect(lib.references).toEqual([{ path: '../story-graph/tsconfig.lib.json' }]);
    expect(readJson(tree, `${root}/tsconfig.spec.json`).references).toEqual([{ path: './tsconfig.lib.json' }]);
    expect(tree.read(`${root}/vitest.config.ts`, 'utf-8')).toContain(
      'projectTestConfig(import.meta.url, { decorators: true })',
    );

    const type = tree.read(`${root}/src/release-notes/release-notes.type.ts`, 'utf-8')!;
    expect(type).toContain('export class ReleaseNotes {');
    expect(type).toContain('@Field(() => String');
    const resolver = tree.read(`${root}/src/release-notes/release-notes.resolver.ts`, 'utf-8')!;
    expect(resolver).toContain('@Query(() => ReleaseNotes');
    expect(resolver).toContain('releaseNotes(): ReleaseNotes {');
    const module = tree.read(`${root}/src/release-notes.module.ts`, 'utf-8')!;
    expect(module).toContain("export const releaseNotesModule = defineSchemaModule({\n  name: 'release-notes',");
    expect(module).toContain('resolvers: [ReleaseNotesResolver],\n  types: [ReleaseNotes],');
    const spec = tree.read(`${root}/src/release-notes/release-notes.resolver.spec.ts`, 'utf-8')!;
    expect(spec).toContain('buildModularSchema([storyModule, releaseNotesModule])');
    expect(spec).toContain("const type = schema.getType('ReleaseNotes');");
    expect(spec).toContain(
      "expect(isObjectType(type) && Object.keys(type.getFields())).toEqual(['module', 'summary']);",
    );
    expect(spec).toContain("source: '{ releaseNotes { module summary } }', contextValue: {}");
  });

  it('writes TypeScript that parses, with relative imports ending in .js', async () => {
    await schemaModuleGenerator(tree, { name: 'k8s-tips' });
    const sources = tree
      .listChanges()
      .filter((c) => c.path.startsWith('libs/schema-k8s-tips/') && c.path.endsWith('.ts'));
    expect(sources.length).toBeGreaterThanOrEqual(5);
    for (const { path, content } of sources) {
      const text = content!.toString('utf-8');
      const { diagnostics } = ts.transpileModule(text, {
        fileName: path,
        reportDiagnostics: true,
        compilerOptions: {
          experimentalDecorators: true,
          module: ts.ModuleKind.NodeNext,
          target: ts.ScriptTarget.ES2022,
        },
      });
      expect(diagnostics, path).toEqual([]);
      for (const [, specifier] of text.matchAll(/from '(\.[^']*)'/g)) expect(specifier, path).toMatch(/\.js$/);
    }
    expect(tree.read('libs/schema-k8s-tips/src/index.ts', 'utf-8')).toContain(
      "export { k8sTipsModule } from './k8s-tips.module.js';",
    );
  });

  it('registers the module with the API: registry entry, dependency, tsconfig references', async () => {
    await schemaModuleGenerator(tree, { name: 'badges' });

    expect(tree.read(API_REGISTRY, 'utf-8')).toBe(`import { badgesModule } from '@devops-stories/schema-badges';
import { glossaryModule } from '@devops-stories/schema-glossary';
import { type SchemaModule, storyModule } from '@devops-stories/story-graph';

/** Every schema module the API serves. */
export const schemaModules: SchemaModule[] = [storyModule, glossaryModule, badgesModule];
`);
    expect(Object.entries(readJson(tree, 'apps/api/package.json').dependencies)).toEqual([
      ['@devops-stories/schema-badges', '*'],
      ['@devops-stories/story-graph', '*'],
      ['fastify', '^5.0.0'],
    ]);
    expect(readJson(tree, 'apps/api/tsconfig.app.json').references).toEqual([
      { path: '../../libs/story-graph/tsconfig.lib.json' },
      { path: '../../libs/schema-badges/tsconfig.lib.json' },
    ]);
    expect(readJson(tree, 'tsconfig.json').references).toEqual([
      { path: './libs/schema-glossary' },
      { path: './libs/schema-badges' },
      { path: './apps/api' },
    ]);
  });

  it("formats what it writes with the workspace's Prettier settings, and leaves that to the caller on skipFormat", async () => {
    const long = ['storyModule', ...Array.from({ length: 6 }, (_, i) => `someRatherLongExtensionModule${i}`)];
    const registry = `import { type SchemaModule } from '@devops-stories/story-graph';\n\nexport const schemaModules: SchemaModule[] = [${long.join(', ')}];\n`;
    tree.write(API_REGISTRY, registry);
    const unformatted = seedWorkspace();
    unformatted.write(API_REGISTRY, registry);

    await schemaModuleGenerator(tree, { name: 'badges' });
    await schemaModuleGenerator(unformatted, { name: 'badges', skipFormat: true });

    expect(tree.read(API_REGISTRY, 'utf-8')).toContain(
      `export const schemaModules: SchemaModule[] = [\n  storyModule,\n  someRatherLongExtensionModule0,\n`,
    );
    expect(tree.read(API_REGISTRY, 'utf-8')).toContain('  badgesModule,\n];\n');
    expect(unformatted.read(API_REGISTRY, 'utf-8')).toContain(`[${long.join(', ')}, badgesModule];`);
  });

  it('prints the next steps once the files are written', async () => {
    const info = vi.spyOn(logger, 'info').mockImplementation(() => undefined);
    const callback = await schemaModuleGenerator(tree, { name: 'badges' });
    expect(info).not.toHaveBeenCalled();
    await callback();
    const printed = info.mock.calls.map((call) => String(call[0])).join('\n');
    expect(printed).toContain('npm install');
    expect(printed).toContain('npx nx test @devops-stories/schema-badges');
    expect(printed).toContain('npx nx run @devops-stories/api:emit-schema');
    expect(printed).toContain('apps/api/schema.graphql');
  });

  describe('refuses a name and writes nothing', () => {
    const refuses = async (name: string, message: RegExp) => {
      const before = snapshot(tree);
      const error = await schemaModuleGenerator(tree, { name }).then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(InvalidSchemaModuleNameError);
      expect((error as Error).message).toMatch(message);
      expect(snapshot(tree)).toEqual(before);
    };

    it.each([
      'Glossary',
      'my_mod',
      '1abc',
      'release notes',
      'a--b',
      '-badges',
      'badges-',
      'ünïcode',
      '',
      'x'.repeat(41),
    ])('not kebab-case: %j', async (name) => refuses(name, /is not a valid schema module name: use kebab-case/));

    it('with the schema- prefix the generator adds itself', async () => {
      await refuses('schema-badges', /leave out the "schema-" prefix.*try "badges"/);
    });

    it.each([
      'story',
      'core',
      'graph',
      'model',
      'api',
      'web',
      'query',
      'mutation',
      'subscription',
      'node',
      'string',
      'id',
    ])('reserved: %s', async (name) => refuses(name, new RegExp(`^"${name}" is reserved`)));

    it('taken by an existing library', async () => {
      await refuses('glossary', /"glossary" is taken: libs\/schema-glossary already exists/);
    });

    it('taken by a module of that name in another library', async () => {
      await refuses('faq', /a schema module named "faq" is defined in libs\/help-desk\/src\/faq\.module\.ts/);
    });

    it('taken in the registry', async () => {
      tree.write(API_REGISTRY, addModuleToRegistry(REGISTRY, schemaModuleNames('badges')));
      await refuses('badges', /apps\/api\/src\/schema-modules\.ts already registers badgesModule/);
    });

    it('whose GraphQL type exists in a module source or in the schema', async () => {
      await refuses(
        'term',
        /its GraphQL type "Term" already exists \(libs\/schema-glossary\/src\/glossary\/term\.type\.ts\)/,
      );
      await refuses('story-filter', /its GraphQL type "StoryFilter" already exists \(apps\/api\/schema\.graphql\)/);
      await refuses('page-info', /"PageInfo" already exists/);
      await refuses('urgency', /"Urgency" already exists \(libs\/help-desk/);
    });

    it('whose root query exists, by method name or explicit name', async () => {
      await refuses('stories', /its root field "Query\.stories" already exists \(apps\/api\/schema\.graphql\)/);
      await refuses('term-of-the-day', /"Query\.termOfTheDay" already exists \(libs\/schema-glossary/);
    });
  });

  it('fails without writing when the registry lost its array literal', async () => {
    tree.write(API_REGISTRY, `export const schemaModules = loadModules();\n`);
    const before = snapshot(tree);
    await expect(schemaModuleGenerator(tree, { name: 'badges' })).rejects.toThrow(RegistryShapeError);
    await expect(schemaModuleGenerator(tree, { name: 'badges' })).rejects.toThrow(
      /must declare `export const schemaModules/,
    );
    expect(snapshot(tree)).toEqual(before);
  });
});

describe('addModuleToRegistry', () => {
  const badges = schemaModuleNames('badges');

  it('keeps a multi-line array multi-line, after a trailing comma too', () => {
    const source = `import { storyModule } from '@devops-stories/story-graph';\n\nexport const schemaModules = [\n  storyModule,\n];\n`;
    expect(addModuleToRegistry(source, badges)).toBe(
      `import { badgesModule } from '@devops-stories/schema-badges';\nimport { storyModule } from '@devops-stories/story-graph';\n\nexport const schemaModules = [\n  storyModule,\n  badgesModule,\n];\n`,
    );
  });

  it('fills an empty array and appends the import after earlier-sorting ones', () => {
    const source = `import type { SchemaModule } from '@devops-stories/api-types';\n\nexport const schemaModules: SchemaModule[] = [] satisfies SchemaModule[];\n`;
    expect(addModuleToRegistry(source, badges)).toBe(
      `import type { SchemaModule } from '@devops-stories/api-types';\nimport { badgesModule } from '@devops-stories/schema-badges';\n\nexport const schemaModules: SchemaModule[] = [badgesModule] satisfies SchemaModule[];\n`,
    );
  });

  it('changes nothing the second time', () => {
    const once = addModuleToRegistry(REGISTRY, badges);
    expect(once).not.toBe(REGISTRY);
    expect(addModuleToRegistry(once, badges)).toBe(once);
  });
});
