export * from './currency';
export * from './dates';
export * from './money';
export * from './types';
