import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

/** OpenAPI of a Logregel: the field names are the Logius standard's (libs/logboek/src/verwerking.ts). */
export class LogregelResource {
  @ApiProperty({ example: { 'service.name': 'intake' } }) attributes!: Record<string, string>;
}

export class LogregelDto {
  @ApiProperty({ description: 'W3C trace id (32 hex): één trace over intake, voorzieningen en projecties' }) trace_id!: string;
  @ApiProperty({ description: 'Span id (16 hex) van dit verzoek' }) span_id!: string;
  @ApiProperty({ nullable: true, type: String, description: 'De span van de aanroeper (uit zijn traceparent)' })
  parent_span_id!: string | null;
  @ApiProperty({ example: 'GET /clienten/:id/dossier', description: 'De actie: methode en route' }) name!: string;
  @ApiProperty({ format: 'date-time' }) start_time!: string;
  @ApiProperty({ format: 'date-time' }) end_time!: string;
  @ApiProperty({ enum: ['STATUS_CODE_UNSET', 'STATUS_CODE_OK', 'STATUS_CODE_ERROR'] }) status_code!: string;
  @ApiProperty({ type: LogregelResource }) resource!: LogregelResource;
  @ApiProperty({
    description:
      'dpl.core.processing_activity_id, dpl.core.data_subject_id (de clientId, nooit een BSN), dpl.core.data_subject_id_type; en dpl.sd.actor_id, dpl.sd.rol, dpl.sd.gemeente',
    example: {
      'dpl.core.processing_activity_id': 'urn:sociaal-domein:verwerkingsactiviteit:inzien-dossier',
      'dpl.core.data_subject_id': '6f1c1c1e-58a5-4d52-9a57-2b3d2c1f7a10',
      'dpl.core.data_subject_id_type': 'urn:sociaal-domein:clientId',
      'dpl.sd.actor_id': 'consulent-anna',
      'dpl.sd.rol': 'consulent',
      'dpl.sd.gemeente': 'GM0005',
    },
  })
  attributes!: Record<string, string>;
}

export class VerwerkingenPagina {
  @ApiProperty() clientId!: string;
  @ApiProperty({ type: [LogregelDto], description: 'Oudste eerst' }) verwerkingen!: LogregelDto[];
  @ApiProperty({ nullable: true, type: String, description: 'Geef mee als `na` voor de volgende pagina; null op de laatste' })
  volgende!: string | null;
}

export class VerwerkingsactiviteitDto {
  @ApiProperty({ example: 'urn:sociaal-domein:verwerkingsactiviteit:inzien-dossier' }) id!: string;
  @ApiProperty() naam!: string;
  @ApiProperty() doel!: string;
  @ApiPropertyOptional() grondslag!: string;
}
