import { titleForCode, type OTError } from '../errors';
import { EventDispatcher } from './EventDispatcher';
import { makeEvent, type OTEvent } from './OTEvent';

export type ExceptionEvent = OTEvent & { code: number; message: string; title: string };

/** The dispatcher behind `OT.on/once/off('exception')`. */
export class GlobalDispatcher extends EventDispatcher<{ exception: ExceptionEvent }> {
  /** @internal Reports an error that was (or will be) passed to a callback too. */
  reportException(error: OTError, target: unknown): void {
    this.dispatch(makeEvent('exception', target, { code: error.code, message: error.message, title: titleForCode(error.code) }));
  }
}

export const globalEvents = new GlobalDispatcher();
