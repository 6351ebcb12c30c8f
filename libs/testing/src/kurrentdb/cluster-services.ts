import { randomUUID } from 'node:crypto';
import type { sendUnaryData, ServerUnaryCall } from '@grpc/grpc-js';
import { featuresPb, gossipPb, sharedPb, uuidMessage } from './protocol.js';

type Empty = InstanceType<typeof sharedPb.Empty>;

/** The version the server reports; the client compares it only for persistent subscriptions. */
export const SERVER_VERSION = '25.0.0';

/**
 * The methods this test server implements, with the features the real server attaches to them
 * (src/KurrentDB.Core/Services/Transport/Grpc/ServerFeatures.cs). The client asks this before
 * an append: listing `batchappend` makes it use Streams.BatchAppend, as against a real server.
 * Methods not listed are not implemented and answer UNIMPLEMENTED.
 */
const METHODS: [service: string, method: string, features: string[]][] = [
  ['event_store.client.streams.streams', 'read', ['position', 'events']],
  ['event_store.client.streams.streams', 'append', []],
  ['event_store.client.streams.streams', 'batchappend', ['deadline_duration']],
  ['event_store.client.gossip.gossip', 'read', []],
  ['event_store.client.server_features.serverfeatures', 'getsupportedmethods', []],
];

export function handleGetSupportedMethods(
  _call: ServerUnaryCall<Empty, InstanceType<typeof featuresPb.SupportedMethods>>,
  done: sendUnaryData<InstanceType<typeof featuresPb.SupportedMethods>>,
): void {
  const methods = METHODS.map(([service, method, features]) =>
    new featuresPb.SupportedMethod().setServiceName(service).setMethodName(method).setFeaturesList(features),
  );
  done(null, new featuresPb.SupportedMethods().setEventStoreServerVersion(SERVER_VERSION).setMethodsList(methods));
}

/** Gossip.Read for a single node that is the leader, reachable where the client connected. */
export function gossipHandler(host: string, port: () => number) {
  const instanceId = randomUUID();
  return (
    _call: ServerUnaryCall<Empty, InstanceType<typeof gossipPb.ClusterInfo>>,
    done: sendUnaryData<InstanceType<typeof gossipPb.ClusterInfo>>,
  ): void => {
    const member = new gossipPb.MemberInfo()
      .setInstanceId(uuidMessage(instanceId, false))
      .setTimeStamp((BigInt(Date.now()) * 10_000n).toString())
      .setState(gossipPb.MemberInfo.VNodeState.LEADER)
      .setIsAlive(true)
      .setHttpEndPoint(new gossipPb.EndPoint().setAddress(host).setPort(port()));
    done(null, new gossipPb.ClusterInfo().setMembersList([member]));
  };
}
