import { Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { APP_CONFIG, type AppConfig } from '@ptp/api/config';
import { buildDataSourceOptions } from './data-source-options';
import { DatabaseWrites } from './database-writes.service';
import { DefaultAccountSeeder } from './default-account.seeder';

/** Opens the database (SQLite by default, PostgreSQL for postgres:// URLs) and runs migrations. */
@Global()
@Module({
  imports: [
    TypeOrmModule.forRootAsync({
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => ({
        ...buildDataSourceOptions(config.database),
        autoLoadEntities: true,
      }),
    }),
  ],
  providers: [DefaultAccountSeeder, DatabaseWrites],
  exports: [DatabaseWrites],
})
export class PersistenceModule {}
