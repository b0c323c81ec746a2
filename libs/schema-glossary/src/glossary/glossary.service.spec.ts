import { describe, expect, it } from 'vitest';
import { GlossaryService } from './glossary.service.js';

const slugsIn = (text: string) => new GlossaryService().termsIn('text', text).map((term) => term.slug);

describe('GlossaryService.termsIn', () => {
  it('finds no deployment pipeline in a text that only says "data pipeline"', () => {
    // What the NASA JPL story said before the fact check.
    const nasa =
      "For the Curiosity rover's arrival in August 2012, the Jet Propulsion Laboratory ran its data pipeline " +
      'on Amazon S3 and EC2, as Computerworld reported that year.';
    expect(slugsIn(nasa)).not.toContain('deployment-pipeline');
    expect(slugsIn('Logs flow through a pipeline into the warehouse.')).not.toContain('deployment-pipeline');
  });

  it('finds the deployment pipeline where a text names it', () => {
    for (const text of [
      'Spinnaker deployment pipelines roll it out.',
      'Every change goes through the delivery pipeline.',
      'A release pipeline stops at the first failing stage.',
      'Our CI/CD pipeline runs on each push.',
    ]) {
      expect(slugsIn(text), text).toContain('deployment-pipeline');
    }
  });

  it('remembers the answer per key within a request', () => {
    const glossary = new GlossaryService();
    expect(glossary.termsIn('netflix', 'a canary release').map((t) => t.slug)).toEqual(['canary-release']);
    expect(glossary.termsIn('netflix', 'other text').map((t) => t.slug)).toEqual(['canary-release']);
  });
});
