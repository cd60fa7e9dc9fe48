/** The application's contracts, one file each: what use-cases need from the world, and what they may fail with. */
export * from './activity-feed';
export * from './document-files';
export * from './draft-store';
export * from './errors';
export * from './evidence-store';
export * from './host-context';
export * from './meeting-stage';
export * from './notifier';
export * from './people-directory';
export * from './recommendation-store';
export * from './reminder-log';
export * from './reminder-preferences';
export * from './session';
export * from './team-channel';
export * from './token-provider';
export * from './versioned';
