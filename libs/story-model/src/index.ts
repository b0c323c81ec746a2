import 'reflect-metadata';

export { Attribution } from './attribution/attribution.type.js';
export { Company } from './company/company.type.js';
export { ForwardPageArgs, PageArgs } from './connection/connection.args.js';
export { IN_PAGE_COST, pagedCost, pagedCostNote } from './connection/connection.cost.js';
export { type ConnectionShape, createConnectionTypes, type EdgeShape } from './connection/connection.type.js';
export { RecapConnection, SearchHitConnection, StoryConnection, StoryEdge } from './connection/connections.js';
export { PageInfo } from './connection/page-info.type.js';
export { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from './connection/page-size.js';
export { Day } from './day/day.type.js';
export {
  BodyFormat,
  OrderDirection,
  Origin,
  PublicationStatus,
  Role,
  SourceKind,
  StoryOrderField,
  SubmissionStatus,
  UserErrorCode,
} from './enums.js';
export { Metric } from './metric/metric.type.js';
export { Node, NODE_TYPENAMES, type NodeTypename } from './node/node.type.js';
export { Practice } from './practice/practice.type.js';
export { Recap } from './recap/recap.type.js';
export { SearchHit, SearchResult } from './search/search.type.js';
export { Source } from './source/source.type.js';
export { StoryFilter } from './story/story-filter.input.js';
export { StoryOrder } from './story/story-order.input.js';
export { Story } from './story/story.type.js';
export {
  ApiToken,
  CreateApiTokenInput,
  CreateApiTokenPayload,
  RevokeApiTokenInput,
  RevokeApiTokenPayload,
} from './token/api-token.type.js';
export { AuditEntry, AuditEntryConnection } from './audit/audit-entry.type.js';
export * from './authoring/content-payloads.js';
export { MUTATION_BASE_COST, MUTATION_COST, MUTATION_COST_NOTE } from './authoring/mutation-cost.js';
export { createPayloadType, type PayloadShape } from './authoring/payload.type.js';
export { createRecordRefInput, type RecordRefShape } from './authoring/record-ref.input.js';
export { UserError } from './authoring/user-error.type.js';
export { CreateCompanyInput, DeleteCompanyInput, UpdateCompanyInput } from './company/company.inputs.js';
export { CreateDayInput, DeleteDayInput, UpdateDayInput } from './day/day.inputs.js';
export { CreatePracticeInput, DeletePracticeInput, UpdatePracticeInput } from './practice/practice.inputs.js';
export {
  CreateRecapInput,
  DeleteRecapInput,
  PublishRecapInput,
  UnpublishRecapInput,
  UpdateRecapInput,
} from './recap/recap.inputs.js';
export {
  CreateStoryInput,
  DeleteStoryInput,
  MetricInput,
  PublishStoryInput,
  SourceInput,
  UnpublishStoryInput,
  UpdateStoryInput,
} from './story/story.inputs.js';
export {
  ApproveSubmissionInput,
  ApproveSubmissionPayload,
  RejectSubmissionInput,
  RejectSubmissionPayload,
  SubmissionConnection,
  Submission,
  SubmissionReceipt,
  SubmitStoryInput,
  SubmitStoryPayload,
} from './submission/submission.type.js';
