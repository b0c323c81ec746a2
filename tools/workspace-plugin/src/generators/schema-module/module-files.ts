import type { SchemaModuleNames } from './module-names.js';

/**
 * The workspace libraries the scaffold imports. `story-model` joins when the module
 * first imports a model type: `@nx/dependency-checks` rejects declared but unused
 * packages, and `nx sync` adds the matching tsconfig reference.
 */
const MODULE_DEPENDENCIES = ['story-graph'] as const;

const json = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;

/**
 * The files of a new schema module library, keyed by path relative to its root.
 * Shaped like the other libraries: sources resolved through the
 * `@devops-stories/source` condition, built by `tsc -b`, tested with the shared preset.
 *
 * Decorators get explicit type functions (`@Field(() => String)`) because the test
 * runner's transpiler emits no decorator metadata.
 */
export function schemaModuleFiles(n: SchemaModuleNames, typeGraphqlVersion: string): Record<string, string> {
  const { name, typeName, resolverName, queryField, moduleExport } = n;
  const summary = `Scaffolded by the schema-module generator; replace with what the ${name} module serves.`;
  return {
    'package.json': json({
      name: n.packageName,
      version: '0.1.0',
      private: true,
      type: 'module',
      main: './dist/index.js',
      types: './dist/index.d.ts',
      exports: {
        './package.json': './package.json',
        '.': {
          '@devops-stories/source': './src/index.ts',
          types: './dist/index.d.ts',
          import: './dist/index.js',
          default: './dist/index.js',
        },
      },
      nx: { tags: ['scope:api', 'type:schema-module'] },
      dependencies: {
        ...Object.fromEntries(MODULE_DEPENDENCIES.map((lib) => [`@devops-stories/${lib}`, '*'])),
        'type-graphql': typeGraphqlVersion,
      },
    }),
    // Extending the base makes the solution file composite, which `nx sync` needs to keep its root reference.
    'tsconfig.json': json({
      extends: '../../tsconfig.base.json',
      files: [],
      include: [],
      references: [{ path: './tsconfig.lib.json' }, { path: './tsconfig.spec.json' }],
    }),
    'tsconfig.lib.json': json({
      extends: '../../tsconfig.base.json',
      compilerOptions: {
        rootDir: 'src',
        outDir: 'dist',
        tsBuildInfoFile: 'dist/tsconfig.lib.tsbuildinfo',
        emitDeclarationOnly: false,
        types: ['node'],
        experimentalDecorators: true,
        emitDecoratorMetadata: true,
      },
      include: ['src/**/*.ts'],
      exclude: ['src/**/*.spec.ts', 'src/**/*.test.ts', 'src/test/**'],
      references: MODULE_DEPENDENCIES.map((lib) => ({ path: `../${lib}/tsconfig.lib.json` })),
    }),
    'tsconfig.spec.json': json({
      extends: '../../tsconfig.base.json',
      compilerOptions: {
        outDir: './out-tsc/vitest',
        types: ['node'],
        experimentalDecorators: true,
        emitDecoratorMetadata: true,
      },
      include: ['src/**/*.spec.ts', 'src/**/*.test.ts', 'src/test/**/*.ts'],
      references: [{ path: './tsconfig.lib.json' }],
    }),
    'vitest.config.ts': `import { projectTestConfig } from '../../vitest.preset.js';

export default projectTestConfig(import.meta.url, { decorators: true });
`,
    'eslint.config.mjs': `import baseConfig from '../../eslint.config.mjs';

export default [...baseConfig];
`,
    [`src/${name}/${name}.type.ts`]: `import { Field, ObjectType } from 'type-graphql';

/**
 * What the ${name} module serves. The class name is the GraphQL type name, unique in
 * the whole schema; rename the fields to the module's own.
 */
@ObjectType({ description: 'Served by the ${name} schema module.' })
export class ${typeName} {
  @Field(() => String, { description: 'The name of the schema module that serves this type.' })
  module!: string;

  @Field(() => String, { description: 'What the module is for.' })
  summary!: string;
}
`,
    [`src/${name}/${name}.resolver.ts`]: `import { Query, Resolver } from 'type-graphql';
import { ${typeName} } from './${name}.type.js';

/**
 * The root fields of the ${name} module. Fields on a type another module owns, such as
 * \`Story\` from @devops-stories/story-model, go in a \`@Resolver(() => Story)\` class
 * with \`@FieldResolver\`s, listed in the module's resolvers.
 */
@Resolver(() => ${typeName})
export class ${resolverName} {
  @Query(() => ${typeName}, { description: 'About the ${name} schema module.' })
  ${queryField}(): ${typeName} {
    return {
      module: '${name}',
      summary: '${summary}',
    };
  }
}
`,
    [`src/${name}.module.ts`]: `import { defineSchemaModule } from '@devops-stories/story-graph';
import { ${resolverName} } from './${name}/${name}.resolver.js';
import { ${typeName} } from './${name}/${name}.type.js';

/** The ${name} schema module; the API serves it because apps/api/src/schema-modules.ts lists it. */
export const ${moduleExport} = defineSchemaModule({
  name: '${name}',
  resolvers: [${resolverName}],
  types: [${typeName}],
});
`,
    'src/index.ts': `export { ${moduleExport} } from './${name}.module.js';
export { ${resolverName} } from './${name}/${name}.resolver.js';
export { ${typeName} } from './${name}/${name}.type.js';
`,
    [`src/${name}/${name}.resolver.spec.ts`]: `import { buildModularSchema, storyModule } from '@devops-stories/story-graph';
import { graphql } from 'graphql';
import { describe, expect, it } from 'vitest';
import { ${moduleExport} } from '../${name}.module.js';

describe('${name} module', () => {
  it('joins the story schema without conflicts and answers its query', async () => {
    const schema = await buildModularSchema([storyModule, ${moduleExport}]);
    expect(schema.getType('${typeName}')).toBeDefined();
    expect(Object.keys(schema.getQueryType()!.getFields())).toEqual(expect.arrayContaining(['story', '${queryField}']));

    const result = await graphql({ schema, source: '{ ${queryField} { module summary } }', contextValue: {} });
    expect(result.errors).toBeUndefined();
    expect(result.data).toEqual({ ${queryField}: { module: '${name}', summary: expect.stringContaining('${name}') } });
  });
});
`,
  };
}
