import {
  BEEINDIGING_REDENEN,
  type BeeindigingReden,
  LEVERINGSVORMEN,
  type Leveringsvorm,
  REGELINGEN,
  type Regeling,
  WETTEN,
  type Wet,
} from '@sd/domain';
import { Code, Datum, Productcategorie, Tekst, Uuid } from '@sd/http';

export class KenVoorzieningToeDto {
  @Uuid() clientId!: string;
  @Code(WETTEN) wet!: Wet;
  @Productcategorie() productcategorie!: string;
  @Code(LEVERINGSVORMEN) leveringsvorm!: Leveringsvorm;
  @Datum({ nietInToekomst: true }) besluitdatum!: string;
  @Datum() ingangsdatum!: string;
  @Datum({ optional: true, description: 'Laatste dag van het recht (t/m)' }) einddatum?: string;
  @Uuid({ optional: true }) aanmeldingId?: string;
}

export class StartLeveringDto {
  @Datum({ nietInToekomst: true }) datum!: string;
}

export class BeeindigVoorzieningDto {
  @Datum({ description: 'Laatste dag van het recht (t/m)' }) einddatum!: string;
  @Code(BEEINDIGING_REDENEN) reden!: BeeindigingReden;
}

export class CorrigeerVoorzieningDto {
  @Datum({ optional: true }) ingangsdatum?: string;
  @Datum({ optional: true, nullable: true, description: 'null haalt de einddatum weg' }) einddatum?: string | null;
  @Productcategorie({ optional: true }) productcategorie?: string;
  @Code(LEVERINGSVORMEN, { optional: true }) leveringsvorm?: Leveringsvorm;
  @Code(REGELINGEN, { optional: true, description: 'Alleen voor uitkeringen' }) regeling?: Regeling;
  @Tekst({ description: 'Waarom de registratie wordt gecorrigeerd' }) reden!: string;
}
