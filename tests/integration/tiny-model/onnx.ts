/**
 * A minimal ONNX (protobuf) encoder: just the messages and fields a small inference graph needs
 * (field numbers from onnx/onnx.proto). Tests build their own models with it, so nothing is
 * downloaded and the weights, hence the expected answers, are known.
 */

type Bytes = Uint8Array;

function varint(n: number | bigint): number[] {
  let v = BigInt(n);
  if (v < 0n) v = (1n << 64n) + v;
  const out: number[] = [];
  do {
    let byte = Number(v & 0x7fn);
    v >>= 7n;
    if (v > 0n) byte |= 0x80;
    out.push(byte);
  } while (v > 0n);
  return out;
}

const concat = (parts: readonly Bytes[]): Bytes => {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
};

const key = (field: number, wire: number) => varint((field << 3) | wire);
const int = (field: number, n: number | bigint): Bytes => Uint8Array.from([...key(field, 0), ...varint(n)]);
const bytes = (field: number, b: Bytes): Bytes => concat([Uint8Array.from([...key(field, 2), ...varint(b.length)]), b]);
const str = (field: number, s: string): Bytes => bytes(field, new TextEncoder().encode(s));
const msg = (field: number, parts: readonly Bytes[]): Bytes => bytes(field, concat(parts));

export const DataType = { FLOAT: 1, INT64: 7 } as const;
type Elem = (typeof DataType)[keyof typeof DataType];

export interface Tensor {
  readonly name: string;
  readonly dims: readonly number[];
  readonly type: Elem;
  readonly values: readonly number[];
}

function tensorParts(t: Tensor): Bytes[] {
  const raw = t.type === DataType.FLOAT ? new Uint8Array(Float32Array.from(t.values).buffer) : new Uint8Array(BigInt64Array.from(t.values.map((v) => BigInt(v))).buffer);
  // TensorProto: dims = 1, data_type = 2, name = 8, raw_data = 9 (little-endian).
  return [...t.dims.map((d) => int(1, d)), int(2, t.type), str(8, t.name), bytes(9, raw)];
}

export type Attr = { readonly name: string } & ({ readonly i: number } | { readonly ints: readonly number[] });

export interface Node {
  readonly op: string;
  readonly inputs: readonly string[];
  readonly outputs: readonly string[];
  readonly attrs?: readonly Attr[];
}

function attrParts(a: Attr): Bytes[] {
  // AttributeProto: name = 1, i = 3, ints = 8, type = 20 (INT = 2, INTS = 7).
  if ('i' in a) return [str(1, a.name), int(3, a.i), int(20, 2)];
  return [str(1, a.name), ...a.ints.map((v) => int(8, v)), int(20, 7)];
}

function nodeParts(n: Node, index: number): Bytes[] {
  // NodeProto: input = 1, output = 2, name = 3, op_type = 4, attribute = 5.
  return [...n.inputs.map((s) => str(1, s)), ...n.outputs.map((s) => str(2, s)), str(3, `${n.op.toLowerCase()}_${index}`), str(4, n.op), ...(n.attrs ?? []).map((a) => msg(5, attrParts(a)))];
}

export interface ValueInfo {
  readonly name: string;
  readonly type: Elem;
  /** A number is a fixed size, a string a symbolic one (`batch`). */
  readonly shape: readonly (number | string)[];
}

function valueInfoParts(v: ValueInfo): Bytes[] {
  // ValueInfoProto: name = 1, type = 2; TypeProto.tensor_type = 1; Tensor: elem_type = 1, shape = 2;
  // TensorShapeProto.dim = 1; Dimension: dim_value = 1, dim_param = 2.
  const dims = v.shape.map((d) => msg(1, [typeof d === 'number' ? int(1, d) : str(2, d)]));
  return [str(1, v.name), msg(2, [msg(1, [int(1, v.type), msg(2, dims)])])];
}

export interface Graph {
  readonly nodes: readonly Node[];
  readonly initializers: readonly Tensor[];
  readonly inputs: readonly ValueInfo[];
  readonly outputs: readonly ValueInfo[];
  readonly opset?: number;
}

/** ModelProto bytes: ir_version = 1, producer_name = 2, graph = 7, opset_import = 8. */
export function encodeModel(g: Graph): Bytes {
  const graph = [
    ...g.nodes.map((n, i) => msg(1, nodeParts(n, i))),
    str(2, 'tiny'),
    ...g.initializers.map((t) => msg(5, tensorParts(t))),
    ...g.inputs.map((v) => msg(11, valueInfoParts(v))),
    ...g.outputs.map((v) => msg(12, valueInfoParts(v))),
  ];
  return concat([int(1, 8), str(2, 'crypto-monitor-test'), msg(7, graph), msg(8, [str(1, ''), int(2, g.opset ?? 13)])]);
}
