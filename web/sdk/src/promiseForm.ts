// OpenTok hangs a promise twin on some callback methods: `session.connect.promise(token)`,
// `OT.initPublisher.promise(target, props)`, `publisher.publishVideo.promise(false)` (opentok-surface §1.2, §1.4, §1.6).
import type { OTError } from './errors';

/** A method that also carries its promise form as `.promise`. */
export type WithPromise<F, P> = F & { promise: P };

export function withPromise<F extends (...args: never[]) => unknown, P>(method: F, promise: P): WithPromise<F, P> {
  return Object.assign(method, { promise });
}

/** Runs a completion-handler call as a promise: `done(error)` rejects with the OT error, `done()` resolves. */
export function promised(run: (done: (error?: OTError) => void) => void): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    try {
      run((error) => (error ? reject(error) : resolve()));
    } catch (err) {
      reject(err);
    }
  });
}
