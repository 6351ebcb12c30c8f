import { ApiProperty } from '@nestjs/swagger';

export class AuditCheckpoint {
  @ApiProperty({ description: 'De laatste verzegelde positie die het checkpoint dekt' }) positie!: number;
  @ApiProperty({ description: 'De ketenwaarde op die positie (SHA-256, hex)' }) keten!: string;
  @ApiProperty({ format: 'date-time' }) tijd!: string;
  @ApiProperty({ description: 'De eerste 16 hex-tekens van de SHA-256 van de publieke sleutel (SPKI, DER)' }) sleutelId!: string;
  @ApiProperty({ description: 'Ed25519 over canoniek({ positie, keten, tijd, sleutelId }), base64' }) handtekening!: string;
}

export class AuditSleutel {
  @ApiProperty({ description: 'De publieke sleutel, SPKI PEM' }) sleutel!: string;
  @ApiProperty() sleutelId!: string;
  @ApiProperty({ enum: ['Ed25519'] }) algoritme!: 'Ed25519';
}
