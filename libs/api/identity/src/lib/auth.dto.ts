import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ACCOUNT_ID_PATTERN } from '@ptp/api/shared';
import { ROLES, type Role } from '@ptp/contracts';
import { IsIn, IsOptional, IsString, Length, Matches } from 'class-validator';
import { MAX_PASSWORD_LENGTH } from './users/passwords';

export class LoginDto {
  @ApiProperty({ example: 'alice' })
  @IsString()
  @Length(1, 64)
  username!: string;

  @ApiProperty({ example: 'correct horse battery staple' })
  @IsString()
  @Length(1, MAX_PASSWORD_LENGTH)
  password!: string;
}

export class CreateUserDto {
  @ApiProperty({ example: 'bob', description: '1-64 letters, digits, dots, dashes, underscores' })
  @IsString()
  @Length(1, 64)
  name!: string;

  @ApiProperty({ enum: ROLES })
  @IsIn(ROLES)
  role!: Role;

  @ApiProperty({ description: 'At least 8 characters' })
  @IsString()
  @Length(1, MAX_PASSWORD_LENGTH)
  password!: string;
}

export class UpdateUserDto {
  @ApiPropertyOptional({ enum: ROLES })
  @IsOptional()
  @IsIn(ROLES)
  role?: Role;

  @ApiPropertyOptional({ description: 'At least 8 characters; ends the user’s dashboard logins' })
  @IsOptional()
  @IsString()
  @Length(1, MAX_PASSWORD_LENGTH)
  password?: string;
}

export class CreateTokenDto {
  @ApiProperty({ example: 'my-bot' })
  @IsString()
  @Length(1, 100)
  name!: string;

  @ApiPropertyOptional({ description: 'Limit the token to this account', example: 'default' })
  @IsOptional()
  @IsString()
  @Matches(ACCOUNT_ID_PATTERN, { message: 'accountId must be 1-64 letters, digits, _ or -' })
  accountId?: string;

  @ApiPropertyOptional({ enum: ROLES, description: 'At most the owner’s role (the default)' })
  @IsOptional()
  @IsIn(ROLES)
  role?: Role;
}
