/** The rule registry: every rule `report lint` runs, in the order their findings are listed in docs. */
import type { Rule } from '../rule.js';
import { placeholderRule } from './placeholder.js';
import { missingIndicatorRule } from './missing-indicator.js';
import { helperArgumentRule } from './helper-argument.js';
import { unusedIndicatorRule } from './unused-indicator.js';
import { enumerationRule } from './enumeration.js';
import { punctuationRule } from './punctuation.js';
import { numberFormatRule } from './number-format.js';
import { statedChangeRule } from './stated-change.js';
import { completionRateRule } from './completion-rate.js';
import { contradictoryDataRule } from './contradictory-data.js';
import { duplicateValueRule } from './duplicate-value.js';
import { unitMismatchRule } from './unit-mismatch.js';

export const RULES: Rule[] = [
  placeholderRule, missingIndicatorRule, helperArgumentRule, unusedIndicatorRule, enumerationRule, punctuationRule, numberFormatRule,
  statedChangeRule, completionRateRule, contradictoryDataRule, duplicateValueRule, unitMismatchRule,
];
export const RULE_IDS = RULES.map((r) => r.meta.id);
