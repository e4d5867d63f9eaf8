export * from './file-policy';
export * from './inspect-file';
export * from './stored-files';
export * from './stored-files.migration';
export * from './file-access';
