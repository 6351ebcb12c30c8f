import { describe, expect, it } from '@jest/globals';
import { herbereken, maakExport, sleutelpaar, voorbeeldEvents } from '../test/synthetische-export.js';
import type { AnderRegel, CheckpointRegel, EventRegel, ExportRegel } from './export-regels.js';
import { onderteken } from './checkpoint.js';
import { ExportOnleesbaar } from './export-lezen.js';
import { verifieerExport } from './verifieer.js';

/*
 * Twelve events, positions 1–12; GM0006 has 3, 6, 9 and 12 (the `ander` lines of this export for
 * GM0005), the rest are GM0005's events. Checkpoints at 4, 8 and 12.
 */
const paar = sleutelpaar();
const opties = { prive: paar.privateKey, publiek: paar.publicKey };
const intact = () => maakExport(voorbeeldEvents(), opties);

const op = (regels: ExportRegel[], positie: number) =>
  regels.findIndex((r) => (r.soort === 'event' || r.soort === 'ander') && r.positie === positie);
function wijzig<T extends ExportRegel>(regels: ExportRegel[], positie: number, f: (r: T) => T): ExportRegel[] {
  const kopie = [...regels];
  kopie[op(kopie, positie)] = f(kopie[op(kopie, positie)] as T);
  return kopie;
}
const zonder = (regels: ExportRegel[], positie: number) => regels.filter((_, i) => i !== op(regels, positie));

describe('verifieerExport', () => {
  it('finds an intact export intact: every link, every checkpoint', async () => {
    const v = await verifieerExport(intact());
    expect(v).toMatchObject({ intact: true, events: 8, anderen: 4, checkpoints: 3, laatsteCheckpoint: 12, onbedekt: 0, breuk: null });
    expect(v.sleutelBron).toBe('kop');
  });

  it('names the position of an event whose data was changed', async () => {
    const v = await verifieerExport(wijzig<EventRegel>(intact(), 5, (r) => ({ ...r, data: { ...r.data, productcategorie: '02' } })));
    expect(v.intact).toBe(false);
    expect(v.breuk).toMatchObject({ positie: 5, reden: 'inhoud', regel: 6 });
    expect(v.laatsteCheckpoint).toBe(4);
  });

  it('notices a revealed personal field changed under its salt, and a hidden field’s digest swapped', async () => {
    const geslacht = await verifieerExport(wijzig<EventRegel>(intact(), 7, (r) => ({ ...r, data: { ...r.data, geslacht: 'man' } })));
    expect(geslacht.breuk).toMatchObject({ positie: 7, reden: 'inhoud' });
    const digest = await verifieerExport(
      wijzig<EventRegel>(intact(), 1, (r) => ({ ...r, verborgen: { ...r.verborgen, bsn: 'ab'.repeat(32) } })),
    );
    expect(digest.breuk).toMatchObject({ positie: 1, reden: 'inhoud' });
    expect(digest.laatsteCheckpoint).toBeNull();
  });

  it('breaks at the next position when an event is removed', async () => {
    const v = await verifieerExport(zonder(intact(), 5));
    expect(v.breuk).toMatchObject({ positie: 6, reden: 'ander' });
    expect(v.breuk!.uitleg).toContain('posities 5–5 ontbreken');
    expect(v.laatsteCheckpoint).toBe(4);
  });

  it('holds a removed last event against the checkpoint at its position', async () => {
    const v = await verifieerExport(zonder(intact(), 12));
    expect(v.breuk).toBeNull();
    expect(v.checkpointFout).toMatchObject({ positie: 12, reden: 'positie-ontbreekt' });
    expect(v.laatsteCheckpoint).toBe(8);
  });

  it('breaks where two lines were swapped', async () => {
    const regels = intact();
    const [a, b] = [op(regels, 5), op(regels, 7)];
    [regels[a], regels[b]] = [regels[b], regels[a]];
    const v = await verifieerExport(regels);
    expect(v.breuk).toMatchObject({ positie: 7, reden: 'inhoud' });
  });

  it('breaks on an inserted line: a position again, or a link that does not fit', async () => {
    const regels = intact();
    const dubbel = [...regels.slice(0, op(regels, 5) + 1), regels[op(regels, 5)], ...regels.slice(op(regels, 5) + 1)];
    expect((await verifieerExport(dubbel)).breuk).toMatchObject({ positie: 5, reden: 'volgorde', regel: 7 });
    const nieuw: AnderRegel = { soort: 'ander', positie: 13, gemeente: 'GM0006', inhoud: 'cd'.repeat(32), keten: 'ef'.repeat(32) };
    expect((await verifieerExport([...regels.slice(0, 13), nieuw, ...regels.slice(13)])).breuk).toMatchObject({
      positie: 13,
      reden: 'ander',
    });
  });

  it('reports an event that was never sealed', async () => {
    const v = await verifieerExport(wijzig<EventRegel>(intact(), 8, (r) => ({ ...r, keten: null })));
    expect(v.breuk).toMatchObject({ positie: 8, reden: 'niet-verzegeld' });
  });

  it('breaks on an ander line moved to another gemeente, and on an own event passed off as another’s', async () => {
    const verplaatst = await verifieerExport(wijzig<AnderRegel>(intact(), 3, (r) => ({ ...r, gemeente: 'GM0007' })));
    expect(verplaatst.breuk).toMatchObject({ positie: 3, reden: 'ander' });
    const verstopt = await verifieerExport(wijzig<AnderRegel>(intact(), 6, (r) => ({ ...r, gemeente: 'GM0005' })));
    expect(verstopt.breuk).toMatchObject({ positie: 6, reden: 'gemeente' });
  });

  it('catches a re-hashed log at the first signed checkpoint after the change, naming the last intact one', async () => {
    const gewijzigd = wijzig<EventRegel>(intact(), 5, (r) => ({ ...r, data: { ...r.data, ingangsdatum: '2015-02-01' } }));
    const v = await verifieerExport(herbereken(gewijzigd));
    expect(v.breuk).toBeNull();
    expect(v.checkpointFout).toMatchObject({ positie: 8, reden: 'keten-wijkt-af' });
    expect(v.laatsteCheckpoint).toBe(4);
    expect(v.intact).toBe(false);
  });

  it('refuses a checkpoint signed with another key, and one whose signed value was edited', async () => {
    const ander = sleutelpaar();
    const regels = intact().map((r) =>
      r.soort === 'checkpoint' && r.positie === 8
        ? ({ soort: 'checkpoint', ...onderteken(ander.privateKey, { positie: 8, keten: r.keten, tijd: r.tijd }) } satisfies CheckpointRegel)
        : r,
    );
    const v = await verifieerExport(regels);
    expect(v.checkpointFout).toMatchObject({ positie: 8, reden: 'andere-sleutel' });
    expect(v.laatsteCheckpoint).toBe(4);

    const bewerkt = intact().map((r) => (r.soort === 'checkpoint' && r.positie === 4 ? { ...r, keten: 'ab'.repeat(32) } : r));
    expect((await verifieerExport(bewerkt)).checkpointFout).toMatchObject({ positie: 4, reden: 'handtekening' });
  });

  it('with the kept key: passes the real log, and catches a log re-signed with a key swapped into the kop', async () => {
    expect(await verifieerExport(intact(), paar.publicKey)).toMatchObject({
      intact: true,
      sleutelBron: 'meegegeven',
      kopSleutelWijktAf: false,
    });

    const vervalser = sleutelpaar();
    const vals = herbereken(wijzig<EventRegel>(intact(), 2, (r) => ({ ...r, data: { ...r.data, wet: 'jeugdwet' } })));
    const ketenOp = (p: number) => (vals[op(vals, p)] as EventRegel).keten!;
    const herondertekend = maakExport(voorbeeldEvents(), { prive: vervalser.privateKey, publiek: vervalser.publicKey })
      .slice(0, 1)
      .concat(
        vals.slice(1, -3),
        [4, 8, 12].map((positie) => ({
          soort: 'checkpoint' as const,
          ...onderteken(vervalser.privateKey, { positie, keten: ketenOp(positie), tijd: 't' }),
        })),
      );
    expect((await verifieerExport(herondertekend)).intact).toBe(true); // the server's own key proves nothing
    const v = await verifieerExport(herondertekend, paar.publicKey);
    expect(v).toMatchObject({ intact: false, kopSleutelWijktAf: true, checkpointFout: { positie: 4, reden: 'andere-sleutel' } });
  });

  it('counts the events after the last checkpoint as held by the chain alone', async () => {
    const v = await verifieerExport(maakExport(voorbeeldEvents(), { ...opties, checkpointsOp: [8] }));
    expect(v).toMatchObject({ intact: true, checkpoints: 1, laatsteCheckpoint: 8, onbedekt: 4 });
  });

  it('calls a file damaged, with its line number: no kop, an unknown format, a line of the wrong shape', async () => {
    const fout = async (regels: unknown[]) =>
      verifieerExport(regels).then(
        () => null,
        (e: unknown) => e,
      );
    const [kop, ...rest] = intact();
    expect(await fout(rest)).toMatchObject({ name: 'ExportOnleesbaar', regel: 1 });
    expect(await fout([{ ...kop, formaat: 'sd-audit-export/9' }, ...rest])).toMatchObject({
      regel: 1,
      message: expect.stringContaining('onbekend formaat'),
    });
    const kapot = [kop, ...rest];
    kapot[4] = { soort: 'event', positie: 4 } as unknown as ExportRegel;
    expect(await fout(kapot)).toBeInstanceOf(ExportOnleesbaar);
    expect(await fout(kapot)).toMatchObject({ regel: 5 });
    expect(await fout([])).toMatchObject({ regel: 1 });
  });
});
