import { ApiProperty } from '@nestjs/swagger';

export class DashboardConnectorDto {
  @ApiProperty() id!: string;
  @ApiProperty() name!: string;
  @ApiProperty() enabled!: boolean;
  @ApiProperty() waiting!: number;
  @ApiProperty() failed!: number;
}

export class DashboardDto {
  @ApiProperty({ description: 'When these figures were read.' }) asOf!: string;
  @ApiProperty() activeUsers!: number;
  @ApiProperty({ type: 'object', additionalProperties: { type: 'number' } }) usersByRole!: Record<string, number>;
  @ApiProperty() logins24h!: number;
  @ApiProperty() failedLogins24h!: number;
  @ApiProperty({ enum: ['redis', 'postgres'] }) queueEngine!: 'redis' | 'postgres';
  @ApiProperty() queueDescription!: string;
  @ApiProperty({ type: [DashboardConnectorDto] }) connectors!: DashboardConnectorDto[];
  @ApiProperty({ type: 'object', additionalProperties: { type: 'number' } }) syncByStatus!: Record<string, number>;
}
