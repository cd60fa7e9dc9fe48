/** Typed mapping between list items and domain records, one file per list. */
export * from './audits';
export * from './decisions';
export * from './meetings';
export * from './panel-actions';
export * from './recommendations';
export * from './updates';
