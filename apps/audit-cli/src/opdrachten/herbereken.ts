import { herbereken as herberekenRapport, leesExport, Oracle } from '@sd/herberekening';
import { CliFout, type Opdracht } from '@sd/cli';
import { haalVia, vergelijkMetApi } from '../herberekening/tegen-api.js';
import { FILTERS, leesArgumenten, rapportVraag } from '../herberekening/vraag.js';
import { herberekeningRegels, nietHerberekenbaarRegels, verschilRegels } from '../herberekening/weergave.js';

const GEBRUIK =
  'herbereken <stand|instroom-uitstroom|wachtlijst|stapeling|bezwaren> [--peildatum D | --periode P | --van D --tot D] ' +
  '[--kennisdatum T] [--gemeente G] [--wet W] [--productcategorie P] [--leveringsvorm L] [--regeling R] --uit <export> [--vergelijk] [--json]';

/**
 * `herbereken`: a report recomputed from an export file alone (DESIGN section 4, by @sd/herberekening),
 * printed; with --vergelijk held against what the API answers for it: exit 1 when a figure differs.
 */
export const herbereken: Opdracht = async (args, ctx) => {
  const { waarden, aan, los } = leesArgumenten(
    args,
    ['peildatum', 'periode', 'van', 'tot', 'kennisdatum', 'uit', ...FILTERS],
    ['vergelijk', 'json'],
  );
  if (los.length !== 1) throw new CliFout(2, `gebruik: ${GEBRUIK}`);
  const { uit, ...params } = waarden;
  if (uit === undefined) throw new CliFout(2, `--uit <exportbestand> ontbreekt; gebruik: ${GEBRUIK}`);
  const invoer = await leesExport(uit).catch((e: Error) => {
    throw new CliFout(2, `${uit}: ${e.message}`);
  });
  const v = rapportVraag(los[0], params, invoer.kop);
  const oracle = new Oracle(invoer.events);

  if (!aan.has('vergelijk')) {
    const h = herberekenRapport(oracle, v.vraag);
    if (aan.has('json')) ctx.uit(JSON.stringify({ ...h.cijfers, rapport: h.rapport, nietHerberekenbaar: h.nietHerberekenbaar }, null, 2));
    else herberekeningRegels(h).forEach((r) => ctx.uit(r));
    return 0;
  }

  if (v.params.kennisdatum === undefined)
    ctx.meld(`Zonder --kennisdatum telt de API ook wat na positie ${invoer.kop.totPositie} (het einde van de export) is vastgelegd.`);
  const { herberekening, vergelijking } = await vergelijkMetApi(oracle, invoer.kop, v, haalVia(ctx));
  const { verschillen, vergeleken } = vergelijking;
  if (aan.has('json')) {
    ctx.uit(
      JSON.stringify(
        { rapport: v.rapport, params: v.params, vergeleken, verschillen, nietVergeleken: herberekening.nietHerberekenbaar },
        null,
        2,
      ),
    );
  } else {
    ctx.uit(
      `${v.rapport} ${new URLSearchParams(v.params).toString()}: ${vergeleken} cijfers vergeleken, ${verschillen.length} verschillen`,
    );
    if (verschillen.length) ctx.uit('Verschillen (pad: API, herberekend):');
    verschilRegels(verschillen).forEach((r) => ctx.uit(r));
    if (herberekening.nietHerberekenbaar.length) ctx.uit('Niet vergeleken:');
    nietHerberekenbaarRegels(herberekening.nietHerberekenbaar).forEach((r) => ctx.uit(r));
  }
  return verschillen.length ? 1 : 0;
};
