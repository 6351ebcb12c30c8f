import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export class AuditEvent {
  @ApiProperty({ description: 'Globale positie' }) positie!: number;
  @ApiProperty({ description: 'Positie binnen de stream (1, 2, …)' }) streamVersie!: number;
  @ApiProperty({ format: 'uuid' }) eventId!: string;
  @ApiProperty({ example: 'VoorzieningToegekend' }) type!: string;
  @ApiProperty() schemaVersie!: number;
  @ApiProperty({ format: 'date-time', description: 'Registratietijd (de kennisdatum-as)' }) geregistreerdOp!: string;
  @ApiProperty({ description: 'Gebruiker die het event veroorzaakte' }) actor!: string;
  @ApiProperty() correlationId!: string;
  @ApiPropertyOptional({ nullable: true, type: String }) causationId!: string | null;
  @ApiProperty({ type: 'object', additionalProperties: true }) data!: Record<string, unknown>;
}

export class AuditStream {
  @ApiProperty() streamId!: string;
  @ApiProperty() streamType!: string;
  @ApiProperty() gemeente!: string;
  @ApiProperty() versie!: number;
  @ApiProperty({ type: [AuditEvent] }) events!: AuditEvent[];
}
