import type { ConnectionInfo } from './transport/protocol';

/** A participant's connection to a session. `data` is the token's connection data verbatim ("" when none). */
export class Connection {
  readonly connectionId: string;
  readonly id: string;
  readonly creationTime: number;
  readonly data: string;

  /** @internal */
  constructor(info: ConnectionInfo) {
    this.connectionId = info.connectionId;
    this.id = info.connectionId;
    this.creationTime = info.creationTime;
    this.data = typeof info.data === 'string' ? info.data : '';
  }
}
