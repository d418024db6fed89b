import { HttpTransportType, HubConnection, HubConnectionBuilder, HubConnectionState, LogLevel as SignalRLogLevel, type ILogger } from '@microsoft/signalr';
import { OTError } from '../errors';
import { getLogLevel, log, LogLevel } from '../logging';
import { serverMessageNames, type HubResult, type ServerMessages } from './protocol';

export type ServerMessageHandler = <K extends keyof ServerMessages>(name: K, message: ServerMessages[K]) => void;

/**
 * Speaks the hub protocol over one SignalR connection at a time. Every server message goes to one handler
 * (the engine); `onClose` reports a socket that dropped without `stop()` so the engine can Resume on a new
 * socket (`start()` again builds a fresh connection).
 */
export class SignalingClient {
  private connection: HubConnection | undefined;
  private stopping = false;

  constructor(
    private readonly hubUrl: string,
    private readonly onMessage: ServerMessageHandler,
    private readonly onClose: (error: Error | undefined) => void,
  ) {}

  private heartbeat: { keepAliveMs: number; serverTimeoutMs: number } | undefined;

  /** Heartbeat timing from the server's snapshot; applies to this socket and every later one. */
  setHeartbeat(keepAliveMs: number | undefined, serverTimeoutMs: number | undefined): void {
    if (!keepAliveMs || !serverTimeoutMs || keepAliveMs <= 0 || serverTimeoutMs <= keepAliveMs) return;
    this.heartbeat = { keepAliveMs, serverTimeoutMs };
    if (this.connection) applyHeartbeat(this.connection, this.heartbeat);
  }

  get connected(): boolean {
    return this.connection?.state === HubConnectionState.Connected;
  }

  /** Opens a new socket (replacing a dead one). Rejects with 1006 when the server cannot be reached. */
  async start(): Promise<void> {
    this.stopping = false;
    const connection = new HubConnectionBuilder()
      // Straight to a WebSocket (no HTTP negotiate request): a page on another origin needs no CORS.
      .withUrl(this.hubUrl, { transport: HttpTransportType.WebSockets, skipNegotiation: true })
      .configureLogging(signalRLogger)
      .build();
    for (const name of serverMessageNames) {
      connection.on(name, (message: never) => {
        if (this.connection === connection) this.onMessage(name, message);
      });
    }
    connection.onclose((error) => {
      if (this.connection !== connection) return;
      this.connection = undefined;
      if (!this.stopping) this.onClose(error);
    });
    if (this.heartbeat) applyHeartbeat(connection, this.heartbeat);
    this.connection = connection;
    try {
      await connection.start();
    } catch (err) {
      if (this.connection === connection) this.connection = undefined;
      throw new OTError(1006, `Cannot connect to the Duet server at ${this.hubUrl}: ${err instanceof Error ? err.message : String(err)}`);
    }
  }

  /** Invokes a hub method; a refusal becomes an OTError with the server's code, a dead socket 1010. */
  async invoke<T = undefined>(method: string, ...args: unknown[]): Promise<T> {
    const connection = this.connection;
    if (!connection || connection.state !== HubConnectionState.Connected) throw new OTError(1010, 'Not connected to the session');
    let result: HubResult<T>;
    try {
      result = await connection.invoke<HubResult<T>>(method, ...args);
    } catch (err) {
      if (!this.connected) throw new OTError(1010, `The connection to the server was lost during ${method}`);
      throw new OTError(2000, `${method} failed on the server: ${err instanceof Error ? err.message : String(err)}`);
    }
    if (!result || typeof result !== 'object') throw new OTError(2001, `Unexpected response to ${method}`);
    if (!result.ok) throw new OTError(result.error.code, result.error.message);
    return result.value as T;
  }

  /** Fire-and-forget variant for media relays and mute toggles where nobody waits for the answer. */
  send(method: string, ...args: unknown[]): void {
    this.invoke(method, ...args).catch((err) => log.warn(`${method} failed:`, err));
  }

  /** Writes a hub call to the socket at once, expecting no reply (for a page that is unloading). */
  sendNow(method: string, ...args: unknown[]): void {
    this.stopping = true;
    this.connection?.send(method, ...args).catch(() => undefined);
  }

  /** Closes the socket on purpose (no onClose callback). */
  async stop(): Promise<void> {
    this.stopping = true;
    const connection = this.connection;
    this.connection = undefined;
    if (connection) await connection.stop().catch(() => undefined);
  }
}

function applyHeartbeat(connection: HubConnection, heartbeat: { keepAliveMs: number; serverTimeoutMs: number }): void {
  // The server drops a client it has not heard from within its client timeout; these keep us inside it.
  connection.keepAliveIntervalInMilliseconds = heartbeat.keepAliveMs;
  connection.serverTimeoutInMilliseconds = heartbeat.serverTimeoutMs;
}

const signalRLogger: ILogger = {
  log(level: SignalRLogLevel, message: string) {
    if (level >= SignalRLogLevel.Error) log.warn('signaling:', message);
    else if (getLogLevel() >= LogLevel.DEBUG) log.debug('signaling:', message);
  },
};
