import { Controller, Get, Query, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { Gebruiker, type Principal, Rollen } from '@sd/auth';
import { invalidField, ongeldig } from '@sd/http';
import { PeildatumVraagDto, PeriodeVraagDto, type RapportVraagDto, ReeksVraagDto, StapelingVraagDto } from './rapportage.dto.js';
import * as q from './rapportage.queries.js';
import { periodeUit, RapportageService, WACHTLIJST_NORMEN } from './rapportage.service.js';
import type { Rapport } from './rapportage.types.js';
import { intervallen } from './reeks/intervallen.js';
import { reeks } from './reeks/reeks.query.js';
import { naarCsv, naarCsvReeks } from './csv.js';

/** The five reports of DESIGN section 5: aggregates only, JSON or CSV (Accept: text/csv). */
@ApiTags('rapportages')
@ApiBearerAuth()
@ApiProduces('application/json', 'text/csv')
@Controller('rapportages')
export class RapportagesController {
  constructor(private readonly rapportages: RapportageService) {}

  @Get('stand')
  @Rollen('rapportage', 'auditor', 'beheer')
  @ApiOperation({ summary: 'Stand per peildatum: lopende voorzieningen en uitkeringen, cliënten en huishoudens' })
  async stand(
    @Query() vraag: PeildatumVraagDto,
    @Gebruiker() g: Principal,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ) {
    return this.antwoord(
      req,
      res,
      await this.rapportages.maak('stand', vraag, g, (db, s) => q.stand(db, s, vraag.peildatum), { tweeVerbindingen: true }),
    );
  }

  @Get('instroom-uitstroom')
  @Rollen('rapportage', 'auditor', 'beheer')
  @ApiOperation({ summary: 'In- en uitstroom in een periode, met begin- en eindstand' })
  async instroomUitstroom(
    @Query() vraag: PeriodeVraagDto,
    @Gebruiker() g: Principal,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ) {
    const { van, tot } = periodeUit(vraag);
    return this.antwoord(
      req,
      res,
      await this.rapportages.maak('instroom-uitstroom', vraag, g, (db, s) => q.instroomUitstroom(db, s, van, tot)),
    );
  }

  @Get('wachtlijst')
  @Rollen('rapportage', 'auditor', 'beheer')
  @ApiOperation({ summary: 'Wachtlijst per peildatum: open aanmeldingen (met wachttijd en norm) en toegekend maar niet gestart' })
  async wachtlijst(
    @Query() vraag: PeildatumVraagDto,
    @Gebruiker() g: Principal,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ) {
    return this.antwoord(
      req,
      res,
      await this.rapportages.maak('wachtlijst', vraag, g, (db, s) => q.wachtlijst(db, s, vraag.peildatum, WACHTLIJST_NORMEN())),
    );
  }

  @Get('stapeling')
  @Rollen('rapportage', 'auditor', 'beheer')
  @ApiOperation({ summary: 'Stapeling per peildatum of periode: voorzieningen per cliënt en huishouden, combinaties van wetten' })
  async stapeling(
    @Query() vraag: StapelingVraagDto,
    @Gebruiker() g: Principal,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ) {
    if (vraag.peildatum !== undefined && (vraag.van !== undefined || vraag.tot !== undefined || vraag.periode !== undefined)) {
      throw ongeldig([invalidField('peildatum', 'geef een peildatum of een periode, niet beide')]);
    }
    const periode = vraag.peildatum !== undefined ? { peildatum: vraag.peildatum } : periodeUit(vraag);
    return this.antwoord(req, res, await this.rapportages.maak('stapeling', vraag, g, (db, s) => q.stapeling(db, s, periode)));
  }

  @Get('bezwaren')
  @Rollen('rapportage', 'auditor', 'beheer')
  @ApiOperation({ summary: 'Bezwaren in een periode: ontvangen, afgehandeld, per uitkomst en onderwerp, binnen de Awb-termijn' })
  async bezwaren(
    @Query() vraag: PeriodeVraagDto,
    @Gebruiker() g: Principal,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ) {
    nietVoorBezwaren(vraag);
    const { van, tot } = periodeUit(vraag);
    return this.antwoord(req, res, await this.rapportages.maak('bezwaren', vraag, g, (db, s) => q.bezwaren(db, s, van, tot)));
  }

  @Get('reeks')
  @Rollen('rapportage', 'auditor', 'beheer')
  @ApiOperation({
    summary:
      'Tijdreeks van een rapport: per maand, kwartaal, halfjaar of jaar; elk punt gelijk aan het rapport voor die peildatum of periode',
  })
  async reeks(@Query() vraag: ReeksVraagDto, @Gebruiker() g: Principal, @Req() req: Request, @Res({ passthrough: true }) res: Response) {
    if (vraag.rapport === 'bezwaren') nietVoorBezwaren(vraag);
    const uitkomst = intervallen(vraag.van, vraag.tot, vraag.interval);
    if ('fouten' in uitkomst) throw ongeldig(uitkomst.fouten);
    const { van, tot, interval } = vraag;
    const antwoord = await this.rapportages.maak(vraag.rapport, vraag, g, async (db, s) => ({
      interval,
      van,
      tot,
      punten: await reeks(db, s, vraag.rapport, uitkomst.perioden, WACHTLIJST_NORMEN()),
    }));
    if (req.accepts(['application/json', 'text/csv']) === 'text/csv') {
      res.type('text/csv; charset=utf-8');
      res.setHeader('Content-Disposition', `attachment; filename="${vraag.rapport}-reeks.csv"`);
      return naarCsvReeks(antwoord);
    }
    return antwoord;
  }

  /** JSON by default; CSV when the client asks for text/csv. */
  private antwoord(req: Request, res: Response, rapport: object) {
    if (req.accepts(['application/json', 'text/csv']) === 'text/csv') {
      res.type('text/csv; charset=utf-8');
      res.setHeader('Content-Disposition', `attachment; filename="${(rapport as Rapport).rapport}.csv"`);
      return naarCsv(rapport as Rapport);
    }
    return rapport;
  }
}

/** The bezwaren report takes gemeente and wet only. */
function nietVoorBezwaren(vraag: RapportVraagDto): void {
  const nietVanToepassing = (['productcategorie', 'leveringsvorm', 'regeling'] as const).filter((k) => vraag[k] !== undefined);
  if (nietVanToepassing.length) {
    throw ongeldig(nietVanToepassing.map((k) => invalidField(k, `${k} geldt niet voor bezwaren (wel gemeente en wet)`)));
  }
}
