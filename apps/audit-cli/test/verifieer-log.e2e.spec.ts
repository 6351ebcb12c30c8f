import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { ExportRegel } from '@sd/audit';
import { isOneSentence } from '@sd/testing';
import { herbereken, maakExport, sleutelpaar, voorbeeldEvents } from '../../../libs/audit/test/synthetische-export.js';
import { cli } from './cli.js';

/** A port nothing listens on: one the system just handed out and that was closed again. */
async function vrijePoort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((klaar) => server.listen(0, '127.0.0.1', klaar));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((klaar) => server.close(klaar));
  return port;
}

/** `verifieer-log` and the CLI's usage, on files alone: no server. */
const paar = sleutelpaar();
let map: string;
const schrijf = (naam: string, regels: unknown[] | string) => {
  const bestand = path.join(map, naam);
  fs.writeFileSync(bestand, typeof regels === 'string' ? regels : regels.map((r) => JSON.stringify(r)).join('\n') + '\n');
  return bestand;
};
const intact = () => maakExport(voorbeeldEvents(), { prive: paar.privateKey, publiek: paar.publicKey });
const gewijzigd = (): ExportRegel[] =>
  intact().map((r) => (r.soort === 'event' && r.positie === 5 ? { ...r, data: { ...r.data, productcategorie: '02' } } : r));

beforeAll(() => {
  map = fs.mkdtempSync(path.join(os.tmpdir(), 'audit-cli-'));
  fs.writeFileSync(path.join(map, 'sleutel.pem'), paar.publicKey.export({ type: 'spki', format: 'pem' }));
});
afterAll(() => fs.rmSync(map, { recursive: true, force: true }));

describe('verifieer-log', () => {
  it('says an intact log is intact (exit 0), warning that the key came from the file itself', async () => {
    const uit = await cli(['verifieer-log', schrijf('intact.ndjson', intact())]);
    expect(uit.code).toBe(0);
    expect(uit.stdout).toBe(
      'Log intact: 8 events (en 4 van andere gemeenten), 3 checkpoints geverifieerd, laatste intacte ondertekende checkpoint op positie 12.\n',
    );
    expect(uit.stderr).toContain('sleutel uit het bestand zelf');
  });

  it('with --sleutel: no warning; a log re-signed under another key fails against it', async () => {
    const goed = await cli(['verifieer-log', schrijf('intact2.ndjson', intact()), '--sleutel', path.join(map, 'sleutel.pem')]);
    expect(goed).toMatchObject({ code: 0, stderr: '' });
    const ander = sleutelpaar();
    const vals = maakExport(voorbeeldEvents(), { prive: ander.privateKey, publiek: ander.publicKey });
    const uit = await cli(['verifieer-log', schrijf('vals.ndjson', vals), '--sleutel', path.join(map, 'sleutel.pem')]);
    expect(uit.code).toBe(1);
    expect(uit.stdout).toContain('het checkpoint op positie 4 is ondertekend met een andere sleutel');
    expect(uit.stderr).toContain('niet uw sleutel');
  });

  it('names the break and the last intact checkpoint (exit 1)', async () => {
    const uit = await cli(['verifieer-log', schrijf('breuk.ndjson', gewijzigd())]);
    expect(uit.code).toBe(1);
    expect(uit.stdout).toMatch(/^Log gebroken op positie 5 \(regel 6\): .*inhoud van dit event is gewijzigd/);
    expect(uit.stdout).toContain('Laatste intacte ondertekende checkpoint op positie 4.');
  });

  it('names the checkpoint a re-hashed log fails at, and the last intact one before it', async () => {
    const uit = await cli(['verifieer-log', schrijf('herrekend.ndjson', herbereken(gewijzigd()))]);
    expect(uit.code).toBe(1);
    expect(uit.stdout).toContain('Checkpoint klopt niet: het checkpoint op positie 8 is geldig ondertekend, maar de herberekende keten');
    expect(uit.stdout).toContain('Laatste intacte ondertekende checkpoint op positie 4.');
  });

  it('calls a damaged file damaged with its line number (exit 2): not JSON, no kop, an unknown format', async () => {
    const regels = intact().map((r) => JSON.stringify(r));
    regels[2] = regels[2].slice(0, 40);
    const kapot = await cli(['verifieer-log', schrijf('kapot.ndjson', regels.join('\n'))]);
    expect(kapot.code).toBe(2);
    expect(kapot.stderr).toMatch(/kapot\.ndjson is beschadigd op regel 3: de regel is geen JSON\.\n$/);
    expect(isOneSentence(kapot.stderr)).toBe(true);
    const zonderKop = await cli(['verifieer-log', schrijf('zonder-kop.ndjson', intact().slice(1))]);
    expect(zonderKop).toMatchObject({ code: 2, stderr: expect.stringContaining('op regel 1: de eerste regel is geen kop') });
    const [kop, ...rest] = intact();
    const formaat = await cli(['verifieer-log', schrijf('formaat.ndjson', [{ ...kop, formaat: 'iets-anders/2' }, ...rest])]);
    expect(formaat).toMatchObject({ code: 2, stderr: expect.stringContaining('onbekend formaat "iets-anders/2"') });
  });

  it('refuses a missing file and a key file that is no Ed25519 public key (exit 2)', async () => {
    expect(await cli(['verifieer-log', path.join(map, 'bestaat-niet.ndjson')])).toMatchObject({
      code: 2,
      stderr: expect.stringContaining('bestaat niet'),
    });
    const uit = await cli(['verifieer-log', schrijf('x.ndjson', intact()), '--sleutel', schrijf('geen.pem', 'hallo')]);
    expect(uit).toMatchObject({ code: 2, stderr: expect.stringContaining('geen publieke Ed25519-sleutel') });
  });
});

describe('usage', () => {
  it('explains itself with --help (exit 0) and refuses an unknown command or option (exit 2), in one sentence', async () => {
    const hulp = await cli(['--help']);
    expect(hulp.code).toBe(0);
    for (const opdracht of ['dossier', 'export', 'verifieer-log', 'reproduceer']) expect(hulp.stdout).toContain(opdracht);
    const onbekend = await cli(['vernietig']);
    expect(onbekend).toMatchObject({ code: 2, stderr: expect.stringContaining('Onbekende opdracht "vernietig"') });
    const optie = await cli(['verifieer-log', 'x', '--snel']);
    expect(optie.code).toBe(2);
    expect(optie.stderr).toMatch(/^Verkeerd gebruik: .*--snel/);
    expect(isOneSentence(optie.stderr)).toBe(true);
  });

  it('exits 2 with one sentence when the server cannot be reached', async () => {
    const dossier = (url: string) => cli(['dossier', 'client-6f1c1c1e-58a5-4d52-9a57-2b3d2c1f7a10', '--url', url, '--token', 'x']);
    const gesloten = await vrijePoort();
    const uit = await dossier(`http://127.0.0.1:${gesloten}`);
    expect(uit).toMatchObject({ code: 2, stdout: '' });
    expect(uit.stderr).toBe(`Geen verbinding met http://127.0.0.1:${gesloten} (ECONNREFUSED): draait de server, en klopt --url?\n`);
    // Port 1 is one fetch refuses to dial at all.
    expect(await dossier('http://127.0.0.1:1')).toMatchObject({
      code: 2,
      stderr: expect.stringMatching(/^Geen verbinding met http:\/\/127\.0\.0\.1:1 \(bad port\)/),
    });
  });
});
