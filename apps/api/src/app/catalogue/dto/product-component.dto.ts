import { ApiProperty } from '@nestjs/swagger';
import { IsUUID } from 'class-validator';
import { IsDecimalValue } from '../../common/value-validators';

export class ProductComponentInputDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  productId!: string;

  @ApiProperty({ type: String, example: '2', description: 'Default quantity per bundle, more than 0, at most 4 decimals.' })
  @IsDecimalValue()
  quantity!: string;
}

export class ProductComponentDto {
  @ApiProperty() productId!: string;
  @ApiProperty() sku!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ example: '2' }) quantity!: string;
}
