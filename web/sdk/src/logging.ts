// OT.setLogLevel / OT.log: quiet by default (errors and warnings only), like opentok.js.

export const LogLevel = { NONE: 0, ERROR: 1, WARN: 2, INFO: 3, LOG: 4, DEBUG: 5 } as const;

let level: number = LogLevel.WARN;

export function setLogLevel(n: number): void {
  level = typeof n === 'number' ? n : LogLevel.WARN;
}

export function getLogLevel(): number {
  return level;
}

export const log = {
  error: (...args: unknown[]) => level >= LogLevel.ERROR && console.error('OT:', ...args),
  warn: (...args: unknown[]) => level >= LogLevel.WARN && console.warn('OT:', ...args),
  info: (...args: unknown[]) => level >= LogLevel.INFO && console.info('OT:', ...args),
  debug: (...args: unknown[]) => level >= LogLevel.DEBUG && console.debug('OT:', ...args),
};

/** `OT.log(message)`: logs at the LOG level. */
export function otLog(...args: unknown[]): void {
  if (level >= LogLevel.LOG) console.log('OT:', ...args);
}
