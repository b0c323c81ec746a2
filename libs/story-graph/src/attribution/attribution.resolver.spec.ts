import { loadContent } from '@devops-stories/story-content';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createGraphHarness, type GraphHarness } from '../testing/graph-harness.js';

const ATTRIBUTION = '{ attribution { name author licence licenceUrl url page note } }';

describe('attribution', () => {
  let h: GraphHarness;
  beforeAll(async () => {
    h = await createGraphHarness();
  });
  afterAll(() => h.store.close());

  it("answers the credit of the content folder's series.yaml, in one statement", async () => {
    const { data, errors } = await h.run(ATTRIBUTION);
    expect(errors).toBeUndefined();
    expect(data!.attribution).toEqual(loadContent().series);
    expect(data!.attribution).toMatchObject({
      name: '#90DaysOfDevOps',
      licence: 'CC BY-NC-SA 4.0',
      licenceUrl: 'https://creativecommons.org/licenses/by-nc-sa/4.0/',
    });
    expect(h.statements).toHaveLength(1);
  });
});
