/** Price and provider-down alerts: rules, their evaluation, and the alerts they fire. */
export * from './rules';
export { AlertEvaluator, type PriceObservation } from './evaluator';
export * from './api';
