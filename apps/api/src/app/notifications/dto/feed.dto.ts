import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsOptional } from 'class-validator';
import { NOTIFICATION_KINDS, type NotificationKind } from '@signet/notifications-domain';
import { PageQueryDto } from '../../common/pagination';

export class FeedQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ type: Boolean, description: 'true: only unread.' })
  @IsOptional()
  @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean()
  unread?: boolean;
}

export class NotificationDto {
  @ApiProperty() id!: string;
  @ApiProperty({ enum: NOTIFICATION_KINDS }) kind!: NotificationKind;
  @ApiProperty() title!: string;
  @ApiProperty() body!: string;
  @ApiProperty({ type: String, nullable: true, description: 'Console path to open.' }) link!: string | null;
  @ApiProperty({ type: String, nullable: true }) quoteId!: string | null;
  @ApiProperty({ type: String, nullable: true }) requestId!: string | null;
  @ApiProperty() createdAt!: string;
  @ApiProperty({ type: String, nullable: true }) readAt!: string | null;
}

export class NotificationPageDto {
  @ApiProperty({ type: [NotificationDto] }) items!: NotificationDto[];
  @ApiProperty() total!: number;
  @ApiProperty({ description: 'Unread notifications in all pages.' }) unread!: number;
}

export class UnreadCountDto {
  @ApiProperty() unread!: number;
  @ApiProperty({ type: String, nullable: true, description: 'Newest notification time, so a client can tell when to refresh its list.' }) latestAt!: string | null;
}

export class MarkedReadDto {
  @ApiProperty() marked!: number;
}
