import { randomUUID } from 'node:crypto';
import { Controller, Get, HttpCode, Module, NotFoundException, Param, Post } from '@nestjs/common';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Rollen } from '@sd/auth';
import { logboekSchema } from '@sd/database';
import { GeenToegang } from '@sd/domain';
import { PostgresEventStore } from '@sd/event-store';
import { PlatformModule } from '@sd/http';
import { createTestDatabase, setTestEnv, startTestApp, type TestApp, type TestDatabase } from '@sd/testing';
import { LogboekModule, LogboekOpslag, uitStream, Verwerking, type VerwerkingVerzoek } from '../src/index.js';

/**
 * @Verwerking's choices on a real app and a real PostgreSQL: what leaves a record with which status,
 * what leaves none, and what a read does when its record cannot be written. Routes of its own, so
 * that a handler can throw what a real one rarely does.
 */
const betrokkene = ({ params }: VerwerkingVerzoek) => ({ clientId: params.id, gemeente: 'GM0005' });

@Controller('proef')
class ProefController {
  @Get(':id')
  @Rollen('consulent')
  @Verwerking('inzien-client', { betrokkene })
  lees(@Param('id') id: string) {
    return { id, achternaam: 'Jansen' };
  }

  @Get(':id/kapot')
  @Rollen('consulent')
  @Verwerking('inzien-dossier', { betrokkene })
  kapot(): never {
    throw new Error('de handler faalt halverwege');
  }

  @Get(':id/weg')
  @Rollen('consulent')
  @Verwerking('inzien-client', { betrokkene })
  weg(): never {
    throw new NotFoundException('bestaat niet');
  }

  @Get(':id/elders')
  @Rollen('consulent')
  @Verwerking('inzien-client', { betrokkene })
  elders(): never {
    throw new GeenToegang('Geen toegang tot gemeente GM0006.');
  }

  @Post(':id')
  @HttpCode(200)
  @Rollen('consulent')
  @Verwerking('corrigeren-registratie', { betrokkene })
  corrigeer() {
    return { positie: 1 };
  }

  @Get('stream/:id')
  @Rollen('consulent')
  @Verwerking('inzien-auditstream', { betrokkene: uitStream((p) => `voorziening-${p.id}`) })
  stream() {
    return {};
  }
}

let db: TestDatabase;
let app: TestApp;
let token: string;

beforeAll(async () => {
  db = await createTestDatabase();
  setTestEnv(db);
  @Module({ imports: [PlatformModule.forApp('proef'), LogboekModule.forApp('proef')], controllers: [ProefController] })
  class ProefModule {}
  app = await startTestApp(ProefModule);
  token = await app.token('consulent', ['GM0005'], 'consulent-anna');
});

afterAll(async () => {
  await app?.close();
  await db?.drop();
});

const get = (pad: string) => app.http.get(pad).set('Authorization', `Bearer ${token}`);
const records = async (clientId: string) =>
  (await app.app.get(LogboekOpslag).lees({ clientId, gemeenten: ['GM0005'], limit: 100 })).verwerkingen;

describe('@Verwerking', () => {
  it('an answered request: one record, STATUS_CODE_OK, actor and role of the token', async () => {
    const id = randomUUID();
    expect((await get(`/proef/${id}`)).status).toBe(200);
    expect(await records(id)).toMatchObject([
      { statusCode: 1, activiteit: 'inzien-client', name: 'GET /proef/:id', actor: 'consulent-anna', rol: 'consulent', dienst: 'proef' },
    ]);
  });

  it('a handler that fails (5xx): a record with STATUS_CODE_ERROR, and the 500 goes out', async () => {
    const id = randomUUID();
    expect((await get(`/proef/${id}/kapot`)).status).toBe(500);
    expect(await records(id)).toMatchObject([{ statusCode: 2, activiteit: 'inzien-dossier' }]);
  });

  it('a refusal (404, 403) processed nothing: no record', async () => {
    const id = randomUUID();
    expect((await get(`/proef/${id}/weg`)).status).toBe(404);
    expect((await get(`/proef/${id}/elders`)).status).toBe(403);
    expect(await records(id)).toEqual([]);
  });

  it('a stream names its subject in its first event: that clientId, that gemeente', async () => {
    const voorziening = randomUUID();
    const client = randomUUID();
    await new PostgresEventStore(db.pool).append(
      `voorziening-${voorziening}`,
      'no-stream',
      [{ eventId: randomUUID(), type: 'Proef', schemaVersion: 1, data: { voorzieningId: voorziening, clientId: client } }],
      { streamType: 'voorziening', gemeente: 'GM0005', actorId: 'proef', correlationId: randomUUID() },
    );
    expect((await get(`/proef/stream/${voorziening}`)).status).toBe(200);
    expect(await records(client)).toMatchObject([
      { activiteit: 'inzien-auditstream', betrokkene: { clientId: client, gemeente: 'GM0005' } },
    ]);
    // A stream that names no client (none at all here): no one's data, no record.
    expect((await get(`/proef/stream/${randomUUID()}`)).status).toBe(200);
  });

  it('a record that cannot be written: a read answers 503 without its data, a command keeps its answer', async () => {
    const id = randomUUID();
    const tabel = `${logboekSchema(db.config)}.verwerking`;
    await db.pool.query(`ALTER TABLE ${tabel} RENAME TO verwerking_weg`);
    try {
      const lezen = await get(`/proef/${id}`);
      expect(lezen.status).toBe(503);
      expect(lezen.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(lezen.text).not.toContain('Jansen');
      const schrijven = await app.http.post(`/proef/${id}`).set('Authorization', `Bearer ${token}`).send({});
      expect(schrijven.status).toBe(200);
      expect(schrijven.body).toEqual({ positie: 1 });
    } finally {
      await db.pool.query(`ALTER TABLE ${logboekSchema(db.config)}.verwerking_weg RENAME TO verwerking`);
    }
  });
});
