import { dirname } from 'node:path';
import * as proto from '@temporalio/proto';
import { patchProtobufRoot } from '@temporalio/proto/lib/patch-protobuf-root';

// Workflow histories to and from Temporal's JSON history format, for replay fixtures (loaded lazily by
// temporal-history-json.ts).
// @temporalio/common's historyToJSON / historyFromJSON fail in this install ("type must be a Type"):
// common and proto each got their own copy of protobufjs 8 (npm could not hoist it over the top-level
// protobufjs 7), and the JSON codec checks `instanceof Type` against the other copy. Taking the codec
// from the copy @temporalio/proto uses keeps the types and the codec together.

type ProtoJson = {
  toJson(type: unknown, message: unknown): unknown;
  fromJson(type: unknown, json: unknown, options: { ignoreUnknownFields: boolean }): unknown;
};
// eslint-disable-next-line @typescript-eslint/no-require-imports
const codec = require(
  require.resolve('protobufjs/ext/protojson', { paths: [dirname(require.resolve('@temporalio/proto'))] }),
) as ProtoJson;
const historyType = (patchProtobufRoot(proto) as unknown as { lookupType(name: string): unknown }).lookupType(
  'temporal.api.history.v1.History',
);

export type History = proto.temporal.api.history.v1.IHistory;

export function historyToJson(history: History): unknown {
  return codec.toJson(historyType, proto.temporal.api.history.v1.History.fromObject(history));
}

export function historyFromJson(json: unknown): History {
  return codec.fromJson(historyType, json, { ignoreUnknownFields: true }) as History;
}
