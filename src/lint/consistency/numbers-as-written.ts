/**
 * How the consistency rules compare a number an author wrote with one computed from the data,
 * and how they show numbers in their messages: at the precision the author wrote, so that 7.4
 * agrees with 7.43 and a message never shows more digits than the text it corrects.
 */
import type { Figure } from '../../indicators/figures.js';
import { formatFixed } from '../../indicators/numbers.js';

/** Digits after the decimal point as written: "7.40" → 2, "12" → 0. */
export function decimalsOf(text: string): number {
  const dot = text.indexOf('.');
  return dot < 0 ? 0 : text.length - dot - 1;
}

/**
 * Whether a number written with `text`'s precision is the computed one rounded: 7.4 and 7 both
 * agree with 7.43, 7.5 does not (tolerance: half a unit of the last written digit).
 */
export function agreesWhenRounded(stated: number, text: string, computed: number): boolean {
  return Math.abs(stated - computed) <= 0.5 * 10 ** -decimalsOf(text) + 1e-9;
}

/** A computed percentage shown at the precision the author wrote (at least one decimal). */
export function showPercent(value: number, text: string): string {
  return formatFixed(value, Math.max(1, decimalsOf(text)));
}

export function showNumber(value: number): string {
  return formatFixed(value, undefined);
}

/** `48.62 against 45.27 a year earlier`, for messages about a figure with a previous value. */
export function yearAgo(figure: Figure): string {
  return `${showNumber(figure.value)} against ${showNumber(figure.previous!)} a year earlier`;
}
