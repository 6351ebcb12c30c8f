import type { Metadata, CallOptions } from '@grpc/grpc-js';
import {
  BACKWARDS,
  type Direction,
  END,
  type Filter,
  FORWARDS,
  type KurrentDBClient,
  type Position,
  START,
} from '@kurrent/kurrentdb-client';
import convert from '@kurrent/kurrentdb-client/dist/utils/convertGrpcEvent.js';
import commandError from '@kurrent/kurrentdb-client/dist/utils/CommandError.js';
import identifier from '@kurrent/kurrentdb-client/dist/utils/grpcStreamIdentifier.js';
import shared from '@kurrent/kurrentdb-client/generated/kurrentdb/protocols/v1/shared_pb.js';
import streamsGrpc from '@kurrent/kurrentdb-client/generated/kurrentdb/protocols/v1/streams_grpc_pb.js';
import streams from '@kurrent/kurrentdb-client/generated/kurrentdb/protocols/v1/streams_pb.js';
import type { KurrentRecorded } from './kurrentdb-mapping.js';

const { ReadReq } = streams;
type StreamsClient = InstanceType<typeof streamsGrpc.StreamsClient>;
type ReadResp = InstanceType<typeof streams.ReadResp>;

/** The client's own machinery for a gRPC call (protected in its types): its channel, credentials and reconnects. */
interface ClientIntern {
  execute<T>(Client: typeof streamsGrpc.StreamsClient, naam: string, action: (client: StreamsClient) => Promise<T>): Promise<T>;
  callArguments(options: object, callOptions?: CallOptions): [Metadata, CallOptions];
}

/**
 * Reads (Streams.Read, a count of events, ended by the server) through the client's grpc-js
 * channel, converted by the client's own code. The client's public readStream/readAll go through
 * its Rust bridge, which gives `created` in whole seconds only; recordedAt is the kennisdatum axis,
 * and two writes within one second must stay apart (see the README's event-store section). When a
 * later client keeps the milliseconds, its public reads replace this file.
 */
export class KurrentLezer {
  private readonly intern: ClientIntern;

  constructor(client: KurrentDBClient) {
    this.intern = client as unknown as ClientIntern;
  }

  /** A stream's events from a 0-based revision (or its end, backwards); [] for a stream that does not exist. */
  stream(naam: string, van: bigint | typeof START | typeof END, max: number, richting: Direction = FORWARDS): Promise<KurrentRecorded[]> {
    const opties = new ReadReq.Options.StreamOptions().setStreamIdentifier(identifier.createStreamIdentifier(naam));
    if (van === START) opties.setStart(new shared.Empty());
    else if (van === END) opties.setEnd(new shared.Empty());
    else opties.setRevision(van.toString());
    return this.lees(this.basis(max, richting).setStream(opties).setNoFilter(new shared.Empty()));
  }

  /** `$all` from a position (including it), start or end, through a server-side filter. */
  all(van: Position | typeof START | typeof END, filter: Filter, max: number, richting: Direction = FORWARDS): Promise<KurrentRecorded[]> {
    const opties = new ReadReq.Options.AllOptions();
    if (van === START) opties.setStart(new shared.Empty());
    else if (van === END) opties.setEnd(new shared.Empty());
    else
      opties.setPosition(
        new ReadReq.Options.Position().setCommitPosition(van.commit.toString()).setPreparePosition(van.prepare.toString()),
      );
    const expressie = new ReadReq.Options.FilterOptions.Expression();
    if ('regex' in filter) expressie.setRegex(filter.regex);
    else expressie.setPrefixList(filter.prefixes);
    const filterOpties = new ReadReq.Options.FilterOptions().setCount(new shared.Empty()).setCheckpointintervalmultiplier(1);
    if (filter.filterOn === 'streamName') filterOpties.setStreamIdentifier(expressie);
    else filterOpties.setEventType(expressie);
    return this.lees(this.basis(max, richting).setAll(opties).setFilter(filterOpties));
  }

  private basis(max: number, richting: Direction) {
    return new ReadReq.Options()
      .setReadDirection(richting === BACKWARDS ? ReadReq.Options.ReadDirection.BACKWARDS : ReadReq.Options.ReadDirection.FORWARDS)
      .setCount(String(max))
      .setResolveLinks(false)
      .setUuidOption(new ReadReq.Options.UUIDOption().setString(new shared.Empty()));
  }

  private lees(opties: InstanceType<typeof ReadReq.Options>): Promise<KurrentRecorded[]> {
    const req = new ReadReq().setOptions(opties);
    return this.intern.execute(streamsGrpc.StreamsClient, 'read', (client) => {
      return new Promise<KurrentRecorded[]>((resolve, reject) => {
        const out: KurrentRecorded[] = [];
        const call = client.read(req, ...this.intern.callArguments({}));
        call.on('data', (resp: ReadResp) => {
          if (!resp.hasEvent()) return; // stream not found, checkpoints, first/last positions
          const { event } = convert.convertGrpcEvent(resp.getEvent()!);
          if (event) out.push(event);
        });
        call.on('error', (e: Error) => reject(commandError.convertToCommandError(e)));
        call.on('end', () => resolve(out));
      });
    });
  }
}
