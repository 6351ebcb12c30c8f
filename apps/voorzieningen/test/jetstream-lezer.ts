import { jetstreamManager } from '@nats-io/jetstream';
import { connect } from '@nats-io/transport-node';

export interface GelezenBericht {
  seq: number;
  subject: string;
  msgId: string | undefined;
  positie: number;
  payload: Record<string, unknown>;
  raw: string;
}

/** Every message of a JetStream stream, in stream order (test helper). */
export async function leesStream(url: string, stream = 'SOCIAAL_DOMEIN'): Promise<GelezenBericht[]> {
  const nc = await connect({ servers: url });
  try {
    const jsm = await jetstreamManager(nc);
    const info = await jsm.streams.info(stream);
    const uit: GelezenBericht[] = [];
    for (let seq = info.state.first_seq; seq <= info.state.last_seq && info.state.messages > 0; seq++) {
      const m = await jsm.streams.getMessage(stream, { seq });
      if (!m) continue;
      const raw = m.string();
      uit.push({
        seq,
        subject: m.subject,
        msgId: m.header.get('Nats-Msg-Id') || undefined,
        positie: Number(m.header.get('Sd-Positie')),
        payload: JSON.parse(raw) as Record<string, unknown>,
        raw,
      });
    }
    return uit;
  } finally {
    await nc.close();
  }
}
