import { fields, httpUrl, list, optional, plainText } from './fields.js';
import { SUBMISSION_LIMITS } from './limits.js';

/** A reader's story as `submitStory` takes it: plain text and http(s) links, nothing else. */
export const SubmissionInputSchema = fields({
  company: plainText(SUBMISSION_LIMITS.company),
  title: plainText(SUBMISSION_LIMITS.title),
  whatChanged: plainText(SUBMISSION_LIMITS.text),
  outcome: plainText(SUBMISSION_LIMITS.text),
  links: list(httpUrl(), 1, SUBMISSION_LIMITS.links),
  name: optional(plainText(SUBMISSION_LIMITS.name)),
  contact: optional(plainText(SUBMISSION_LIMITS.contact)),
});

/** A moderator's note to the submitter (an approval note or a rejection reason). */
export const ModeratorNoteSchema = plainText(SUBMISSION_LIMITS.note);
