import { HttpStatus, Injectable } from '@nestjs/common';
import { DatabaseWrites, type UserEntity } from '@ptp/api/persistence';
import { ApiError } from '@ptp/api/shared';
import type { Role, UserSummary } from '@ptp/contracts';
import { DataSource } from 'typeorm';
import { UserChangeError, UserDirectory } from './user-directory';

const STATUS: Record<UserChangeError['code'], HttpStatus> = {
  USER_EXISTS: HttpStatus.CONFLICT,
  USER_NOT_FOUND: HttpStatus.NOT_FOUND,
  INVALID_USER: HttpStatus.UNPROCESSABLE_ENTITY,
  LAST_ADMIN: HttpStatus.CONFLICT,
};

export function userSummary(user: UserEntity): UserSummary {
  return {
    name: user.name,
    role: user.role as Role,
    createdAt: new Date(user.createdAt).toISOString(),
  };
}

/** The user directory behind the API: its refusals become the envelope's error codes. */
@Injectable()
export class UsersService {
  readonly directory: UserDirectory;

  constructor(dataSource: DataSource, writes: DatabaseWrites) {
    this.directory = new UserDirectory(dataSource, writes);
  }

  async run<T>(change: (directory: UserDirectory) => Promise<T>): Promise<T> {
    try {
      return await change(this.directory);
    } catch (error) {
      if (error instanceof UserChangeError)
        throw new ApiError(STATUS[error.code], error.code, error.message);
      throw error;
    }
  }
}
