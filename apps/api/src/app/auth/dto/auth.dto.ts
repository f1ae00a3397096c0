import { ApiProperty } from '@nestjs/swagger';
import { IsEmail, IsJWT, IsString, MaxLength, MinLength } from 'class-validator';
import { Role } from '../../common/roles';

export class LoginDto {
  @ApiProperty({ example: 'admin@demo.signet' })
  @IsEmail()
  @MaxLength(254)
  email!: string;

  @ApiProperty({ example: 'signet-demo' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  password!: string;
}

export class RefreshDto {
  @ApiProperty()
  @IsJWT()
  refreshToken!: string;
}

export class TokenPairDto {
  @ApiProperty({ description: 'Short-lived JWT; send as `Authorization: Bearer <token>`.' })
  accessToken!: string;

  @ApiProperty({ description: 'Exchange at POST /api/auth/refresh for a new pair.' })
  refreshToken!: string;

  @ApiProperty({ description: 'Seconds until the access token expires.' })
  expiresIn!: number;
}

export class MeDto {
  @ApiProperty() id!: string;
  @ApiProperty({ enum: ['user', 'api-key'] }) kind!: 'user' | 'api-key';
  @ApiProperty({ required: false }) email?: string;
  @ApiProperty({ required: false }) displayName?: string;
  @ApiProperty({ enum: Role, enumName: 'Role', isArray: true }) roles!: Role[];
}
