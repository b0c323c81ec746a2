import { SOURCE_KINDS } from '@devops-stories/story-content';
import { SourceKind } from '@devops-stories/story-model';
import { describe, expect, it } from 'vitest';

describe('SourceKind', () => {
  it("mirrors the content's SOURCE_KINDS, the one list of kinds, value for value", () => {
    expect(Object.values(SourceKind).sort()).toEqual(SOURCE_KINDS.map((kind) => kind.toUpperCase()).sort());
  });
});
