import { Body, Controller, Delete, Get, Param, Patch, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  ApiEnvelopeResponse,
  ApiError,
  ApiErrorResponses,
  Audited,
  MinRole,
} from '@ptp/api/shared';
import type { UserSummary } from '@ptp/contracts';
import { CreateUserDto, UpdateUserDto } from '../auth.dto';
import { userSummary, UsersService } from './users.service';

const EXAMPLE_USER: UserSummary = {
  name: 'alice',
  role: 'trader',
  createdAt: '2026-01-05T14:30:00.000Z',
};
const CHANGE_ERRORS = {
  400: ['VALIDATION_FAILED'],
  404: ['USER_NOT_FOUND'],
  409: ['LAST_ADMIN'],
  422: ['INVALID_USER'],
};

/** Admins manage users here as with `npm run users`; both refuse to lose the last admin. */
@ApiTags('users')
@Controller('api/users')
@MinRole('admin')
export class UsersController {
  constructor(private readonly users: UsersService) {}

  @Get()
  @ApiOperation({ summary: 'Every user with their role (admin)' })
  @ApiEnvelopeResponse('The users', [EXAMPLE_USER])
  async list(): Promise<UserSummary[]> {
    return (await this.users.directory.list()).map(userSummary);
  }

  @Post()
  @Audited('user.add')
  @ApiOperation({ summary: 'Add a user (admin)' })
  @ApiEnvelopeResponse('The new user', EXAMPLE_USER, 201)
  @ApiErrorResponses({ ...CHANGE_ERRORS, 409: ['USER_EXISTS'] })
  async add(@Body() body: CreateUserDto): Promise<UserSummary> {
    return userSummary(await this.users.run((d) => d.add(body.name, body.role, body.password)));
  }

  @Patch(':name')
  @Audited('user.update')
  @ApiOperation({
    summary: 'Change a user’s role or password (admin); a new password ends their logins',
  })
  @ApiEnvelopeResponse('The user', EXAMPLE_USER)
  @ApiErrorResponses(CHANGE_ERRORS)
  async update(@Param('name') name: string, @Body() body: UpdateUserDto): Promise<UserSummary> {
    const { role, password } = body;
    if (role === undefined && password === undefined)
      throw ApiError.badRequest('VALIDATION_FAILED', 'Give a new role, a new password or both.');
    const user = await this.users.run(async (directory) => {
      if (password !== undefined) await directory.setPassword(name, password);
      if (role !== undefined) await directory.setRole(name, role);
      return directory.get(name);
    });
    return userSummary(user);
  }

  @Delete(':name')
  @Audited('user.remove')
  @ApiOperation({
    summary: 'Remove a user with their logins and tokens (admin); their accounts stay for admins',
  })
  @ApiEnvelopeResponse('The removed user', EXAMPLE_USER)
  @ApiErrorResponses(CHANGE_ERRORS)
  async remove(@Param('name') name: string): Promise<UserSummary> {
    return userSummary(await this.users.run((d) => d.remove(name)));
  }
}
