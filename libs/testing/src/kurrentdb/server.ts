import { Server, ServerCredentials, status, type sendUnaryData } from '@grpc/grpc-js';
import { handleAppend, handleBatchAppend } from './append-service.js';
import { gossipHandler, handleGetSupportedMethods } from './cluster-services.js';
import { featuresGrpc, gossipGrpc, streamsGrpc } from './protocol.js';
import { handleRead } from './read-service.js';
import { TransactionLog } from './transaction-log.js';

export interface KurrentDbTestServer {
  /** A connection string for the official client: `kurrentdb://127.0.0.1:PORT?tls=false`. */
  url: string;
  /** The in-memory log behind it, for tests that look under the hood. */
  log: TransactionLog;
  /** The RPCs received, by method path (e.g. `Streams/BatchAppend`), in arrival order. */
  calls: string[];
  /** Closes every call (subscriptions included) and the port. */
  stop(): Promise<void>;
}

const HOST = '127.0.0.1';

/**
 * A test fixture that speaks KurrentDB's v1 gRPC protocol over plain HTTP/2 on a free port,
 * with an in-memory log: Streams.Read/Append/BatchAppend, ServerFeatures and Gossip. It is
 * never an event store a user can select; see README.md beside this file for what it covers
 * and where a real server differs.
 */
export async function startKurrentDbTestServer(): Promise<KurrentDbTestServer> {
  const log = new TransactionLog();
  const server = new Server();
  const calls: string[] = [];
  let port = 0;
  // Records each call before handing it on, so a test can tell which RPCs the client used.
  const counted =
    <A extends unknown[]>(name: string, handler: (...args: A) => void) =>
    (...args: A) => {
      calls.push(name);
      handler(...args);
    };

  const unimplemented = (_call: unknown, done: sendUnaryData<never>) =>
    done({ code: status.UNIMPLEMENTED, details: 'not implemented by the KurrentDB test server' });
  server.addService(streamsGrpc.StreamsService, {
    read: counted('Streams/Read', handleRead.bind(undefined, log)),
    append: counted('Streams/Append', handleAppend.bind(undefined, log)),
    batchAppend: counted('Streams/BatchAppend', handleBatchAppend.bind(undefined, log)),
    delete: counted('Streams/Delete', unimplemented),
    tombstone: counted('Streams/Tombstone', unimplemented),
  });
  server.addService(featuresGrpc.ServerFeaturesService, {
    getSupportedMethods: counted('ServerFeatures/GetSupportedMethods', handleGetSupportedMethods),
  });
  server.addService(gossipGrpc.GossipService, {
    read: counted(
      'Gossip/Read',
      gossipHandler(HOST, () => port),
    ),
  });

  port = await new Promise<number>((resolve, reject) =>
    server.bindAsync(`${HOST}:0`, ServerCredentials.createInsecure(), (error, bound) => (error ? reject(error) : resolve(bound))),
  );

  return {
    url: `kurrentdb://${HOST}:${port}?tls=false`,
    log,
    calls,
    async stop() {
      // A graceful shutdown waits for open calls, and a subscription or the client's
      // batch-append call stays open until its client leaves: give them a moment, then cut.
      await new Promise<void>((resolve) => {
        const cut = setTimeout(() => {
          server.forceShutdown();
          resolve();
        }, 200);
        server.tryShutdown(() => {
          clearTimeout(cut);
          resolve();
        });
      });
    },
  };
}
