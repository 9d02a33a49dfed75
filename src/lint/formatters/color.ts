/**
 * Whether to colour: --color/--no-color first, then NO_COLOR (any non-empty value turns it
 * off), then FORCE_COLOR where "0"/"false" mean off — picocolors would read FORCE_COLOR=0 as "on"
 * because the variable is set — and otherwise only a terminal that is not dumb.
 */
export function colorWanted(option?: boolean, env: NodeJS.ProcessEnv = process.env, isTTY = Boolean(process.stdout.isTTY)): boolean {
  if (option !== undefined) return option;
  if (env.NO_COLOR) return false;
  if (env.FORCE_COLOR !== undefined) return !/^(0|false|no)$/i.test(env.FORCE_COLOR.trim());
  return isTTY && env.TERM !== 'dumb';
}
