import { ApiProperty } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsString, Length, Matches } from 'class-validator';
import { GEMEENTE_CODE } from '@sd/domain';

export class RegioDto {
  @ApiProperty({ example: 'Bergen, Heiloo, Castricum en Uitgeest (BMWE)' })
  @IsString({ message: 'naam moet tekst zijn' })
  @Length(1, 100, { message: 'naam: 1 tot 100 tekens' })
  naam!: string;

  @ApiProperty({ type: [String], example: ['GM0373', 'GM0399', 'GM0383', 'GM0450'] })
  @IsArray({ message: 'gemeenten moet een lijst van CBS-codes zijn' })
  @ArrayMinSize(1, { message: 'gemeenten: ten minste één gemeente' })
  @ArrayMaxSize(400)
  @Matches(GEMEENTE_CODE, { each: true, message: 'gemeenten bevat een code die niet de vorm GM0000 heeft' })
  gemeenten!: string[];
}

export interface Regio {
  code: string;
  naam: string;
  gemeenten: string[];
}
