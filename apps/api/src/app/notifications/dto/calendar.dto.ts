import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';

export class BusinessCalendarDto {
  @ApiProperty({ example: 'Europe/Berlin', description: 'IANA time zone the hours and holidays are in.' }) timeZone!: string;
  @ApiProperty({ type: [Number], example: [1, 2, 3, 4, 5], description: 'ISO weekdays: 1 = Monday … 7 = Sunday.' }) workingDays!: number[];
  @ApiProperty({ example: '09:00' }) start!: string;
  @ApiProperty({ example: '17:00' }) end!: string;
  @ApiProperty({ type: [String], example: ['2026-12-25'] }) holidays!: string[];
  @ApiProperty() version!: number;
  @ApiProperty() updatedAt!: string;
}

export class UpdateBusinessCalendarDto {
  @ApiProperty({ example: 'Europe/Berlin' })
  @IsString()
  @MaxLength(64)
  timeZone!: string;

  @ApiProperty({ type: [Number], example: [1, 2, 3, 4, 5] })
  @IsArray()
  @ArrayMaxSize(7)
  @IsInt({ each: true })
  @Min(1, { each: true })
  @Max(7, { each: true })
  workingDays!: number[];

  @ApiProperty({ example: '09:00' })
  @IsString()
  @Matches(/^\d{2}:\d{2}$/, { message: 'start must be a time HH:mm' })
  start!: string;

  @ApiProperty({ example: '17:00' })
  @IsString()
  @Matches(/^\d{2}:\d{2}$/, { message: 'end must be a time HH:mm' })
  end!: string;

  @ApiProperty({ type: [String], example: ['2026-12-25'] })
  @IsArray()
  @ArrayMaxSize(400)
  @IsString({ each: true })
  holidays!: string[];

  @ApiPropertyOptional({ description: 'The version you read; a stale version is refused with 409.' })
  @IsOptional()
  @IsInt()
  @Min(1)
  version?: number;
}
