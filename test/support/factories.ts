// Test data lives in @platform/testing, where specs beside the code reach it too.
export { creditRecordBody, makeUscc } from '@platform/testing';
