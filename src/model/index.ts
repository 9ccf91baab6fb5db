/** The story model: pure functions from validated content to every view the site shows. */
export { buildModel, findModelProblems } from './build-model.ts';
export { findReferenceProblems, indexNames } from './references.ts';
export { groupByDay } from './timeline.ts';
export { AGREEMENT_LABELS, agreementOf, collectPassages } from './facts.ts';
export type { Agreement, FactNode, FactSourceNode } from './facts.ts';
export type * from './types.ts';
