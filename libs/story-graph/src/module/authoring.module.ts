import { ApiToken, AuditEntry, Submission, SubmissionReceipt, UserError } from '@devops-stories/story-model';
import { AuditResolver } from '../audit/audit.resolver.js';
import { CompanyMutations } from '../company/company.mutations.js';
import { DayMutations } from '../day/day.mutations.js';
import { PracticeMutations } from '../practice/practice.mutations.js';
import { RecapMutations } from '../recap/recap.mutations.js';
import { StoryMutations } from '../story/story.mutations.js';
import { SubmissionResolver } from '../submission/submission.resolver.js';
import { TokenResolver } from '../token/token.resolver.js';
import { defineSchemaModule } from './schema-module.js';

/**
 * Authoring: the content mutations (editors), community submissions (anyone submits, moderators
 * review), API tokens and the audit log (admins). Register it after the story module.
 */
export const authoringModule = defineSchemaModule({
  name: 'authoring',
  resolvers: [
    StoryMutations,
    CompanyMutations,
    PracticeMutations,
    DayMutations,
    RecapMutations,
    SubmissionResolver,
    TokenResolver,
    AuditResolver,
  ],
  types: [UserError, Submission, SubmissionReceipt, ApiToken, AuditEntry],
});
