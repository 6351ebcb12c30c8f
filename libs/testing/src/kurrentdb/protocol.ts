/**
 * The KurrentDB v1 gRPC protocol as the official client package ships it: the service definitions
 * (`*_grpc_pb.js`, usable with grpc-js's `server.addService`) and the google-protobuf message
 * classes (`*_pb.js`). Using the client's own generated code means the test server cannot drift
 * from the wire format the client speaks. The files are CommonJS whose named exports Node cannot
 * detect, hence the default imports.
 */
import streamsGrpc from '@kurrent/kurrentdb-client/generated/kurrentdb/protocols/v1/streams_grpc_pb.js';
import streamsPb from '@kurrent/kurrentdb-client/generated/kurrentdb/protocols/v1/streams_pb.js';
import sharedPb from '@kurrent/kurrentdb-client/generated/kurrentdb/protocols/v1/shared_pb.js';
import statusPb from '@kurrent/kurrentdb-client/generated/kurrentdb/protocols/v1/status_pb.js';
import gossipGrpc from '@kurrent/kurrentdb-client/generated/kurrentdb/protocols/v1/gossip_grpc_pb.js';
import gossipPb from '@kurrent/kurrentdb-client/generated/kurrentdb/protocols/v1/gossip_pb.js';
import featuresGrpc from '@kurrent/kurrentdb-client/generated/kurrentdb/protocols/v1/serverfeatures_grpc_pb.js';
import featuresPb from '@kurrent/kurrentdb-client/generated/kurrentdb/protocols/v1/serverfeatures_pb.js';
import anyPb from 'google-protobuf/google/protobuf/any_pb.js';
import emptyPb from 'google-protobuf/google/protobuf/empty_pb.js';
import timestampPb from 'google-protobuf/google/protobuf/timestamp_pb.js';

export { streamsGrpc, streamsPb, sharedPb, statusPb, gossipGrpc, gossipPb, featuresGrpc, featuresPb };
export { anyPb, emptyPb, timestampPb };

const U64 = (1n << 64n) - 1n;

/** A stream name travels as UTF-8 bytes. */
export function streamName(identifier: InstanceType<typeof sharedPb.StreamIdentifier> | undefined): string {
  return Buffer.from(identifier?.getStreamName_asU8() ?? new Uint8Array()).toString('utf8');
}

export function streamIdentifier(name: string): InstanceType<typeof sharedPb.StreamIdentifier> {
  return new sharedPb.StreamIdentifier().setStreamName(Buffer.from(name, 'utf8'));
}

/**
 * An event id arrives as a string or as two signed 64-bit halves ("structured"); the server
 * accepts both, and answers in the form the read request asks for (its `uuid_option`).
 */
export function parseUuid(uuid: InstanceType<typeof sharedPb.UUID> | undefined): string {
  if (!uuid) throw new Error('event id missing');
  const structured = uuid.getStructured();
  if (!structured) return uuid.getString().toLowerCase();
  const hex = (v: string) => (BigInt(v) & U64).toString(16).padStart(16, '0');
  const ms = hex(structured.getMostSignificantBits());
  const ls = hex(structured.getLeastSignificantBits());
  return `${ms.slice(0, 8)}-${ms.slice(8, 12)}-${ms.slice(12)}-${ls.slice(0, 4)}-${ls.slice(4)}`;
}

export function uuidMessage(id: string, structured: boolean): InstanceType<typeof sharedPb.UUID> {
  const uuid = new sharedPb.UUID();
  if (!structured) return uuid.setString(id);
  const hex = id.replace(/-/g, '');
  const signed = (h: string) => BigInt.asIntN(64, BigInt(`0x${h}`)).toString();
  return uuid.setStructured(
    new sharedPb.UUID.Structured().setMostSignificantBits(signed(hex.slice(0, 16))).setLeastSignificantBits(signed(hex.slice(16))),
  );
}

/**
 * The server's `created` is .NET ticks (100 ns) since the Unix epoch (EpochExtensions
 * .ToTicksSinceEpoch); the client divides by 10 000 to get milliseconds.
 */
export function ticksNow(): bigint {
  return BigInt(Date.now()) * 10_000n;
}
