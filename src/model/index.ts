/** The story model: pure functions from validated content to every view the site shows. */
export { buildModel, findModelProblems } from './build-model.ts';
export { findReferenceProblems, indexNames } from './references.ts';
export { groupByDay } from './timeline.ts';
export { AGREEMENT_LABELS, agreementOf, collectPassages, silentArticles, STANCE_LABELS } from './facts.ts';
export type { Agreement, FactNode, FactSourceNode } from './facts.ts';
export { MILESTONE_LABELS, storyDevelopments, turnInWords } from './history.ts';
export type { ClaimStep, Development, Milestone } from './history.ts';
export type * from './types.ts';
