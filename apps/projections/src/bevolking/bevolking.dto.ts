import { ApiProperty } from '@nestjs/swagger';
import { IsInt, Max, Min } from 'class-validator';

export class BevolkingDto {
  @ApiProperty({ example: 10480 }) @IsInt({ message: 'inwoners moet een geheel getal zijn' }) @Min(0) @Max(10_000_000) inwoners!: number;
  @ApiProperty({ example: 4520 })
  @IsInt({ message: 'huishoudens moet een geheel getal zijn' })
  @Min(0)
  @Max(10_000_000)
  huishoudens!: number;
}
