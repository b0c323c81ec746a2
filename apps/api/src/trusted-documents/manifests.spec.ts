import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readConfig } from '../config.js';
import { createApiServer } from '../server.js';
import { documentHash, folderManifests, ManifestError, parseManifest } from './manifests.js';

const DAYS = 'query Days { days { number } }';

describe('persisted-documents manifests', () => {
  it('accepts ids with or without the sha256: prefix and refuses one that is not its text hash', () => {
    expect(parseManifest(JSON.stringify({ [`sha256:${documentHash(DAYS)}`]: DAYS }), 'm.json')).toEqual({
      [documentHash(DAYS)]: DAYS,
    });
    expect(() => parseManifest(JSON.stringify({ [documentHash(DAYS)]: `${DAYS} ` }), 'm.json')).toThrow(
      /m\.json: the document under .* does not hash to its id/,
    );
    expect(() => parseManifest('[1]', 'm.json')).toThrow(ManifestError);
    expect(() => parseManifest('{ nope', 'm.json')).toThrow(/m\.json is not JSON/);
  });

  it('reads every manifest of TRUSTED_DOCUMENTS_DIR, and the api refuses to start with a bad one', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'manifests-'));
    try {
      writeFileSync(join(folder, 'a.json'), JSON.stringify({ [documentHash(DAYS)]: DAYS }));
      writeFileSync(join(folder, 'notes.txt'), 'not a manifest');
      expect(folderManifests(folder).map((m) => m.source)).toEqual(['TRUSTED_DOCUMENTS_DIR/a.json']);
      writeFileSync(join(folder, 'b.json'), JSON.stringify({ [documentHash(DAYS)]: 'query Other { days { title } }' }));
      const config = readConfig({ DATABASE_URL: 'sqlite::memory:', TRUSTED_DOCUMENTS_DIR: folder, WEB_ROOT: '/x' });
      await expect(createApiServer(config, { workspaceRoot: null })).rejects.toThrow(ManifestError);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });

  it('leaves out a document this schema cannot run, and says why', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'manifests-'));
    const stale = 'query Gone { stories { nodes { noSuchField } } }';
    try {
      writeFileSync(
        join(folder, 'old.json'),
        JSON.stringify({ [documentHash(stale)]: stale, [documentHash(DAYS)]: DAYS }),
      );
      const config = readConfig({ DATABASE_URL: 'sqlite::memory:', TRUSTED_DOCUMENTS_DIR: folder, WEB_ROOT: '/x' });
      const server = await createApiServer(config, { workspaceRoot: null });
      try {
        expect(server.trustedDocuments.size).toBe(2); // DAYS and the glossary module's document
        expect(server.trustedDocuments.report.skipped).toEqual([
          {
            source: 'TRUSTED_DOCUMENTS_DIR/old.json',
            id: `sha256:${documentHash(stale)}`,
            reason: 'Cannot query field "noSuchField" on type "Story".',
          },
        ]);
      } finally {
        await server.close();
      }
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });
});
