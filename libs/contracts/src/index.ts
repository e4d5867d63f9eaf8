export * from './events/envelope';
export * from './events/catalogue';
export * from './events/credit-records';
export * from './events/evaluation';
export * from './proto-paths';
export * as collectionV1 from './generated/collection/v1/collection';
export * as evaluationV1 from './generated/evaluation/v1/evaluation';
export * as disclosureV1 from './generated/disclosure/v1/disclosure';
export * as gatewayV1 from './generated/gateway/v1/gateway';
