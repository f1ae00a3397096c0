import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';
import { DELIVERY_MODES, type DeliveryMode } from '@signet/notifications-domain';

export class NotificationPreferencesDto {
  @ApiProperty({ description: 'false: in-app only, no email.' }) emailEnabled!: boolean;
  @ApiProperty({ enum: DELIVERY_MODES }) mode!: DeliveryMode;
  @ApiProperty({ minimum: 1, maximum: 24 }) digestEveryHours!: number;
  @ApiProperty({ type: String, nullable: true, example: '22:00' }) quietStart!: string | null;
  @ApiProperty({ type: String, nullable: true, example: '07:00' }) quietEnd!: string | null;
  @ApiProperty({ example: 'Europe/Berlin' }) timeZone!: string;
  @ApiProperty({ description: '0 while the defaults are in use.' }) version!: number;
}

export class UpdateNotificationPreferencesDto {
  @ApiProperty()
  @IsBoolean()
  emailEnabled!: boolean;

  @ApiProperty({ enum: DELIVERY_MODES })
  @IsIn(DELIVERY_MODES)
  mode!: DeliveryMode;

  @ApiProperty({ minimum: 1, maximum: 24 })
  @IsInt()
  @Min(1)
  @Max(24)
  digestEveryHours!: number;

  @ApiPropertyOptional({ type: String, nullable: true, example: '22:00' })
  @IsOptional()
  @Matches(/^\d{2}:\d{2}$/, { message: 'quietStart must be a time HH:mm' })
  quietStart?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, example: '07:00' })
  @IsOptional()
  @Matches(/^\d{2}:\d{2}$/, { message: 'quietEnd must be a time HH:mm' })
  quietEnd?: string | null;

  @ApiProperty({ example: 'Europe/Berlin' })
  @IsString()
  @MaxLength(64)
  timeZone!: string;

  @ApiPropertyOptional({ description: 'The version you read; a stale version is refused with 409.' })
  @IsOptional()
  @IsInt()
  @Min(0)
  version?: number;
}
